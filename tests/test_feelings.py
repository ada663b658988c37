"""The feeling vocabulary: its data, lookups, intensity and practice suggestions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voice.errors import AttuneError
from voice.feelings.vocabulary import (
    DATA_FILE,
    Feeling,
    load_vocabulary,
    parse_intensity,
    parse_vocabulary,
    vague_intensity,
)
from voice.sessions.model import FEELING_FAMILIES


def cmudict_words() -> set[str]:
    pocketsphinx = pytest.importorskip("pocketsphinx")
    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "cmudict-en-us.dict")
    with open(path, encoding="utf-8") as handle:
        # Alternate pronunciations are listed as "word(2)".
        return {line.split(" ", 1)[0].split("(")[0] for line in handle}


def test_vocabulary_is_generous() -> None:
    vocab = load_vocabulary()
    assert len(vocab.feelings) >= 100
    assert len(vocab.phrases()) >= 300


def test_families_valence_and_arousal_are_valid() -> None:
    vocab = load_vocabulary()
    for f in vocab.feelings:
        assert f.family in FEELING_FAMILIES, f
        assert -1 <= f.valence <= 1 and 0 <= f.arousal <= 1, f
    families = vocab.families()
    assert set(families) == set(FEELING_FAMILIES)
    for family in FEELING_FAMILIES:
        assert families[family], f"no words for {family}"


def test_every_spoken_word_is_in_the_pocketsphinx_dictionary() -> None:
    known = cmudict_words()
    missing = sorted({w for phrase in load_vocabulary().phrases() for w in phrase.split()
                      if w not in known})
    assert not missing, f"not in the PocketSphinx dictionary: {missing}"


def test_spoken_forms_are_plain_lowercase_words() -> None:
    for phrase in load_vocabulary().phrases():
        assert phrase == phrase.strip().lower()
        assert all(c.isalpha() or c in "' " for c in phrase), phrase


def test_no_feeling_word_is_crisis_language() -> None:
    from voice.feelings.crisis import detect

    assert [p for p in load_vocabulary().phrases() if detect(p)] == []


@pytest.mark.parametrize(("text", "word", "family"), [
    ("I feel anxious", "anxious", "fear"),
    ("I'm feeling kind of on edge today", "on edge", "fear"),
    ("I'm kind of lonely", "lonely", "sadness"),
    ("on edge", "on edge", "fear"),
    ("shut down", "shut down", "numb"),
    ("Heavy.", "heavy", "sadness"),
    ("a lot of anxiety", "anxious", "fear"),
    ("I\u2019m worried sick", "worried", "fear"),
    ("stressed out", "stressed", "overwhelmed"),
    ("just really tired", "tired", "tired"),
    ("I'm not okay", "not okay", "sadness"),
    ("I'm not good enough", "not good enough", "shame"),
    ("I don't feel anxious, just tired", "tired", "tired"),
    ("No, I'm anxious", "anxious", "fear"),
    ("I don't know, kind of sad", "sad", "sadness"),
    ("I'm panicking", "panicky", "fear"),
    ("pretty content actually", "content", "calm"),
    ("burnt-out", "burnt out", "tired"),
    ("I FEEL NUMB", "numb", "numb"),
    ("I don't feel anything", "numb", "numb"),
])
def test_lookup_finds_feelings_in_plain_speech(text: str, word: str, family: str) -> None:
    feeling = load_vocabulary().lookup(text)
    assert feeling is not None, text
    assert (feeling.word, feeling.family) == (word, family)


@pytest.mark.parametrize("text", ["I don't know", "not sure", "no idea", "idk", "Dunno.",
                                  "I'm not sure", "hard to say"])
def test_not_knowing_is_a_respected_answer(text: str) -> None:
    assert load_vocabulary().lookup(text) == Feeling("unsure", "unsure", 0.0, 0.3)


@pytest.mark.parametrize("text", ["not anxious", "I do not feel angry", "never lonely",
                                  "I'm not really that sad", "", "the weather", "12"])
def test_negated_or_absent_feelings_give_none(text: str) -> None:
    assert load_vocabulary().lookup(text) is None


def test_suggestions_are_real_words() -> None:
    vocab = load_vocabulary()
    words = vocab.suggestions(4)
    assert len(words) == 4
    assert all(vocab.get(w) is not None for w in words)


def test_feeling_round_trips_through_a_dict() -> None:
    f = load_vocabulary().lookup("anxious")
    assert f is not None
    assert Feeling.from_dict(f.to_dict()) == f


@pytest.mark.parametrize(("text", "value"), [
    ("six", 6), ("6", 6), ("maybe a six", 6), ("like seven out of ten", 7), ("a seven", 7),
    ("ten", 10), ("zero", 0), ("7/10", 7), ("eight out of 10", 8), ("six or seven", 7),
    ("6.5", 7), ("six and a half", 7), ("50%", 5), ("it's a twelve", 10), ("three!", 3),
    ("I'd say a two, maybe", 2), ("none", 0),
])
def test_parse_intensity(text: str, value: int) -> None:
    assert parse_intensity(text) == value
    assert not vague_intensity(text)


@pytest.mark.parametrize("text", ["pretty strong", "a lot", "quite mild", "really bad",
                                  "not much"])
def test_vague_intensity_asks_for_a_number(text: str) -> None:
    assert parse_intensity(text) is None
    assert vague_intensity(text)


@pytest.mark.parametrize("text", ["", "I don't know", "hmm"])
def test_no_number_and_not_vague(text: str) -> None:
    assert parse_intensity(text) is None
    assert not vague_intensity(text)


@pytest.mark.parametrize(("change", "problem"), [
    ("family: fear", "unknown family"),
    ("valence: -0.6", "valence: 3"),
    ("arousal: 0.75", "arousal: -1"),
    ("word: anxious", "word: Anxious!"),
])
def test_a_broken_data_file_names_the_file_and_the_problem(change: str, problem: str) -> None:
    text = Path(DATA_FILE).read_text(encoding="utf-8")
    if change == "family: fear":
        broken = text.replace(change, "family: terror", 1)
    else:
        broken = text.replace(change, problem, 1)
    with pytest.raises(AttuneError) as err:
        parse_vocabulary(broken)
    assert "feelings.yaml" in str(err.value)
    assert "feeling 1" in str(err.value)


def test_a_data_file_that_is_not_yaml_is_a_calm_error() -> None:
    with pytest.raises(AttuneError, match="not valid YAML"):
        parse_vocabulary("feelings: [oops\n")
