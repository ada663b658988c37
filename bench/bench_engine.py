"""Benchmark the session engine: render speed and control latency.

    python bench/bench_engine.py [--voice system|piper] [--json out.json] [--quick]

1. Render speed: every session in the library rendered in virtual time to the
   null sink, with a cold phrase cache (speech synthesized on the way) and
   warm (the engine alone). Reported as x real time.
2. Control latency, virtual time: each control at each kind of step (speech,
   a breath hold, a pause step, a listen window); latency is from the
   control's arrival to the first output sample that differs from the same
   render without it (the audible change).
3. Control latency, real time: the sound-card path (queue + callback) driven
   by a software device at the real sample rate; controls are sent from
   another thread at arbitrary moments; latency is from the sample being
   heard when the control arrived to the first sample that carries the
   change.
4. Timing drift over a 30-minute session: ``calm-sos`` stretched to 30
   minutes, played in virtual time into a sink that finds every cue onset in
   the audio itself. Drift is how far the k-th inhale lands from where an
   ideal metronome started at the first one would put it (first onset + k
   cycles), and how much the offset between each cue's scheduled start and
   its onset in the audio varies over the half hour. Both should be 0 samples.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("ATTUNE_HOME", tempfile.mkdtemp(prefix="attune-bench-"))

from bench.targets import TARGETS  # noqa: E402
from voice.audio.mixer import bed_segment  # noqa: E402
from voice.audio.sinks import NullSink, SoftwareStream, SoundDeviceSink  # noqa: E402
from voice.audio.sounds import room_tone  # noqa: E402
from voice.engine.breaths import cycle_samples  # noqa: E402
from voice.engine.clock import RealClock  # noqa: E402
from voice.engine.controls import CONTROLS, Controls  # noqa: E402
from voice.engine.lines import Speech  # noqa: E402
from voice.engine.player import Player  # noqa: E402
from voice.engine.timeline import RATE, samples  # noqa: E402
from voice.sessions.library import find_session, load_library  # noqa: E402
from voice.sessions.model import Breathe, Session  # noqa: E402
from voice.sessions.schema import session_from_plain  # noqa: E402
from voice.speech.phrase_cache import PhraseRenderer  # noqa: E402
from voice.speech.tts import load_tts  # noqa: E402

LATENCY_TARGET_MS = TARGETS["engine.control_ms"].value
DRIFT_TARGET_MS = TARGETS["engine.drift_ms"].value
IMMEDIATE = ("pause", "stop", "skip", "louder", "quieter")
TEST_SESSION: dict[str, Any] = {
    "id": "bench-controls", "title": "Bench", "category": "breathing", "summary": "Bench.",
    "minutes": 2, "triggers": ["bench controls"], "background": {"bed": "rain", "volume": 0.3},
    "steps": [
        {"chime": "bell"},
        {"say": "Let your shoulders soften and your breath slow down, gently and easily.",
         "after": 1},
        {"pause": 8},
        {"breathe": {"inhale": 3, "hold": 5, "exhale": 3, "cycles": 2, "guide": 0}},
        {"ask": "How are you feeling?", "expect": "feeling", "timeout": 12},
        {"chime": "closing-chime"},
    ],
}


def render(session: Session, speech: Speech, controls: list[tuple[float, str]] | None = None,
           keep: bool = False) -> tuple[Player, NullSink]:
    sink = NullSink(keep=keep)
    player = Player(session, speech, sink, controls=Controls(controls))
    player.run()
    return player, sink


def bench_render(engine: str) -> list[dict[str, Any]]:
    rows = []
    cache = Path(tempfile.mkdtemp(prefix="attune-bench-phrases-"))
    speech = Speech(PhraseRenderer(load_tts(engine), cache_dir=cache))
    for session in load_library().by_category():
        t0 = time.perf_counter()
        player, _ = render(session, speech)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        render(session, speech)
        warm = time.perf_counter() - t0
        seconds = player.pos / RATE
        rows.append({"session": session.id, "audio_s": round(seconds, 1),
                     "cold_s": round(cold, 3), "warm_s": round(warm, 3),
                     "x_realtime_cold": round(seconds / cold), "x_realtime_warm":
                     round(seconds / warm)})
        print(f"  {session.id:22} {seconds:7.1f} s audio  cold {cold:6.2f} s "
              f"({seconds / cold:5.0f}x)  warm {warm:5.2f} s ({seconds / warm:5.0f}x)")
    return rows


def bench_virtual_latency(speech: Speech) -> dict[str, list[float]]:
    session = session_from_plain(TEST_SESSION)
    base, base_sink = render(session, speech, keep=True)
    base_audio = base_sink.audio()
    played = base.mix.played
    speech_at = next(p for p in played if p.kind == "speech").start + RATE
    hold = next(e for e in base.events if e["event"] == "phase" and e["phase"] == "hold")
    times = {"speech": speech_at / RATE,
             "pause": next(p for p in played if p.kind == "silence" and p.path == "3").start
             / RATE + 3, "hold": hold["t"] + 2,
             "ask": next(p for p in played if p.kind == "listen").start / RATE + 3}
    out: dict[str, list[float]] = {}
    for control in CONTROLS:
        for kind, t in times.items():
            extra = [(t + 3, "resume")] if control == "pause" else []
            player, sink = render(session, speech, [(t, control), *extra], keep=True)
            audio = sink.audio()
            arrival = player.applied[0]["arrival"]
            n = min(audio.size, base_audio.size)
            diff = np.flatnonzero(np.abs(audio[arrival:n] - base_audio[arrival:n]) > 1e-4)
            if diff.size == 0 and audio.size == base_audio.size:
                continue  # no audible change (resume with nothing paused)
            change = arrival + (int(diff[0]) if diff.size else n - arrival)
            ms = (change - arrival) / RATE * 1000
            out.setdefault(f"{control}@{kind}", []).append(round(ms, 1))
    return out


def bench_real_latency(speech: Speech, rounds: int) -> list[float]:
    session = next(s for s in load_library().by_category() if s.id == "calm-sos")
    sink = SoundDeviceSink(stream_factory=SoftwareStream)
    controls = Controls()
    player = Player(session, speech, sink, clock=RealClock(sink), controls=controls, block=551)
    thread = threading.Thread(target=player.run, daemon=True)
    thread.start()
    sent = []
    rng = np.random.default_rng(7)
    for i in range(rounds):
        time.sleep(0.2 + float(rng.uniform(0, 0.3)))
        sent.append(controls.send("louder" if i % 2 == 0 else "quieter"))
    time.sleep(0.2)
    controls.send("stop")
    thread.join(10)
    applied = [a for a in player.applied if a["control"] in ("louder", "quieter")]
    return [round((a["applied"] - c.arrival) / RATE * 1000, 1) for a, c in zip(applied, sent,
                                                                               strict=True)]


class OnsetSink(NullSink):
    """Counts samples and notes every sound that starts after 0.5 s of quiet."""

    def __init__(self) -> None:
        super().__init__(RATE)
        self.last_loud = -samples(1.0)
        self.onsets: list[int] = []

    def write(self, block: Any) -> None:
        # Onsets of the cues themselves, without the room tone under everything.
        quiet = block - bed_segment(room_tone(), self.count, block.size)
        loud = np.flatnonzero(np.abs(quiet) > 0.01) + self.count
        if loud.size:
            gaps = np.diff(loud, prepend=self.last_loud)
            self.onsets += [int(i) for i in loud[gaps > samples(0.5)]]
            self.last_loud = int(loud[-1])
        super().write(block)


def bench_drift(speech: Speech, minutes: float = 30.0) -> dict[str, Any]:
    session = find_session("calm-sos")  # no bed: every cue starts out of silence
    breathe = next(s for s in session.steps if isinstance(s, Breathe))
    sink = OnsetSink()
    t0 = time.perf_counter()
    result = Player(session, speech, sink, minutes=minutes).run()
    wall = time.perf_counter() - t0
    # After the guide words (first 2 minutes) the cues are alone in the audio.
    cues = [p for p in result.played if p.kind == "cue" and p.phase and p.start > samples(120)]
    cues = [p for p in cues if p.step == cues[0].step]  # the filling step's (more follow it)
    found = [o for o in sink.onsets if cues[0].start <= o <= cues[-1].start + samples(0.05)]
    if len(found) != len(cues):
        raise SystemExit(f"drift: {len(cues)} cues scheduled but {len(found)} heard")
    lags: dict[str, list[int]] = {}
    for onset, cue in zip(found, cues, strict=True):
        lags.setdefault(str(cue.phase), []).append(onset - cue.start)
    spread = max(max(v) - min(v) for v in lags.values())
    inhales = [o for o, c in zip(found, cues, strict=True) if c.phase == "inhale"]
    cycle = cycle_samples(breathe, 1.0)
    metronome = [o - inhales[0] - k * cycle for k, o in enumerate(inhales)]
    worst = max(metronome, key=abs)
    return {"session": session.id, "minutes": round(result.end / RATE / 60, 2),
            "cues": len(cues), "inhales": len(inhales), "cycle_s": cycle / RATE,
            "drift_ms": round(worst / RATE * 1000, 3),
            "drift_last_ms": round(metronome[-1] / RATE * 1000, 3),
            "onset_spread_ms": round(spread / RATE * 1000, 3),
            "length_error_samples": sink.count - result.end, "wall_s": round(wall, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voice", default="system", choices=("system", "piper"))
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument("--quick", action="store_true", help="skip the whole-library render")
    args = parser.parse_args()
    report: dict[str, Any] = {"voice": args.voice}
    if not args.quick:
        print(f"render speed, whole library ({args.voice} voice), virtual time, null sink:")
        rows = bench_render(args.voice)
        total = sum(r["audio_s"] for r in rows)
        cold = sum(r["cold_s"] for r in rows)
        warm = sum(r["warm_s"] for r in rows)
        print(f"  {'all':22} {total:7.1f} s audio  cold {cold:6.2f} s ({total / cold:5.0f}x)"
              f"  warm {warm:5.2f} s ({total / warm:5.0f}x)")
        report["render"] = {"sessions": rows, "audio_s": total, "x_realtime_cold":
                            round(total / cold), "x_realtime_warm": round(total / warm)}
    speech = Speech(PhraseRenderer(load_tts(args.voice)))
    print("\ncontrol latency, virtual time (arrival -> first changed output sample), ms:")
    virtual = bench_virtual_latency(speech)
    for key, values in sorted(virtual.items()):
        print(f"  {key:22} {values[0]:6.1f}")
    immediate = [v[0] for k, v in virtual.items() if k.split("@")[0] in IMMEDIATE]
    spoken = {k: v[0] for k, v in virtual.items() if k.split("@")[0] not in IMMEDIATE}
    quiet = [v for k, v in spoken.items() if not k.endswith("@speech")]
    during = [v for k, v in spoken.items() if k.endswith("@speech")]
    print(f"  {'/'.join(IMMEDIATE)}: max {max(immediate):.1f} ms; spoken replies "
          f"(slower, faster, repeat, time_left) max {max(quiet):.1f} ms, during a sentence "
          f"{max(during):.1f} ms (the words wait for it to end) (target "
          f"{LATENCY_TARGET_MS:.0f} ms)")
    report["latency_summary_ms"] = {
        "immediate_max": max(immediate), "spoken_reply_max": max(quiet),
        "spoken_reply_during_speech_max": max(during)}
    print("\ncontrol latency, real time (software sound card, 25 ms blocks), ms:")
    real = bench_real_latency(speech, rounds=20)
    print(f"  n={len(real)}  median {statistics.median(real):.1f}  max {max(real):.1f}")
    report["latency_virtual_ms"] = virtual
    report["latency_real_ms"] = {"values": real, "median": statistics.median(real),
                                 "max": max(real)}
    print("\ntiming drift, calm-sos stretched to 30 minutes, virtual time:")
    drift = bench_drift(speech)
    print(f"  {drift['minutes']:.1f} min, {drift['cues']} cues found in the audio; worst inhale "
          f"vs ideal metronome {drift['drift_ms']:.3f} ms (last {drift['drift_last_ms']:.3f}"
          f" ms); cue onset offset spread {drift['onset_spread_ms']:.3f} ms; length error "
          f"{drift['length_error_samples']} samples; {drift['wall_s']:.1f} s wall "
          f"(target {DRIFT_TARGET_MS:.0f} ms)")
    report["drift"] = drift
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    ok = max(immediate) <= LATENCY_TARGET_MS and max(real) <= LATENCY_TARGET_MS and abs(
        drift["drift_ms"]) <= DRIFT_TARGET_MS
    print("\n" + ("ok: every control lands within one block" if ok else "SLOW"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
