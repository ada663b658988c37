"""The check-in sessions answer what was said: the daily check-in and naming a feeling,
run by the real engine and voice in virtual time, and the answers they are built on."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from voice.engine.answers import normalize
from voice.sessions.library import find_session
from voice.sessions.model import Ask, walk_steps
from voice.sessions.schema import session_from_plain

from .enginekit import events, run, speech


@pytest.fixture(autouse=True)
def _prerendering_done() -> Iterator[None]:
    """The player renders a session's phrases ahead, in the background: let that end
    here, or pyttsx3's stray "Audio saved to" lines land in a later test's stdout."""
    yield
    speech("system").renderer.wait(timeout=120)


def said(answers: str, session: str = "daily-check-in") -> tuple[str, list[dict[str, object]]]:
    _, result, _ = run(session, answers=answers, keep=False)
    words = " ".join(str(p.text) for p in result.played if p.kind == "speech" and p.text)
    return words, events(result, "answer")


FEELING = Ask("What are you feeling?", "feeling", save_as="feeling")
STRENGTH = Ask("How strong?", "intensity", branches={
    "pleasant": [], "numb": [], "unpleasant 7-10": [], "unpleasant 0-6": [], "0-3": [],
    "4-10": []})


@pytest.mark.parametrize(("text", "key", "value"), [
    ("kind of lonely I guess", "sadness", "lonely"),
    ("I'm feeling a bit on edge", "fear", "on edge"),
    ("calm and content", "calm", "calm"),
    ("I don't know", "unsure", None),          # respected, but no word to give back
    ("purple elephants", "purple elephants", None),  # not a feeling word: never read back
])
def test_a_feeling_is_kept_as_the_word_attune_knows(text: str, key: str,
                                                    value: str | None) -> None:
    answer = normalize(FEELING, text)
    assert (answer.key, answer.value) == (key, value)


@pytest.mark.parametrize(("earlier", "number", "key"), [
    ("calm", "nine", "pleasant"), ("joy", "eleven", "pleasant"), ("joy", "two", "pleasant"),
    ("fear", "ten", "unpleasant 7-10"), ("sadness", "7", "unpleasant 7-10"),
    ("anger", "six", "unpleasant 0-6"), ("numb", "10", "numb"), ("numb", "1", "numb"),
    ("unsure", "2", "0-3"), ("unsure", "8", "4-10"), (None, "9", "4-10"), (None, "1", "0-3"),
])
def test_an_intensity_branches_on_the_feeling_before_it(earlier: str | None, number: str,
                                                         key: str) -> None:
    answer = normalize(STRENGTH, number, earlier)
    assert answer.key == key


def test_the_family_beats_the_tone_and_a_range_beats_neither() -> None:
    ask = Ask("How strong?", "intensity", branches={
        "numb 7-10": [], "numb": [], "unpleasant 7-10": [], "unpleasant": [], "7-10": []})
    assert normalize(ask, "8", "numb").key == "numb 7-10"
    assert normalize(ask, "3", "numb").key == "numb"
    assert normalize(ask, "8", "fear").key == "unpleasant 7-10"
    assert normalize(ask, "3", "fear").key == "unpleasant"
    assert normalize(ask, "8", "joy").key == "7-10"


def test_qualified_branch_keys_are_read_from_yaml() -> None:
    session = session_from_plain({
        "id": "t", "title": "T", "category": "check-in", "summary": "S.", "minutes": 1,
        "triggers": ["a test"], "steps": [
            {"ask": "What are you feeling?", "expect": "feeling", "save_as": "feeling"},
            {"ask": "How strong?", "expect": "intensity", "branches": {
                "Pleasant": [{"say": "Lovely."}], "unpleasant 7 - 10": [{"say": "A lot."}],
                "numb": [{"pause": 1}], 5: [{"say": "Five."}]}},
            {"say": "It was {feeling}.", "otherwise": "Thank you."}]})
    ask = session.steps[1]
    assert isinstance(ask, Ask)
    assert set(ask.branches) == {"pleasant", "unpleasant 7-10", "numb", "5"}
    assert session.to_dict()["steps"][2]["otherwise"] == "Thank you."


@pytest.mark.parametrize(("answers", "hears", "never"), [
    ("calm and content,nine", "That's good to hear. You might take a moment just to enjoy it.",
     "a lot"),
    ("happy,eleven", "You might take a moment just to enjoy it.", "a lot"),
    ("scared,8", "That sounds like a lot right now. If you'd like, after this you can say, "
     "start one minute calm", "enjoy"),
    ("numb,10", "start five senses grounding. It's done with your eyes open", "one minute calm"),
    ("exhausted,7", "Even a short rest counts.", "one minute calm"),
    ("anxious,5", "Thank you for noticing. You can go gently with it.", "one minute calm"),
], ids=["calm-nine", "happy-eleven", "scared-eight", "numb-ten", "exhausted", "anxious-five"])
def test_the_daily_check_in_answers_the_feeling_and_its_strength(answers: str, hears: str,
                                                                 never: str) -> None:
    words, _ = said(answers)
    assert hears in words
    assert never not in words and "a lot to carry" not in words


def test_the_daily_check_in_reads_back_only_a_known_word() -> None:
    words, answers = said("kind of lonely I guess")
    assert answers[0]["value"] == "lonely"
    assert "lonely. Thank you for telling me." in words
    assert "the word that came was lonely." in words
    assert "I guess" not in words


def test_without_a_known_word_the_closing_reads_well() -> None:
    words, answers = said("purple elephants")
    assert answers[0]["value"] is None
    assert "Thank you for putting it into words." in words
    assert "purple" not in words and "the word that came" not in words
    assert "Whatever you're feeling today, with or without a word for it" in words


@pytest.mark.parametrize("session", ["daily-check-in", "emotion-naming"])
def test_silence_after_a_question_is_a_quiet_pause_not_a_carry_on(session: str) -> None:
    words, _ = said("-,-,-,-,-,-", session)
    for line in ("carry on", "That's okay. We", "That's fine."):
        assert line not in words
    assert "with or without a word for it" in words


def test_naming_a_feeling_gives_the_word_back_and_does_not_offer_it_again() -> None:
    words, _ = said("lonely", "emotion-naming")
    assert "lonely. Thank you for naming it." in words
    assert words.count("lonely") == 2  # given back, and once more at the close
    assert "When we began, the word that came was lonely." in words


def options_named(text: str, choices: list[str]) -> int:
    return sum(bool(re.search(rf"\b{re.escape(c)}\b", text, re.IGNORECASE)) for c in choices)


@pytest.mark.parametrize("session", ["daily-check-in", "emotion-naming"])
def test_no_spoken_question_names_more_than_four_options(session: str) -> None:
    s = find_session(session)
    families = ["afraid", "sad", "angry", "ashamed", "happy", "calm", "tired", "numb"]
    needs = next(a for a in walk_steps(s.steps) if isinstance(a, Ask) and a.choices) \
        if session == "daily-check-in" else None
    choices = needs.choices if needs else families
    for text in s.spoken_texts():
        for sentence in re.split(r"(?<=[.?])\s+", text):
            assert options_named(sentence, choices) <= 4, sentence
    if needs is not None:
        assert len(needs.choices) == 8  # every need is still heard
        assert options_named(needs.question, needs.choices) == 4
