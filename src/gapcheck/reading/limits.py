"""Caps that keep a hostile or oversized file from exhausting memory or time.

Each cap is checked before the work it protects: file size before reading, zip sizes before inflating, PDF
content-stream sizes before PDFium parses a page, pages before extracting, XML depth while walking, characters
before cleaning. Every refusal names its cap, with its value, so the user knows what to change; the README's
"Limits" section lists them all. Two caps shorten text instead of refusing it (runs of one character, runs of
punctuation without a space, over-long lines): they only touch text that no resume holds, and they keep every
step after them linear in the input.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace

from gapcheck.errors import TooLargeError, UnsafeDocumentError, UsageError


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024  # the file as stored
    max_pages: int = 40  # PDF pages
    max_chars: int = 200_000  # characters of extracted text (a long CV holds ~30,000; 40 full pages ~200,000)
    max_docx_total_bytes: int = 48 * 1024 * 1024  # sum of the uncompressed sizes of the XML parts read
    max_docx_part_bytes: int = 16 * 1024 * 1024  # one uncompressed part
    max_docx_ratio: float = 200.0  # uncompressed / compressed size of one part (larger parts only)
    max_docx_depth: int = 200  # nesting of XML elements in a DOCX part (real files: under 30)
    max_zip_entries: int = 5_000
    max_pdf_stream_bytes: int = 1024 * 1024  # one inflated PDF stream other than an image (real: < 200 KiB)
    max_pdf_content_bytes: int = 16 * 1024 * 1024  # all of them together (real resumes: under 3 MiB)
    max_line_chars: int = 20_000  # a longer line is broken at a space (or hard, if it has none)
    max_run_chars: int = 100  # a longer run of one repeated character is cut to this length
    max_symbol_run: int = 32  # a longer run of punctuation without a space is broken by spaces
    max_seconds: float = 30.0  # PDF extraction (in a child process) is stopped after this long
    max_child_memory_bytes: int = 480 * 1024 * 1024  # address space of that child process
    isolate_pdf: bool = True  # extract PDF text in a child process, so a crash in native code is an error
    # ... for a PDF larger than this, as stored or inflated (0: every PDF). A child costs ~0.12-0.4 s per file:
    # cheap beside the CLI's start-up (which sets 0), four times a warm analyze() (where only large ones go)
    isolate_pdf_over_bytes: int = 1024 * 1024


DEFAULT_LIMITS = Limits()
ENVIRONMENT = "GAPCHECK_LIMITS"  # e.g. "max_pages=80,max_seconds=60": overrides for every entry point


def limits_from_environment(base: Limits = DEFAULT_LIMITS) -> Limits:
    """``base`` with the overrides of $GAPCHECK_LIMITS ("name=value,..."); UsageError names a bad entry."""
    spec = os.environ.get(ENVIRONMENT, "").strip()
    if not spec:
        return base
    types = {f.name: f.type for f in fields(Limits)}
    changes: dict[str, object] = {}
    for entry in spec.split(","):
        key, _, raw = entry.partition("=")
        key, raw = key.strip(), raw.strip()
        kind = types.get(key)
        try:
            if kind is None:
                raise ValueError
            if kind == "bool":
                if raw.lower() not in ("true", "false", "1", "0"):
                    raise ValueError
                changes[key] = raw.lower() in ("true", "1")
            else:
                value = float(raw) if kind == "float" else int(raw)
                if value < 0:
                    raise ValueError
                changes[key] = value
        except ValueError:
            names = ", ".join(types)
            raise UsageError(f"{ENVIRONMENT}: bad entry {entry.strip()!r} (name=value, names: {names})") from None
    return replace(base, **changes)  # type: ignore[arg-type]


def size_text(n: int) -> str:
    """A size in messages: "20 MiB", "21.3 MiB", "480 MiB"; under a MiB, "10000 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MiB"
    return f"{n} bytes"


def check_file_size(name: str, size: int, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise TooLargeError(f"{name}: file is {size_text(size)}, over the limit of {size_text(limits.max_file_bytes)}")


def check_pages(name: str, pages: int, limits: Limits) -> None:
    if pages > limits.max_pages:
        raise TooLargeError(f"{name}: document has {pages} pages, over the limit of {limits.max_pages} pages")


def check_chars(name: str, chars: int, limits: Limits) -> None:
    if chars > limits.max_chars:
        raise TooLargeError(
            f"{name}: extracted text has {chars} characters, over the limit of {limits.max_chars} characters"
        )


def check_zip_part(name: str, part: str, size: int, compressed: int, limits: Limits) -> None:
    """Refuse a part by its declared sizes, before inflating it."""
    if size > limits.max_docx_part_bytes:
        raise UnsafeDocumentError(
            f"{name}: part {part} would inflate to {size_text(size)}, over the limit of "
            f"{size_text(limits.max_docx_part_bytes)}"
        )
    if size > 1024 * 1024 and size > limits.max_docx_ratio * max(compressed, 1):
        raise UnsafeDocumentError(
            f"{name}: part {part} has a compression ratio over {limits.max_docx_ratio:g} (zip bomb?)"
        )


def check_depth(name: str, part: str, depth: int, limits: Limits) -> None:
    if depth > limits.max_docx_depth:
        raise UnsafeDocumentError(
            f"{name}: part {part} nests XML elements over {limits.max_docx_depth} deep, the limit"
        )


_SYMBOL = r"[^\w\s]|_"


def bound_text(text: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """``text`` with runs of one character cut to ``max_run_chars``, runs of punctuation broken every
    ``max_symbol_run`` characters, and lines broken at ``max_line_chars``. Linear in the length of ``text``.

    spaCy's tokenizer is quadratic in the length of a token made of punctuation ("=====", "!?#*!?#*"), and a
    line's cues are looked up clause by clause: these caps keep both small, whatever the file holds."""
    words = text.split()
    longest = max(map(len, words), default=0)  # the longest word: a run without white space lies in one
    run = limits.max_run_chars
    if run > 0 and (longest > run or any(char * (run + 1) in text for char in _WHITE_SPACE)):
        text = _run_pattern(run).sub(lambda m: m.group(1) * run, text)
        words = text.split()
        longest = max(map(len, words), default=0)
    sym = limits.max_symbol_run
    if sym > 0 and longest > sym:  # such a run holds no space: it lies in one long word (a URL, mostly)
        pattern = _symbol_pattern(sym)
        if any(pattern.search(word) for word in words if len(word) > sym):  # white space before each word
            text = pattern.sub(lambda m: _chunked(m.group(0), sym), text)
    width = limits.max_line_chars
    if width > 0 and len(text) > width:
        text = "\n".join(_wrap(line, width) if len(line) > width else line for line in text.split("\n"))
    return text


_PATTERNS: dict[tuple[str, int], re.Pattern[str]] = {}
# What str.split() splits at (str.isspace; a test checks the list against every code point).
_WHITE_SPACE = tuple(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def _run_pattern(run: int) -> re.Pattern[str]:
    key = ("run", run)
    if key not in _PATTERNS:
        _PATTERNS[key] = re.compile(r"(.)\1{" + str(run) + ",}", re.DOTALL)
    return _PATTERNS[key]


def _symbol_pattern(sym: int) -> re.Pattern[str]:
    key = ("sym", sym)
    if key not in _PATTERNS:
        # (?<!...) anchors a match at the start of a run, so no run is scanned more than once
        _PATTERNS[key] = re.compile(r"(?<![^\w\s])(?<!_)(?:" + _SYMBOL + "){" + str(sym + 1) + ",}")
    return _PATTERNS[key]


def _chunked(run: str, size: int) -> str:
    return " ".join(run[i : i + size] for i in range(0, len(run), size))


def _wrap(line: str, width: int) -> str:
    pieces: list[str] = []
    start = 0
    while len(line) - start > width:
        cut = line.rfind(" ", start + width // 2, start + width + 1)
        if cut < 0:
            pieces.append(line[start : start + width])
            start += width
        else:
            pieces.append(line[start:cut])
            start = cut + 1
    pieces.append(line[start:])
    return "\n".join(pieces)
