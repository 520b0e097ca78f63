"""ChunkTokenizer gives the tokens the tokenizer gives line by line, with or without its chunks remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokenizer import Tokenizer

from gapcheck.knowledge import load_taxonomy
from gapcheck.matching import matcher_for
from gapcheck.matching.tokenizer import ChunkTokenizer, scratch_tokenizer


def _split(chunker: ChunkTokenizer, text: str) -> tuple[list[str], list[int], list[int]]:
    """A text's tokens as words, character offsets and line indexes (what the tests compare)."""
    tokens = chunker.tokens(text)
    return tokens.words, tokens.starts, tokens.lines


LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
TRICKY = (
    "C++/Python, C#, CI/CD and A/B tests (e.g. R. Patel, don't), W&B.\n  indented\tline\u00a0with\u2003spaces \r\n"
    "•Unsupervised ▪Python x-y-z https://github.com/a/b, jo@example.com; 3-4 GPUs\n\n\nend\x0bof\x1ctext"
)


def _texts() -> list[str]:
    files = sorted(p for p in LABELLED.glob("*") if p.suffix in {".txt", ".md"} and p.name != "README.md")
    return [TRICKY, "", "   \n \n", "one"] + [p.read_text(encoding="utf-8") for p in files]


def _line_by_line(tokenizer: Tokenizer, text: str) -> tuple[list[str], list[int], list[int]]:
    words: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        for token in tokenizer(line):
            if not token.is_space:
                words.append(token.text)
                starts.append(offset + token.idx)
                lines.append(line_no)
        offset += len(line) + 1
    return words, starts, lines


@pytest.fixture(scope="module")
def symbol_words() -> tuple[str, ...]:
    return matcher_for(load_taxonomy())._symbol_words


@pytest.mark.parametrize("memo", [20_000, 5])  # a memo of 5 chunks is forgotten within every text
def test_the_chunks_give_the_tokens_of_the_lines(symbol_words: tuple[str, ...], memo: int) -> None:
    plain = scratch_tokenizer(symbol_words)
    chunked = ChunkTokenizer(scratch_tokenizer(symbol_words), memo=memo)
    for text in _texts() * 2:  # the second time from what is remembered
        assert _split(chunked, text) == _line_by_line(plain, text)
    assert len(chunked._known) <= max(memo, len(set(_texts()[-1].split())))
    assert "C++/Python" not in _split(chunked, TRICKY)[0]  # the chunk was split: the comparison is not vacuous


def test_the_whitespace_table_is_what_str_split_splits_on() -> None:
    from gapcheck.matching.tokenizer import _IS_SPACE

    spaces = [code for code in range(0x110000) if chr(code).isspace()]
    assert spaces and max(spaces) < len(_IS_SPACE) - 1  # the last entry stands for every higher code point
    assert [code for code in range(len(_IS_SPACE) - 1) if _IS_SPACE[code]] == spaces
    assert not _IS_SPACE[-1]


def test_characters_beyond_the_table_are_read(symbol_words: tuple[str, ...]) -> None:
    chunked = ChunkTokenizer(scratch_tokenizer(symbol_words))
    text = "a \u3001b Python\u3000R\n\U0001f600x \u3000"
    words, starts, lines = _split(chunked, text)
    assert (words, starts, lines) == _line_by_line(scratch_tokenizer(symbol_words), text)
    assert "R" in words and lines[-1] == 1
