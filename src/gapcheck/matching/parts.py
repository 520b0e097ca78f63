"""What is costly to build of a skill matcher, as data, kept in the on-disk cache (:mod:`gapcheck.cache`).

:func:`build_parts` does the costly work: it tells the taxonomy's symbol words (a probe tokenizer), tokenizes
every term form (names, aliases, their plurals, hyphen variants and -ize/-ise spellings, exact forms: some 2,000)
with the taxonomy's tokenizer, checks every token pattern with spaCy's validator, and fits the TF-IDF index of the
names and aliases (scikit-learn). The matcher is then assembled from these parts, the same way whether they were
just built or read from the cache, so the cache cannot change a result.

:func:`matcher_parts` reads them from the cache when an entry has their key, else builds and writes them. The key is
a SHA-256 of: the cache format; the Python (minor), gapcheck, spaCy and scikit-learn versions; the source of the
modules that make the parts (an edited checkout is a new key); and what the matcher is made from in the taxonomy
(each skill's id, name, aliases, exact forms, patterns and rejects: editing a taxonomy file that changes any of them
is a new key, and a Taxonomy made in memory gets a key of its own). A hit skips the probe, the tokenizing, spaCy's
pattern validation (the entry was written only after these very patterns passed it, with this spaCy) and the fit
(and scikit-learn's import). It skips nothing of loading the taxonomy, which validates every file and entry, with
errors naming them, before the matcher is asked for.

The entry is a NumPy ``.npz`` read with ``allow_pickle=False``: a file in a folder an environment variable names
is never unpickled. A missing, truncated or damaged entry (the zip's checksums), or one of another key, is a miss.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from gapcheck import cache
from gapcheck.errors import TaxonomyError
from gapcheck.knowledge.model import Taxonomy
from gapcheck.knowledge.patterns import thaw_pattern
from gapcheck.matching import fuzzy, model, tfidf, tokenizer
from gapcheck.matching.fuzzy import FuzzyIndex
from gapcheck.matching.model import Method
from gapcheck.matching.tfidf import Fitted

FORMAT = "1"
KIND = "matcher"

Tokens = tuple[tuple[str, ...], ...]  # the tokens of each form of one key


@dataclass(frozen=True)
class MatcherParts:
    symbol_words: tuple[str, ...]  # words the tokenizer keeps whole ("CI/CD", "C#")
    terms: tuple[tuple[str, Tokens], ...]  # ("<skill id>|lower|<method>" or "...|orth|...", tokens of its forms)
    fitted: Fitted  # the TF-IDF index of the names and aliases


def _hyphen_variants(phrase: str) -> list[str]:
    """Compounds are written with or without hyphens: "feature engineering" -> "feature-engineering", "Django REST
    Framework" -> "Django REST-Framework", "Django-REST-Framework"; "object-oriented design" -> "object oriented
    design". Only phrases of plain words, two to four of them."""
    words = phrase.split()
    out: list[str] = []
    if 2 <= len(words) <= 4 and all(w.isalpha() for w in words):
        out.append("-".join(words))
        if len(words) > 2:
            for i in range(len(words) - 1):
                out.append(" ".join([*words[:i], f"{words[i]}-{words[i + 1]}", *words[i + 2 :]]))
    parts = phrase.replace("-", " ").split()
    if "-" in phrase and 2 <= len(parts) <= 4 and all(w.isalpha() for w in parts):
        out.append(" ".join(parts))
    return out


# A word with the -ize/-ise suffix family ("optimization", "containerised", "dockerizing"): British and American
# spellings name one thing. Eight letters at least, so "size" or "prize" is no such word.
_IZE_WORD = re.compile(r"^(?P<stem>[a-z][a-z-]{2,})(?P<z>iz|is)(?P<end>e|es|ed|ing|er|ers|ation|ations)$", re.I)


def _spelling_variant(phrase: str) -> str | None:
    """The phrase in the other spelling of its -ize/-ise words ("convex optimization" -> "convex optimisation",
    "data visualisation" -> "data visualization"), or None when it has none."""
    words = phrase.split(" ")
    changed = False
    for i, word in enumerate(words):
        found = _IZE_WORD.match(word)
        if found is not None and len(word) >= 8:
            z = found.group("z")
            other = "s" if z[1] in "zZ" else "z"
            words[i] = found.group("stem") + z[0] + (other.upper() if z[1].isupper() else other) + found.group("end")
            changed = True
    return " ".join(words) if changed else None


def _plural(phrase: str) -> str | None:
    """The plural "-s" form of a phrase whose last word takes one ("decision tree" -> "decision trees")."""
    last = phrase.split()[-1] if phrase.split() else ""
    if len(last) >= 3 and last.isalpha() and last[-1].lower() not in "sxyz" and not last.isupper():
        return phrase + "s"
    if len(last) >= 3 and last.isupper() and last.isalpha():  # "LLM" -> "LLMs", "CNN" -> "CNNs"
        return phrase + "s"
    return None


def term_forms(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Each term key and its forms, in the order the matchers are given them: the case-insensitive ones (names and
    aliases, with their plural and hyphen variants), then the case-sensitive exact forms."""
    lower: dict[str, list[str]] = {}
    orth: dict[str, list[str]] = {}
    for skill in taxonomy.skills:
        seen: set[str] = set()
        english = [(skill.name, Method.EXACT), *((alias, Method.ALIAS) for alias in skill.aliases)]
        # the other spelling of an -ize/-ise word reads as an alias; a translation reads as an alias too
        variants = [(v, Method.ALIAS) for phrase, _ in english if (v := _spelling_variant(phrase)) is not None]
        translated = [(form, Method.ALIAS) for form in skill.translated_forms]
        for phrase, method in [*english, *translated, *variants]:
            for form in (phrase, _plural(phrase), *_hyphen_variants(phrase)):
                if form and form.lower() not in seen:
                    seen.add(form.lower())
                    lower.setdefault(f"{skill.id}|lower|{method.value}", []).append(form)
        for form in skill.exact_forms:
            method = Method.ALIAS if form != skill.name else Method.EXACT
            orth.setdefault(f"{skill.id}|orth|{method.value}", []).append(form)
    return {**lower, **orth}


def fuzzy_phrases(taxonomy: Taxonomy) -> dict[str, str]:
    """Each name and alias, as written, with the first skill that has it (what the fuzzy index compares with)."""
    phrases: dict[str, str] = {}
    for skill in taxonomy.skills:
        for phrase in (skill.name, *skill.aliases):
            phrases.setdefault(phrase, skill.id)
    return phrases


def pattern_sets(taxonomy: Taxonomy) -> Iterator[tuple[str, str, list[list[dict[str, Any]]]]]:
    """(skill id, "pattern" or "reject pattern", its token patterns) for each skill that has some."""
    for skill in taxonomy.skills:
        for kind, patterns in (("pattern", skill.patterns), ("reject pattern", skill.rejects)):
            if patterns:
                yield skill.id, kind, [thaw_pattern(p) for p in patterns]


def validate_patterns(taxonomy: Taxonomy, vocab: Any) -> None:
    """Every token pattern through spaCy's ``Matcher(validate=True)``, each skill's set as written; the first one
    spaCy refuses becomes a TaxonomyError naming the taxonomy and the skill."""
    from spacy.matcher import Matcher

    for skill_id, kind, patterns in pattern_sets(taxonomy):
        try:
            Matcher(vocab, validate=True).add(f"{skill_id}|{kind}", patterns)
        except Exception as exc:  # spaCy raises ValueError/MatchPatternError with the details
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise TaxonomyError(f"{taxonomy.path}: skill {skill_id!r}: invalid {kind}: {first}") from exc


def build_parts(taxonomy: Taxonomy) -> MatcherParts:
    """The costly parts, built (see the module docstring)."""
    words = tokenizer.taxonomy_symbol_words(taxonomy)
    terms_tokenizer = tokenizer.scratch_tokenizer(words)
    validate_patterns(taxonomy, terms_tokenizer.vocab)
    terms = tuple(
        (key, tuple(tuple(token.text for token in doc) for doc in terms_tokenizer.pipe(forms)))
        for key, forms in term_forms(taxonomy).items()
    )
    return MatcherParts(words, terms, FuzzyIndex(fuzzy_phrases(taxonomy)).fitted)


# ---------------------------------------------------------------------------------------------- the cache entry


def _versions() -> tuple[str, ...]:
    from importlib.metadata import PackageNotFoundError, version

    from spacy.about import __version__ as spacy_version

    from gapcheck import __version__

    try:
        sklearn = version("scikit-learn")
    except PackageNotFoundError:  # pragma: no cover - a broken installation: fitting will say so
        sklearn = "none"
    return FORMAT, __version__, spacy_version, sklearn


def _taxonomy_content(taxonomy: Taxonomy) -> str:
    """What the matcher is made from, as text (the frozen patterns' repr is their content, in file order)."""
    return repr([(s.id, s.name, s.aliases, s.translated_forms, s.exact_forms, s.patterns, s.rejects)
                 for s in taxonomy.skills])  # fmt: skip


def parts_key(taxonomy: Taxonomy) -> str:
    """The hex SHA-256 naming the parts of ``taxonomy`` (see the module docstring)."""
    digest = hashlib.sha256()
    for text in _versions():
        digest.update(text.encode() + b"\0")
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}".encode() + b"\0")  # str.isalpha, re
    for module in (tokenizer, fuzzy, tfidf, model):  # model: the Method values the cached terms name
        digest.update(_source(module.__file__))
    digest.update(_source(__file__))
    digest.update(_taxonomy_content(taxonomy).encode())
    return digest.hexdigest()


def _source(file: str | None) -> bytes:
    try:
        return Path(file).read_bytes() if file else b""
    except OSError:  # pragma: no cover - sources not installed: the versions still key the entry
        return b""


def to_bytes(parts: MatcherParts, key: str) -> bytes:
    meta = {"key": key, "symbol_words": parts.symbol_words, "terms": parts.terms, "grams": parts.fitted.grams,
            "size": parts.fitted.size}  # fmt: skip
    buffer = io.BytesIO()
    np.savez(
        buffer,
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
        idf=parts.fitted.idf,
        indptr=parts.fitted.indptr,
        rows=parts.fitted.rows,
        values=parts.fitted.values,
    )
    return buffer.getvalue()


def read_entry(path: Path, key: str) -> MatcherParts | None:
    """The parts kept at ``path`` if they are whole and have ``key``, else None (whatever is wrong with the file)."""
    try:
        with np.load(io.BytesIO(path.read_bytes()), allow_pickle=False) as entry:
            meta = json.loads(entry["meta"].tobytes().decode())
            if meta.get("key") != key:
                return None
            fitted = Fitted(
                grams=tuple(str(g) for g in meta["grams"]),
                idf=np.asarray(entry["idf"], dtype=np.float64),
                indptr=np.asarray(entry["indptr"], dtype=np.int64),
                rows=np.asarray(entry["rows"], dtype=np.int64),
                values=np.asarray(entry["values"], dtype=np.float64),
                size=int(meta["size"]),
            )
            terms = tuple((str(k), tuple(tuple(str(w) for w in form) for form in forms)) for k, forms in meta["terms"])
            parts = MatcherParts(tuple(str(w) for w in meta["symbol_words"]), terms, fitted)
    except Exception:  # missing, unreadable, truncated, damaged or of another layout: all a miss
        return None
    consistent = (
        len(fitted.grams) == len(fitted.idf) == len(fitted.indptr) - 1
        and bool((np.diff(fitted.indptr) >= 0).all())
        and len(fitted.rows) == len(fitted.values) == int(fitted.indptr[-1])
        and (len(fitted.rows) == 0 or 0 <= int(fitted.rows.min()) <= int(fitted.rows.max()) < fitted.size)
    )
    return parts if consistent else None


def matcher_parts(taxonomy: Taxonomy, *, use_cache: bool = True) -> MatcherParts:
    """The parts of ``taxonomy``'s matcher: from the cache when it has them, else built (and written to it)."""
    if not use_cache:
        return build_parts(taxonomy)
    key = parts_key(taxonomy)
    try:
        path = cache.entry_path(KIND, key, ".npz")
    except (RuntimeError, OSError):  # no home folder to put it in ($HOME unset, a uid without a passwd entry)
        return build_parts(taxonomy)
    parts = read_entry(path, key)
    if parts is None:
        parts = build_parts(taxonomy)
        cache.write_atomically(path, to_bytes(parts, key))
    return parts
