"""Quoting a match: the sentence found around it, and a Quoter (one per resume) quoting as quote() does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.report.text import Quoter, quote, sentence_around

# Pieces that make sentence starts and ends, wrapped lines, list items and bullets.
PIECES = st.sampled_from(["Built", "python", "SQL", " ", "  ", "\n", "\n\n", ". ", ".", "! ", "? ", "\t", "- ", "• ",
                          "1) ", ",", "and", "the", "(", "Docker"])


def test_the_sentence_starts_at_the_nearest_stop_that_holds() -> None:
    text = "Led a team. Wrote the tools. built in Go and then. Shipped Python services to production."
    at = text.index("Python")
    assert sentence_around(text, at, at + 6) == "Shipped Python services to production."
    # "Wrote ... built": a space after a sentence end before a lower-case word does not start a sentence
    at = text.index("Go")
    assert sentence_around(text, at, at + 2) == "Wrote the tools. built in Go and then."


def test_a_stop_beyond_the_window_does_not_start_the_sentence() -> None:
    text = "Intro. " + "word " * 100 + "Python here."
    at = text.index("Python")
    quoted = sentence_around(text, at, at + 6, width=1000)
    assert quoted.startswith("word") and quoted.endswith("Python here.")  # the window is 400 characters


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=80), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 12)), max_size=12))
def test_a_quoter_quotes_as_quote_does(pieces: list[str], spans: list[tuple[int, int]]) -> None:
    text = "".join(pieces)
    quoter = Quoter(text)  # one Quoter for every span: its line-break answers are kept between them
    for start, length in spans:
        start = min(start, len(text))
        end = min(start + length, len(text))
        matched = text[start:end]
        assert quoter(matched, matched, start, end) == quote(text, matched, matched, start, end)
        assert quoter(matched, matched, start, end, 40) == sentence_around(text, start, end, 40)
        assert quoter("Python and SQL", "SQL", 0, 0) == quote(text, "Python and SQL", "SQL", 0, 0)
