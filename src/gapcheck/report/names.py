"""Display words for the ids reports print: categories, strengths, section kinds. Data only, no logic."""

from __future__ import annotations

# Skill categories in the order reports list them (the roadmap's order); categories not named here follow,
# alphabetically, with their id capitalized.
CATEGORY_NAMES: dict[str, str] = {
    "programming": "Programming",
    "software engineering": "Software engineering",
    "math": "Math",
    "data": "Data",
    "classical ml": "Classical ML",
    "deep learning": "Deep learning",
    "llm": "LLMs",
    "mlops": "MLOps",
    "cloud": "Cloud",
    "architecture": "Architecture",
    "specialization": "Specialization",
    "portfolio": "Portfolio",
    "certification": "Certifications",
    "soft skills": "Soft skills",
    "leadership": "Leadership",
}

# Each strength for a reader: the state a gap is in ("only listed") and where or how it was found (a legend line,
# a gap's "why"). The one wording of strengths every report uses (report/words.py reads it).
STRENGTH_WORDS: dict[str, tuple[str, str]] = {
    "demonstrated": ("shown in use", "in experience or projects"),
    "listed": ("only listed", "in a skills list"),
    "mentioned": ("only mentioned", "in the summary, education or elsewhere"),
    "hedged": ("hedged", "familiar with, basic, learning"),
    "implied": ("implied", "not written: it follows from another skill"),
}

# Skill categories that are credentials: a plan says "earn" them, not "learn" them.
CREDENTIAL_CATEGORIES: tuple[str, ...] = ("certification",)

# Resume section kinds as headings.
SECTION_NAMES: dict[str, str] = {
    "experience": "Experience",
    "projects": "Projects",
    "skills": "Skills",
    "summary": "Summary",
    "education": "Education",
    "certifications": "Certifications",
    "publications": "Publications",
    "other": "Other",
}

# Words a wrapped line can end with in mid-sentence: a line break after one of them does not end the sentence.
LINE_JOINERS: tuple[str, ...] = (
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "via",
    "using",
)
