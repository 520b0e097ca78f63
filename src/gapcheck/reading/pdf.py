"""PDF text extraction behind one small interface, with two engines.

- ``pypdfium2`` (default): PDFium's text page, read in content-stream order. Keeps the spaces that TeX
  engines do not write as characters, follows columns in the order they were drawn, and is fast.
- ``pypdf`` (pure Python; used when pypdfium2 cannot be imported, or when asked for): its plain mode, or its
  layout mode for pages that plain mode breaks into one word per line (Google Docs exports). It loses the
  spaces between words in many XeTeX/LuaTeX files, which pypdfium2 does not.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from gapcheck.errors import CorruptDocumentError, EmptyDocumentError, EncryptedDocumentError, UsageError
from gapcheck.reading.limits import Limits, check_chars, check_pages

ENGINES = ("auto", "pypdfium2", "pypdf")


@dataclass(frozen=True)
class PdfText:
    """The raw text of each page, in page order, and the engine that read it."""

    pages: tuple[str, ...]
    engine: str
    dates: tuple[str, ...] = ()  # the document's ModDate and CreationDate as written ("D:20240129003311-05'00'")


Extractor = Callable[[bytes, str, Limits], PdfText]


def extract_pdf(data: bytes, name: str, limits: Limits, engine: str = "auto") -> PdfText:
    return resolve_engine(engine)(data, name, limits)


def check_engine(engine: str) -> None:
    """Refuse an unknown engine name (without importing either engine)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")


def resolve_engine(engine: str) -> Extractor:
    check_engine(engine)
    if engine == "pypdf":
        return _extract_pypdf
    if engine == "pypdfium2":
        return _extract_pdfium
    try:
        import pypdfium2  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        return _extract_pypdf
    return _extract_pdfium


def _check_chars_so_far(name: str, pages: list[str], limits: Limits) -> None:
    check_chars(name, sum(len(p) for p in pages), limits)


# --- pypdfium2 -------------------------------------------------------------------------------------------------


# PDFium is not thread-safe: one document at a time per process, whichever thread asks.
_PDFIUM_LOCK = threading.Lock()


def _extract_pdfium(data: bytes, name: str, limits: Limits) -> PdfText:
    with _PDFIUM_LOCK:
        return _extract_pdfium_unlocked(data, name, limits)


def _extract_pdfium_unlocked(data: bytes, name: str, limits: Limits) -> PdfText:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _pdfium_error(name, str(exc)) from None
    try:
        count = len(doc)
        if count == 0:
            raise EmptyDocumentError(f"{name}: PDF has no pages")
        check_pages(name, count, limits)
        pages: list[str] = []
        for index in range(count):
            try:
                page = doc[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
            except pdfium.PdfiumError:
                raise CorruptDocumentError(f"{name}: page {index + 1} of the PDF cannot be read") from None
            _check_chars_so_far(name, pages, limits)
        dates = _pdfium_dates(doc)
    finally:
        doc.close()
    return PdfText(tuple(pages), "pypdfium2", dates)


def _pdfium_dates(doc: object) -> tuple[str, ...]:
    try:
        meta = doc.get_metadata_dict()  # type: ignore[attr-defined]
    except Exception:  # metadata is optional: a damaged Info dictionary only loses the file's date
        return ()
    return tuple(str(meta.get(key) or "") for key in ("ModDate", "CreationDate"))


def _pdfium_error(name: str, detail: str) -> Exception:
    if "password" in detail.lower():
        return EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password")
    if "security" in detail.lower():
        return EncryptedDocumentError(f"{name}: PDF uses an unsupported security handler")
    return CorruptDocumentError(f"{name}: PDF is corrupt or truncated and cannot be opened")


# --- pypdf -----------------------------------------------------------------------------------------------------


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs repairs of damaged files ("EOF marker not found") on its logger; the reader reports problems
    through its own errors and warnings only, so that logger is silenced while it runs."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _extract_pypdf(data: bytes, name: str, limits: Limits) -> PdfText:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    with _quiet_pypdf():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except (DependencyError, NotImplementedError):
                    raise EncryptedDocumentError(
                        f"{name}: PDF is encrypted with a method pypdf cannot open here; try --pdf-engine pypdfium2"
                    ) from None
                if not ok:
                    raise EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password")
            count = len(reader.pages)
        except (EncryptedDocumentError, EmptyDocumentError):
            raise
        except FileNotDecryptedError:
            raise EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password") from None
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
            raise CorruptDocumentError(f"{name}: PDF is corrupt or truncated and cannot be opened") from None
        except Exception:  # pypdf raises many kinds on damaged input
            raise CorruptDocumentError(f"{name}: PDF is corrupt or truncated and cannot be opened") from None
        if count == 0:
            raise EmptyDocumentError(f"{name}: PDF has no pages")
        check_pages(name, count, limits)
        pages: list[str] = []
        for index in range(count):
            try:
                page = reader.pages[index]
                plain = page.extract_text() or ""
                if _one_word_per_line(plain):
                    plain = page.extract_text(extraction_mode="layout") or plain
            except FileNotDecryptedError:
                raise EncryptedDocumentError(f"{name}: PDF is encrypted and needs a password") from None
            except Exception:
                raise CorruptDocumentError(f"{name}: page {index + 1} of the PDF cannot be read") from None
            pages.append(plain)
            _check_chars_so_far(name, pages, limits)
        dates = _pypdf_dates(reader)
    return PdfText(tuple(pages), "pypdf", dates)


def _pypdf_dates(reader: object) -> tuple[str, ...]:
    try:
        meta = reader.metadata or {}  # type: ignore[attr-defined]
        return tuple(str(meta.get(key) or "") for key in ("/ModDate", "/CreationDate"))
    except Exception:  # metadata is optional: a damaged Info dictionary only loses the file's date
        return ()


def _one_word_per_line(text: str) -> bool:
    """pypdf's plain mode on Google Docs exports: most lines hold a single word (or only a space)."""
    lines = text.split("\n")
    if len(lines) < 30:
        return False
    short = sum(1 for line in lines if len(line.split()) <= 1)
    return short / len(lines) > 0.6
