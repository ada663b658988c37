"""The check-in: gentle questions, respected "I don't know", and care in a crisis."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from voice.journal.checkin import CheckIn, describe_change, practice_title
from voice.journal.store import Journal

from .conftest import run_attune


@pytest.mark.parametrize(("before", "after", "expected"), [
    (7, 4, "From a seven to a four. It sounds like something eased a little."),
    (8, 3, "From an eight to a three."),
    (5, 5, "Still a five. That's okay."),
    (4, 6, "From a four to a six. Sometimes a feeling gets stronger"),
    (None, 0, "Right now it's a zero."),
])
def test_describe_change_is_kind(before: int | None, after: int | None,
                                 expected: str) -> None:
    text = describe_change(before, after)
    assert text.startswith(expected)
    for harsh in ("fail", "worse", "bad", "should", "!"):
        assert harsh not in text.lower()


def test_describe_change_without_an_after_says_nothing() -> None:
    assert describe_change(6, None) == ""
    assert describe_change(None, None) == ""


def test_practice_titles_read_well_mid_sentence() -> None:
    assert practice_title("extended-exhale") == "extended exhale breathing"
    assert practice_title("body-scan") == "a body scan"
    assert practice_title("no-such-thing") == "no such thing"


class Script:
    """Answers typed in order; None is end of input. Records every prompt and line."""

    def __init__(self, *answers: str | None) -> None:
        self._answers: Iterator[str | None] = iter(answers)
        self.prompts: list[str] = []
        self.said: list[str] = []

    def ask(self, prompt: str) -> str | None:
        self.prompts.append(prompt)
        return next(self._answers, None)

    def say(self, text: str) -> None:
        self.said.append(text)

    @property
    def text(self) -> str:
        return "\n".join(self.said)


def run(script: Script, tmp_path: Path, **kw: Any) -> tuple[CheckIn, list[dict[str, Any]]]:
    path = tmp_path / "j.sqlite3"
    flow = CheckIn(script.ask, script.say, lambda: Journal.open(path), region="US", **kw)
    assert flow.run() == 0
    with Journal.open(path) as j:
        return flow, j.entries()


def test_a_whole_check_in_is_recorded(tmp_path: Path) -> None:
    script = Script("kind of on edge", "maybe a six", "tight shoulders", "rest")
    _, entries = run(script, tmp_path)
    (entry,) = entries
    assert entry["kind"] == "check_in"
    assert (entry["feeling"], entry["family"], entry["intensity"]) == ("on edge", "fear", 6)
    assert (entry["body"], entry["need"], entry["source"]) == ("tight shoulders", "rest", "text")
    assert entry["valence"] < 0 and entry["suggested"] == "extended-exhale"
    assert "Would you like to try extended exhale breathing? You can run: attune run " \
           "extended-exhale" in script.text


def test_not_knowing_is_respected_and_words_are_offered(tmp_path: Path) -> None:
    script = Script("I don't know", "", "", "", "")
    _, (entry,) = run(script, tmp_path)
    assert "try one of these on: tense, sad, tired, numb" in script.prompts[1]
    assert "Not knowing is a real answer" in script.text
    assert (entry["feeling"], entry["family"]) == ("unsure", "unsure")
    assert entry["suggested"] is None


def test_a_tried_on_word_is_kept(tmp_path: Path) -> None:
    script = Script("not sure", "tired I think", "3", "", "")
    _, (entry,) = run(script, tmp_path)
    assert (entry["feeling"], entry["intensity"]) == ("tired", 3)


def test_a_vague_strength_is_asked_about_once(tmp_path: Path) -> None:
    script = Script("sad", "pretty strong", "still pretty strong", "", "")
    _, (entry,) = run(script, tmp_path)
    assert sum("put a number on it" in p for p in script.prompts) == 1
    assert entry["intensity"] is None  # asked once, then let be


def test_a_vague_strength_then_a_number(tmp_path: Path) -> None:
    script = Script("sad", "a lot", "like an eight", "", "")
    _, (entry,) = run(script, tmp_path)
    assert entry["intensity"] == 8


def test_their_own_words_are_kept_when_no_feeling_word_matches(tmp_path: Path) -> None:
    script = Script("like a wave hit me", "5", "", "")
    _, (entry,) = run(script, tmp_path)
    assert (entry["feeling"], entry["family"]) == ("like a wave hit me", None)
    assert "Thank you for putting it into words" in script.text


def test_the_body_and_need_shape_the_suggestion(tmp_path: Path) -> None:
    script = Script("tired", "6", "restless legs, I can't sleep", "sleep")
    _, (entry,) = run(script, tmp_path)
    assert entry["suggested"] == "bedtime-wind-down"


def test_a_number_typed_with_the_feeling_is_kept(tmp_path: Path) -> None:
    script = Script("anxious, maybe a six", "tight shoulders", "rest")
    _, (entry,) = run(script, tmp_path)
    assert (entry["feeling"], entry["intensity"]) == ("anxious", 6)
    assert not any("How strong" in p for p in script.prompts)  # not asked again
    assert (entry["body"], entry["need"]) == ("tight shoulders", "rest")


def at(hour: int) -> Any:
    return lambda: datetime(2024, 5, 6, hour, 15).astimezone()


@pytest.mark.parametrize(("answers", "hour", "suggested", "says"), [
    (("calm and content", "nine", "", ""), 12, None, "You might take a moment just to enjoy"),
    (("happy", "eleven", "", ""), 21, None, "You might take a moment just to enjoy"),
    (("scared", "10", "shaking", ""), 12, "calm-sos",
     "That sounds like a lot right now.\nShall we take one minute to steady, together? "
     "You can run: attune run calm-sos"),
    (("numb", "10", "", ""), 12, "grounding-54321",
     "Would you like to try five senses grounding, with your eyes open?"),
    (("exhausted", "7", "", ""), 12, "self-soothing", "Even a short rest counts."),
    (("exhausted", "7", "", ""), 21, "bedtime-wind-down",
     "Would you like to try a bedtime wind down?"),
], ids=["calm-nine", "happy-eleven", "scared-ten", "numb-ten", "exhausted-midday",
        "exhausted-evening"])
def test_the_reply_answers_what_was_said(tmp_path: Path, answers: tuple[str, ...], hour: int,
                                         suggested: str | None, says: str) -> None:
    script = Script(*answers)
    _, (entry,) = run(script, tmp_path, now=at(hour))
    assert entry["suggested"] == suggested
    assert says in script.text
    assert "a lot to carry" not in script.text and "noted" not in script.text
    if suggested is None:
        assert "attune run" not in script.text


def test_skipping_everything_records_nothing(tmp_path: Path) -> None:
    script = Script("", "", "", "")
    _, entries = run(script, tmp_path)
    assert entries == []
    assert "Nothing to keep this time, and that's okay" in script.text


def test_end_of_input_keeps_what_was_said(tmp_path: Path) -> None:
    script = Script("calm")
    _, (entry,) = run(script, tmp_path)
    assert (entry["feeling"], entry["intensity"], entry["body"]) == ("calm", None, None)
    assert entry["suggested"] is None


CRISIS = "I don't want to be here anymore"


@pytest.mark.parametrize("answers", [
    [CRISIS],                             # what are you feeling
    ["I don't know", CRISIS],             # the words to try on
    ["sad", CRISIS],                      # how strong
    ["sad", "a lot", CRISIS],             # asked again for a number
    ["sad", "7", CRISIS],                 # the body
    ["sad", "7", "heavy", CRISIS],        # what you need
], ids=["feeling", "try-on", "strength", "number", "body", "need"])
def test_crisis_language_at_any_prompt_stops_with_care(tmp_path: Path,
                                                       answers: list[str]) -> None:
    script = Script(*answers)
    _, entries = run(script, tmp_path)
    assert [e["kind"] for e in entries] == ["crisis"]
    assert entries[0]["transcript"] is None
    assert "you matter" in script.text and "988" in script.text
    assert "grounding practice together" in script.text
    assert "checking in" not in script.text  # no mood recorded, no moving on


def test_a_transcript_is_kept_only_when_enabled(tmp_path: Path) -> None:
    script = Script("I want to kill myself")
    _, (entry,) = run(script, tmp_path, keep_transcripts=True)
    assert entry["transcript"] == "I want to kill myself"


# --- the command, with answers piped in ---------------------------------------

def test_check_in_command_records_piped_answers() -> None:
    result = run_attune("check-in", "--text", input="anxious\nsix\nshaky hands\nquiet\n")
    assert result.returncode == 0, result.stderr
    assert "Anxious. Thank you for noticing it." in result.stdout
    assert "attune run extended-exhale" in result.stdout
    with Journal.open() as j:
        (entry,) = j.entries()
    assert (entry["feeling"], entry["intensity"], entry["need"]) == ("anxious", 6, "quiet")


def test_check_in_command_without_text_falls_back_to_typing() -> None:
    result = run_attune("check-in", input="calm\n2\n\n\n")
    assert result.returncode == 0, result.stderr
    with Journal.open() as j:
        assert [e["feeling"] for e in j.entries()] == ["calm"]


def test_check_in_command_crisis_uses_the_region() -> None:
    result = run_attune("check-in", "--text", input="numb\nI want to end it all\n",
                        env={"ATTUNE_REGION": "GB"})
    assert result.returncode == 0, result.stderr
    assert "Samaritans" in result.stdout and "116 123" in result.stdout
    with Journal.open() as j:
        assert [(e["kind"], e["transcript"]) for e in j.entries()] == [("crisis", None)]
