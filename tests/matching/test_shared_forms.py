"""Forms of skills that resumes write beside the names: "TF 2", lower-case "transformer(s)" in a model context,
"serving" beside model work, and one head shared by two skills ("linear/logistic regression", "regression
(linear/logistic)", "model deployment and monitoring").

Every sentence here is invented for the test; the real taxonomy and the real spaCy matcher are used."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck.knowledge import load_taxonomy
from gapcheck.knowledge.model import Taxonomy
from gapcheck.knowledge.shared_words import shared_word_patterns
from gapcheck.matching import SkillMatch, Strength, match_skills
from gapcheck.reading import read_text

TODAY = date(2024, 6, 1)
EXPERIENCE = "Ana Ruiz\n\nEXPERIENCE\nNorte Datos - Data Scientist, Jan 2019 - Jan 2022\n"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def found(line: str, taxonomy: Taxonomy) -> dict[str, SkillMatch]:
    matches = match_skills(read_text(EXPERIENCE + line + "\n", today=TODAY), taxonomy)
    return {m.skill_id: m for m in matches if m.strength != Strength.IMPLIED}


# ------------------------------------------------------------------ TensorFlow written "TF"


@pytest.mark.parametrize(
    "line",
    [
        "- Trained image models in TF 2 and Keras.",
        "- Ported the training loop from PyTorch/TF to JAX.",
        "- Frameworks: Keras, TF 2.x, scikit-learn",
        "- Rewrote the TF 1.x graphs as Keras models.",
    ],
)
def test_tf_with_a_version_or_beside_another_framework_is_tensorflow(line: str, taxonomy: Taxonomy) -> None:
    assert "tensorflow" in found(line, taxonomy)


@pytest.mark.parametrize(
    "line",
    ["- Led the TF working group on tax forms.", "- Chaired the TF and the audit committee."],
)
def test_tf_without_a_version_or_a_framework_beside_it_is_not_tensorflow(line: str, taxonomy: Taxonomy) -> None:
    assert "tensorflow" not in found(line, taxonomy)


# ------------------------------------------------------------------ lower-case transformers


@pytest.mark.parametrize(
    "line",
    [
        "- Fine-tuned a transformer for ticket routing in the help desk.",
        "- Trained transformers for document classification.",
        "- Pretrained a small transformer on product titles.",
    ],
)
def test_a_lower_case_transformer_trained_or_tuned_is_transformers(line: str, taxonomy: Taxonomy) -> None:
    assert "transformers" in found(line, taxonomy)


@pytest.mark.parametrize(
    "line",
    [
        "- Replaced a transformer at the north substation after the storm.",
        "- Installed two transformers and the switchgear for the new plant.",
    ],
)
def test_an_electrical_transformer_is_not_transformers(line: str, taxonomy: Taxonomy) -> None:
    assert "transformers" not in found(line, taxonomy)


# ------------------------------------------------------------------ serving beside model work


@pytest.mark.parametrize(
    "line",
    [
        "- Owned training and serving for the ranking stack.",
        "- Cut GPU serving costs by 40% with batching.",
        "- Moved LLM serving to a shared cluster.",
    ],
)
def test_serving_beside_model_work_is_model_serving(line: str, taxonomy: Taxonomy) -> None:
    assert "model-serving" in found(line, taxonomy)


@pytest.mark.parametrize(
    "line",
    ["- Serving 40 restaurants across the city each night.", "- Ad serving and billing for the publisher network."],
)
def test_serving_customers_or_ads_is_not_model_serving(line: str, taxonomy: Taxonomy) -> None:
    assert "model-serving" not in found(line, taxonomy)


# ------------------------------------------------------------------ one head shared by two skills


@pytest.mark.parametrize(
    ("line", "skill_ids"),
    [
        ("- Fitted regression (linear/logistic) baselines for churn.", {"linear-regression", "logistic-regression"}),
        ("- Regression (logistic, linear) models for pricing.", {"linear-regression", "logistic-regression"}),
        ("- Applied supervised/unsupervised learning to fraud data.", {"supervised-learning", "unsupervised-learning"}),
        ("- Built convolutional/recurrent neural networks for audio.", {"cnn", "rnn"}),
        ("- Owned model deployment and monitoring for the risk team.", {"model-deployment", "model-monitoring"}),
        ("- Data cleaning, validation and loading for the warehouse.", {"data-cleaning", "data-validation"}),
    ],
)
def test_a_shared_head_or_modifier_is_read_for_both_skills(
    line: str, skill_ids: set[str], taxonomy: Taxonomy
) -> None:
    assert skill_ids <= set(found(line, taxonomy))


def test_a_shared_head_needs_the_other_term_to_exist(taxonomy: Taxonomy) -> None:
    # "model training" is no term: "deployment" alone after it is not model deployment
    got = found("- Owned model training and planning for the risk team.", taxonomy)
    assert "model-deployment" not in got
    # "supervised" here modifies no "learning" term of the taxonomy
    assert "unsupervised-learning" not in found("- Supervised/trained three interns in learning Python.", taxonomy)


def test_the_patterns_are_made_from_the_terms_words_only() -> None:
    """Two skills with terms "model X" get a list of tails after "model"; two with terms "X regression" a list of
    modifiers before "regression" or in brackets after it; a term no other skill shares a word with gets none."""
    terms = {"lin": ("linear regression",), "log": ("logistic regression",), "dep": ("model deployment",),
             "mon": ("model monitoring",), "alone": ("feature stores",)}  # fmt: skip
    made = shared_word_patterns(terms)
    assert "alone" not in made
    assert made["mon"] == [[{"LOWER": "model"}, {"LOWER": {"IN": ["deployment", "deployments"]}},
                            {"LOWER": {"IN": ["&", ",", "/", "and", "or"]}},
                            {"LOWER": {"IN": ["&", ",", "/", "and", "deployment", "deployments", "monitoring",
                                              "monitorings", "or"]}, "OP": "{0,4}"},
                            {"LOWER": {"IN": ["monitoring", "monitorings"]}}]]  # fmt: skip
    assert len(made["lin"]) == 2  # before the head, and the head with the list in brackets
