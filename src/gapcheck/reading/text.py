"""Decoding text files: UTF-8, UTF-8 with BOM, UTF-16 with BOM; anything else with replacement and a warning."""

from __future__ import annotations

import codecs


def decode_text(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The text of ``data`` and any warnings. Never raises on bad bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), _replaced(data, "utf-8-sig", name)
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return data.decode("utf-32", errors="replace"), _replaced(data, "utf-32", name)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), _replaced(data, "utf-16", name)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    return text, (f"{name}: text is not valid UTF-8; undecodable bytes were replaced",)


def _replaced(data: bytes, encoding: str, name: str) -> tuple[str, ...]:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return (f"{name}: text is not valid {encoding.upper()}; undecodable bytes were replaced",)
    return ()


def looks_binary(data: bytes) -> bool:
    """True when ``data`` (without a UTF-16/32 BOM) is not text: NUL bytes or many control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05
