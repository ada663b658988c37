"""The hands-free loop end to end, in virtual time, on spoken audio.

Every test speaks to Attune with a real voice (Piper), runs the real
recognizer, engine, voice and mixer, and reads the events log.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from voice.cli import main

from .conftest import run_attune
from .speechkit import script_wav

ECHO = [0.0, 0.3]


# People wait for the greeting (about six seconds) to end before they speak.


def listen(tmp_path: Path, lines: list[tuple[float, str]], *extra: str,
           echo: float = 0.0) -> list[dict[str, Any]]:
    mic = script_wav(tmp_path / "mic.wav", lines)
    events = tmp_path / "events.jsonl"
    argv = ["listen", "--mic-file", str(mic), "--speaker-file", str(tmp_path / "out.wav"),
            "--clock", "virtual", "--events", str(events), *extra]
    if echo:
        argv += ["--echo", str(echo)]
    assert main(argv) == 0
    return [json.loads(line) for line in events.read_text().splitlines()]


def named(events: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == name]


@pytest.mark.parametrize("echo", ECHO)
def test_session_by_voice_with_controls(tmp_path: Path, echo: float) -> None:
    events = listen(tmp_path, [(8.0, "start one minute calm"), (12.0, "pause"),
                               (6.0, "resume"), (6.0, "slower")], echo=echo)
    started = named(events, "started")
    assert started and started[0]["session"] == "calm-sos"
    assert named(events, "paused") and named(events, "resumed")
    assert named(events, "pace")
    heard = [e["intent"] for e in named(events, "heard") if e["intent"]]
    assert heard[:4] == ["start_session", "pause", "resume", "slower"]
    finished = named(events, "finished")
    assert finished and finished[-1]["completed"] is True
    assert named(events, "finished")[-1]["t"] > named(events, "resumed")[0]["t"]


@pytest.mark.parametrize("echo", ECHO)
def test_stop_by_voice(tmp_path: Path, echo: float) -> None:
    events = listen(tmp_path, [(8.0, "start box breathing"), (20.0, "stop")], echo=echo)
    assert named(events, "stopped")
    finished = named(events, "finished")
    assert finished and finished[-1]["completed"] is False


@pytest.mark.parametrize("echo", ECHO)
def test_pause_said_while_attune_says_pause(tmp_path: Path, echo: float) -> None:
    # Box breathing says "You can say pause or stop at any time" from about 42 s:
    # the person's "pause" over it matches Attune's own words, but the echo canceller
    # hears a person, so it pauses. (Attune's own "pause" alone never does: see
    # test_chatter_causes_nothing and the "self" test in test_asr.py.)
    events = listen(tmp_path, [(8.0, "start box breathing"), (33.5, "pause")], echo=echo)
    paused = named(events, "paused")
    assert paused and 42.0 < paused[0]["t"] < 46.0, named(events, "heard")


@pytest.mark.parametrize("echo", ECHO)
def test_check_in_by_voice_lands_in_the_journal(tmp_path: Path, attune_home: Path,
                                                echo: float,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    events = listen(tmp_path, [(8.0, "I feel anxious, maybe a six"), (12.0, "no")], echo=echo)
    checks = named(events, "check_in")
    assert checks and checks[0]["feeling"] == "anxious" and checks[0]["intensity"] == 6
    db = sqlite3.connect(attune_home / "data" / "journal.sqlite3")
    rows = db.execute("select feeling, intensity from check_ins").fetchall()
    assert rows == [("anxious", 6)]
    # The offer of a practice is declined by voice: nothing starts, Attune says so.
    # (With echo, the canceller's leftover lowers the room's cepstral mean and this
    # short "no" scores 0.19, under even the floor for an expected answer: issue 5.)
    assert not named(events, "started")
    if not echo:
        said = [e["text"] for e in named(events, "said")]
        assert any("That's okay" in t for t in said), named(events, "heard")
    if echo:
        return
    # ...and the history shows it, as JSON and as a chart.
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert any(r.get("feeling") == "anxious" and r.get("intensity") == 6 for r in shown)
    chart = tmp_path / "history.png"
    assert main(["history", "--plot", str(chart)]) == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("said", "clock", "row", "reply", "suggested"), [
    ("I feel calm and content, a nine", "12:00", "pleasant",
     "Calm, a nine. That's good to hear. You might take a moment just to enjoy it.", None),
    ("I feel happy, a ten", "21:00", "pleasant", "Happy, a ten. That's good to hear.", None),
    ("I'm scared, a ten", "12:00", "strong",
     "Scared, a ten. Thank you for telling me. That sounds like a lot right now. "
     "Shall we take one minute to steady, together?", "calm-sos"),
    ("I feel numb, a ten", "12:00", "numb",
     "Would you like to try five senses grounding, with your eyes open?", "grounding-54321"),
    ("I'm exhausted, maybe an eight", "12:30", "tired-day", "Even a short rest counts. "
     "Would you like to try self soothing?", "self-soothing"),
    ("I'm exhausted, maybe an eight", "21:30", "tired-evening",
     "Would you like to try a bedtime wind down?", "bedtime-wind-down"),
], ids=["calm-nine", "happy-ten", "scared-ten", "numb-ten", "exhausted-midday",
        "exhausted-evening"])
def test_a_spoken_check_in_answers_what_was_said(tmp_path: Path, said: str, clock: str,
                                                 row: str, reply: str,
                                                 suggested: str | None) -> None:
    events = listen(tmp_path, [(8.0, said), (10.0, "")], "--start-time", clock)
    (check,) = named(events, "check_in")
    assert (check["reply"], check["suggested"]) == (row, suggested), check
    words = [e["text"] for e in named(events, "said")]
    assert any(reply in w for w in words), words
    for w in words:
        assert "noted" not in w and "a lot to carry" not in w
    assert not named(events, "started")  # offered, never started without a yes


def test_a_feeling_without_a_number_is_given_back_before_the_question(tmp_path: Path) -> None:
    events = listen(tmp_path, [(8.0, "I feel lonely"), (6.0, "five"), (8.0, "")])
    words = [e["text"] for e in named(events, "said")]
    assert "Lonely. Thank you for telling me. How strong is it, from zero to ten?" in words
    assert any(w.startswith("Lonely, a five. Thank you for telling me.") for w in words), words


@pytest.mark.parametrize("echo", ECHO)
def test_crisis_mid_session(tmp_path: Path, echo: float) -> None:
    events = listen(tmp_path, [(8.0, "start box breathing"), (20.0, "I want to die")],
                    echo=echo)
    assert named(events, "started")
    crisis = named(events, "crisis")
    assert crisis
    finished = named(events, "finished")
    assert finished and finished[0]["completed"] is False
    assert finished[0]["t"] <= crisis[0]["t"] + 1.0
    said = " ".join(e["text"] for e in named(events, "said"))
    assert "matter" in said


def test_the_first_utterance_after_start_is_checked_for_crisis(tmp_path: Path) -> None:
    """The crisis checks are imported on the understanding thread once listening starts
    (voice.ears.understanding_ahead), not before: in a fresh process, whose very first
    utterance is a crisis statement, it is still answered with crisis resources. (Neither one
    of the grammar's crisis phrases nor near one: only the crisis patterns know it.)"""
    mic = script_wav(tmp_path / "mic.wav", [(8.0, "I'm going to take every pill in the house")])
    events_file = tmp_path / "events.jsonl"
    proc = run_attune("listen", "--mic-file", str(mic), "--speaker-file",
                      str(tmp_path / "out.wav"), "--clock", "virtual", "--events",
                      str(events_file), env={"ATTUNE_REGION": "US"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    events = [json.loads(line) for line in events_file.read_text().splitlines()]
    heard = [e["intent"] for e in named(events, "heard") if e["intent"]]
    assert heard == ["crisis"], named(events, "heard")
    crisis = named(events, "crisis")
    assert crisis[0]["kind"] == "suicidal" and crisis[0]["region"] == "US"
    assert "988" in proc.stdout
    said = " ".join(e["text"] for e in named(events, "said"))
    assert "nine eight eight" in said


@pytest.mark.parametrize("echo", ECHO)
def test_chatter_causes_nothing(tmp_path: Path, echo: float) -> None:
    events = listen(tmp_path, [
        (8.0, "The weather tomorrow looks mild with some rain in the afternoon."),
        (2.0, "Did you remember to buy milk on the way home?"),
        (2.0, "The meeting was moved to Thursday at three."),
    ], echo=echo)
    assert not named(events, "started")
    assert not named(events, "check_in") and not named(events, "crisis")
    assert [e["text"] for e in named(events, "said")][1:] in ([], ["I didn't catch that. "
                                                                   "You can say help."])


def test_microphone_stall_pauses_announces_and_resumes(tmp_path: Path) -> None:
    events = listen(tmp_path, [(8.0, "start box breathing"), (40.0, "")],
                    "--mic-stall", "20:6")
    kinds = [e["event"] for e in events]
    assert "mic_lost" in kinds and "mic_back" in kinds
    lost, back = kinds.index("mic_lost"), kinds.index("mic_back")
    assert "paused" in kinds[lost:back + 1] or "paused" in kinds[lost:]
    assert "resumed" in kinds[back:]
    said = [e["text"] for e in named(events, "said")]
    assert any("can't hear the microphone" in s for s in said)


def test_sleeps_after_the_wind_down_until_woken(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import voice.assistant.listen

    # The real wind-down is seven minutes; the short calm session stands in for it.
    monkeypatch.setattr(voice.assistant.listen, "SLEEP_AFTER", frozenset({"calm-sos"}))
    events = listen(tmp_path, [(8.0, "start one minute calm"), (75.0, "start box breathing"),
                               (4.0, "wake up"), (4.0, "start box breathing"), (3.0, "")])
    kinds = [e["event"] for e in events]
    assert "sleep" in kinds and "awake" in kinds
    slept, woke = kinds.index("sleep"), kinds.index("awake")
    assert slept < woke
    started = [e["session"] for e in named(events, "started")]
    assert started == ["calm-sos", "box-breathing"]  # the first "box breathing" was asleep
    assert named(events, "started")[1]["t"] > events[woke]["t"]


def test_a_configured_wake_phrase_is_needed_in_idle(tmp_path: Path, attune_home: Path) -> None:
    (attune_home / "config").mkdir(parents=True, exist_ok=True)
    (attune_home / "config" / "config.toml").write_text('wake_phrase = "hey attune"\n')
    events = listen(tmp_path, [(8.0, "start box breathing"),
                               (3.0, "hey attune, start box breathing"), (3.0, "")])
    heard = [e for e in named(events, "heard") if e["intent"] == "start_session"]
    assert len(heard) == 2
    started = named(events, "started")
    assert len(started) == 1 and started[0]["t"] > heard[1]["t"] - 0.5
    assert named(events, "attention")  # "hey attune" alone: a soft tick, then the command


def test_the_hard_moment_starts_calm_sos_at_once(tmp_path: Path) -> None:
    """Distress: one warm line, then calm-sos, and no number asked for first."""
    events = listen(tmp_path, [(8.0, "I can't breathe"), (25.0, "")])
    heard = [e["intent"] for e in named(events, "heard") if e["intent"]]
    assert heard[:1] == ["distress"]
    assert named(events, "distress")
    started = named(events, "started")
    assert started and started[0]["session"] == "calm-sos"
    said = [e["text"] for e in named(events, "said")]
    assert any("I'm here with you" in s for s in said)
    assert not any("from zero" in s or "zero to ten" in s for s in said)
    assert started[0]["t"] - named(events, "distress")[0]["t"] < 6.0


def test_distress_during_another_session_offers_calm_sos(tmp_path: Path) -> None:
    events = listen(tmp_path, [(8.0, "start box breathing"), (20.0, "I'm having a panic attack"),
                               (10.0, "yes please"), (10.0, "")])
    started = [e["session"] for e in named(events, "started")]
    assert started[:2] == ["box-breathing", "calm-sos"]
    assert named(events, "paused")
    said = " ".join(e["text"] for e in named(events, "said"))
    assert "one minute calm" in said.lower()


def test_one_more_minute_gives_calm_sos_another_round(tmp_path: Path) -> None:
    events = listen(tmp_path, [(8.0, "start one minute calm"), (25.0, "keep going"),
                               (120.0, "")])
    assert named(events, "extend")
    started = [e["session"] for e in named(events, "started")]
    assert started[:2] == ["calm-sos", "calm-sos"]
    finished = named(events, "finished")
    assert finished and finished[0]["completed"] is True


def test_the_crisis_line_is_said_again_when_asked(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With eyes closed a number is easy to miss: "say that again" after the crisis reply says
    it again (the grounding offer still stands)."""
    monkeypatch.setenv("ATTUNE_REGION", "US")
    events = listen(tmp_path, [(8.0, "I want to die"), (60.0, "say that again")])
    assert named(events, "crisis")
    again = named(events, "repeat")
    assert again and again[0]["what"] == "crisis", named(events, "heard")
    said = [e["text"] for e in named(events, "said")]
    assert sum("nine eight eight" in s for s in said) == 2, said
