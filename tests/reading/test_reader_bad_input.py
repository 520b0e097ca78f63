"""Every bad input raises its own GapcheckError subclass, with a one-line message that names the file (its
name only) and the problem, and never any text of the resume."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gapcheck.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    GapcheckError,
    MissingFileError,
    NotAFileError,
    NoTextLayerError,
    TooLargeError,
    UnsafeDocumentError,
    UnsupportedFormatError,
)
from gapcheck.reading import Limits, read_resume, read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

CASES = [
    ("empty.txt", EmptyDocumentError, "file is empty"),
    ("blank.txt", EmptyDocumentError, "file is empty"),
    ("garbage.bin", UnsupportedFormatError, "binary content"),
    ("png_named.pdf", UnsupportedFormatError, "PNG image"),
    ("odt_like.zip", UnsupportedFormatError, "not a DOCX"),
    ("encrypted.pdf", EncryptedDocumentError, "needs a password"),
    ("image_only.pdf", NoTextLayerError, "needs OCR"),
    ("garbage_text.pdf", NoTextLayerError, "needs OCR"),
    ("truncated.pdf", CorruptDocumentError, "corrupt or truncated"),
    ("corrupt.docx", CorruptDocumentError, "not well-formed XML"),
    ("truncated.docx", CorruptDocumentError, "corrupt or truncated"),
    ("xxe.docx", UnsafeDocumentError, "DOCTYPE or ENTITY"),
    ("zip_bomb.docx", UnsafeDocumentError, "compression ratio over 200"),
]


def _check_message(error: GapcheckError, name: str) -> None:
    message = error.message
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    assert str(FIXTURES) not in message  # the file name, never the full path
    for secret in ("Zephyrine", "Kubernetes", "Python", "passwd", "Casey"):
        assert secret not in message


@pytest.mark.parametrize("engine", ["pypdfium2", "pypdf"])
@pytest.mark.parametrize(("name", "error", "problem"), CASES)
def test_bad_file(name: str, error: type[GapcheckError], problem: str, engine: str) -> None:
    if engine == "pypdf" and not name.endswith(".pdf"):
        pytest.skip("the PDF engine only matters for PDFs")
    with pytest.raises(error) as caught:
        read_resume(FIXTURES / name, pdf_engine=engine)
    assert problem in caught.value.message
    _check_message(caught.value, name)


@pytest.mark.parametrize(("name", "error", "problem"), CASES)
def test_bad_bytes(name: str, error: type[GapcheckError], problem: str) -> None:
    with pytest.raises(error) as caught:
        read_resume((FIXTURES / name).read_bytes(), source_name=name)
    assert problem in caught.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError) as caught:
        read_resume(tmp_path / "nowhere.pdf")
    assert caught.value.message == "nowhere.pdf: no such file"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "cv.pdf"
    folder.mkdir()
    with pytest.raises(NotAFileError, match=r"^cv\.pdf: is a folder, not a file$"):
        read_resume(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_not_a_file(tmp_path: Path) -> None:
    pipe = tmp_path / "cv.txt"
    os.mkfifo(pipe)
    with pytest.raises(NotAFileError, match="not a regular file"):
        read_resume(pipe)


def test_caps_name_their_limit() -> None:
    with pytest.raises(TooLargeError, match=r"^one_column\.pdf: file is \d+ bytes, over the limit of 10000 bytes$"):
        read_resume(FIXTURES / "one_column.pdf", limits=Limits(max_file_bytes=10_000))
    with pytest.raises(TooLargeError, match=r"blank_page\.pdf: document has 3 pages, over the limit of 2 pages"):
        read_resume(FIXTURES / "blank_page.pdf", limits=Limits(max_pages=2))
    with pytest.raises(TooLargeError, match=r"plain\.txt: extracted text has \d+ characters, over the limit of 50"):
        read_resume(FIXTURES / "plain.txt", limits=Limits(max_chars=50))
    with pytest.raises(TooLargeError, match="over the limit of 50 characters"):
        read_resume(FIXTURES / "table_layout.docx", limits=Limits(max_chars=50))


def test_zip_part_over_the_size_cap(tmp_path: Path) -> None:
    source = FIXTURES / "table_layout.docx"
    with pytest.raises(UnsafeDocumentError, match=r"part word/document\.xml would inflate to .* over the limit"):
        read_resume(source, limits=Limits(max_docx_part_bytes=1000))


def test_part_inflating_past_its_declared_size(tmp_path: Path) -> None:
    """A zip whose central directory understates a part's size: zipfile stops inflating at the declared size,
    so the data fails its CRC check and the file is refused as corrupt rather than inflated."""
    data = bytearray((FIXTURES / "table_layout.docx").read_bytes())
    index = data.find(b"PK\x01\x02")
    while index >= 0:
        name_length = int.from_bytes(data[index + 28 : index + 30], "little")
        if bytes(data[index + 46 : index + 46 + name_length]) == b"word/document.xml":
            data[index + 24 : index + 28] = (10).to_bytes(4, "little")  # uncompressed size
            break
        index = data.find(b"PK\x01\x02", index + 4)
    assert index >= 0
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    expected = r"^liar\.docx: DOCX part word/document\.xml is corrupt or truncated$"
    with pytest.raises(CorruptDocumentError, match=expected):
        read_resume(liar)


def test_empty_text() -> None:
    with pytest.raises(EmptyDocumentError, match=r"^posting\.txt: text is empty$"):
        read_text(" \u200b\n ", source_name="posting.txt")


def test_docx_without_text(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "blank.docx"
    Document().save(str(path))
    with pytest.raises(EmptyDocumentError, match=r"^blank\.docx: document holds no text$"):
        read_resume(path)


def test_legacy_word_doc_is_named() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    with pytest.raises(UnsupportedFormatError, match=r"^cv\.doc: a legacy Word \.doc"):
        read_resume(data, source_name="cv.doc")


def test_utf16_doctype_is_refused(tmp_path: Path) -> None:
    """A DOCTYPE hidden from a byte search by UTF-16 encoding is still found."""
    import io
    import zipfile

    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        "<w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
    ).encode("utf-16")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    path = tmp_path / "u16.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnsafeDocumentError, match=r"^u16\.docx: part word/document\.xml declares a DOCTYPE"):
        read_resume(path)


def test_auto_engine_falls_back_to_pypdf_without_pypdfium2(monkeypatch: pytest.MonkeyPatch) -> None:
    """With pypdfium2 not importable, "auto" reads with pypdf (and still reads the file)."""
    import sys

    from gapcheck.reading.pdf import resolve_engine

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # makes `import pypdfium2` raise ImportError
    assert resolve_engine("auto").__name__ == "_extract_pypdf"
    resume = read_resume(FIXTURES / "one_column.pdf")
    assert "Northwind Labs" in resume.text
    assert resume.warnings == ("pypdfium2 is not installed; read with pypdf",)


EXAMPLE_PDF = Path(__file__).resolve().parents[2] / "examples" / "junior-ml" / "resume.pdf"
NO_ROOM_FOR_A_CHILD = 8 * 1024 * 1024  # a child Python with spaCy-free imports cannot start in this address space


def test_library_extracts_small_pdfs_in_process_and_large_ones_in_a_child() -> None:
    """The library isolates a PDF only when it is large (a child costs more than a warm analysis): with the child's
    memory capped too small for any child to start, a small PDF still reads, and the same PDF fails once every
    PDF must go to a child."""
    from dataclasses import replace

    from gapcheck.reading import DEFAULT_LIMITS

    cramped = replace(DEFAULT_LIMITS, max_child_memory_bytes=NO_ROOM_FOR_A_CHILD)
    assert EXAMPLE_PDF.stat().st_size < cramped.isolate_pdf_over_bytes
    assert "Python" in read_resume(EXAMPLE_PDF, limits=cramped).text
    with pytest.raises(CorruptDocumentError):
        read_resume(EXAMPLE_PDF, limits=replace(cramped, isolate_pdf_over_bytes=0))


def test_cli_extracts_every_pdf_in_a_child_and_honours_gapcheck_limits() -> None:
    """From the CLI every PDF goes to the child (a crash in PDFium is then one line and exit 2), and
    $GAPCHECK_LIMITS reaches the CLI and the API alike."""
    from typer.testing import CliRunner

    from gapcheck import analyze
    from gapcheck.command import app

    env = {"GAPCHECK_LIMITS": f"max_child_memory_bytes={NO_ROOM_FOR_A_CHILD}"}
    result = CliRunner().invoke(app, [str(EXAMPLE_PDF), "--format", "json"], env=env)
    assert result.exit_code == 2 and "PDF engine failed" in result.output
    assert analyze(EXAMPLE_PDF).best_fit_level  # without the override the same file reads
    os.environ["GAPCHECK_LIMITS"] = "max_chars=10"
    try:
        with pytest.raises(TooLargeError):
            analyze(EXAMPLE_PDF)
    finally:
        del os.environ["GAPCHECK_LIMITS"]
