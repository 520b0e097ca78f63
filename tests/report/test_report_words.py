"""The reports read as written for a person: short by default, with their evidence, citations that add up, and
sentences without templates ("0 months", ids, wrong plurals). Checked on the bundled examples' default outputs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from report_examples import case_id, example_output, golden

from gapcheck.knowledge import load_taxonomy
from gapcheck.report.text import sentence_around

MAX_TERMINAL_LINES = 100  # two screens of a typical terminal (the examples: 89-96 lines at width 100)


def cases() -> list[Any]:
    return [c for c in golden.CASES if (golden.EXAMPLES / c.folder / c.resume).exists()]


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_default_terminal_report_fits_two_screens(case: Any) -> None:
    out = example_output(case)
    lines = out.terminal.splitlines()
    assert len(lines) < MAX_TERMINAL_LINES
    assert max(len(line) for line in lines) <= golden.TERMINAL_WIDTH
    assert all(line == line.rstrip() for line in lines), "trailing padding"
    shown = re.findall(r"^ {0,2}(\d+)\. ", out.terminal, re.M)
    gaps = out.data["gaps"]
    assert [g["name"] for g in gaps[:10]] == [
        g["name"] for g in gaps[:10] if re.search(rf"^ *{g['rank']}\. {re.escape(g['name'])}  ", out.terminal, re.M)
    ]
    assert len(gaps) <= 10 or f"The first 10 of {len(gaps)} gaps" in out.terminal
    assert shown  # numbered gaps and plan stages


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_every_shown_skill_has_its_sentence_in_markdown(case: Any) -> None:
    out = example_output(case)
    block = out.markdown.split("## What shows them in use", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^- \*\*(.+?):\*\* “(.+?)” \((\w[\w ]*)\)$", block, re.M)
    assert rows
    named = {name.replace("\\", "") for names, _, _ in rows for name in names.split(", ")}
    demonstrated = {s["name"] for s in out.data["skills"] if s["strength"] == "demonstrated" and s["evidence"]}
    assert demonstrated <= named
    for _, quote, where in rows:
        assert where in ("Experience", "Projects", "Skills", "Summary", "Education", "Certifications", "Other")
        assert quote[:1].isupper() or quote[:1].isdigit() or quote.startswith("…"), quote
        assert quote[-1] in ".!?)…%" or quote[-1].isalnum(), quote


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_evidence_is_cut_at_word_boundaries(case: Any) -> None:
    resume_words = set()
    for skill in example_output(case).data["skills"]:
        for ev in skill["evidence"]:
            text = ev["text"].strip("…")
            assert ev["matched"].split()[0].lower() in ev["text"].lower()
            resume_words.update(re.findall(r"[A-Za-z]+", text))
    source = golden.EXAMPLES / case.folder
    raw = " ".join(p.read_text(encoding="utf-8") for p in source.glob("resume.*") if p.suffix in (".txt", ".md"))
    if raw:
        known = set(re.findall(r"[A-Za-z]+", raw))
        cut_words = sorted(w for w in resume_words if w not in known)
        assert not cut_words, f"words cut in the middle: {cut_words[:10]}"


def test_wrapped_pdf_lines_are_joined_into_the_sentence() -> None:
    text = (
        "EXPERIENCE\n• Trained a random forest classifier that flags fraudulent returns; evaluated it with "
        "precision and\nrecall on a held-out month.\n• Presented findings to stakeholders.\nSKILLS\nPython, SQL\nDocker"
    )
    at = text.index("precision and\nrecall")
    assert sentence_around(text, at, at + len("precision and\nrecall")) == (
        "Trained a random forest classifier that flags fraudulent returns; evaluated it with precision and recall "
        "on a held-out month."
    )
    at = text.index("SQL")
    assert sentence_around(text, at, at + 3) == "Python, SQL"  # a list line is not joined to the next item
    at = text.index("stakeholders")
    assert sentence_around(text, at, at + 12) == "Presented findings to stakeholders."
    long = "Built " + "very " * 60 + "large Kubernetes clusters and " + "more " * 60 + "things."
    at = long.index("Kubernetes")
    cut = sentence_around(long, at, at + 10, width=60)
    assert "Kubernetes" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) <= 62
    assert all(w in ("very", "large", "Kubernetes", "clusters", "and", "more") for w in cut.strip("…").split())


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_citations_add_up_and_name_guides_by_short_title(case: Any) -> None:
    out = example_output(case)
    taxonomy = load_taxonomy(None)
    shorts = {s.key: s.short for s in taxonomy.sources}
    guides = {g["key"]: g for g in out.data["guides"]}
    assert set(guides) == set(shorts) and all(g["short"] == shorts[k] for k, g in guides.items())
    for gap in out.data["gaps"]:
        keys = list(dict.fromkeys(ref["source"] for ref in gap["sources"]))
        said = re.search(r"(\d+) guides? asks? for it: (.*)\.$", gap["why"])
        assert said is not None, gap["why"]
        assert int(said.group(1)) == len(keys), gap["why"]
        for key in keys:  # each guide once, by its short title, with all its sections
            assert gap["why"].count(shorts[key] + " (") + gap["why"].count(shorts[key] + ";") <= 1
            assert shorts[key] in said.group(2)
        assert "guide 0" not in gap["why"]
    legend = out.markdown.split("## Guides cited", 1)[1]
    listed = re.findall(r"^- \*\*(.+?):\*\*", legend, re.M)
    cited = {shorts[r["source"]] for g in out.data["gaps"][:10] for r in g["sources"]}
    assert set(listed) == cited and len(listed) == len(cited)


TEMPLATED = [
    (r"\b0 months\b", "a duration of 0 months"),
    (r"\babout 0(?:\.0)? ", "a duration from 0"),
    (r"\b1 (?:sections|pages|guides|gaps|years|skills)\b", "a singular count with a plural"),
    (r"\bguide \d{3}\b", "a guide by its file number"),
]


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_sentences_are_not_templates(case: Any) -> None:
    out = example_output(case)
    skill_ids = {s.id for s in load_taxonomy(None).skills}
    for text in (out.terminal, out.markdown):
        for pattern, what in TEMPLATED:
            assert not re.search(pattern, text), f"{what}: {re.search(pattern, text)}"
    for gap in out.data["gaps"]:
        said = gap["next_step"]["text"]
        assert re.match(r"(?:Learn|Earn|Show) it\b", said), said  # no "Learn Git"
        assert said.startswith("Earn") == (gap["kind"] == "missing" and gap["category"] == "certification"), said
        follows = re.search(r"follows from ([\w .+/-]+)", gap["why"])
        assert follows is None or follows.group(1) not in skill_ids, f"an id instead of a name: {gap['why']}"


def test_resources_are_chosen_for_the_skill() -> None:
    taxonomy = load_taxonomy(None)
    foundations = taxonomy.stage("software-foundations")
    assert "LeetCode (medium problems)" in foundations.resources
    for skill in ("software-testing", "code-review", "git"):
        assert "LeetCode (medium problems)" not in foundations.resources_for(skill), skill
    assert "LeetCode (medium problems)" in foundations.resources_for("data-structures-algorithms")
    interview = taxonomy.stage("interview-prep")
    assert interview.resources_for("ml-system-design") == ("Machine Learning System Design Interview (book)",)
    classical = taxonomy.stage("classical-ml")
    assert classical.resources_for("clustering") == classical.resources  # names without skills serve the stage
    for case in cases():
        for gap in example_output(case).data["gaps"]:
            stage = (gap["next_step"] or {}).get("stage")
            if stage:
                allowed = taxonomy.stage(stage["id"]).resources_for(gap["id"])
                assert set(gap["next_step"]["resources"]) <= set(allowed), gap["id"]


def test_a_resource_for_an_unknown_skill_is_refused(tmp_path: Any) -> None:
    import shutil

    from gapcheck.errors import TaxonomyError
    from gapcheck.knowledge.loader import builtin_taxonomy_dir

    folder = tmp_path / "taxonomy"
    shutil.copytree(builtin_taxonomy_dir(), folder)
    learning = folder / "learning.toml"
    text = learning.read_text(encoding="utf-8")
    learning.write_text(text.replace('skills = ["data-structures-algorithms", "python"]', 'skills = ["leet"]', 1))
    with pytest.raises(TaxonomyError, match=r"learning\.toml.*stage 'software-foundations'.*unknown skill 'leet'"):
        load_taxonomy(folder)


def test_the_orders_are_the_enums_and_the_taxonomy_agrees() -> None:
    from gapcheck.knowledge import load_taxonomy
    from gapcheck.knowledge.model import Importance, Strength
    from gapcheck.report.text import strength_rank

    assert Strength.DEMONSTRATED.rank == 0 and Importance.REQUIRED.rank == 0
    # serialized strengths sort as the enum does; an unknown one sorts last
    assert sorted(["implied", "bogus", "listed", "demonstrated"], key=strength_rank) == [
        "demonstrated", "listed", "implied", "bogus"
    ]
    # the built-in taxonomy's numbers follow the declared orders: a higher importance never weighs less, a place
    # seen directly never counts less than a weaker one (implied is not seen: its factor is the taxonomy's choice)
    scoring = load_taxonomy().scoring
    weights = [scoring.importance_weights[i.value] for i in Importance]
    factors = [scoring.strength_factors[s.value] for s in Strength if s is not Strength.IMPLIED]
    assert weights == sorted(weights, reverse=True)
    assert factors == sorted(factors, reverse=True)


def test_rendering_a_saved_report_does_not_load_the_matcher() -> None:
    import subprocess
    import sys

    code = (
        "import sys, json; from gapcheck.report.html_page import render_html; "
        "from gapcheck.report.markdown import render_markdown_data; "
        "from gapcheck.report.terminal import render_terminal_data; "
        "print('spacy' in sys.modules, 'gapcheck.matching' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_one_serializer_walks_the_dataclasses() -> None:
    from dataclasses import dataclass
    from datetime import date
    from enum import StrEnum

    from gapcheck.report.serialize import to_json

    class Kind(StrEnum):
        MISSING = "missing"

    @dataclass(frozen=True)
    class Inner:
        kind: Kind
        when: date

    @dataclass(frozen=True)
    class Outer:
        name: str
        items: tuple[Inner, ...]
        extra: float | None

    value = Outer("x", (Inner(Kind.MISSING, date(2026, 11, 1)),), None)
    assert to_json(value) == {"name": "x", "items": [{"kind": "missing", "when": "2026-11-01"}], "extra": None}
    assert list(to_json(value)) == ["name", "items", "extra"]  # fields in declaration order
    assert type(to_json(value)["items"][0]["kind"]) is str
    with pytest.raises(TypeError, match="set"):
        to_json({"a": {1, 2}})


def test_a_plan_says_earn_for_a_certification_and_learn_for_a_skill() -> None:
    from gapcheck.report.words import credential_ids, plan_line

    earned = 0
    for case in cases():
        out = example_output(case)
        credentials = credential_ids(out.data)
        names = {g["id"]: g["name"] for g in out.data["gaps"]}
        categories = {g["id"]: g["category"] for g in out.data["gaps"]}
        for step in out.data["plan"]:
            _, _, what = plan_line(step, credentials=credentials)
            for sid in step["learn"]:
                verb = "earn" if categories[sid] == "certification" else "learn"
                part = next(p for p in what.split("; ") if names[sid] in p)
                assert part.startswith(verb + " "), (names[sid], what)
                earned += verb == "earn"
    assert earned, "no certification to earn in the examples' plans"


def test_a_weak_gaps_strength_has_one_wording_in_every_format() -> None:
    from gapcheck.matching.model import Strength
    from gapcheck.report.names import STRENGTH_WORDS

    assert list(STRENGTH_WORDS) == [s.value for s in Strength]
    seen = 0
    for case in cases():
        out = example_output(case)
        for gap in out.data["gaps"][:10]:
            if gap["kind"] != "weak":
                continue
            seen += 1
            state = STRENGTH_WORDS[gap["strength"]][0]
            assert f"found, but {state} (" in gap["why"], gap["why"]
            assert re.search(rf"^ *{gap['rank']}\. {re.escape(gap['name'])}  {state}, ", out.terminal, re.M)
            assert f"{md_escape(gap['name'])} ({state}, {gap['importance']})" in out.markdown
    assert seen, "no weak gap among the examples' first ten"


def md_escape(text: str) -> str:
    from gapcheck.report.markdown import md

    return md(text)


def test_a_credential_is_earned_and_a_skill_learned_in_every_wording() -> None:
    from datetime import date

    from gapcheck import analyze_text
    from gapcheck.report.terminal import _todo
    from gapcheck.report.words import credential_ids, is_credential

    taxonomy = load_taxonomy(None)
    report = analyze_text("Python developer.", level=taxonomy.levels[-1].id, today=date(2026, 11, 1))
    data = report.to_dict()
    missing = [(g, d) for g, d in zip(report.gaps, data["gaps"], strict=True) if g.kind == "missing"]
    credentials = [(g, d) for g, d in missing if is_credential(g.category)]
    skills = [(g, d) for g, d in missing if not is_credential(g.category)]
    assert credentials and skills
    names = {g.id: g.name for g in report.gaps}
    for gap, serialized in credentials:
        assert gap.next_step.text.startswith("Earn it") and _todo(serialized, names, {}).startswith("earn")
        assert gap.id in credential_ids(data)
    for gap, serialized in skills:
        assert gap.next_step.text.startswith("Learn it") and _todo(serialized, names, {}).startswith("learn")
        assert gap.id not in credential_ids(data)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # no experience section, projects only: the level counts 0 years, and the report says so
        ("Ada Example\nProjects\nChurn model in scikit-learn and Python.\nEducation\nB.Sc. Physics, 2024\n", "none:"),
        # an experience section whose dates are not read: unknown
        ("Ada Example\nExperience\nData Scientist at Acme; built models in Python.\n", "unknown:"),
    ],
)
def test_the_experience_line_says_none_or_unknown(text: str, line: str) -> None:
    from datetime import date

    from gapcheck import analyze_text
    from gapcheck.report.words import experience_line

    data = analyze_text(text, today=date(2025, 3, 1)).to_dict()
    assert experience_line(data).startswith(line)
