"""The hand-labelled set is well formed: every text labelled, labels from the vocabulary, contact details fake."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
SKILL_MINIMUM = REPO_ROOT.parent / "shared" / "skill-minimum.tsv"
KINDS = {"explicit", "paraphrase"}


def _rows(name: str) -> list[list[str]]:
    lines = [line for line in (HERE / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    header, *rows = (line.split("\t") for line in lines if line.strip())
    assert header == (["file", "skill", "kind"] if name == "gold.tsv" else ["file", "years", "ref_date"])
    return rows


def _texts() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if p.suffix in {".txt", ".md"} and p.name != "README.md")


def test_set_size_and_length() -> None:
    texts = _texts()
    assert len(texts) >= 18
    for path in texts:
        words = len(path.read_text(encoding="utf-8").split())
        assert 200 <= words <= 800, (path.name, words)


def test_gold_rows_are_complete_and_unique() -> None:
    rows = _rows("gold.tsv")
    names = {p.name for p in _texts()}
    seen: set[tuple[str, str]] = set()
    for file, skill, kind in rows:
        assert file in names, file
        assert kind in KINDS, (file, skill, kind)
        assert (file, skill) not in seen, (file, skill)
        seen.add((file, skill))
    assert {file for file, _ in seen} == names


@pytest.mark.skipif(not SKILL_MINIMUM.is_file(), reason="shared skill-minimum.tsv not available")
def test_gold_skills_are_vocabulary_names() -> None:
    lines = SKILL_MINIMUM.read_text(encoding="utf-8").splitlines()
    vocabulary = {line.split("\t")[0] for line in lines if line and not line.startswith("#")} - {"name"}
    unknown = {skill for _, skill, _ in _rows("gold.tsv")} - vocabulary
    assert not unknown


def test_gold_years_cover_every_file() -> None:
    rows = _rows("gold-years.tsv")
    assert {file for file, _, _ in rows} == {p.name for p in _texts()}
    for file, years, ref in rows:
        assert 0 <= float(years) <= 50, file
        year, month = (int(part) for part in ref.split("-"))
        date(year, month, 1)  # a valid YYYY-MM


def test_contact_details_are_fake() -> None:
    email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    phone = re.compile(r"(?:\+1[ -]?)?\(?\d{3}\)?[ .-]\d{3,4}(?:[ .-]\d{4})?")
    for path in _texts():
        head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:4])
        emails = email.findall(head)
        assert emails and all(e.endswith("@example.com") for e in emails), path.name
        assert all("555" in p for p in phone.findall(head)), path.name
