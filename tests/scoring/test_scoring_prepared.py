"""Scoring's per-taxonomy lookups (scoring/prepared.py): built once per taxonomy object, never stale for another."""

from __future__ import annotations

import dataclasses
import gc

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import SourceRef, Taxonomy
from gapcheck.scoring import score
from gapcheck.scoring.model import GuideRef
from gapcheck.scoring.prepared import ByIdentity, guide_refs, per_taxonomy, prepared

TAXONOMY = load_taxonomy()


def test_the_lookups_are_built_once_per_taxonomy_object() -> None:
    assert prepared(TAXONOMY) is prepared(TAXONOMY)
    copy = dataclasses.replace(TAXONOMY)  # equal data, another object: its own lookups
    assert prepared(copy) is not prepared(TAXONOMY)


def test_a_taxonomy_changed_by_replace_is_scored_with_its_own_data() -> None:
    before = score(TAXONOMY, [], None)
    gap = next(g for g in before.gaps if g.stage is not None)
    assert gap.stage is not None
    stage = TAXONOMY.stage(gap.stage.id)
    renamed = dataclasses.replace(stage, name=stage.name + " (renamed)", resources=("Only this resource",))
    other = dataclasses.replace(
        TAXONOMY, stages=tuple(renamed if s.id == stage.id else s for s in TAXONOMY.stages)
    )
    after = {g.id: g for g in score(other, [], None).gaps}[gap.id]
    assert after.stage is not None and after.stage.name == stage.name + " (renamed)"
    assert after.resources == ("Only this resource",)
    again = {g.id: g for g in score(TAXONOMY, [], None).gaps}[gap.id]
    assert again == gap  # the first taxonomy's lookups are untouched


def test_lookups_are_let_go_with_their_taxonomy() -> None:
    built: list[int] = []

    @per_taxonomy
    def count(taxonomy: Taxonomy) -> int:
        built.append(1)
        return len(built)

    copy = dataclasses.replace(TAXONOMY)
    assert count(copy) == count(copy) == 1
    del copy
    gc.collect()
    assert count(dataclasses.replace(TAXONOMY)) == 2  # a new object is never served a dead one's answer


def test_guide_refs_cite_each_guide_section_once_in_first_cited_order() -> None:
    refs = [SourceRef("g002", "FAQ"), SourceRef("g001", "Skills"), SourceRef("g002", "FAQ"), SourceRef("g002", "A")]
    known: dict[tuple[str, str], GuideRef] = {}
    first = guide_refs(refs, known)
    assert [(r.source, r.section) for r in first] == [("g002", "FAQ"), ("g001", "Skills"), ("g002", "A")]
    assert guide_refs(refs, known) == first == guide_refs(refs)
    assert guide_refs(refs, known)[0] is first[0]  # made once, then reused


def test_a_maker_builds_what_the_class_builds_and_evolve_copies_as_replace_does() -> None:
    import pickle

    from gapcheck.knowledge.frozen import evolve, maker
    from gapcheck.scoring.gaps import RankedGap

    for gap in score(TAXONOMY, [], None).gaps[:5]:
        fields = {f.name: getattr(gap, f.name) for f in dataclasses.fields(gap)}
        made = maker(RankedGap)(**fields)
        assert type(made) is RankedGap and made == RankedGap(**fields) and hash(made) == hash(gap)
        assert pickle.loads(pickle.dumps(made)) == gap
        short = {k: v for k, v in fields.items() if k not in ("emphasis", "separates", "stands_for")}
        assert maker(RankedGap)(**short) == RankedGap(**short)  # defaults filled in
        assert evolve(gap, rank=99, name="x") == dataclasses.replace(gap, rank=99, name="x")
        assert gap.rank != 99  # the original is untouched
    # a class whose fields derive from others (Taxonomy builds its index) is copied by replace, its index rebuilt
    fewer = evolve(TAXONOMY, stages=TAXONOMY.stages[:1])
    assert set(fewer.index.stages) == {TAXONOMY.stages[0].id}
    assert maker(Taxonomy) is Taxonomy


def test_values_by_identity_serve_only_the_very_object_kept() -> None:
    level = TAXONOMY.levels[0]
    table: ByIdentity[tuple[object, ...], str] = ByIdentity([(level.expectations, "kept")])
    assert table.get(level.expectations) == "kept" and level.expectations in table
    copy = (*level.expectations, *())  # an equal tuple, another object
    assert copy == level.expectations and copy is not level.expectations
    assert table.get(copy) is None and copy not in table
    table.add(copy, "its own")
    assert table.get(copy) == "its own" and table.get(level.expectations) == "kept"
