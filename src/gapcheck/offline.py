"""Importing spaCy without its command line, so that a run opens no socket at all (importing this module
does it: ``gapcheck.matching`` imports it before anything that imports spaCy).

``import spacy`` runs ``from .cli.info import info``, and ``spacy.cli`` imports every CLI command, among them
``download``, which imports ``requests``; ``urllib3`` (under ``requests``) probes for IPv6 at import by binding a
socket to ``[::1]:0``. Nothing connects, but gapcheck promises to stay offline, so ``import_spacy`` imports spaCy
with ``spacy.cli`` stood in by a stub for the length of that import; the stub is removed after it, so code that
asks for ``spacy.cli`` later gets the real one. gapcheck needs only the tokenizer, Doc, Vocab and the matchers.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy (once) without ``spacy.cli``; see the module docstring."""
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        import spacy
    finally:
        for key, stub in stubs.items():
            if sys.modules.get(key) is stub:
                del sys.modules[key]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # type: ignore[attr-defined]


import_spacy()
