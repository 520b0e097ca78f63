"""The cue phrases' regular expressions: the look-ahead for their first letters keeps every match; the per-line
gate on cue words keeps every cue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gapcheck.matching import english, european
from gapcheck.matching.cues import Cue, CueIndex
from gapcheck.matching.phrases import phrase_regex, words_regex

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(LABELLED.glob("*.txt"))]
INVENTED = (
    "No experience with Kubernetes, but familiar with Docker; however, NOT YET used Helm. Sin experiencia en "
    "aprendizaje automático, conocimientos básicos de SQL. Keine Erfahrung mit Spark, Grundkenntnisse in Go. "
    "Without downtime. Basic knowledge of R, hands-on with none; although whereas Ümlaut-free."
)
LISTS = {
    f"{prefix}{name}": phrases
    for prefix, module in (("", english), ("european.", european))
    for name, phrases in vars(module).items()
    if name.isupper() and isinstance(phrases, tuple) and phrases and all(isinstance(p, str) for p in phrases)
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_the_look_ahead_keeps_every_match(name: str) -> None:
    phrases = LISTS[name]
    plain = re.compile(r"\b" + phrase_regex(phrases) + r"\b", re.I)
    led = re.compile(words_regex(phrases), re.I)
    for text in (INVENTED, *TEXTS):
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_look_ahead_is_there_only_when_every_phrase_opens_with_a_word() -> None:
    assert words_regex(("but", "however")).startswith(r"\b(?=[bh])")
    assert words_regex(("(relevant) coursework",)) == r"\b" + phrase_regex(("(relevant) coursework",)) + r"\b"
    assert words_regex(("no|without …",)).startswith(r"\b(?=[nw])")
    matched = {name for name in LISTS if "(?=[" in words_regex(LISTS[name])}
    assert {"CLAUSE_BREAKS", "NEGATIONS_BEFORE", "european.NEGATIONS_BEFORE"} <= matched  # not vacuous


WRAPPED = (
    "Python (not yet in production), Docker - none, SQL (basic), Rust: no\n"
    "Kubernetes clusters on AWS; Terraform modules\n"
    "Worked with Spark and\n"
    "Airflow pipelines, no experience with\n"
    "Kafka streams, Go\n"
    "\n"
    "Helm - none, Spark (learning)\n"
)


def test_a_line_without_cue_words_skips_the_cue_tests_and_keeps_every_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    """cues() returns early on a line holding no word a cue begins with: the same cues as the full tests, at every
    word of the texts (the full tests forced by reading every line as holding every kind of cue word)."""
    texts = (WRAPPED, INVENTED, *TEXTS)
    spans = [(text, m.start(), m.end()) for text in texts for m in re.finditer(r"\w+", text)]
    gated = [CueIndex(text).cues(start, end) for text, start, end in spans]
    monkeypatch.setattr(CueIndex, "_possible_cues", lambda self, idx: (True, True, True))
    full = [CueIndex(text).cues(start, end) for text, start, end in spans]
    assert gated == full
    assert sum(Cue.NEGATED in found for found in full) >= 5  # not vacuous: cues found, before and after the skill
    assert sum(Cue.HEDGED in found for found in full) >= 3
