"""Caps that keep a hostile or oversized file from exhausting memory or time.

Every cap is named in the error message it causes, with its value, so the user knows what to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from gapcheck.errors import TooLargeError, UnsafeDocumentError


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024  # the file as stored
    max_pages: int = 40  # PDF pages
    max_chars: int = 400_000  # characters of extracted text (a long CV holds ~30,000)
    max_docx_total_bytes: int = 64 * 1024 * 1024  # sum of the uncompressed sizes of the XML parts read
    max_docx_part_bytes: int = 32 * 1024 * 1024  # one uncompressed part
    max_docx_ratio: float = 200.0  # uncompressed / compressed size of one part (larger parts only)
    max_zip_entries: int = 5_000


DEFAULT_LIMITS = Limits()


def _mib(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB"
    return f"{n} bytes"


def check_file_size(name: str, size: int, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise TooLargeError(f"{name}: file is {_mib(size)}, over the limit of {_mib(limits.max_file_bytes)}")


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
            f"{name}: part {part} would inflate to {_mib(size)}, over the limit of {_mib(limits.max_docx_part_bytes)}"
        )
    if size > 1024 * 1024 and size > limits.max_docx_ratio * max(compressed, 1):
        raise UnsafeDocumentError(
            f"{name}: part {part} has a compression ratio over {limits.max_docx_ratio:g} (zip bomb?)"
        )
