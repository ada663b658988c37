"""The learned crisis backstop: it catches new ways of saying it that no rule names, and
leaves near misses, denials and other people's stories alone."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from voice.feelings import crisis_model
from voice.feelings.crisis import KINDS, detect

ROOT = Path(__file__).resolve().parent.parent

# Written for this test (in no data file): no rule names these, the model finds them.
MODEL_ONLY = [
    "i want to erase my whole life",  # "end my entire life", "delete my life": rules (round 14)
    "i wanna end my pointless life",
    "i want to quit my whole life",
    "i want my whole life to end",
    "i want to stop my whole life",  # "finish my life" is a rule since round 13
]
# Their twins and the guards: ordinary ends, denials, someone else, idioms.
NOT_CRISIS = [
    "i want to end my whole day early",
    "i want to end my subscription",
    "i want to end my whole career",
    "i'm not going to hurt myself, i just need to vent",
    "i've never wanted to die",
    "she wants to end her whole life",
    "i'm dying to see the new film",
    "the tablets are in the cupboard",
    "i'm going to cut the onions now",
]


def test_the_weights_load_and_are_small() -> None:
    model = crisis_model.load()
    assert model.weights.shape == (crisis_model.BUCKETS,)
    assert 1000 < np.count_nonzero(model.weights) < 100_000
    assert 0 < model.threshold < 20  # log-odds: a confident model, by cross-validation
    assert crisis_model.WEIGHTS.stat().st_size < 300_000


@pytest.mark.parametrize("text", MODEL_ONLY)
def test_new_phrasings_are_caught_by_the_model_alone(text: str) -> None:
    match = detect(text)
    assert match is not None, text
    assert match.kind == "unclear"
    assert match.kind in KINDS
    assert crisis_model.says_crisis(text)
    assert crisis_model.probability(text) > 0.98  # the threshold is chosen out of fold


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_twins_denials_and_other_people_are_not(text: str) -> None:
    assert not crisis_model.says_crisis(text)
    assert detect(text) is None


def test_the_guards_come_before_the_model() -> None:
    assert crisis_model.ruled_out(crisis_model.tokens("she wants to end her whole life"))
    assert crisis_model.ruled_out(crisis_model.tokens("i'm dying to see it"))
    assert not crisis_model.ruled_out(crisis_model.tokens("they'd be better off without me"))


def test_denials_are_marked_to_the_end_of_the_clause() -> None:
    toks = crisis_model.tokens("I don't want to die, but part of me does")
    assert crisis_model.denials_marked(toks) == [
        "i", "don't", "~want", "~to", "~die", ",", "but", "part", "of", "me", "does"]


def test_no_near_miss_of_the_tests_is_flagged() -> None:
    phrases = yaml.safe_load((ROOT / "tests" / "data" / "crisis_phrases.yaml").read_text(
        encoding="utf-8"))
    assert [t for t in phrases["not_crisis"] if crisis_model.says_crisis(t)] == []


def test_training_is_deterministic_and_reads_no_reported_sentence() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import train_crisis_model as training

    rows = training.dataset()
    reported = {training._key(c.text) for cases in training.load("report").values()
                for c in cases}
    assert not reported & {training._key(text) for _, text, _, _ in rows}
    small = rows[::40]
    x = training.Matrix([crisis_model.features(text) for _, text, _, _ in small])
    y = np.array([label for _, _, label, _ in small], dtype=np.float64)
    weights = training.sample_weights(y, [role for *_, role in small])
    first, second = training.train(x, y, weights), training.train(x, y, weights)
    assert np.array_equal(first[0], second[0]) and first[1] == second[1]
