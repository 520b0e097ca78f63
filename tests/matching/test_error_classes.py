"""One test per class of error seen on resumes the matcher was never tuned on, each with sentences of our own.

Every rule is stated once, as data (taxonomy ``rejects`` / ``patterns``, the phrase lists of matching/english.py) or
as a generic mechanism (matching/names.py, the fuzzy word guard); these tests name the class each one prevents.
"""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.matching import Strength, match_skills
from gapcheck.reading import read_text

EXPERIENCE = "Jane Roe\n\nEXPERIENCE\nAcme Analytics - Data Scientist, Jan 2019 - Jan 2022\n"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def seen(text: str, taxonomy: Taxonomy) -> set[str]:
    """The skills shown directly (implied ones left out, as the annotation guide does)."""
    matches = match_skills(read_text(text, today=date(2024, 6, 1)), taxonomy)
    return {m.skill_id for m in matches if m.strength != Strength.IMPLIED}


def lines(*text: str) -> str:
    return EXPERIENCE + "".join(f"- {t}\n" for t in text)


# ------------------------------------------------------------------ a word inside the name of something else


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # a degree
        ("Jane Roe\n\nEDUCATION\nB.E. in Electronics and Communication, Anna University, 2019\n", "communication"),
        ("Jane Roe\n\nEDUCATION\nMSc Statistics, University of Leeds, 2015\n", "statistics"),
        ("Jane Roe\n\nEDUCATION\nMaster of Science in Statistics from Rice University\n", "statistics"),
        # a company
        (lines("Backend engineer at Riverside Communications Ltd. for three years."), "communication"),
        # a job title
        ("Jane Roe\n\nEXPERIENCE\nPublic Communications Assistant, Town Hall, 2016 - 2018\n", "communication"),
        # a web address
        ("Jane Roe\nportfolio: github.com/jroe/open-source-notes | jroe.dev\n", "open-source"),
        ("Jane Roe\nhttps://dockernotes.example.com/posts\n", "docker"),
        ("Jane Roe\nhttps://github.com/jroe/llm-papers\n", "llm"),
    ],
)
def test_a_word_inside_a_name_of_something_else_is_not_a_skill(text: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id not in seen(text, taxonomy)


def test_a_term_that_is_the_whole_name_still_counts(taxonomy: Taxonomy) -> None:
    # "Team Lead" is a job title and the skill's own alias; a certificate is no job title
    found = seen("Jane Roe\n\nEXPERIENCE\nTeam Lead, Acme, 2019 - 2022\n- Led a team of four engineers.\n", taxonomy)
    assert "technical-leadership" in found
    found = seen("Jane Roe\n\nCERTIFICATIONS\nGoogle Cloud Professional Machine Learning Engineer\n", taxonomy)
    assert {"cert-google-pmle", "gcp"} <= found
    assert "statistics" in seen(lines("Statistics and hypothesis testing for the pricing team."), taxonomy)


# ------------------------------------------------------------------ using something is not building it


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("Pulled daily prices through RESTful API access to a vendor feed.", "api-development"),
        ("Consumed partner REST APIs to enrich customer records.", "api-development"),
        ("Wrote a nightly job calling the weather service's REST API.", "api-development"),
        ("Published order events with a Kafka producer in Java.", "data-pipelines"),
        ("Stored uploads behind AWS API Gateway and S3.", "api-development"),
    ],
)
def test_using_something_is_not_building_it(sentence: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id not in seen(lines(sentence), taxonomy)


def test_building_it_still_counts(taxonomy: Taxonomy) -> None:
    assert "api-development" in seen(lines("Designed and built REST APIs in FastAPI for the mobile app."), taxonomy)


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("The gate sensor communicates with the gateway over MQTT.", "communication"),
        ("Scaled the web service across multiple nodes.", "distributed-training"),
        ("Worked unsupervised on weekend shifts at the plant.", "unsupervised-learning"),
        ("Played cello in the university jazz ensemble.", "ensemble-methods"),
        ("Led search engine optimization for the company blog.", "optimization"),
        # an ambiguous word in a sentence is not a list item: a wrapped sentence's end, or two things joined by "and"
        ("Moved the nightly job to hourly runs via\noptimization, caching, and fewer batches in SQL.", "optimization"),
        ("Extended the supported SQL syntax and optimizations.", "optimization"),
    ],
)
def test_the_same_words_about_something_else_are_not_the_skill(
    sentence: str, skill_id: str, taxonomy: Taxonomy
) -> None:
    assert skill_id not in seen(lines(sentence), taxonomy)


# ------------------------------------------------------------------ a statistical test is not software testing


@pytest.mark.parametrize(
    "sentence",
    [
        "Ran hypothesis tests on the survey results.",
        "Used t-tests and chi-square tests to compare cohorts.",
        "Testing for significant differences between the two store formats.",
        "Regression, hypothesis tests, ANOVA.",
    ],
)
def test_a_statistical_test_is_not_software_testing(sentence: str, taxonomy: Taxonomy) -> None:
    assert "software-testing" not in seen(lines(sentence), taxonomy)


def test_software_testing_written_as_what_was_done(taxonomy: Taxonomy) -> None:
    assert "software-testing" in seen(lines("Added checks that run on every pull request."), taxonomy)
    assert "software-testing" in seen(lines("Raised code coverage of the billing service to 85%."), taxonomy)


# ------------------------------------------------------------------ a model's architecture is not system design


def test_a_model_architecture_is_not_ml_system_design(taxonomy: Taxonomy) -> None:
    found = seen(lines("Steering efforts in developing deep learning architectures for speech."), taxonomy)
    assert "ml-system-design" not in found
    assert "neural-networks" in found  # "deep learning" is written: the annotators read neural networks


# ------------------------------------------------------------------ negation and wanting to learn


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("Have not fine-tuned a model myself yet.", "fine-tuning"),
        ("I have not deployed models to production.", "model-deployment"),
        ("Planning to learn Kubernetes next year.", "kubernetes"),
    ],
)
def test_what_the_person_says_they_have_not_done_is_not_a_skill(
    sentence: str, skill_id: str, taxonomy: Taxonomy
) -> None:
    assert skill_id not in seen(lines(sentence), taxonomy)


# ------------------------------------------------------------------ paraphrases: what was done, in other words


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("Classified support tickets by the mood of the writer.", "nlp"),
        ("Answered questions over contracts in natural language.", "nlp"),
        ("Spotted dents in camera images of car doors.", "computer-vision"),
        ("Built the 'you may also like' carousel for the shop.", "recommendation-systems"),
        ("Recommended similar products to returning shoppers.", "recommendation-systems"),
        ("Ran the inference backend for twelve vision models.", "model-serving"),
        ("Adapted a pretrained BERT to insurance claims.", "fine-tuning"),
        ("Split training across 8 GPUs to cut the epoch time.", "distributed-training"),
        ("Added data quality checks to every nightly load.", "data-validation"),
        ("Worked closely with product, legal and sales on the launch.", "cross-functional-collaboration"),
        ("Head a 12-member analytics group.", "technical-leadership"),
        ("Searched over learning rate and tree depth with Optuna.", "hyperparameter-tuning"),
        ("Presented the churn model to the executive committee.", "communication"),
        ("Trained XGBoost and CatBoost models for churn.", "gradient-boosting"),
        ("Research interests: Deep Learning for medical imaging.", "neural-networks"),
        ("Deployed and monitored the fraud models.", "model-deployment"),
        ("Unsupervised anomaly detection on sensor streams.", "unsupervised-learning"),
        ("Managed five engineers across two squads.", "technical-leadership"),
        ("Exposed the model as a REST endpoint for the app.", "model-serving"),
        ("Trained the model on a 16-GPU cluster.", "distributed-training"),
        ("Extracted entities from legal contracts.", "nlp"),
    ],
)
def test_paraphrases_are_found(sentence: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id in seen(lines(sentence), taxonomy)


# ------------------------------------------------------------------ explicit forms the aliases lacked


@pytest.mark.parametrize(
    ("written", "skill_id"),
    [
        ("Object Oriented concepts", "oop"),
        ("OOPs", "oop"),
        ("convolutional architectures", "cnn"),
        ("conv nets", "cnn"),
        ("decision-tree models", "decision-trees"),
        ("RandomForestClassifier", "decision-trees"),
        ("transformer-based encoders", "transformers"),
        ("encoder-decoder models", "transformers"),
        ("Django rest-framework", "api-development"),
    ],
)
def test_explicit_forms_are_found(written: str, skill_id: str, taxonomy: Taxonomy) -> None:
    assert skill_id in seen(lines(f"Worked with {written} daily."), taxonomy)


def test_an_ambiguous_word_in_a_coursework_list_is_a_subject(taxonomy: Taxonomy) -> None:
    # "Optimization" needs a skills context; a "Coursework:" line lists subjects even when the items are long
    courses = "Relevant Coursework: Probability & Statistics for Engineers • Optimization & Numerical Methods"
    text = f"Jane Roe\n\nEDUCATION\n{courses}\n"
    assert "optimization" in seen(text, taxonomy)
    assert "optimization" not in seen(lines("Cut cloud spend through query optimization."), taxonomy)


# ------------------------------------------------------------------ fuzzy matching changes letters, not words


@pytest.mark.parametrize(
    ("written", "not_skill"), [("performance tuning", "software-testing"), ("small scripts", "bash")]
)
def test_a_misspelling_does_not_swap_a_whole_word(written: str, not_skill: str, taxonomy: Taxonomy) -> None:
    assert not_skill not in seen(f"Jane Roe\n\nSKILLS\nGit, {written}, Docker\n", taxonomy)
