"""What gapcheck measures against: the taxonomy shown in the terminal (``gapcheck --show-taxonomy``) or as Markdown.

Skills are grouped by category (name, aliases, the guides citing them); each level lists what it expects
(skill, importance, weight, and the level that first asked for it, since expectations are cumulative).
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gapcheck.knowledge.model import Importance, Level, Skill, Taxonomy

IMPORTANCE_STYLE = {Importance.REQUIRED: "bold", Importance.RECOMMENDED: "", Importance.BONUS: "dim"}


def skills_by_category(taxonomy: Taxonomy) -> dict[str, list[Skill]]:
    """Categories in the order they first appear in the data; skills in data order within each."""
    groups: dict[str, list[Skill]] = {}
    for skill in taxonomy.skills:
        groups.setdefault(skill.category, []).append(skill)
    return groups


def guides_of(skill: Skill) -> str:
    return ", ".join(dict.fromkeys(ref.source for ref in skill.sources))


def levels_to_show(taxonomy: Taxonomy, level: str | None) -> tuple[Level, ...]:
    if level is None:
        return taxonomy.levels
    return (taxonomy.find_level(level),)  # as the scoring accepts them: "Mid" is mid


def sorted_expectations(level: Level) -> list[tuple[str, str, float, str]]:
    """(skill id, importance, weight, since) rows, required first, then heavier, then by level introduced."""
    order = {lv: n for n, lv in enumerate(exp.introduced_at for exp in level.expectations)}
    rows = sorted(
        level.expectations,
        key=lambda e: (e.importance.rank, -e.weight, order[e.introduced_at]),
    )
    return [(e.skill_id, e.importance.value, e.weight, e.introduced_at) for e in rows]


def years_band(level: Level) -> str:
    if level.years_max is None:
        return f"{level.years_min:g}+ years"
    return f"{level.years_min:g}-{level.years_max:g} years"


def render_taxonomy(taxonomy: Taxonomy, console: Console, level: str | None = None) -> None:
    """Print the taxonomy: skills by category, then what each level (or only ``level``) expects."""
    levels = levels_to_show(taxonomy, level)
    console.print(Text(f"Taxonomy {taxonomy.role} {taxonomy.version}", style="bold"))
    console.print(f"{len(taxonomy.skills)} skills, {len(taxonomy.levels)} levels; guides:")
    for source in taxonomy.sources:
        console.print(f"  {source.key}  {source.title}")
    for category, skills in skills_by_category(taxonomy).items():
        table = Table(title=category, title_justify="left", box=box.SIMPLE, expand=False)
        table.add_column("Skill", overflow="fold", ratio=1)
        table.add_column("Also matched as", overflow="fold", ratio=2)
        table.add_column("Guides", overflow="fold", min_width=4)
        for skill in skills:
            table.add_row(skill.name, ", ".join(skill.aliases), guides_of(skill))
        console.print(table)
    for shown in levels:
        console.print()
        console.print(Text(f"{shown.name} ({shown.id}, {years_band(shown)})", style="bold"))
        console.print(Text(shown.summary))
        table = Table(box=box.SIMPLE, expand=False)
        table.add_column("Expects", overflow="fold", ratio=1)
        table.add_column("Importance", no_wrap=True, min_width=11)
        table.add_column("Weight", justify="right", no_wrap=True, min_width=6)
        table.add_column("Since", no_wrap=True, min_width=6)
        for skill_id, importance, weight, since in sorted_expectations(shown):
            style = IMPORTANCE_STYLE[Importance(importance)]
            table.add_row(taxonomy.skill(skill_id).name, importance, f"{weight:g}", since, style=style)
        console.print(table)


def _md_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _markdown_lines(taxonomy: Taxonomy, levels: tuple[Level, ...]) -> Iterator[str]:
    yield f"# Taxonomy {taxonomy.role} {taxonomy.version}"
    yield ""
    yield "Guides:"
    yield ""
    for source in taxonomy.sources:
        yield f"- {source.key}: {_md_cell(source.title)} (`{source.file}`)"
    yield ""
    yield "## Skills"
    for category, skills in skills_by_category(taxonomy).items():
        yield ""
        yield f"### {category}"
        yield ""
        yield "| Skill | Also matched as | Guides |"
        yield "| --- | --- | --- |"
        for skill in skills:
            yield f"| {_md_cell(skill.name)} | {_md_cell(', '.join(skill.aliases))} | {guides_of(skill)} |"
    yield ""
    yield "## Levels"
    for shown in levels:
        yield ""
        yield f"### {_md_cell(shown.name)} (`{shown.id}`, {years_band(shown)})"
        yield ""
        yield shown.summary
        yield ""
        yield "| Skill | Importance | Weight | Since |"
        yield "| --- | --- | ---: | --- |"
        for skill_id, importance, weight, since in sorted_expectations(shown):
            yield f"| {_md_cell(taxonomy.skill(skill_id).name)} | {importance} | {weight:g} | {since} |"


def taxonomy_to_markdown(taxonomy: Taxonomy, level: str | None = None) -> str:
    """The same content as :func:`render_taxonomy`, as a Markdown document."""
    return "\n".join(_markdown_lines(taxonomy, levels_to_show(taxonomy, level))) + "\n"
