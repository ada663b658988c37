"""Sessions fitted to the minutes asked, short intros for returning people, the daily
reminder, and files without questions nobody can answer (issue 18)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from voice.engine.fitting import REFLECT_CUE, TOLERANCE, planned, shortest_sentence
from voice.engine.lines import REMINDER
from voice.engine.timeline import RATE
from voice.sessions.library import find_session, load_library
from voice.sessions.model import Breathe, Chime, Say, walk_steps
from voice.sessions.schema import session_from_plain

from .conftest import run_attune
from .enginekit import events, run

SESSIONS = sorted(load_library().sessions)


def render(session_id: str, minutes: float | None = None, **kw: Any) -> tuple[Any, Any]:
    player, result, _ = run(session_id, minutes=minutes, keep=False, for_file=True, **kw)
    return player, result


@pytest.mark.parametrize("session_id", SESSIONS)
def test_every_session_lasts_the_minutes_asked_or_says_its_shortest(session_id: str) -> None:
    for minutes in (2, 5, 10):
        player, result = render(session_id, minutes)
        seconds = result.end / RATE
        shortest = player.fit.shortest_s
        if shortest is None:
            assert abs(seconds / (minutes * 60) - 1) <= TOLERANCE, (minutes, seconds)
        else:  # said, and played about that
            assert shortest > minutes * 60 and abs(seconds / shortest - 1) <= TOLERANCE


@pytest.mark.parametrize("session_id", SESSIONS)
def test_a_rendered_file_asks_nothing_and_bakes_in_no_replies(session_id: str) -> None:
    player, result = render(session_id)
    assert not [p for p in result.played if p.kind == "listen"]
    paths = [str(e.get("path", "")) for e in events(result, "step")]
    assert all(part.replace("r", "").isdigit() for path in paths for part in path.split("/"))
    asks = sum(1 for s in walk_steps(player.fit.session.steps) if type(s).__name__ == "Ask")
    soft = [p for p in result.played if p.kind == "cue" and p.sound == REFLECT_CUE
            and not p.phase]
    assert len(soft) >= min(asks, 1)  # each question: a quiet moment and a soft sound


@pytest.mark.parametrize("session_id", [s for s in SESSIONS
                                        if find_session(s).short_intro is not None])
def test_a_returning_person_reaches_the_practice_within_15_seconds(session_id: str) -> None:
    player, result = render(session_id, short_intro=True)
    steps = player.fit.session.steps
    session = find_session(session_id)
    started = [e for e in events(result, "step") if "/" not in str(e["path"])]
    first = next(e for e in started if not isinstance(steps[e["step"] - 1], Chime)
                 and not (isinstance(steps[e["step"] - 1], Say)
                          and steps[e["step"] - 1].text == session.short_intro))
    assert first["t"] <= 15.0
    said = [p.text for p in result.played if p.kind == "speech"]
    assert session.short_intro in said
    assert not any(s.intro for s in steps)


def test_two_minutes_of_box_breathing_is_mostly_breathing() -> None:
    """Once 3:20 with 48 s of breathing (a three-breath minimum and the whole intro)."""
    _, result = render("box-breathing", 2)
    breaths = [p for p in result.played if p.kind == "cue" and p.phase == "inhale"]
    assert 110 <= result.end / RATE <= 130 and len(breaths) >= 4
    _, half = render("box-breathing", 0.5)
    assert half.end < result.end  # 0.5 minutes is no longer the same as two


def test_a_body_scan_asked_shorter_leaves_out_optional_regions_and_says_its_shortest(
        tmp_path: Path) -> None:
    player, result = render("body-scan", 4)
    assert player.fit.left_out > 0 and abs(result.end / RATE / 240 - 1) <= TOLERANCE
    full = [p.text for p in render("body-scan")[1].played if p.kind == "speech"]
    assert len([p for p in result.played if p.kind == "speech"]) < len(full)
    proc = run_attune("run", "body-scan", "--minutes", "1", "--speaker-file",
                      str(tmp_path / "x.wav"), "--clock", "virtual", "--voice", "system",
                      "--events", str(tmp_path / "e.jsonl"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("The shortest body scan takes about")
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    first = next(e for e in lines if e["event"] == "step")
    assert first["label"].startswith("The shortest body scan takes about")


def test_the_shortest_sentence_is_one_sentence() -> None:
    assert shortest_sentence("Body scan", 200) == ("The shortest body scan takes about 3 "
                                                  "minutes, so here it is at that length.")
    assert "about a minute" in shortest_sentence("Box breathing", 70)


def test_list_and_show_give_the_length_the_session_plays(tmp_path: Path) -> None:
    proc = run_attune("list", "--json")
    listed = {row["id"]: row["minutes"] for row in json.loads(proc.stdout)}
    for session_id in ("box-breathing", "body-scan", "grounding-54321"):
        _, result = render(session_id)
        assert abs(listed[session_id] * 60 / (result.end / RATE) - 1) <= TOLERANCE
    shown = run_attune("show", "body-scan").stdout
    assert "Length:" in shown and "optional parts can be left out" in shown
    assert "Short introduction:" in shown and "[intro]" in shown


def test_skip_in_the_introduction_goes_straight_to_the_practice() -> None:
    """Reaching the breathing took eight skips."""
    _, result, _ = run("box-breathing", "6:skip", minutes=4)
    skipped = events(result, "skipped")
    breaths = [p for p in result.played if p.kind == "cue" and p.phase == "inhale"]
    assert len(skipped) == 1 and breaths[0].start / RATE < 12
    said = [p.text for p in result.played if p.kind == "speech"]
    assert not any(t and t.startswith("A rising tone") for t in said)


def test_skip_the_intro_and_just_the_practice_are_understood_as_skip() -> None:
    from voice.understanding.understand import understand

    for text in ("skip the intro", "skip the introduction", "just the practice",
                 "straight to the practice"):
        heard = understand(text, mode="session")
        assert heard is not None and heard.name == "skip", text


def test_the_pause_and_stop_reminder_is_said_once_a_day(tmp_path: Path) -> None:
    env = {"ATTUNE_HOME": str(tmp_path / "home")}

    def said(*extra: str) -> list[str]:
        ev = tmp_path / "e.jsonl"
        proc = run_attune("run", "box-breathing", "--speaker-file", str(tmp_path / "x.wav"),
                          "--clock", "virtual", "--voice", "system", "--events", str(ev),
                          *extra, env=env)
        assert proc.returncode == 0, proc.stderr
        return [e["label"] for e in map(json.loads, ev.read_text().splitlines())
                if e["event"] == "step"]

    assert REMINDER in said()
    assert REMINDER not in said()  # (the same day)
    rendered = run_attune("render", "box-breathing", "-o", str(tmp_path / "r.wav"),
                          "--timeline", str(tmp_path / "t.json"), "--voice", "system",
                          env={"ATTUNE_HOME": str(tmp_path / "other")})
    assert rendered.returncode == 0
    texts = [e.get("text") for e in json.loads((tmp_path / "t.json").read_text())["events"]]
    assert REMINDER not in texts  # (nobody can say stop to a file)


def test_the_intro_is_short_once_a_session_is_familiar(tmp_path: Path) -> None:
    from voice.journal.store import Journal

    env = {"ATTUNE_HOME": str(tmp_path)}
    short = find_session("box-breathing").short_intro

    def second_step(*extra: str) -> str:
        ev = tmp_path / "e.jsonl"
        proc = run_attune("render", "box-breathing", "-o", str(tmp_path / "x.wav"),
                          "--voice", "system", "--events", str(ev), *extra, env=env)
        assert proc.returncode == 0, proc.stderr
        steps = [e for e in map(json.loads, ev.read_text().splitlines())
                 if e["event"] == "step"]
        return str(steps[1]["label"])

    assert second_step() == "Welcome to box breathing."
    assert second_step("--intro", "short") == short
    import os

    os.environ["ATTUNE_HOME"], old = str(tmp_path), os.environ.get("ATTUNE_HOME")
    try:
        with Journal.open() as journal:
            for _ in range(3):
                journal.add_session("box-breathing", datetime.now(UTC), 4.0, True, None, None)
    finally:
        if old is None:
            del os.environ["ATTUNE_HOME"]
        else:
            os.environ["ATTUNE_HOME"] = old
    assert second_step() == short
    assert second_step("--intro", "full") == "Welcome to box breathing."
    env["ATTUNE_INTRO"] = "full"
    assert second_step() == "Welcome to box breathing."


def test_silence_after_a_question_is_an_answer_not_a_carry_on() -> None:
    session = session_from_plain({
        "id": "q", "title": "Q", "category": "check-in", "summary": "A question.",
        "minutes": 1, "triggers": ["q test"],
        "steps": [{"say": "Hello."}, {"ask": "What do you notice?", "expect": "text",
                                      "timeout": 5}, {"say": "Thank you."}]})
    _, result, _ = run(session)
    said = [p.text for p in result.played if p.kind == "speech"]
    assert said == ["Hello.", "What do you notice?", "Thank you."]


def test_what_stretches_and_shrinks_is_checked() -> None:
    from voice.errors import InvalidSession

    base = {"id": "x", "title": "X", "category": "breathing", "summary": "S.", "minutes": 2,
            "triggers": ["x test"]}
    with pytest.raises(InvalidSession, match="short_intro"):
        session_from_plain({**base, "steps": [{"say": "Hi.", "intro": True}]})
    with pytest.raises(InvalidSession, match="replaces the steps marked"):
        session_from_plain({**base, "short_intro": "Hi.", "steps": [{"say": "Hi."}]})
    with pytest.raises(InvalidSession, match="shortest, longest"):
        session_from_plain({**base, "length": {"pauses": 2}, "steps": [{"say": "Hi."}]})
    with pytest.raises(InvalidSession, match="cannot also be optional"):
        session_from_plain({**base, "steps": [{"breathe": {"inhale": 4, "exhale": 4},
                                               "optional": 1}]})
    with pytest.raises(InvalidSession, match="only one step may fill"):
        session_from_plain({**base, "steps": [{"pause": 3, "fill": True},
                                              {"breathe": {"inhale": 4, "exhale": 4}}]})
    fine = session_from_plain({**base, "short_intro": "Hello again.", "length": {
        "pauses": [0.5, 2]}, "steps": [{"say": "Hello.", "intro": True},
                                       {"breathe": {"inhale": 4, "exhale": 4}},
                                       {"say": "Bye.", "optional": 2}]})
    assert fine.pause_range == (0.5, 2.0) and fine.steps[0].intro
    assert fine.steps[2].optional == 2 and isinstance(fine.steps[1], Breathe)
    again = session_from_plain(fine.to_dict())
    assert again.to_dict() == fine.to_dict()


def test_every_built_in_session_declares_what_gives() -> None:
    for session in load_library().sessions.values():
        assert session.pause_range != (1.0, 1.0) or any(
            getattr(s, "fills", False) for s in session.steps), session.id
        assert planned(session).seconds > 0


def test_a_request_can_ask_for_just_the_practice() -> None:
    from voice.understanding.understand import understand

    heard = understand("box breathing, just the practice")
    assert heard is not None and heard.slots == {"session": "box-breathing", "intro": "short"}
    heard = understand("start a body scan for ten minutes, skip the intro")
    assert heard is not None and heard.slots == {"session": "body-scan", "minutes": 10,
                                                 "intro": "short"}
