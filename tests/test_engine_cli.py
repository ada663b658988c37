"""``attune run`` and ``attune render`` as a person (or a script) uses them."""

from __future__ import annotations

import itertools
import json
import shutil
import wave
from pathlib import Path

import pytest

from voice.engine.timeline import RATE

from .conftest import run_attune
from .enginekit import cues, run


def test_run_virtual_with_controls_answers_and_events(tmp_path: Path) -> None:
    out, ev = tmp_path / "run.wav", tmp_path / "events.jsonl"
    proc = run_attune("run", "daily-check-in", "--speaker-file", str(out), "--clock", "virtual",
                      "--voice", "system", "--answers", "anxious,6", "--events", str(ev),
                      "--controls", "20:pause,25:resume,120:louder,130:time_left")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in ev.read_text().splitlines()]
    kinds = [e["event"] for e in lines]
    assert kinds[0] == "started" and kinds[-1] == "finished"
    assert lines[0]["session"] == lines[-1]["session"] == "daily-check-in"
    for name in ("step", "paused", "resumed", "answer", "volume"):
        assert name in kinds
    assert all(isinstance(e["t"], float | int) for e in lines)
    assert [e["t"] for e in lines] == sorted(e["t"] for e in lines)
    answers = [e for e in lines if e["event"] == "answer"]
    assert (answers[0]["value"], answers[0]["branch"]) == ("anxious", "other")
    assert answers[1]["value"] == "6" and answers[1]["branch"] == "unpleasant 0-6"
    # Not a terminal: plain lines, one per step or control.
    assert "paused" in proc.stdout and "step 5: What are you feeling" in proc.stdout
    with wave.open(str(out)) as w:
        assert w.getnframes() == round(lines[-1]["t"] * RATE) or \
            abs(w.getnframes() / RATE - lines[-1]["t"]) < 0.001


def test_events_name_phases_and_pace(tmp_path: Path) -> None:
    ev = tmp_path / "e.jsonl"
    proc = run_attune("run", "calm-sos", "--speaker-file", str(tmp_path / "x.wav"),
                      "--clock", "virtual", "--voice", "system", "--events", str(ev),
                      "--controls", "25:faster,40:stop")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in ev.read_text().splitlines()]
    phases = {e["phase"] for e in lines if e["event"] == "phase"}
    assert phases == {"inhale", "exhale"}
    (pace,) = [e for e in lines if e["event"] == "pace"]
    assert pace["seconds_per_cycle"] == pytest.approx(10 / 1.2, abs=0.001)
    assert [e["event"] for e in lines[-2:]] == ["stopped", "finished"]
    assert lines[-2]["session"] == "calm-sos" and lines[-1]["completed"] is False


def test_run_without_a_sound_card_says_what_to_do() -> None:
    proc = run_attune("run", "calm-sos", "--voice", "system")
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("attune: no audio output device found; plug in speakers or "
                                   "headphones, or use --speaker-file out.wav")
    proc = run_attune("run", "calm-sos", "--clock", "virtual")
    assert proc.returncode == 1 and "--speaker-file" in proc.stderr
    proc = run_attune("render", "calm-sos", "-o", "x.wav", "--controls", "5:paws")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "did you mean" in proc.stderr
    proc = run_attune("render", "calm-sos", "-o", "x.aiff")
    assert proc.returncode == 1 and ".mp3" in proc.stderr


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")
def test_render_mp3(tmp_path: Path) -> None:
    out = tmp_path / "calm.mp3"
    proc = run_attune("render", "calm-sos", "-o", str(out), "--voice", "system")
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 10_000 and out.read_bytes()[:3] in (b"ID3", b"\xff\xfb")


def test_piper_voice_is_deterministic_and_keeps_the_rhythm() -> None:
    pytest.importorskip("piper")
    first = run("calm-sos", engine="piper")
    second = run("calm-sos", engine="piper")
    assert (first[2] == second[2]).all() and first[1].end == second[1].end
    first_step = cues(first[1], "inhale")[0].step
    starts = [c.start for c in cues(first[1], "inhale") if c.step == first_step]
    assert len(starts) >= 2 and {b - a for a, b in itertools.pairwise(starts)} == \
        {10 * RATE}
    guide = [p for p in first[1].played if p.kind == "speech" and p.text == "breathe in"]
    assert guide and all(p.end - p.start < 4 * RATE for p in guide)


@pytest.mark.parametrize(("args", "env", "bed"), [
    (["--bed", "rain"], {}, "rain"),
    (["--bed", "brown"], {}, "brown-noise"),
    (["--bed", "none"], {}, None),
    ([], {"ATTUNE_BED": "drone"}, "drone"),
    (["--bed", "session"], {"ATTUNE_BED": "drone"}, None),  # calm-sos has none of its own
])
def test_the_background_sound_is_chosen_per_run_or_in_the_config(
        tmp_path: Path, args: list[str], env: dict[str, str], bed: str | None) -> None:
    timeline = tmp_path / "t.json"
    proc = run_attune("render", "calm-sos", "-o", str(tmp_path / "x.wav"), "--voice", "system",
                      "--timeline", str(timeline), *args, env=env)
    assert proc.returncode == 0, proc.stderr
    events = json.loads(timeline.read_text())["events"]
    assert [e["sound"] for e in events if e["kind"] == "bed"] == ([bed] if bed else [])


def test_an_unknown_background_sound_names_the_choices() -> None:
    proc = run_attune("run", "calm-sos", "--bed", "ocean")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].endswith(
        "argument --bed: 'ocean' is not a background sound; choose one of: session, rain, "
        "brown, drone, none")


def test_a_pace_changed_by_slower_starts_the_next_time(tmp_path: Path) -> None:
    """The journal keeps the pace a session ended at; with remember_pace on (the
    default) the next run of that session starts there, and with it off at 1.0."""
    def started(*extra: str, env: dict[str, str] | None = None) -> dict[str, object]:
        events = tmp_path / "e.jsonl"
        proc = run_attune("run", "calm-sos", "--speaker-file", str(tmp_path / "x.wav"),
                          "--clock", "virtual", "--voice", "system", "--events", str(events),
                          *extra, env=env)
        assert proc.returncode == 0, proc.stderr
        lines = [json.loads(line) for line in events.read_text().splitlines()]
        return next(e for e in lines if e["event"] == "started")

    assert "pace" not in started("--controls", "20:slower,30:stop")
    assert started("--controls", "15:stop")["pace"] == pytest.approx(1.2)
    # With the setting off a run neither starts from the kept pace nor leaves its own.
    off = {"ATTUNE_REMEMBER_PACE": "0"}
    assert "pace" not in started("--controls", "10:faster,15:stop", env=off)
    assert started("--controls", "10:faster,15:stop")["pace"] == pytest.approx(1.2)
    assert "pace" not in started("--controls", "15:stop")  # back to 1.0 after "faster"


def test_the_rating_is_a_setting(tmp_path: Path) -> None:
    """On by default for the practices that have one; off, no rating is asked."""
    from voice.engine.lines import RATING_AFTER, RATING_BEFORE

    def said(env: dict[str, str]) -> list[str]:
        timeline = tmp_path / "t.json"
        # (Answers played in: a file nobody answers asks nothing.)
        proc = run_attune("render", "box-breathing", "--minutes", "4", "-o",
                          str(tmp_path / "x.wav"), "--voice", "system", "--timeline",
                          str(timeline), "--answers", "3,2", env=env)
        assert proc.returncode == 0, proc.stderr
        return [e.get("text", "") for e in json.loads(timeline.read_text())["events"]
                if e["kind"] == "speech"]

    on = said({})
    assert RATING_BEFORE in on and RATING_AFTER in on
    off = said({"ATTUNE_RATING": "false"})
    assert not any("from zero" in line for line in off)
