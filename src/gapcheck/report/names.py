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

# What each strength means, for a reader (a legend line and a gap's "found as").
STRENGTH_WORDS: dict[str, str] = {
    "demonstrated": "shown in use (experience or projects)",
    "listed": "only listed (a skills list)",
    "mentioned": "only mentioned (summary, education or elsewhere)",
    "hedged": "hedged (familiar with, basic, learning)",
    "implied": "not written; it follows from another skill",
}

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
