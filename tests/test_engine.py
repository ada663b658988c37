"""The issue's acceptance points, checked literally, plus the sinks."""

from __future__ import annotations

import itertools
import json
import threading
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.mixer import bed_segment
from voice.audio.sinks import SoftwareStream, SoundDeviceSink, WavSink, check_device
from voice.audio.sounds import room_tone
from voice.engine.clock import RealClock
from voice.engine.controls import Controls
from voice.engine.player import Player
from voice.engine.timeline import RATE
from voice.errors import DeviceError
from voice.sessions.library import find_session

from .conftest import run_attune
from .enginekit import cues, events, rms_db, run, s, speech, speech_overlaps


def render(tmp: Path, name: str, *extra: str) -> tuple[bytes, dict[str, Any]]:
    out, tl = tmp / f"{name}.wav", tmp / f"{name}.json"
    proc = run_attune("render", "box-breathing", "--minutes", "2", "-o", str(out),
                      "--timeline", str(tl), "--voice", "system", *extra)
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes(), json.loads(tl.read_text())


def test_render_twice_is_byte_identical_with_exact_breaths(tmp_path: Path) -> None:
    first, timeline = render(tmp_path, "a")
    second, again = render(tmp_path, "b")
    assert first == second and timeline == again
    inhales = [e["start_sample"] for e in timeline["events"]
               if e["kind"] == "cue" and e.get("phase") == "inhale"]
    assert len(inhales) >= 3
    assert {b - a for a, b in itertools.pairwise(inhales)} == {16 * RATE}
    gaps = {round(b["start_s"] - a["start_s"], 3) for a, b in zip(
        [e for e in timeline["events"] if e.get("phase") == "inhale" and e["kind"] == "cue"],
        [e for e in timeline["events"] if e.get("phase") == "inhale" and e["kind"] == "cue"][1:],
        strict=False)}
    assert gaps == {16.0}
    with wave.open(str(tmp_path / "a.wav")) as w:
        assert w.getframerate() == RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        assert w.getnframes() == timeline["end_sample"] == round(timeline["end_s"] * RATE)


def test_slower_at_30s_makes_later_cycles_19_2s() -> None:
    _, result, _ = run("box-breathing", "30:slower", minutes=4)
    pace = events(result, "pace")
    assert len(pace) == 1 and pace[0]["seconds_per_cycle"] == 19.2
    assert pace[0]["t"] - 30 <= 0.05
    starts = [c.start for c in cues(result, "inhale")]
    assert len(starts) >= 3 and starts[0] > s(30)
    assert {b - a for a, b in itertools.pairwise(starts)} == {s(19.2)}
    phases = [e["seconds"] for e in events(result, "phase")]
    assert set(phases) == {4.8}
    assert not speech_overlaps(result)


def test_pause_40_resume_50_shifts_everything_after() -> None:
    # (At 40 s of the four-minute session a sentence of the introduction is playing.)
    _, base, _ = run("box-breathing", minutes=4)
    player, paused, audio = run("box-breathing", "40:pause,50:resume", minutes=4)
    assert len(events(paused, "paused")) == len(events(paused, "resumed")) == 1
    p_at, r_at = (a["applied"] for a in player.applied)
    assert 0 <= p_at - s(40) <= 1102 and 0 <= r_at - s(50) <= 1102
    # The sentence that was interrupted starts again from its beginning at the resume.
    cut = [x for x in base.played if x.kind == "speech" and x.start <= p_at < x.end]
    unit_start = cut[0].start if cut else p_at
    shift = r_at - unit_start
    assert shift == pytest.approx(s(10) + (p_at - unit_start) + (r_at - s(50)) - (p_at - s(40)),
                                  abs=1)
    # Everything from the interrupted unit on is the same plan, shifted: no cue lost or doubled.
    def later(result: Any, since: int, offset: int) -> list[tuple[Any, ...]]:
        return [(x.kind, x.start - offset, x.end - offset, x.text, x.phase, x.sound)
                for x in result.played if x.start >= since and x.kind in ("cue", "speech")]
    assert later(paused, r_at, shift) == later(base, unit_start, 0)
    assert len(cues(paused)) == len(cues(base))
    assert paused.end == base.end + shift
    # Only the room tone while paused (after the 300 ms fade), and nothing sounds twice
    # at once.
    assert rms_db(audio[p_at + s(0.35):r_at]) < -58
    assert rms_db(audio[p_at - s(0.3):p_at]) > -50
    assert not speech_overlaps(paused)


def test_pause_in_a_silence_shifts_by_exactly_the_pause() -> None:
    _, base, _ = run("box-breathing", minutes=2)
    gap = next(x for x in base.played if x.kind == "silence" and x.end - x.start > s(2.5)
               and x.start > s(20))
    t = (gap.start + s(0.5)) / RATE
    player, paused, _ = run("box-breathing", f"{t:.3f}:pause,{t + 10:.3f}:resume", minutes=2)
    p_at, r_at = (a["applied"] for a in player.applied)
    assert r_at - p_at == pytest.approx(s(10), abs=1102)
    before = [(c.start, c.phase) for c in cues(base) if c.start >= p_at]
    after = [(c.start - (r_at - p_at), c.phase) for c in cues(paused) if c.start >= p_at]
    assert before == after and paused.end - base.end == r_at - p_at


def test_stop_ends_within_3s_with_a_fade() -> None:
    for t in (40.0, 100.0, 150.0):  # during speech, a hold, a listen window
        player, result, audio = run("box-breathing", f"{t}:stop", minutes=4)
        assert len(events(result, "stopped")) == 1
        assert result.end <= s(t + 3) and not result.completed
        assert events(result, "finished")[-1]["completed"] is False
        at = player.applied[0]["applied"]
        said = [x.text for x in result.played if x.kind == "speech" and x.start >= at]
        assert said and said[0].startswith("Okay")
        assert rms_db(audio[-s(0.1):]) < -45  # the very end is quiet
    # The fade, sample by sample: what was sounding is multiplied by a 300 ms fade-out.
    _, base, full = run("calm-sos")
    speaking = next(x for x in base.played if x.kind == "speech" and x.end - x.start > s(2))
    t = (speaking.start + s(1)) / RATE
    player, result, audio = run("calm-sos", f"{t:.4f}:stop")
    at, n = player.applied[0]["applied"], s(0.3)
    curve = 0.5 + 0.5 * np.cos(np.pi * (np.arange(n) + 0.5) / n)
    assert rms_db(full[at:at + n]) > -40
    room = bed_segment(room_tone(), at, n)  # (under everything, and not faded by a stop)
    assert np.allclose(audio[at:at + n] - room, (full[at:at + n] - room) * curve, atol=2e-6)
    assert rms_db(audio[at + n - s(0.02):at + n]) < rms_db(full[at:at + s(0.02)]) - 30


def test_thirty_minutes_virtual_null_sink_zero_drift() -> None:
    """Cue onsets found in the output itself land exactly where they were scheduled."""
    session = find_session("calm-sos")  # no bed: every cue starts out of silence
    onsets: list[int] = []

    class OnsetSink:
        paces = False
        rate = RATE

        def __init__(self) -> None:
            self.n, self.quiet = 0, 0

        def open(self) -> None: ...
        def close(self) -> None: ...
        def played(self) -> int:
            return self.n

        def write(self, block: np.ndarray) -> None:
            # (Without the room tone under everything: its noise would move each onset's
            # threshold crossing by a sample or two.)
            block = block - bed_segment(room_tone(), self.n, block.size)
            loud = np.abs(block) > 0.01
            for i in np.flatnonzero(loud):
                if self.n + i - self.quiet > s(0.5):
                    onsets.append(self.n + int(i))
                self.quiet = self.n + int(i)
            self.n += block.size

    sink = OnsetSink()
    t0 = time.perf_counter()
    result = Player(session, speech(), sink, minutes=30).run()
    elapsed = time.perf_counter() - t0
    assert result.end == sink.n and abs(result.end / RATE - 1800) < 15
    assert len(cues(result, "inhale")) > 150
    # The filling breath step's cues after the guide words (the session goes on to speak
    # and breathe once more after it).
    late = [c for c in cues(result) if c.phase and c.start > s(120)]
    late = [c for c in late if c.step == late[0].step]
    found = [o for o in onsets if late[0].start <= o <= late[-1].start + s(0.1)]
    assert len(found) == len(late)  # every scheduled cue was heard, and nothing else was
    lags: dict[str, set[int]] = {}
    for onset, cue in zip(found, late, strict=True):
        lags.setdefault(str(cue.phase), set()).add(onset - cue.start)
    # Each cue shape takes a fixed few samples to rise over the threshold; that offset
    # never changes over half an hour: zero drift.
    assert set(lags) == {"inhale", "exhale"}
    assert all(len(v) == 1 and 0 <= min(v) < s(0.1) for v in lags.values())  # (cues 8 LU
    # under the voice rise over the threshold in about 60 ms)
    assert elapsed < 30  # virtual time: far faster than real time


def test_wav_sink_streams_and_null_device_fails_in_one_line(tmp_path: Path) -> None:
    sink = WavSink(tmp_path / "x.wav")
    sink.open()
    for _ in range(3):
        sink.write(np.full(1000, 0.5, np.float32))
    sink.close()
    with wave.open(str(tmp_path / "x.wav")) as w:
        assert w.getnframes() == 3000
    with pytest.raises(DeviceError, match=r"no audio output device found.*--speaker-file"):
        check_device()
    with pytest.raises(DeviceError, match=r"--speaker-file out\.wav"):
        SoundDeviceSink().write(np.zeros(10, np.float32))


def test_device_sink_paces_real_time_and_controls_land_fast() -> None:
    session = find_session("calm-sos")
    sink = SoundDeviceSink(stream_factory=SoftwareStream)
    controls = Controls()
    player = Player(session, speech(), sink, clock=RealClock(sink), controls=controls,
                    block=551)
    thread = threading.Thread(target=player.run)
    thread.start()
    time.sleep(1.0)
    sent = controls.send("stop")
    thread.join(10)
    assert not thread.is_alive()
    (applied,) = [a for a in player.applied if a["control"] == "stop"]
    latency = (applied["applied"] - sent.arrival) / RATE
    assert 0 <= latency <= 0.1
    assert player.pos / RATE < 1.0 + 3.2 and sink.played() == player.pos


@pytest.mark.parametrize("engine", ["system", "piper"])
def test_calm_sos_breathes_within_ten_seconds_and_lasts_about_a_minute(engine: str) -> None:
    """In a hard moment the first breath comes quickly: no opening bell or preamble."""
    _, result, _ = run("calm-sos", engine=engine)
    assert cues(result, "inhale")[0].start <= s(10)
    assert result.end <= s(80)


def _longest_zero_run(audio: np.ndarray) -> int:
    """The longest run of samples that are exactly zero once written as 16-bit PCM."""
    zero = np.rint(np.clip(audio, -1, 1) * 32767).astype(np.int16) == 0
    edges = np.flatnonzero(np.diff(np.concatenate([[0], zero.astype(np.int8), [0]])))
    return int(np.max(edges[1::2] - edges[::2])) if edges.size else 0


def test_pauses_carry_a_quiet_room_tone_not_digital_silence() -> None:
    """With eyes closed, digital silence sounds like a broken file, and some Bluetooth
    headsets switch off in it: a room tone at -60 dBFS lies under everything, paused
    sessions and those without a background sound too."""
    from voice.audio.mixer import rms_dbfs

    _, result, audio = run("calm-sos")  # no background sound
    assert _longest_zero_run(audio) < s(0.05)
    gaps = [x for x in result.played if x.kind == "silence" and x.end - x.start > s(0.5)]
    quiet = [x for x in gaps if not any(c.start < x.end and c.end > x.start
                                       for c in result.played if c.kind in ("cue", "speech"))]
    assert quiet
    for gap in quiet:
        assert -63 < rms_dbfs(audio[gap.start + s(0.1):gap.end - s(0.1)]) < -57
    # Paused for a minute, at the quietest volume: still never digital silence.
    _, result, audio = run("box-breathing", "30:pause,90:resume", minutes=2,
                           volume_db=-18.0)
    assert _longest_zero_run(audio) < s(1.0)


def test_bedtime_fades_its_sleep_sound_slowly_after_goodnight() -> None:
    """The brown noise fades over 45 s once the session's words are done, instead of
    staying at full level and stopping in 3 s."""
    from voice.audio.mixer import rms_dbfs

    _, result, audio = run("bedtime-wind-down")
    (end,) = [x for x in result.played if x.kind == "silence" and x.path == "end"]
    assert end.end == result.end and end.end - end.start == s(45)
    goodnight = next(x for x in result.played if x.kind == "speech" and x.text == "Goodnight.")
    assert (end.start - goodnight.end) / RATE <= 40
    levels = [rms_dbfs(audio[end.start + s(t):end.start + s(t + 1)]) for t in (1, 15, 30, 43)]
    assert levels == sorted(levels, reverse=True) and levels[0] - levels[-1] > 20


def test_the_before_and_after_rating_reads_one_way_and_ends_cleanly() -> None:
    """Asked after the welcome, with both anchors each time; unanswered, no "we'll carry
    on" when nothing follows; answered lower, no thanks twice in a row."""
    from voice.engine.lines import RATING_AFTER, RATING_BEFORE

    def said(result: Any) -> list[str]:
        return [str(x.text) for x in sorted(result.played, key=lambda p: p.start)
                if x.kind == "speech"]

    _, quiet, _ = run("box-breathing", minutes=4)
    words = said(quiet)
    assert words.index(RATING_BEFORE) == words.index("Welcome to box breathing.") + 1
    for question in (RATING_BEFORE, RATING_AFTER):
        assert "from zero, not at all, to ten, the most" in question
    assert "That's okay, we'll carry on." not in words
    _, better, _ = run("box-breathing", answers="6,3", minutes=4)
    words = said(better)
    assert "That's a little lower than when we started." in words
    assert sum("Thank you for taking this time" in w for w in words) == 1
