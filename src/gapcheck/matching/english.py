"""English words the matcher reads around a skill: cue phrases, label words, joiners. Data only, no logic.

Like spaCy's ``lang/en/stop_words.py`` or negspacy's termsets, these are phrase lists; the modules that use them
compile them once (:func:`gapcheck.matching.phrases.phrase_regex`). They are language data, not role knowledge:
every taxonomy shares them. Phrase syntax, kept small:

- words are separated by one space, which matches any run of whitespace; case is ignored;
- ``a|b`` offers alternatives for one word ("familiar|familiarity with");
- ``(yet)`` is an optional word;
- ``…`` stands for up to two words of any kind ("no … experience": "no real production experience");
- inside a word, ``-`` matches a hyphen, a space or nothing ("hands-on"), and ``'`` matches ' or ’ ("don't").
"""

from __future__ import annotations

# ---------------------------------------------------------------- the reach of a cue

# Words that end a cue's reach inside a line (as do ". ", ";", "!", "?").
CLAUSE_BREAKS: tuple[str, ...] = ("but", "however", "whereas", "although", "though")

# ---------------------------------------------------------------- negation: the skill is NOT shown

# Anywhere earlier in the clause: "no experience with X", "without any production exposure to X", "never used X",
# "have not fine-tuned an LLM", "planning to learn X" (wanting to learn something says it is not known yet), "a role
# where I can X" (an aim).
NEGATIONS_BEFORE: tuple[str, ...] = (
    "no|without|zero|lack|lacking … experience|exposure|knowledge|background",
    "lack of … experience|exposure|knowledge|background",
    "not (yet) used|worked|familiar|experienced|proficient",
    "never",
    "not yet",
    "have|has|had not",
    "haven't|hasn't|hadn't",
    "do|does|did not (yet) have|know|use",
    "don't|doesn't|didn't (yet) have|know|use",
    "plan|planning|plans|want|wants|hoping|hope|keen|eager|aim|aiming to learn|study|explore|master",
    "would like to learn|study|explore",
    "next goal|goals",
    # an aim, not a record: "a first role where I can build and ship models", "I hope to deploy models"; not "a
    # platform where I can deploy models" (a thing built) nor "I want to bring six years of PyTorch" (a record)
    "role|position|job|opportunity|team where i can|could",
    "role|position|job|opportunity in … where i can|could",
    # a role sought, and what it is to hold: "Looking for an ML engineer role where the models go to production",
    # "Seeking a senior role where …"
    "looking|seeking|searching for (a|an) … role|position|job|opportunity where",
    "seeking|seek (a|an) … role|position|job|opportunity where",
    # what other people are asked for: a recruiter's "Screened candidates for roles requiring Python and AWS",
    # "sourced applicants skilled in PyTorch"; a job ad's "positions that require Kubernetes"
    "roles|positions|jobs|vacancies|openings|requisitions requiring|needing",
    "roles|positions|jobs|vacancies|openings|requisitions that|which require|required|need|needed",
    "candidates|applicants|profiles skilled|experienced|versed in",
    "i want|hope|aspire|aim to learn|grow|move|transition|get|gain|become|deploy|build|ship|apply|use|work",
    "i would like|love to",
    "i'd like|love to",
)

# Right before the skill: "(no machine learning)", "without Docker", "no hands-on Kubernetes".
NEGATIONS_RIGHT_BEFORE: tuple[str, ...] = (
    "no|without",
    "no|without hands-on|real|production|professional|prior|practical",
)
# The words that carry a right-before negation along a list: "no hands-on AWS or Azure", "without Docker nor Helm".
NEGATED_LIST_JOINERS: tuple[str, ...] = ("or", "nor")
# A prefix joined by a hyphen: "non-ML".
NEGATING_PREFIXES: tuple[str, ...] = ("non",)

# Right after the skill: "Kubernetes (not yet)", "Spark (none)", "Go - no", "Rust: no"; a certificate not held yet:
# "AWS Certified Machine Learning - Specialty (exam booked for May)", "... - studying for it".
NEGATIONS_AFTER: tuple[str, ...] = ("not yet", "none", "exam|test booked|scheduled|planned")
NEGATIONS_AFTER_DASH: tuple[str, ...] = ("no", "studying|preparing for")

# A line carries on the sentence of the line above (a wrapped line in a PDF) when that line ends in a comma or one
# of these words: a cue there reaches into it ("No experience with" / "Kubernetes", "where I can build and" / "ship").
CONTINUING_WORDS: tuple[str, ...] = (
    "with", "and", "or", "nor", "to", "of", "in", "on", "for", "from", "into", "by", "at", "as", "the", "a", "an",
    "can", "could", "will", "would", "not", "no", "any", "some", "my", "our", "using", "use", "used", "learn",
    "learning",
)

# ---------------------------------------------------------------- hedging: shown, but weakly

HEDGES_BEFORE: tuple[str, ...] = (
    "familiar|familiarity with|in",
    "basic|basics",
    "beginner",
    "novice",
    "elementary",
    "introductory|introduction",
    "exposure|exposed to",
    "currently|now|still|am|i'm|actively|started|starting learning|studying|self-learning|self-studying",
    "some experience|knowledge|exposure|familiarity",
    "limited experience|knowledge|exposure",
    "working|passing|general knowledge of",
    "interested in",
    "curious about",
)
# Phrases that hold a hedge word without hedging (negspacy's "pseudo" terms): "Visual Basic" is a language.
PSEUDO_HEDGES: tuple[str, ...] = ("visual basic",)
# Right after the skill, in parentheses: "Scala (basic)", "Rust (learning)".
HEDGES_IN_PARENTHESES: tuple[str, ...] = ("basic", "beginner", "learning", "familiar", "novice", "elementary")

# ---------------------------------------------------------------- labels heading a list

# The labels that head a list ("Familiar:", "Relevant coursework:", "Data Visualization Tools:") are judged by the
# reader's one line_role function, from gapcheck.reading.lexicon (HEDGE_LABELS, COURSE_LABELS, SKILL_LABEL_WORDS).


# ---------------------------------------------------------------- words around an ambiguous skill name

# "a statistics class in R", "coded using R": a preposition or verb that introduces a tool.
TECH_PREPOSITIONS: tuple[str, ...] = ("in", "using", "with", "via", "of", "use", "used", "uses", "know", "knows")
# Words that join items of a list ("Python and R", "Go or Rust").
LIST_JOINERS: tuple[str, ...] = ("and", "or")

# ---------------------------------------------------------------- words too common to index a pattern on

COMMON_WORDS: tuple[str, ...] = (
    "the", "a", "an", "in", "on", "to", "of", "for", "with", "and", "or", "at", "by", "from", "as", "is", "are",
    "was", "were", "be", "it", "its", "this", "that", "these", "our", "my", "their", "his", "her", "we", "i",
)  # fmt: skip

# ---------------------------------------------------------------- names of other things (a skill word inside: no skill)

# Degree names: "B.Tech in Electronics and Communication", "M.Sc. Statistics", "Master of Science in Statistics".
# Abbreviations with periods (and the unmistakable BSc, MSc, PhD ...) name a degree by themselves; the short
# ones ("MS", "BA") and the words ("Master", "Major") only when "in" or "of" follows.
DEGREES: tuple[str, ...] = (
    "B.S.", "B.Sc.", "B.Sc", "M.S.", "M.Sc.", "M.Sc", "Ph.D.", "Ph.D", "B.A.", "M.A.", "B.E.", "M.E.", "B.Tech.",
    "B.Tech", "M.Tech.", "M.Tech", "B.Eng.", "M.Eng.", "BSc", "MSc", "PhD", "BTech", "MTech", "BEng", "MEng", "MBA",
    "MPhil", "M.Phil.", "BBA", "BCA", "MCA",
)  # fmt: skip
DEGREES_BEFORE_IN_OR_OF: tuple[str, ...] = (
    "BS", "MS", "BA", "MA", "BE", "ME", "Bachelor", "Bachelors", "Bachelor's", "Master", "Masters", "Master's",
    "Doctorate", "Doctor", "Diploma", "Associate", "Major", "Minor", "Degree", "bachelor's", "master's", "degree",
)  # fmt: skip
# "Master of Science in ...": the kind of degree between the degree word and the field.
DEGREE_KINDS: tuple[str, ...] = (
    "Science", "Arts", "Engineering", "Technology", "Philosophy", "Applied Science", "Business Administration",
    "Computer Applications", "Education",
)  # fmt: skip
# Words that end a degree's field: "M.S. in Statistics from Stanford", "BSc Physics at ETH".
DEGREE_FIELD_ENDS: tuple[str, ...] = ("from", "at", "with", "graduated", "expected", "gpa", "cgpa")

# The legal form that ends a company name: "Northwind Communications Inc.", "Acme Analytics GmbH".
COMPANY_SUFFIXES: tuple[str, ...] = (
    "Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "GmbH", "Corp", "Corp.", "Corporation", "PLC", "plc",
    "AG", "LLP", "Pvt", "Pvt.", "S.A.", "B.V.", "N.V.", "Co.", "Oy", "ApS", "S.p.A.", "SARL", "KG",
)  # fmt: skip

# The last word of a job title: "Communications Assistant", "Data Visualization Specialist".
JOB_TITLE_NOUNS: tuple[str, ...] = (
    "Assistant", "Manager", "Specialist", "Director", "Officer", "Coordinator", "Intern", "Associate", "Engineer",
    "Scientist", "Analyst", "Consultant", "Developer", "Architect", "Researcher", "Lead", "Head", "Administrator",
    "Technician", "Representative", "Executive", "Strategist", "Designer", "Advisor", "Adviser", "Fellow",
    "Trainee", "Apprentice", "Programmer", "Evangelist", "Owner", "VP", "President",
)  # fmt: skip
