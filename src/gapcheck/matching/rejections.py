"""Ordinary-English uses of skill words, as spaCy token patterns: a match of the skill inside one is dropped.

Keyed by skill id; entries for ids the taxonomy does not define are ignored. These are data kept next to the
matcher until the taxonomy format has a field for them (see the matching notes in taxonomy/README.md).
"""

from __future__ import annotations

from typing import Any

Pattern = list[dict[str, Any]]

_PLACES = ["indonesia", "island", "sea", "coffee", "jakarta", "bali", "sumatra", "borneo", "province"]
_ELECTRICAL = [
    "electrical",
    "power",
    "distribution",
    "voltage",
    "high-voltage",
    "substation",
    "current",
    "grid",
    "utility",
    "oil-filled",
    "step-down",
    "step-up",
]

REJECT_PATTERNS: dict[str, list[Pattern]] = {
    "go": [
        [{"LOWER": "go"}, {"ORTH": "-"}, {"LOWER": {"IN": ["live", "lives", "to", "between"]}}],
        [{"LOWER": "go"}, {"LOWER": {"IN": ["to", "live", "beyond", "above", "the", "through", "into"]}}],
        [{"LOWER": "go"}, {"ORTH": "-"}, {"LOWER": "to"}, {"ORTH": "-"}, {"LOWER": "market"}],
        [{"LOWER": {"IN": ["on", "to", "the", "a", "first"]}}, {"LOWER": "go"}],
    ],
    "r": [
        [{"ORTH": "R"}, {"ORTH": {"IN": ["&", "+"]}}, {"ORTH": "D"}],
        [{"ORTH": "R"}, {"ORTH": "."}, {"IS_TITLE": True}],
    ],
    "c": [
        [{"ORTH": "C"}, {"ORTH": "."}, {"IS_TITLE": True}],
        [{"LOWER": {"IN": ["grade", "vitamin", "type", "class", "series", "level", "suite"]}}, {"ORTH": "C"}],
        [{"ORTH": "C"}, {"ORTH": "-"}, {"LOWER": {"IN": ["suite", "level", "corp", "section"]}}],
    ],
    "java": [
        [{"LOWER": "java"}, {"ORTH": {"IN": [",", "("]}, "OP": "?"}, {"LOWER": {"IN": _PLACES}}],
        [{"LOWER": {"IN": ["central", "east", "west", "in", "on"]}}, {"LOWER": "java"}, {"ORTH": ","}],
        [{"LOWER": {"IN": ["central", "east", "west"]}}, {"LOWER": "java"}],
        [{"LOWER": "island"}, {"LOWER": "of"}, {"LOWER": "java"}],
        [{"LOWER": "java"}, {"LOWER": {"IN": ["chip", "chips", "house", "beans", "bean", "script"]}}],
    ],
    "excel": [
        [
            {"LOWER": {"IN": ["excel", "excels", "excelled", "excelling"]}},
            {"LOWER": {"IN": ["at", "in", "as", "under"]}},
        ],
        [{"LOWER": "to"}, {"LOWER": "excel"}],
    ],
    "apache-spark": [
        [{"LOWER": {"IN": ["sparked", "sparks", "sparking"]}}],
        [{"LOWER": "spark"}, {"LOWER": {"IN": ["interest", "curiosity", "joy", "passion", "conversations", "ideas"]}}],
        [{"LOWER": {"IN": ["a", "the"]}}, {"LOWER": "spark"}],
    ],
    "transformers": [
        [{"LOWER": {"IN": _ELECTRICAL}}, {"LOWER": {"IN": ["transformer", "transformers"]}}],
        [
            {"LOWER": {"IN": ["transformer", "transformers"]}},
            {"LOWER": {"IN": ["station", "stations", "substation", "winding", "windings", "oil"]}},
        ],
    ],
    "classification": [
        [
            {
                "LOWER": {
                    "IN": [
                        "security",
                        "job",
                        "position",
                        "tariff",
                        "wage",
                        "salary",
                        "land",
                        "hazard",
                        "waste",
                        "soil",
                        "industry",
                        "occupational",
                        "product",
                        "trade",
                        "customs",
                        "asset",
                    ]
                }
            },
            {"LOWER": {"IN": ["classification", "classifications"]}},
        ],
    ],
    "optimization": [
        [{"LOWER": "engine"}, {"LOWER": {"IN": ["optimization", "optimisation"]}}],
        [
            {"LOWER": {"IN": ["conversion", "seo"]}},
            {"LOWER": "rate", "OP": "?"},
            {"LOWER": {"IN": ["optimization", "optimisation"]}},
        ],
    ],
    "communication": [
        # a department or a job title: "Marketing Communications Manager", "Corporate Communications"
        [
            {"LOWER": {"IN": ["marketing", "corporate", "internal", "external", "public", "strategic", "crisis"]}},
            {"LOWER": {"IN": ["communication", "communications"]}},
        ],
        [
            {"LOWER": {"IN": ["communication", "communications"]}},
            {
                "LOWER": {
                    "IN": [
                        "manager",
                        "specialist",
                        "director",
                        "department",
                        "officer",
                        "coordinator",
                        "intern",
                        "associate",
                        "major",
                        "degree",
                        "studies",
                    ]
                }
            },
        ],
        [
            {"LOWER": {"IN": ["communicating", "communicate", "communicates", "communicated"]}},
            {"LOWER": {"IN": ["via", "over", "through", "using"]}},
        ],
        # A company name: "Acme Communications", "Verizon Communications Inc."
        [{"IS_TITLE": True}, {"ORTH": {"IN": ["Communications", "COMMUNICATIONS"]}}],
        [
            {
                "LOWER": {
                    "IN": [
                        "network",
                        "inter-process",
                        "interprocess",
                        "serial",
                        "wireless",
                        "satellite",
                        "real-time",
                        "protocol",
                        "radio",
                        "data",
                        "process",
                        "level",
                        "machine",
                        "device",
                        "inter",
                        "mobile",
                        "unified",
                        "optical",
                    ]
                }
            },
            {"LOWER": {"IN": ["communication", "communications"]}},
        ],
        [
            {"LOWER": {"IN": ["communication", "communications"]}},
            {
                "LOWER": {
                    "IN": [
                        "protocol",
                        "protocols",
                        "system",
                        "systems",
                        "network",
                        "networks",
                        "channel",
                        "channels",
                        "bus",
                        "layer",
                        "engineer",
                        "engineering",
                    ]
                }
            },
        ],
    ],
    "git": [
        # a profile link ("GitHub: @user", "Github://user", "GitHub/user") or another tool ("GitHub Actions")
        [{"LOWER": {"IN": ["github", "gitlab", "bitbucket"]}}, {"ORTH": {"IN": [":", "/", "@"]}}],
        [
            {"LOWER": {"IN": ["github", "gitlab", "bitbucket"]}},
            {"LOWER": {"IN": ["actions", "ci", "pages", "copilot"]}},
        ],
    ],
    "neural-networks": [
        # ANN as approximate nearest neighbours
        [
            {"ORTH": {"IN": ["ANN", "ANNs"]}},
            {
                "LOWER": {
                    "IN": [
                        "candidate",
                        "candidates",
                        "retrieval",
                        "search",
                        "index",
                        "indexes",
                        "indices",
                        "lookup",
                        "lookups",
                        "recall",
                    ]
                }
            },
        ],
        [{"LOWER": "approximate"}, {"LOWER": "nearest"}],
    ],
    "supervised-learning": [
        [{"LOWER": {"IN": ["semi", "self", "weakly"]}}, {"ORTH": "-"}, {"LOWER": "supervised"}],
        [{"LOWER": {"IN": ["semi-supervised", "self-supervised", "weakly-supervised"]}}],
    ],
    "scala": [
        [{"LOWER": {"IN": ["la", "alla", "teatro"]}}, {"LOWER": "scala"}],
    ],
    "rust": [
        [{"LOWER": "rust"}, {"LOWER": {"IN": ["belt", "removal", "prevention", "proofing"]}}],
    ],
}
