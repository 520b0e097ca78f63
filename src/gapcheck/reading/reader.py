"""read_resume and read_text: a file (or text) in, a Resume out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gapcheck.errors import EmptyDocumentError, NoTextLayerError, UsageError, printable
from gapcheck.reading.docx import extract_docx
from gapcheck.reading.filedate import docx_date, pdf_date
from gapcheck.reading.history import (
    academic_posts,
    compute_years,
    experience_fallback,
    find_positions,
    find_stated_years,
)
from gapcheck.reading.limits import Limits, check_chars, limits_from_environment
from gapcheck.reading.model import Resume, Section, SectionKind
from gapcheck.reading.normalize import normalize_text
from gapcheck.reading.pdf import check_engine, extract_pdf
from gapcheck.reading.sections import split_sections
from gapcheck.reading.source import SourceFile, open_source
from gapcheck.reading.text import decode_text
from gapcheck.reading.textlayer import TextLayer, find_shift, page_is_blank, shift_text
from gapcheck.reading.written import written_date

FORMATS = ("text", "markdown", "pdf", "docx")


def read_resume(
    source: str | Path | bytes | SourceFile,
    *,
    today: date | None = None,
    pdf_engine: str = "auto",
    source_name: str | None = None,
    limits: Limits | None = None,
) -> Resume:
    """Read a resume file (PDF, DOCX, plain text or Markdown; the type is judged by content) into a Resume.

    ``source`` is a path, the file's bytes, or a file opened already (``reading.source.open_ahead``, which names
    it). ``today`` is what "Present" means (default: today). ``source_name`` names the file in messages (default:
    the path's file name, or "<bytes>")."""
    check_engine(pdf_engine)
    limits = limits_from_environment() if limits is None else limits
    if not isinstance(source, SourceFile):
        source = open_source(source, source_name, limits)
    elif source.limits != limits:  # opened under other caps: checked again under these
        source = open_source(source.data, source.name, limits)
    data, name, kind = source.data, source.name, source.kind
    warnings: list[str] = []
    pages: int | None = None
    file_date: date | None = None
    if kind == "pdf":
        pdf = extract_pdf(data, name, limits, pdf_engine, source.inflated)
        pages = len(pdf.pages)
        file_date = pdf_date(pdf.dates)
        cleaned = [normalize_text(page, soft_hyphen_visible=True, limits=limits) for page in pdf.pages]
        blank = [page_is_blank(page) for page in cleaned]
        if all(blank):
            raise NoTextLayerError(f"{name}: PDF has no text layer (scanned or image-only?); it needs OCR")
        warnings.extend(f"page {number} has no text layer" for number, empty in enumerate(blank, start=1) if empty)
        text = "\n\n".join(page for page in cleaned if page)
        layer = TextLayer(text)
        garbage = layer.is_garbage()
        if garbage or layer.is_not_language():
            text = _unshifted(text, pdf.pages, name, garbage, warnings)
            layer = TextLayer(text)
        if pdf.engine == "pypdf" and layer.runs_together():
            warnings.append("many words run together in pypdf's extraction; pypdfium2 reads this file better")
        if pdf.engine == "pypdf" and pdf_engine == "auto":
            warnings.append("pypdfium2 is not installed; read with pypdf")
    elif kind == "docx":
        text = normalize_text(extract_docx(data, name, limits), limits=limits)
        file_date = docx_date(data)
    else:
        decoded, decode_warnings = decode_text(data, name)
        warnings.extend(decode_warnings)
        check_chars(name, len(decoded), limits)  # before cleaning, which is linear but not free
        text = normalize_text(decoded, limits=limits)
    if not text.strip():
        raise EmptyDocumentError(f"{name}: document holds no text")
    check_chars(name, len(text), limits)
    return _build(text, kind, pages, tuple(warnings), _file_name(name), today, file_date)


def read_text(
    text: str, *, today: date | None = None, source_name: str = "", format: str = "text", limits: Limits | None = None
) -> Resume:
    """A Resume from text already extracted (a job posting, or ``analyze_text``): same cleaning, sections and
    work history as read_resume. ``limits`` as in read_resume (default: the defaults with $GAPCHECK_LIMITS)."""
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    name = source_name or "<text>"
    limits = limits_from_environment() if limits is None else limits
    check_chars(name, len(text), limits)
    cleaned = normalize_text(text, soft_hyphen_visible=format == "pdf", limits=limits)
    if not cleaned.strip():
        raise EmptyDocumentError(f"{name}: text is empty")
    return _build(cleaned, format, None, (), _file_name(source_name), today)


def _build(
    text: str,
    kind: str,
    pages: int | None,
    warnings: tuple[str, ...],
    name: str,
    today: date | None,
    file_date: date | None = None,
) -> Resume:
    sections = split_sections(text)
    written = written_date(text, sections, file_date, today, date.today())
    reference = written.when
    sections = experience_fallback(text, sections, reference)
    sections = academic_posts(text, sections, reference)
    positions = find_positions(text, sections, reference)
    years = compute_years(positions, find_stated_years(text, sections))
    notes = [written.note] if written.note else []
    if years.total is None:
        notes.append(_no_history_reason(sections))
    elif years.stated is None and not any(p.counted for p in positions):
        notes.append("dated entries were found, but none is work (education, breaks or volunteering only)")
    return Resume(
        text=text,
        sections=sections,
        positions=positions,
        years_experience=years.total,
        format=kind,
        pages=pages,
        warnings=(*warnings, *notes),
        source_name=name,
        years_work=years.work,
        years_internship=years.internship,
        years_stated=years.stated,
        reference_date=reference,
        reference_source=written.source,
    )


def _unshifted(text: str, raw_pages: tuple[str, ...], name: str, garbage: bool, warnings: list[str]) -> str:
    """A text layer that is not language: repaired when one constant code shift turns it into language (a font
    whose glyph codes are the letters moved by a constant), else refused as needing OCR."""
    shift = find_shift(text)
    if shift is None:
        what = "decodes to garbage" if garbage else "is not language"
        raise NoTextLayerError(f"{name}: PDF text layer {what} (fonts without a Unicode map); it needs OCR")
    warnings.append(
        f"the PDF's fonts have no Unicode map: its text was decoded by moving every character {shift:+d} code "
        "points; check the result (OCR would be safer)"
    )
    # shifted back from the raw pages: the digits and punctuation of such fonts often decode to control
    # characters, which cleaning would drop
    pages = [normalize_text(shift_text(page, shift), soft_hyphen_visible=True) for page in raw_pages]
    return "\n\n".join(page for page in pages if page)


def _no_history_reason(sections: tuple[Section, ...]) -> str:
    """Why no years could be read: said in the warnings rather than left as a silent 'unknown'."""
    experience = [s for s in sections if s.kind is SectionKind.EXPERIENCE]
    if not experience:
        return "no work history read: no experience section was found (no heading such as 'Experience')"
    return (
        "no work history read: the experience section holds no date range the reader knows (e.g. 'Jan 2020 – Present')"
    )


def _file_name(name: str) -> str:
    if not name or name.startswith("<"):
        return ""
    return printable(Path(name).name)  # a report names the file; a terminal must not act on its name



__all__ = ["FORMATS", "read_resume", "read_text"]
