"""A skill's ``phrases``: paraphrases written as short word phrases, each citing where its wording comes from.

A phrase is compiled, at load and without spaCy, into the spaCy token patterns the matcher runs (appended to the
skill's ``patterns``). Syntax (case is ignored; words are separated by single spaces):

- ``word``: that word; a hyphen inside it stands for the tokenizer's split ("co-ordinated" is co, -, ordinated);
- ``a|b|c``: any one of the words (a joining sign , & / + may stand as a word: "(and|or|,)");
- ``word*``: any word that begins with ``word`` ("present*": presented, presenting, presentation);
- ``=word``: that word in exactly that case ("=present": the verb, not the date word "Present");
- ``(a|b)``: an optional word;
- ``…``: up to four words of any kind inside the clause (no . ; : ! ? • | or brackets); ``……`` up to eight.

A phrase must hold at least one required word that is not ``…``. Where an alternative holds a hyphen, the phrase is
written out once per hyphenated form (at most ``MAX_FORMS`` patterns per phrase).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

# The tokens a ``…`` gap never crosses: the end of a clause or a list item.
CLAUSE_PUNCTUATION: tuple[str, ...] = (".", ";", ":", "!", "?", "•", "|", "·", "(", ")", "[", "]", "●", "▪", "◦")
GAP = "…"
LONG_GAP = "……"
GAP_WORDS = {GAP: 4, LONG_GAP: 8}
MAX_FORMS = 16
_WORD = re.compile(r"^(?:[\w][\w+#./&'’-]*\*?|[,&/+])$")  # a word, or a joining sign written alone

Token = dict[str, Any]


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the message says why (the caller names the skill)."""


def _split(word: str) -> list[str]:
    """The tokens the matcher's tokenizer makes of one written word: hyphens are their own tokens."""
    if word.endswith("*") or "-" not in word.strip("-"):
        return [word]
    parts = [p for p in re.split(r"(-)", word) if p]
    return parts


def _spec(words: list[str], optional: bool) -> Token:
    if words[0].startswith("="):
        return {"ORTH": words[0][1:]} if not optional else {"ORTH": words[0][1:], "OP": "?"}
    prefixes = [w[:-1].lower() for w in words if w.endswith("*")]
    plain = [w.lower() for w in words if not w.endswith("*")]
    if prefixes:
        alternatives = [re.escape(p) + r".*" for p in prefixes] + [re.escape(w) for w in plain]
        spec: Token = {"LOWER": {"REGEX": "^(?:" + "|".join(alternatives) + ")$"}}
    elif len(plain) == 1:
        spec = {"LOWER": plain[0]}
    else:
        spec = {"LOWER": {"IN": plain}}
    if optional:
        spec["OP"] = "?"
    return spec


def _slot_forms(token: str) -> list[list[Token]]:
    """The token sequences one written token of a phrase stands for (one, unless an alternative has a hyphen)."""
    if token in GAP_WORDS:
        return [[{"ORTH": {"NOT_IN": list(CLAUSE_PUNCTUATION)}, "OP": f"{{0,{GAP_WORDS[token]}}}"}]]
    optional = token.startswith("(") and token.endswith(")")
    body = token[1:-1] if optional else token
    words = body.split("|")
    if any(w.startswith("=") for w in words):
        if len(words) > 1 or "-" in body or body.endswith("*"):
            raise PhraseError(f"an exact-case word stands alone: {token!r}")
        if not _WORD.match(body[1:]):
            raise PhraseError(f"{body!r} is not a word")
        return [[_spec(words, optional)]]
    for word in words:
        if not word or not _WORD.match(word) or (word.endswith("*") and len(word) < 4):
            raise PhraseError(f"{word!r} is not a word (a prefix* needs at least three letters)")
    single = [w for w in words if len(_split(w)) == 1]
    split = [_split(w) for w in words if len(_split(w)) > 1]
    if optional and split:
        raise PhraseError(f"an optional word may not hold a hyphen: {token!r}")
    forms: list[list[Token]] = [[_spec(single, optional)]] if single else []
    for parts in split:
        forms.append([_spec([p], False) for p in parts])
    return forms


def compile_phrase(phrase: str) -> list[list[Token]]:
    """The token patterns of one phrase (see the module docstring); PhraseError when it is malformed."""
    tokens = phrase.split()
    if not tokens:
        raise PhraseError("is empty")
    if tokens[0] in GAP_WORDS or tokens[-1] in GAP_WORDS:
        raise PhraseError(f"may not start or end with {GAP}")
    if not any(t not in GAP_WORDS and not t.startswith("(") for t in tokens):
        raise PhraseError("needs at least one required word")
    slots = [_slot_forms(t) for t in tokens]
    count = 1
    for forms in slots:
        count *= len(forms)
    if count > MAX_FORMS:
        raise PhraseError(f"writes out to {count} patterns (at most {MAX_FORMS}): split it")
    return [[spec for part in combo for spec in part] for combo in itertools.product(*slots)]
