"""Cue words of the other languages that the taxonomy's translations cover (es, de, fr, pt, it, nl, pl): data only.

A resume in Spanish that names "aprendizaje automático" may say "sin experiencia en aprendizaje automático": once a
skill's name is read in a language, so must the words that negate or hedge it. Same phrase syntax and the same use as
the English lists of :mod:`gapcheck.matching.english` (``…`` up to two words, ``a|b`` alternatives, ``'`` either
apostrophe); :mod:`gapcheck.matching.cues` compiles both. Only phrases that cannot be ordinary words of another
language are listed: no bare "nie", "mai" (the month in German), "no".
"""

from __future__ import annotations

# Anywhere earlier in the clause: "sin experiencia en X", "keine Erfahrung mit X", "aucune expérience en X".
NEGATIONS_BEFORE: tuple[str, ...] = (
    "sin|ninguna|nula … experiencia|conocimientos|conocimiento",  # es
    "no tengo|tiene … experiencia|conocimientos",
    "sem|nenhuma|nenhum … experiência|experiencia|conhecimento|conhecimentos",  # pt
    "não tenho|tem … experiência|experiencia|conhecimento|conhecimentos",
    "keine|ohne … Erfahrung|Erfahrungen|Kenntnisse|Vorkenntnisse",  # de
    "aucune|sans … expérience|experience|connaissance|connaissances",  # fr
    "pas d'expérience|d'experience|de connaissances",
    "nessuna|senza … esperienza|conoscenza|conoscenze",  # it
    "geen|zonder … ervaring|kennis",  # nl
    "brak … doświadczenia|doswiadczenia|znajomości|znajomosci",  # pl
    "bez … doświadczenia|doswiadczenia",
    "nunca|jamais|niemals",
)

# Earlier in the clause, the skill shown weakly: "conocimientos básicos de X", "Grundkenntnisse in X".
HEDGES_BEFORE: tuple[str, ...] = (
    "conocimientos|nociones básicos|basicos|elementales",  # es
    "nociones de",
    "familiarizado|familiarizada con",
    "conhecimentos|noções|nocoes básicos|basicos|básicas|basicas",  # pt
    "noções|nocoes de",
    "familiarizado|familiarizada com",
    "Grundkenntnisse|Basiskenntnisse|Grundlagenkenntnisse",  # de
    "erste Erfahrungen|Kenntnisse",
    "vertraut mit",
    "notions",  # fr
    "connaissances de base",
    "conoscenze|nozioni di base",  # it
    "conoscenze base|basilari",
    "nozioni di",
    "basiskennis",  # nl
    "bekend met",
    "podstawowa znajomość|znajomosc|wiedza",  # pl
    "podstawy",
)

# Before a case-sensitive short name, as "in R" is in English: "informes en R", "modelos em R", "Auswertungen mit R".
TECH_PREPOSITIONS: tuple[str, ...] = ("en", "em", "con", "com", "mit", "avec", "met", "med", "w", "z", "za", "ile")
