"""The scheduler and the timeline: breaths, words, fills, answers, JSON."""

from __future__ import annotations

import itertools
import json

import pytest

from voice.engine.answers import ScriptedAnswers, branch_name, normalize
from voice.engine.breaths import cycle_samples, phase_seconds
from voice.engine.controls import parse_controls
from voice.engine.scheduler import RunState, Scheduler, rating_steps
from voice.engine.timeline import RATE, samples, timeline_json
from voice.errors import AttuneError
from voice.sessions.model import Ask, Breathe, Session
from voice.sessions.schema import session_from_plain

from .enginekit import cues, events, run, s, speech


def tiny(steps: list[dict[str, object]], minutes: float = 1, **extra: object) -> Session:
    return session_from_plain({"id": "tiny", "title": "Tiny", "category": "breathing",
                              "summary": "A test.", "minutes": minutes,
                              "triggers": ["tiny test"], "steps": steps, **extra})


def scheduler(session: Session, pace: float = 1.0) -> Scheduler:
    return Scheduler(session, speech(), RunState(pace=pace))


def test_cycle_places_cues_then_counts_evenly_after_them() -> None:
    b = Breathe(inhale=4, hold=4, exhale=4, hold_after=4, cycles=1, count_aloud=1, guide=2)
    seg = scheduler(tiny([{"pause": 1}])).cycle(b, 0)
    assert seg.length == 16 * RATE
    cues = [c for c in seg.clips if c.kind == "cue"]
    assert [(c.offset, c.phase) for c in cues] == [(0, "inhale"), (4 * RATE, "hold"),
                                                   (8 * RATE, "exhale"), (12 * RATE, "hold_after")]
    words = [c for c in seg.clips if c.kind == "speech"]
    assert [w.text for w in words[:4]] == ["in", "two", "three", "four"]
    assert [w.text for w in words[8:10]] == ["out", "two"]
    # Issue 18: the count lands after the tone (had started on its first sample), at
    # least past its loudest middle, and keeps an even beat to the end of the phase.
    for cue, first in ((cues[0], words[0]), (cues[2], words[8])):
        assert cue.offset + cue.length // 2 < first.offset <= cue.offset + cue.length + s(0.05)
    beats = [w.offset for w in words[:4]]
    assert len({b1 - b0 for b0, b1 in itertools.pairwise(beats)}) == 1
    assert beats[3] + words[3].length <= 4 * RATE
    assert [m.details["phase"] for m in seg.marks] == ["inhale", "hold", "exhale", "hold_after"]
    # Speech never overlaps speech inside a breath.
    spoken = sorted((c.offset, c.offset + c.length) for c in seg.clips if c.kind == "speech")
    assert all(b0 >= a1 for (_, a1), (b0, _) in itertools.pairwise(spoken))


def test_guide_words_then_silence_and_short_phases_shorten_the_words() -> None:
    b = Breathe(inhale=4, exhale=6, cycles=5, guide=2)
    sched = scheduler(tiny([{"pause": 1}]))
    texts = [[c.text for c in sched.cycle(b, i).clips if c.kind == "speech"] for i in range(3)]
    assert texts == [["breathe in", "and out"], ["breathe in", "and out"], []]
    # A 0.5 s phase cannot hold "breathe in" (or even "in"): no word rather than drift.
    fast = Breathe(inhale=0.5, exhale=0.5, cycles=1, count_aloud=1)
    seg = sched.cycle(fast, 0)
    assert seg.length == RATE
    assert all(c.offset + c.length <= seg.length for c in seg.clips if c.kind == "speech")
    # Counting that does not fit its one-second slots falls back to the phase word.
    counted = Breathe(inhale=1.5, exhale=1.5, cycles=1, count_aloud=1)
    words = [c.text for c in sched.cycle(counted, 0).clips if c.kind == "speech"]
    assert words in (["in", "two", "out", "two"], ["breathe in", "and out"], ["in", "out"])


def test_pace_scales_phases_within_bounds() -> None:
    b = Breathe(inhale=4, hold=4, exhale=4, hold_after=4)
    assert cycle_samples(b, 1.2) == samples(19.2)
    assert phase_seconds(28, 1.2) == 30.0 and phase_seconds(0.5, 1 / 1.2) == 0.5
    seg = scheduler(tiny([{"pause": 1}]), pace=1.2).cycle(b, 3)
    assert seg.length == samples(19.2) and seg.phases[0] == ("inhale", samples(4.8))


def test_rating_steps_wrap_the_session() -> None:
    """The before-rating comes after the welcome, the after-rating before the last chime."""
    s = tiny([{"chime": "bell"}, {"say": "Welcome."}, {"say": "Let's begin."},
              {"chime": "closing-chime"}], rate_before_after=True)
    kinds = [(type(step).__name__, n) for step, n in rating_steps(s)]
    assert kinds == [("Chime", 1), ("Say", 2), ("Ask", 0), ("Say", 3), ("Ask", 0),
                     ("RatingChange", 0), ("Chime", 4)]
    short = tiny([{"chime": "bell"}, {"say": "Hi."}, {"chime": "closing-chime"}],
                 rate_before_after=True)
    kinds = [(type(step).__name__, n) for step, n in rating_steps(short)]
    assert kinds == [("Chime", 1), ("Ask", 0), ("Say", 2), ("Ask", 0), ("RatingChange", 0),
                     ("Chime", 3)]


def test_filling_breath_uses_the_minutes_left_after_later_steps() -> None:
    s = tiny([{"say": "Let's breathe."}, {"breathe": {"inhale": 4, "exhale": 6, "guide": 0}},
              {"pause": 20}], minutes=2)
    _, result, _ = run(s)
    n = len(cues(result, "inhale"))
    assert 8 <= n <= 10  # 120 s minus speech and the 20 s pause, at 10 s a breath
    assert abs(result.end / RATE - (120 + 3)) < 10  # plus the 3 s fade at the end
    _, longer, _ = run(s, minutes=3)
    assert len(cues(longer, "inhale")) == n + 6


def test_breath_minutes_and_cycles() -> None:
    s = tiny([{"breathe": {"inhale": 2, "exhale": 3, "minutes": 0.5, "guide": 0}},
              {"breathe": {"inhale": 1, "exhale": 1, "cycles": 4, "guide": 0}}])
    _, result, _ = run(s)
    phases = [e["seconds"] for e in events(result, "phase") if e["phase"] == "inhale"]
    assert phases == [2.0] * 6 + [1.0] * 4


def test_answers_normalize_by_expect() -> None:
    feeling = Ask("How?", "feeling", branches={"fear": [], "other": []})
    assert normalize(feeling, "on edge").key == "fear"
    assert normalize(feeling, "I don't know").key == "unsure"
    assert branch_name(feeling, normalize(feeling, "blorpy").key) == "other"
    assert normalize(feeling, "  ").key is None
    rating = Ask("0-10?", "intensity", branches={"0-3": [], "4-6": [], "7-10": []})
    assert (normalize(rating, "maybe a six").key, normalize(rating, "maybe a six").value) == \
        ("4-6", "6")
    assert not normalize(rating, "pretty bad").clear
    yes_no = Ask("Okay?", "yes_no")
    assert normalize(yes_no, "yeah sure").key == "yes"
    assert normalize(yes_no, "not really").key == "no"
    choice = Ask("Which?", "choice", choices=["rest", "i don't know"])
    assert normalize(choice, "I think rest").key == "rest"
    assert normalize(choice, "I don't know").key == "i don't know"
    scripted = ScriptedAnswers.parse("anxious,-,6", delay_s=1.0)
    scripted.listen(feeling)
    assert scripted.poll(0.5) is None and scripted.poll(1.0) == "anxious"
    scripted.listen(feeling)
    assert scripted.poll(9) is None


def test_parse_controls() -> None:
    assert parse_controls("30:slower, 12.5:pause,20:resume,40:time-left") == [
        (12.5, "pause"), (20.0, "resume"), (30.0, "slower"), (40.0, "time_left")]
    with pytest.raises(AttuneError, match="did you mean 'pause'"):
        parse_controls("3:paws")
    with pytest.raises(AttuneError, match="SECONDS:CONTROL"):
        parse_controls("pause")


def test_timeline_json_lists_every_event() -> None:
    s = tiny([{"chime": "bell"}, {"say": "Hello there. Welcome."},
              {"breathe": {"inhale": 2, "exhale": 2, "cycles": 2, "guide": 1}},
              {"ask": "How are you?", "expect": "feeling", "timeout": 5, "save_as": "f"},
              {"say": "You said {f}."}], background={"bed": "rain", "volume": 0.3})
    _, result, audio = run(s, answers="calm")
    doc = json.loads(json.dumps(timeline_json(result.played, result.end, "tiny")))
    kinds = {e["kind"] for e in doc["events"]}
    assert kinds == {"speech", "cue", "silence", "listen", "bed"}
    assert doc["end_sample"] == audio.size == result.end
    for e in doc["events"]:
        assert {"kind", "start_s", "end_s", "step"} <= set(e)
        assert e["start_s"] <= e["end_s"] <= doc["end_s"]
        if e["kind"] == "speech":
            assert e["text"]
    phases = [e["phase"] for e in doc["events"] if e["kind"] == "cue" and "phase" in e]
    assert phases == ["inhale", "exhale", "inhale", "exhale"]
    said = [e["text"] for e in doc["events"] if e["kind"] == "speech"]
    assert "You said calm." in said and said[:2] == ["Hello there.", "Welcome."]
    listen = next(e for e in doc["events"] if e["kind"] == "listen")
    assert listen["end_s"] - listen["start_s"] == pytest.approx(1.5, abs=0.06)  # answered
