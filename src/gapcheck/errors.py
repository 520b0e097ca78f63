"""The errors gapcheck raises on bad input or bad data.

Every error carries a one-line message that names the file (or entry) and the problem, never any
resume text. The CLI prints that line on stderr and exits with code 2.
"""

from __future__ import annotations

import re

# Characters a terminal would act on rather than show: C0 and C1 controls, DEL, bidirectional overrides and
# isolates, line and paragraph separators, and lone surrogates (undecodable bytes of a file name).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape (``\\x1b``, ``\\u202e``);
    a byte of a file name that was not UTF-8 (a lone surrogate from surrogateescape) as ``\\xNN``."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class GapcheckError(Exception):
    """Base class of every error gapcheck raises on purpose."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        # One line only, and nothing a terminal acts on (file names are the user's): printed as-is by the CLI.
        super().__init__(printable(" ".join(message.split())))

    @property
    def message(self) -> str:
        return str(self.args[0])


class InputError(GapcheckError):
    """The resume (or job posting) cannot be read."""


class MissingFileError(InputError):
    """The path does not exist."""


class NotAFileError(InputError):
    """The path is a directory or another non-regular file."""


class UnsupportedFormatError(InputError):
    """The content is not PDF, DOCX, plain text or Markdown."""


class EmptyDocumentError(InputError):
    """The file, or the text it holds, is empty."""


class CorruptDocumentError(InputError):
    """The file is truncated or damaged."""


class EncryptedDocumentError(InputError):
    """The PDF needs a password."""


class NoTextLayerError(InputError):
    """The PDF has no usable text layer (scanned image, or fonts without a Unicode map): it needs OCR."""


class TooLargeError(InputError):
    """The file exceeds a cap on size, pages or extracted characters."""


class UnsafeDocumentError(InputError):
    """The file would inflate past a cap (zip bomb) or uses XML features that are never resolved."""


class TaxonomyError(GapcheckError):
    """The taxonomy data is invalid; the message names the file and the entry at fault."""


class UsageError(GapcheckError):
    """A bad argument: unknown level, unknown format, unknown PDF engine."""


class UnknownLevelError(UsageError):
    """A level id that the taxonomy does not define."""
