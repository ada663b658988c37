"""Crisis language: phrasings and near misses, and what Attune says back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from voice.feelings.crisis import CRISIS_PHRASES, KINDS, crisis_response, detect, is_crisis

PHRASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "crisis_phrases.yaml").read_text(encoding="utf-8"))


def test_enough_phrasings_are_tested() -> None:
    assert len(PHRASES["crisis"]) + len(PHRASES["not_crisis"]) >= 40
    assert len(PHRASES["not_crisis"]) >= 20


@pytest.mark.parametrize("case", PHRASES["crisis"], ids=lambda c: c["text"])
def test_crisis_language_is_noticed(case: dict[str, str]) -> None:
    match = detect(case["text"])
    assert match is not None, case["text"]
    assert match.kind == case["kind"]
    assert match.kind in KINDS
    assert is_crisis(case["text"])


@pytest.mark.parametrize("text", PHRASES["not_crisis"])
def test_idioms_and_denials_are_not_crisis(text: str) -> None:
    assert detect(text) is None
    assert not is_crisis(text)


def test_a_bare_no_point_counts_only_as_an_answer() -> None:
    # To "how are you feeling?" it is hopelessness; said across a room it is about anything.
    assert detect("no point", "answer") is not None
    assert detect("No point.", "answer") is not None
    assert detect("no point rushing", "answer") is None
    assert detect("no point", "idle") is None


@pytest.mark.parametrize("text", CRISIS_PHRASES)
def test_grammar_phrases_are_detected(text: str) -> None:
    assert is_crisis(text)


def test_grammar_phrases_are_in_the_pocketsphinx_dictionary() -> None:
    pocketsphinx = pytest.importorskip("pocketsphinx")
    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "cmudict-en-us.dict")
    with open(path, encoding="utf-8") as handle:
        known = {line.split(" ", 1)[0].split("(")[0] for line in handle}
    for phrase in CRISIS_PHRASES:
        assert phrase == phrase.lower()
        assert all(word in known for word in phrase.split()), phrase


@pytest.mark.parametrize(("region", "spoken", "printed"), [
    ("US", "nine eight eight", "988"),
    ("CA", "nine eight eight", "988"),
    ("UK", "one one six, one two three", "116 123"),
    ("GB", "one one six, one two three", "116 123"),
    ("IE", "one one six, one two three", "116 123"),
    ("FR", "find a helpline dot com", "https://findahelpline.com"),
])
def test_crisis_response_names_the_regions_line(region: str, spoken: str, printed: str) -> None:
    response = crisis_response(region)
    assert spoken in response.spoken
    assert printed in response.printed
    for text in (response.spoken, response.printed):
        assert "you matter" in text
        assert "can't help with this on my own" in text
        assert "grounding practice together" in text
    # Written for the voice: no digits, no web addresses.
    assert not any(c.isdigit() for c in response.spoken)
    assert "http" not in response.spoken
    assert response.practice == "grounding-54321"


def test_spoken_sentences_are_short() -> None:
    for region in ("US", "GB", None):
        for sentence in crisis_response(region).spoken.split(". "):
            assert len(sentence.split()) <= 20, sentence


def test_region_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ATTUNE_REGION", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert crisis_response().region == "GB"
    monkeypatch.setenv("ATTUNE_REGION", "us")
    assert crisis_response().region == "US"
    assert crisis_response("IE").region == "IE"
    monkeypatch.delenv("ATTUNE_REGION")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert crisis_response().region == ""
    assert "findahelpline.com" in crisis_response().printed
