"""The blank English tokenizer, taught the symbols that resumes use for skills.

spaCy's blank tokenizer splits ``C#`` into ``C`` + ``#``, ``CI/CD`` into three tokens and keeps ``R.`` (an initial
or the end of a sentence) as one token. Special cases here make each skill symbol one token, so phrase and token
patterns can name it, and split single-letter abbreviations so ``R.`` reads as ``R`` + ``.``.
"""

from __future__ import annotations

from typing import cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

# Each of these stays one token, in every casing listed.
SPECIAL_TOKENS: tuple[str, ...] = (
    "C#",
    "c#",
    "F#",
    "CI/CD",
    "ci/cd",
    "CI-CD",
    "A/B",
    "a/b",
    "R&D",
    "r&d",
    "W&B",
    "w&b",
    "k8s",
    "K8s",
    "K8S",
    ".NET",
    ".net",
    "Node.js",
    "node.js",
    "NodeJS",
    "TCP/IP",
    "UI/UX",
    "P&L",
    "Q&A",
)


def make_nlp() -> Language:
    """A blank English pipeline (tokenizer only) with the skill symbols as special cases."""
    nlp = spacy.blank("en")
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    # Single letters followed by a period ("R.", "C.") are tokenizer exceptions in spaCy's English rules: drop them,
    # so "Python and R." gives the token "R" and "R. Patel" gives "R" "." "Patel" (an initial, rejected later).
    rules = {
        key: value
        for key, value in tokenizer.rules.items()
        if not (len(key) == 2 and key[1] == "." and key[0].isalpha())
    }
    tokenizer.rules = rules
    # A period after a capital or "&" ends a sentence or an initial: "R." -> "R" "."; "W&B." -> "W&B" ".".
    suffixes = [*cast(list[str], nlp.Defaults.suffixes), r"(?<=[A-Z&])\."]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # A slash after a symbol token: "C#/Java", "C++/Python".
    infixes = [*cast(list[str], nlp.Defaults.infixes), r"(?<=[#+])/(?=[A-Za-z.])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for text in SPECIAL_TOKENS:
        tokenizer.add_special_case(text, [{ORTH: text}])
    return nlp
