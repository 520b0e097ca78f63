"""Skill matching: which taxonomy skills a resume shows, where, and how strongly.

``match_skills(resume, taxonomy)`` is the entry point; the matcher behind it is built once per taxonomy object and
reused (``matcher_for``), from parts kept in the on-disk cache (:mod:`gapcheck.matching.parts`: about a third of a
second, against a second or two without them); matching takes a few to a few tens of milliseconds per resume.

How the taxonomy's matching fields are read (skills.toml):

- ``name`` and ``aliases``: phrases matched case-insensitively (spaCy PhraseMatcher on LOWER, pattern docs made with
  the same tokenizer), each also in its plural "-s" form, its hyphen variants ("rest-framework") and the other
  spelling of its -ize/-ise words ("optimisation", "containerized"; read as an alias). The tokenizer
  keeps the taxonomy's symbol-bearing words whole ("CI/CD", "A/B"; :mod:`gapcheck.matching.tokenizer`). Tokens are
  matched with whitespace left out, so a phrase wrapped across lines still matches. Where terms overlap the longest
  wins, except that a whole term of another skill written inside a longer one is kept ("AWS" in "AWS SageMaker":
  both are written).
- ``exact_forms``: phrases matched case-sensitively (PhraseMatcher on ORTH): "R", "LoRA".
- ``needs_context``: the name, the exact forms and the one-word everyday-looking aliases ("Spark", "classifier") of
  such a skill count only in a skills context: a SKILLS section, a line labelled "Skills:", "Languages:", "Tools &
  X:" ..., a list line naming another skill, joined to another skill ("Python and R"), or the exact form right after
  "in/using/with" ("a class in R"), or on a "Coursework:" line. Multi-word aliases and acronyms are specific enough
  and always count. A capital with a period before a name ("R. Patel") is never a skill.
- ``patterns``: spaCy Matcher token patterns for paraphrases, never gated by context, kept beside the terms (one
  sentence may show two skills). Inflections are written out as IN-lists (no lemmatizer in a blank pipeline).
- ``rejects``: ordinary-English uses that would otherwise match ("Java, Indonesia", "electrical transformers", "Acme
  Communications", "GitHub: @user"), as token patterns: a match of that skill overlapping one is dropped.

Names of other things (:mod:`gapcheck.matching.names`): a skill word inside a degree ("M.Sc. Statistics"), a company
name ("Northwind Communications Inc."), a job title ("Communications Assistant") or a web address is no evidence of
the skill. The English words every rule uses (cue phrases, label words, degree and title words) are phrase lists in
:mod:`gapcheck.matching.english`, shared by every taxonomy; what is particular to a role (its terms, paraphrases and
rejects) is in its taxonomy, and another role inherits none of the ML engineer's.

Cues around each match (:mod:`gapcheck.matching.cues`): "no experience with X", "not yet", "without X", "non-X",
"have not ...", "planning to learn X" drop it; "familiar with", "basic", "exposure to", "currently learning",
"curious about", "(basic)" and "Familiar:" labels make it HEDGED; coursework (a "Coursework:"/"Courses:" label)
makes it MENTIONED, never stronger. Strength otherwise follows the place (:mod:`gapcheck.matching.aggregate`):
experience/projects or a dated position's entry -> DEMONSTRATED, skills section or skills-labelled line -> LISTED,
elsewhere -> MENTIONED; the skill takes its strongest place; implied skills (taxonomy ``implies``, transitively) not
seen themselves are IMPLIED.

Misspellings (:mod:`gapcheck.matching.fuzzy`): items of skills lists and technical-looking words no term or pattern
covered are compared with the names and aliases by character n-gram TF-IDF (scikit-learn's scores, computed in
numpy: :mod:`gapcheck.matching.tfidf`), with guards (same first letter, no dropped word, each word of a phrase
close to its counterpart, close length, at least 6 letters unless identical apart from separators).
"""

from __future__ import annotations

import gapcheck.offline  # noqa: F401  (first: imports spaCy without spacy.cli, so no requests and no socket)
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching.aggregate import build_matches
from gapcheck.matching.matcher import Hit, SkillMatcher, matcher_for
from gapcheck.matching.model import Evidence, Method, SkillMatch, Strength
from gapcheck.reading.model import Resume


def match_skills(resume: Resume, taxonomy: Taxonomy) -> tuple[SkillMatch, ...]:
    """The skills of ``taxonomy`` that ``resume`` shows, strongest first, then by name."""
    matcher = matcher_for(taxonomy)
    return build_matches(resume, taxonomy, matcher.find(resume))


__all__ = [
    "Evidence",
    "Hit",
    "Method",
    "SkillMatch",
    "SkillMatcher",
    "Strength",
    "match_skills",
    "matcher_for",
]
