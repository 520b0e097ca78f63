"""The blank English tokenizer, taught the symbol-bearing words of one taxonomy.

spaCy's blank tokenizer splits ``CI/CD`` into ``CI`` + ``/`` + ``CD`` and ``C#`` into ``C`` + ``#``, and keeps ``R.``
(an initial or the end of a sentence) as one token. Which words must stay whole is the taxonomy's knowledge, not
the tokenizer's: :func:`symbol_words` collects, from the names, aliases and exact forms of its skills and the string
tokens of its patterns, every word that joins its parts with a symbol (``# + / &``) and that the default rules
would split; :func:`make_nlp` makes each one a special case, so phrase and token patterns can name it. Another
role's taxonomy brings its own words and inherits none of these. Generic rules stay here: single-letter
abbreviations are split, so ``R.`` reads as ``R`` + ``.``, and a slash after a symbol token splits ("C++/Python").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from gapcheck.knowledge.model import Taxonomy, TokenPattern

# A symbol that joins the parts of one name ("CI/CD", "C#", "W&B", "C++"); hyphens and apostrophes are English
# morphology ("scikit-learn" and "master's" are matched as the tokens spaCy gives them).
_JOINING_SYMBOL = re.compile(r"[#+/&]")
_PATTERN_STRING_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "IN"})


def _pattern_strings(pattern: TokenPattern) -> Iterator[tuple[str, bool]]:
    """The strings a pattern's tokens must equal, each with whether it is compared case-insensitively."""

    def walk(value: Any, lower: bool) -> Iterator[tuple[str, bool]]:
        if isinstance(value, str):
            yield value, lower
        elif isinstance(value, Mapping):
            for key, inner in value.items():
                if key in _PATTERN_STRING_KEYS:
                    yield from walk(inner, lower or key == "LOWER")
        elif isinstance(value, tuple | list):
            for inner in value:
                yield from walk(inner, lower)

    for token in pattern:
        yield from walk(token, False)


def symbol_words(taxonomy: Taxonomy, tokenizer: Tokenizer) -> tuple[str, ...]:
    """The words of ``taxonomy`` that must stay one token, in every casing a resume may write them (``tokenizer``:
    the pipeline's own, before the words are added)."""
    default = tokenizer
    found: dict[str, None] = {}

    def consider(word: str, any_case: bool) -> None:
        core = word.strip("()[]{},;:.!?\"'")
        if not _JOINING_SYMBOL.search(core) or len(default(core)) == 1:
            return
        forms = (core, core.lower(), core.upper(), core.title()) if any_case else (core,)
        found.update(dict.fromkeys(forms))

    for skill in taxonomy.skills:
        for phrase in (skill.name, *skill.aliases):
            for word in phrase.split():
                consider(word, True)
        for form in skill.exact_forms:
            for word in form.split():
                consider(word, False)
        for pattern in (*skill.patterns, *skill.rejects):
            for text, lower in _pattern_strings(pattern):
                if " " not in text:
                    consider(text, lower)
    return tuple(found)


def make_nlp(taxonomy: Taxonomy | None = None) -> Language:
    """A blank English pipeline (tokenizer only) that keeps each symbol word of ``taxonomy`` one token.

    The tokenizer is made once with all its rules: each rule set on an existing spaCy tokenizer reloads every
    special case, which costs more than the rest of the matcher's build."""
    nlp = spacy.blank("en")
    default = cast(Tokenizer, nlp.tokenizer)
    # Single letters followed by a period ("R.", "C.") are tokenizer exceptions in spaCy's English rules: drop them,
    # so "Python and R." gives the token "R" and "R. Patel" gives "R" "." "Patel" (an initial, rejected later).
    rules = {
        key: value
        for key, value in default.rules.items()
        if not (len(key) == 2 and key[1] == "." and key[0].isalpha())
    }
    for text in symbol_words(taxonomy, default) if taxonomy is not None else ():
        rules[text] = [{ORTH: text}]
    # A bullet glyph written against its word ("•Unsupervised", "▪Python") is a token of its own.
    prefixes = [*cast(list[str], nlp.Defaults.prefixes), r"[•▪◦●○■□➤★►‣⁃]"]
    # A period after a capital or "&" ends a sentence or an initial: "R." -> "R" "."; "W&B." -> "W&B" ".".
    suffixes = [*cast(list[str], nlp.Defaults.suffixes), r"(?<=[A-Z&])\."]
    # A slash after a symbol token: "C#/Java", "C++/Python".
    infixes = [*cast(list[str], nlp.Defaults.infixes), r"(?<=[#+])/(?=[A-Za-z.])"]
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=default.token_match,
        url_match=default.url_match,
    )
    return nlp
