"""``translations.toml``: skill names as resumes in other languages write them, each under the skill it translates.

```toml
[translations.linear-regression]      # the skill id: what every form below translates
es = ["regresión lineal"]             # ISO 639-1 language code = the forms written in that language
de = ["lineare Regression"]
```

A form is matched like an alias (case ignored), and so is the form without its accents ("regresion lineal"), which
resumes typed on an English keyboard write. Forms are checked at load: the skill exists, the language is a two-letter
code, no form is claimed twice (by an alias or name of any skill, or by another translation), and a one-word form has
at least ``MIN_ONE_WORD`` letters (short words are ordinary words in some language: "datos", "Daten").
"""

from __future__ import annotations

import re

from gapcheck.knowledge.fields import Entry, normal_form, without_accents
from gapcheck.knowledge.model import Translation

KEY = "translations"
LANGUAGE = re.compile(r"^[a-z]{2}$")
MIN_ONE_WORD = 7


def read_translations(
    data: object, file: str, skill_ids: set[str], claimed: dict[str, str]
) -> dict[str, tuple[Translation, ...]]:
    """Skill id -> its translations (the matcher reads each form and it without accents: Skill.translated_forms).

    ``claimed``: the normal form of every name and alias -> its skill id; translations are added to it."""
    top = Entry(data, file, KEY)
    out: dict[str, tuple[Translation, ...]] = {}
    for skill_id in top.data:
        entry = Entry(top.data[skill_id], file, f"{KEY} {skill_id!r}")
        if skill_id not in skill_ids:
            entry.fail("unknown skill (a translation names the skill it translates)")
        translations: list[Translation] = []
        forms: set[str] = set()  # normal forms of what the matcher reads
        written: set[str] = set()
        for language in entry.data:
            if not LANGUAGE.match(language):
                entry.fail(f"{language!r} is not a two-letter language code (ISO 639-1, lower case)")
            for form in entry.texts(language, non_empty=True):
                words = form.split()
                if len(words) == 1 and len(form) < MIN_ONE_WORD:
                    entry.fail(f"{language}: one-word form {form!r} is shorter than {MIN_ONE_WORD} letters")
                if normal_form(form) in written:
                    entry.fail(f"{language}: {form!r} is listed twice (case and spacing ignored)")
                written.add(normal_form(form))
                translations.append(Translation(language=language, form=form))
                for variant in dict.fromkeys((form, without_accents(form))):
                    key = normal_form(variant)
                    owner = claimed.get(key)
                    if owner is not None and (owner != skill_id or variant == form):
                        entry.fail(f"{language}: {variant!r} is already claimed by skill {owner!r}")
                    forms.add(key)
        for key in forms:
            claimed[key] = skill_id
        out[skill_id] = tuple(translations)
    return out

