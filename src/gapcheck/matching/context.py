"""Where an ambiguous word may be read as a skill: a skills section, or a list of other skills.

"R", "Go", "Java", "Excel", "Transformers", "Communication" are ordinary English (or places, or initials) as often
as they are skills. A taxonomy skill flagged ``needs_context`` is accepted by its name, alias or case-sensitive
form only:
- inside a section of kind SKILLS; or
- inside a list (items split by , | ; • · / or "and") on a line where another, unambiguous skill is also named; or
- joined to another named skill by "and", "or", "/", "&" or a comma ("Python and R", "C#/Java"); or
- right after "in", "using", "with", "via", "of" (or their like in other languages: "en", "mit") when the form is
  the case-sensitive one ("a statistics class in R", "informes en R").
A single capital followed by a period and a capitalised word ("R. Patel") is an initial and never a skill.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from gapcheck.matching import english, european
from gapcheck.matching.phrases import words_regex

_LIST_SEPARATORS = re.compile(
    r"\s*(?:[,|;•·▪◦●○■□➤★\u2022\u2023\u25aa\u25cf/]|\s-\s|\s–\s|" + words_regex(english.LIST_JOINERS) + r")\s*"
)
_PUNCTUATION_SEPARATOR = re.compile(r"[,|;•·▪◦●○■□➤★\u2022\u2023\u25aa\u25cf/]|\s-\s|\s–\s")
_TECH_PREPOSITIONS = frozenset((*english.TECH_PREPOSITIONS, *european.TECH_PREPOSITIONS))
# What joins two tools named after one preposition: "in SAS and R", "en Stata y R", "mit SPSS und R".
_TOOL_JOINERS = frozenset(("and", "or", "/", "&", ",", "y", "e", "und", "et", "en", "i", "oraz"))
_JOINERS = frozenset({*english.LIST_JOINERS, "/", "&", ",", "|", "•", "·", "+", "(", ")"})


def list_items(line: str) -> list[str]:
    """The items of a list line, its "Label:" prefix removed."""
    body = line
    colon = body.find(":")
    if 0 <= colon <= 40:
        body = body[colon + 1 :]
    return [item.strip(" \t()[]{}.-–") for item in _LIST_SEPARATORS.split(body) if item.strip(" \t()[]{}.-–")]


def is_list_line(line: str) -> bool:
    """A line that reads as a list: at least two items, most of them short. Not a list: a line that starts in lower
    case (the wrapped end of a sentence: "optimization, incremental updates, and ..."), nor two items joined by a
    word only ("Expanded supported SQL syntax and optimizations" is a sentence; "Python and R" is a joined pair)."""
    text = line.lstrip(" \t•▪◦●○■□➤★►‣⁃-–*")
    if text[:1].islower():
        return False
    items = list_items(line)
    if len(items) < 2 or (len(items) == 2 and not _PUNCTUATION_SEPARATOR.search(text)):
        return False
    short = sum(1 for item in items if len(item.split()) <= 4)
    return short * 3 >= len(items) * 2


def initial_shaped(doc: Doc, start: int, end: int) -> bool:
    """A lone capital letter followed by "." and a capitalised word, as a person's initial is ("R. Patel")."""
    if end - start != 1:
        return False
    token = doc[start]
    if len(token.text) != 1 or not token.text.isupper():
        return False
    return end + 1 < len(doc) and doc[end].text == "." and doc[end + 1].text[:1].isupper()


def is_initial(doc: Doc, start: int, end: int) -> bool:
    """A person's initial ("R. Patel"), but not "Python and R. Built ..." at a sentence end: an initial has no space
    before a name on the same line, and is not preceded by a joiner word."""
    if not initial_shaped(doc, start, end):
        return False
    prev = doc[start - 1].lower_ if start > 0 else ""
    return prev not in {"and", "or", ",", "in", "using", "with", "/", "&"}


def joined_to_other(doc: Doc, start: int, end: int, other_tokens: set[int]) -> bool:
    """The phrase is joined to another matched skill by a joiner ("Python and R", "C#/Java", "R, SQL")."""
    i = start - 1
    steps = 0
    while i >= 0 and doc[i].text in _JOINERS and steps < 2:
        i -= 1
        steps += 1
    if steps and i >= 0 and i in other_tokens:
        return True
    j = end
    steps = 0
    while j < len(doc) and doc[j].text in _JOINERS and steps < 2:
        j += 1
        steps += 1
    return bool(steps and j < len(doc) and j in other_tokens)


def after_tech_preposition(doc: Doc, start: int) -> bool:
    """The phrase follows "in", "using", "with" ... ("coded in R"); the caller checks it is on the same line."""
    return start > 0 and doc[start - 1].lower_ in _TECH_PREPOSITIONS


def after_tool_after_preposition(doc: Doc, start: int) -> bool:
    """The phrase follows a tool named after "in", "using" ... and joined to it: "models in SAS and R", "con Stata y R"
    (one capitalised word, then "and", "or", "/", "&" or a comma); the caller checks the lines."""
    return (
        start > 2
        and doc[start - 1].lower_ in _TOOL_JOINERS
        and doc[start - 2].text[:1].isupper()
        and doc[start - 2].is_alpha
        and doc[start - 3].lower_ in _TECH_PREPOSITIONS
    )
