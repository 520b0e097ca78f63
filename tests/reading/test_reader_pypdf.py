"""The pure-Python engine (pypdf) reads as the default one (pypdfium2) does.

qt_runs.pdf places every run of text as Qt's PDF writer (wkhtmltopdf) does: the text matrix set to the page's
corner, then moved with Td. pypdf on its own breaks the line at every such run ("Lumen Labs" / "(2019-Present,
Lyon)"), which changed the years read of a real resume.

tex_spaced.pdf (tests/fixtures/make_fixtures.py) places its words as XeTeX and LuaTeX do: no space characters,
each word gap an offset in a TJ array, in a Type0 font whose code 32 is a wide letter and whose Unicode map has
no space. pypdf on its own judges the gaps by that letter's width, takes every gap for kerning and runs the
words together ("BuiltfullyautomatedCI/CDpipelines"), as it did on two of the real resumes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import match_skills
from gapcheck.reading import read_resume

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = date(2026, 11, 1)


def words(text: str) -> list[str]:
    return text.split()


def test_words_placed_without_spaces_read_alike_by_both_engines() -> None:
    pdfium = read_resume(FIXTURES / "tex_spaced.pdf", pdf_engine="pypdfium2", today=TODAY)
    pypdf = read_resume(FIXTURES / "tex_spaced.pdf", pdf_engine="pypdf", today=TODAY)
    assert words(pypdf.text) == words(pdfium.text)
    assert "Built fully automated CI/CD pipelines for large language models." in pypdf.text.splitlines()
    assert not any("run together" in warning for warning in pypdf.warnings)


def test_skills_of_words_placed_without_spaces_found_with_pypdf() -> None:
    taxonomy = load_taxonomy()
    found = {
        engine: {m.name for m in match_skills(read_resume(FIXTURES / "tex_spaced.pdf", pdf_engine=engine), taxonomy)}
        for engine in ("pypdfium2", "pypdf")
    }
    assert found["pypdf"] == found["pypdfium2"]
    assert {"Large language models", "ML system design", "Software testing", "CI/CD"} <= found["pypdf"]


def test_kerning_inside_words_is_no_gap() -> None:
    """The fixture kerns after T, V, W and Y by 30/1000 em: those stay inside their words."""
    text = read_resume(FIXTURES / "tex_spaced.pdf", pdf_engine="pypdf", today=TODAY).text
    assert {"Veyra", "PyTorch,", "Terraform,"} <= set(words(text))


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_runs_of_text_moved_from_the_corner_keep_their_lines() -> None:
    pdfium = read_resume(FIXTURES / "qt_runs.pdf", pdf_engine="pypdfium2", today=TODAY)
    pypdf = read_resume(FIXTURES / "qt_runs.pdf", pdf_engine="pypdf", today=TODAY)
    assert lines(pypdf.text) == lines(pdfium.text)
    assert "Lumen Labs (2019-Present, Lyon)" in lines(pypdf.text)
    assert [(p.title, p.start, p.end) for p in pypdf.positions] == [(p.title, p.start, p.end) for p in pdfium.positions]


def test_icons_named_by_their_glyphs_are_no_words() -> None:
    """icon_names.pdf draws its contact line's icons from a font whose glyph names no character has: pypdf on its
    own writes the names ("/phone-alt +44 ...", "/github averystone"); both engines leave them out."""
    pdfium = read_resume(FIXTURES / "icon_names.pdf", pdf_engine="pypdfium2", today=TODAY)
    pypdf = read_resume(FIXTURES / "icon_names.pdf", pdf_engine="pypdf", today=TODAY)
    assert words(pypdf.text) == words(pdfium.text)
    assert "+44 20 7946 0000 averystone" in lines(pypdf.text)


def test_pypdf_fonts_are_its_own_again_after_reading() -> None:
    """The space correction lasts only while gapcheck extracts: pypdf's text extraction is its own afterwards."""
    from pypdf import _page
    from pypdf.generic._font import Font

    read_resume(FIXTURES / "tex_spaced.pdf", pdf_engine="pypdf", today=TODAY)
    assert _page.Font is Font


@pytest.mark.parametrize("name", ["one_column.pdf", "two_column.pdf", "side_headings.pdf", "stacked_titles.pdf"])
def test_fpdf2_fixtures_read_alike_by_both_engines(name: str) -> None:
    """fpdf2 maps code 32 to the space in every font it embeds: nothing to correct, the same words as before."""
    pdfium = read_resume(FIXTURES / name, pdf_engine="pypdfium2", today=TODAY)
    pypdf = read_resume(FIXTURES / name, pdf_engine="pypdf", today=TODAY)
    assert words(pypdf.text) == words(pdfium.text)


def test_pypdf_alone_misreads_the_fixtures() -> None:
    """The fixtures show pypdf's own reading (issue #3978; a line broken at a moved matrix; glyph names): when a
    pypdf release reads them as PDFium does, the corrections in gapcheck.reading.pdf (_spaced_font,
    _fold_text_moves, _unnamed_glyphs) can go."""
    import warnings

    import pypdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = pypdf.PdfReader(FIXTURES / "tex_spaced.pdf").pages[0].extract_text()
        runs = pypdf.PdfReader(FIXTURES / "qt_runs.pdf").pages[0].extract_text()
        icons = pypdf.PdfReader(FIXTURES / "icon_names.pdf").pages[0].extract_text()
    assert "BuiltfullyautomatedCI/CDpipelines" in raw
    assert "Lumen Labs \n(2019-Present, Lyon)" in runs
    assert "/github averystone" in icons


def test_a_pypdf_whose_internals_differ_reads_uncorrected_without_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The corrections lean on pypdf's private ``_page.Font``: where a release moves it, pypdf reads as it
    reads (words may run together), and no error of ours stops the read."""
    from pypdf import _page
    from pypdf.generic._font import Font

    class Moved(Font):  # pypdf's page module no longer using the Font class where we expect it
        pass

    monkeypatch.setattr(_page, "Font", Moved)
    resume = read_resume(FIXTURES / "tex_spaced.pdf", pdf_engine="pypdf", today=TODAY)
    assert resume.text.strip()
    assert _page.Font is Moved  # left as found: nothing of ours was put in its place
