"""Acute distress: phrasings that must be noticed and near misses that must not."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from voice.feelings.distress import (
    DISTRESS_PHRASES,
    KINDS,
    DistressMatch,
    detect,
    is_distress,
)

PHRASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "distress_phrases.yaml").read_text(encoding="utf-8"))


def test_enough_phrasings_are_tested() -> None:
    assert len(PHRASES["distress"]) >= 60
    assert len(PHRASES["not_distress"]) >= 40
    assert {case["kind"] for case in PHRASES["distress"]} == set(KINDS)


@pytest.mark.parametrize("case", PHRASES["distress"], ids=lambda c: c["text"])
def test_distress_is_noticed(case: dict[str, str]) -> None:
    match = detect(case["text"])
    assert match is not None, case["text"]
    assert match.kind == case["kind"], match
    assert match.kind in KINDS
    assert match.phrase
    assert is_distress(case["text"])


@pytest.mark.parametrize("text", PHRASES["not_distress"])
def test_near_misses_are_not_distress(text: str) -> None:
    assert detect(text) is None
    assert not is_distress(text)


@pytest.mark.parametrize("text", DISTRESS_PHRASES)
def test_grammar_phrases_are_detected(text: str) -> None:
    assert is_distress(text)


def test_grammar_phrases_are_plain_spoken_words() -> None:
    assert 30 <= len(DISTRESS_PHRASES) <= 50
    assert len(set(DISTRESS_PHRASES)) == len(DISTRESS_PHRASES)
    for phrase in DISTRESS_PHRASES:
        assert phrase == phrase.lower().strip()
        assert all(ch.isalpha() or ch in " '" for ch in phrase), phrase
        assert "  " not in phrase


def test_grammar_phrases_are_in_the_pocketsphinx_dictionary() -> None:
    pocketsphinx = pytest.importorskip("pocketsphinx")
    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "cmudict-en-us.dict")
    with open(path, encoding="utf-8") as handle:
        known = {line.split(" ", 1)[0].split("(")[0] for line in handle}
    for phrase in DISTRESS_PHRASES:
        assert all(word in known for word in phrase.split()), phrase


def test_match_reports_the_words_and_is_frozen() -> None:
    match = detect("Oh no. I think I'm having a panic attack!")
    assert match == DistressMatch("having a panic attack", "panic")
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.kind = "help"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   ", "...", "!?", "um", "okay"])
def test_empty_and_filler_are_not_distress(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(("denied", "meant"), [
    ("i'm not panicking", "i'm panicking"),
    ("i'm not having a panic attack", "i'm having a panic attack"),
    ("i'm not freaking out", "i'm freaking out"),
    ("i'm not shaking", "i'm shaking"),
    ("i'm not losing it", "i'm losing it"),
])
def test_a_plain_denial_is_respected(denied: str, meant: str) -> None:
    assert detect(denied) is None
    assert detect(meant) is not None


def test_a_denial_covers_only_its_own_words() -> None:
    assert detect("no, i'm panicking") is not None
    assert detect("i'm not panicking, but my heart is racing") == DistressMatch(
        "heart is racing", "body")


def test_a_rating_makes_weaker_words_a_check_in() -> None:
    assert detect("i'm so scared") is not None
    assert detect("i'm so scared, maybe a seven") is None
    assert detect("i need to calm down right now") is not None
    assert detect("i need to calm down right now, like an 8") is None
    # Strong words stay distress whatever else is said.
    assert detect("i'm panicking, like a ten") is not None


def test_detect_is_fast() -> None:
    texts = [case["text"] for case in PHRASES["distress"]] + list(PHRASES["not_distress"])
    detect(texts[0])
    start = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for text in texts:
            detect(text)
    per_sentence = (time.perf_counter() - start) / (rounds * len(texts))
    assert per_sentence < 0.001


def test_long_rambling_input_stays_quick() -> None:
    text = "so " * 300 + "i'm " * 300 + "the dog is barking and " * 50
    start = time.perf_counter()
    assert detect(text) is None
    assert time.perf_counter() - start < 0.5
