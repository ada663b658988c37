"""Crisis told as an answer to Attune's questions, or inside a control in a session, must win
over every answer and control reading; their twins must not (round 14)."""

from __future__ import annotations

import pytest

from voice.feelings.crisis import detect
from voice.understanding.understand import understand

# Answers to "what do you need?", "from zero to ten?", "how are you feeling?".
ANSWERS = [
    "dead",
    "not to exist anymore",
    "an ending. a proper one",
    "for everything to stop, for good",
    "for me to end",
    "a way out that's permanent",
    "permission to die",
    "me not being here",
    "to vanish forever",
    "honestly, a rope",
    "two. it's all over tonight",
    "nine, since I got the razor blades",
    "zero, I've finished my goodbye letters",
    "peaceful, because I've worked out how I'm going to do it",
    "nothing, I have already made up my mind",
]
ANSWER_TWINS = [
    "dead tired, but safe",
    "an end to this meeting",
    "for the noise to stop",
    "a rope for the tent",
    "a sandwich, honestly",
    "two, the film's over tonight anyway",
    "calm, because I know how I'm going to do the presentation",
    "a one, pretty calm actually",
]
# Crisis said inside a control or a request while a session plays.
IN_SESSION = [
    "keep going, I'm laying out the tablets while you talk",
    "carry on. i swallowed 30 of them",
    "pause it, I'm going out to the garage with the hosepipe",
    "don't stop, I want your voice to be the last thing I hear",
    "play the sleep one, I'm not planning to wake up from it ever",
    "slow down, I'm dizzy from what I took",
]
IN_SESSION_TWINS = [
    "keep going, I'm just lining up the shot",
    "carry on, I took 50 photos",
    "pause it, I'm going out to the garden with the hose",
]
# Everyday talk in the room that sounded like a request.
EVERYDAY = [
    ("idle", "I'll sleep on that and tell you tomorrow"),
    ("idle", "right, from the beginning, everyone, and one two three"),
    ("idle", "we could pick up something on the way home"),
    ("answer", "there's tea in the pot if you want one"),
    ("answer", "let the cat in, will you"),
]


@pytest.mark.parametrize("text", ANSWERS)
def test_an_answer_that_names_death_or_risk_is_crisis(text: str) -> None:
    assert detect(text, "answer") is not None, text
    found = understand(text, "answer")
    assert found is not None and found.name == "crisis", text


@pytest.mark.parametrize("text", ANSWER_TWINS)
def test_an_answer_twin_is_not_crisis(text: str) -> None:
    found = understand(text, "answer")
    assert found is None or found.name != "crisis", text


def test_answer_readings_count_only_as_answers() -> None:
    # Across a room these are about anything.
    assert detect("it's all over tonight") is None
    assert detect("I've written the letters already") is None


@pytest.mark.parametrize("text", IN_SESSION)
def test_crisis_inside_a_control_wins(text: str) -> None:
    found = understand(text, "session")
    assert found is not None and found.name == "crisis", text


@pytest.mark.parametrize("text", IN_SESSION_TWINS)
def test_a_control_twin_is_not_crisis(text: str) -> None:
    found = understand(text, "session")
    assert found is None or found.name != "crisis", text


@pytest.mark.parametrize(("mode", "text"), EVERYDAY)
def test_everyday_talk_is_not_a_request(mode: str, text: str) -> None:
    assert understand(text, mode) is None, text


def test_requests_like_them_still_count() -> None:
    found = understand("bedtime wind down please, I need to sleep", "idle")
    assert found is not None and found.slots.get("session") == "bedtime-wind-down"
    found = understand("a one", "answer")
    assert found is not None and found.slots.get("intensity") == 1
    found = understand("slow down", "session")
    assert found is not None and found.name == "slower"
