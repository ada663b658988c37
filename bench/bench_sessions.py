"""Sessions as a daily user hears them: length against the minutes asked, sound, silence.

    python bench/bench_sessions.py [--voice piper|system] [--minutes 2,5,10] [--json out.json]

Every session of the library is rendered in virtual time, as ``attune render`` would,
at its own length and at each of ``--minutes``, with nobody answering. For each render:

- **length** against the minutes asked (issue 18: within 10%, or the session says the
  shortest it can do: ``honest`` counts both);
- **returning intro**: with the one-sentence introduction a familiar session starts with,
  the seconds until the first step of the practice (issue 18: at most 15 s);
- **first practice**: when the first breath cue (or, without breathing, the first
  pause longer than 4 s) begins, i.e. how long the introduction holds a person back;
- **loudness**: integrated loudness (ITU-R BS.1770-4, pyloudnorm) and true peak (4x
  oversampled, scipy), issue 18's targets -18 LUFS and at most -1.5 dBTP;
- **digital silence**: the longest run of exact zeros in the 16-bit output (target: none
  longer than 1 s);
- **listening** and **replies**: seconds of listen windows, and sentences said in reply
  to an answer (a branch of a question), which a render has no one to give (target: none).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("ATTUNE_HOME", tempfile.mkdtemp(prefix="attune-bench-"))

from voice.audio.io import to_int16  # noqa: E402
from voice.audio.sinks import NullSink  # noqa: E402
from voice.engine.answers import NoAnswers  # noqa: E402
from voice.engine.lines import Speech  # noqa: E402
from voice.engine.player import Player, Result  # noqa: E402
from voice.engine.render import Level  # noqa: E402
from voice.engine.render import render as render_to  # noqa: E402
from voice.engine.timeline import RATE  # noqa: E402
from voice.sessions.library import load_library  # noqa: E402
from voice.sessions.model import Chime, Say, Session  # noqa: E402
from voice.speech.phrase_cache import PhraseRenderer  # noqa: E402
from voice.speech.tts import load_tts  # noqa: E402

LENGTH_TOLERANCE = 0.10
LOUDNESS_TARGET_LUFS = -18.0
TRUE_PEAK_MAX_DBTP = -1.5
SILENCE_MAX_S = 1.0


def render(session: Session, speech: Speech, minutes: float | None, short_intro: bool = False
           ) -> tuple[Player, Result, np.ndarray, Level]:
    """As ``attune render`` does: measured in a first pass, then at the level that
    brings the file to LOUDNESS_TARGET_LUFS."""
    sink = NullSink(keep=True)
    players: list[Player] = []

    def build(out: Any, loudness: float, answers: Any, bed_db: float) -> Player:
        players.append(Player(session, speech, out, minutes=minutes, answers=answers,
                              loudness=loudness, for_file=True, short_intro=short_intro,
                              bed_db=bed_db))
        return players[-1]

    result, level = render_to(build, sink, LOUDNESS_TARGET_LUFS, NoAnswers())
    return players[-1], result, sink.audio(), level


def returning_intro_s(session: Session, speech: Speech) -> float | None:
    """Seconds until the practice begins with the short introduction: the start of the first
    step after the opening sound and the one sentence (None: the session has no intro)."""
    if session.short_intro is None:
        return None
    player, result, _, _ = render(session, speech, None, short_intro=True)
    steps = player.fit.session.steps
    for event in result.events:
        number = event.get("step") if event["event"] == "step" else None
        if not number or str(event.get("path", "")).count("/"):
            continue
        step = steps[int(number) - 1]
        if isinstance(step, Chime) or (isinstance(step, Say) and step.text == session.short_intro):
            continue
        return float(event["t"])
    return None


def replies(result: Result) -> int:
    """Sentences said from a branch of a question (step paths like ``5/none/1``)."""
    return sum(1 for e in result.events if e["event"] == "step"
               and any(part in ("none", "other") or not part.replace("r", "").isdigit()
                       for part in str(e.get("path", "")).split("/")[1:]))


def loudness(audio: np.ndarray) -> tuple[float | None, float | None]:
    """Integrated loudness (LUFS) and true peak (dBTP); None without pyloudnorm/scipy."""
    try:
        import pyloudnorm
        from scipy.signal import resample_poly
    except ImportError:
        return None, None
    lufs = float(pyloudnorm.Meter(RATE).integrated_loudness(audio.astype(np.float64)))
    peak = float(np.max(np.abs(resample_poly(audio.astype(np.float64), 4, 1))))
    return lufs, 20 * np.log10(max(peak, 1e-12))


def longest_zero_run_s(audio: np.ndarray) -> float:
    zero = to_int16(audio) == 0
    edges = np.flatnonzero(np.diff(np.concatenate([[0], zero.astype(np.int8), [0]])))
    return float(np.max(edges[1::2] - edges[::2])) / RATE if edges.size else 0.0


def first_practice_s(result: Result) -> float | None:
    for played in sorted(result.played, key=lambda p: p.start):
        if played.kind == "cue" and played.phase:
            return played.start / RATE
    for played in sorted(result.played, key=lambda p: p.start):
        if played.kind == "silence" and played.end - played.start > 4 * RATE:
            return played.start / RATE
    return None


def measure(session: Session, speech: Speech, minutes: float | None) -> dict[str, Any]:
    player, result, audio, level = render(session, speech, minutes)
    asked = minutes if minutes is not None else session.minutes
    seconds = result.end / RATE
    shortest = player.fit.shortest_s
    within = abs(seconds / (asked * 60) - 1) <= LENGTH_TOLERANCE
    lufs, peak = loudness(audio)
    listening = sum(p.end - p.start for p in result.played if p.kind == "listen") / RATE
    return {"session": session.id, "asked_min": asked, "length_s": round(seconds, 1),
            "length_ratio": round(seconds / (asked * 60), 3),
            "within_10pct": within,
            "says_shortest_s": None if shortest is None else round(shortest, 1),
            # Said the shortest and played about that.
            "honest": within or (shortest is not None
                                 and abs(seconds / shortest - 1) <= LENGTH_TOLERANCE),
            "replies": replies(result),
            "first_practice_s": first_practice_s(result),
            "lufs": None if lufs is None else round(lufs, 1),
            # under the target because its bed may not come nearer the voice, nor its
            # cues: the balance holds it (voice.engine.render.BED_UNDER_VOICE_LU)
            "held_by_balance": level.held, "bed_lift_db": round(level.bed_db, 1),
            "true_peak_dbtp": None if peak is None else round(peak, 2),
            "longest_silence_s": round(longest_zero_run_s(audio), 2),
            "listening_s": round(listening, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--voice", default="piper", choices=("piper", "system"))
    ap.add_argument("--minutes", default="2,5,10",
                    help="lengths asked for besides each session's own (comma-separated)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--quick", action="store_true", help="only 5 minutes besides the own length")
    args = ap.parse_args(argv)
    if args.quick:
        args.minutes = "5"
    cache = Path(tempfile.mkdtemp(prefix="attune-bench-phrases-"))
    speech = Speech(PhraseRenderer(load_tts(args.voice), cache_dir=cache))
    asked: list[float | None] = [None, *(float(m) for m in args.minutes.split(",") if m)]
    rows = []
    print(f"{'session':22} {'asked':>6} {'length':>7} {'ratio':>6} {'first':>6} "
          f"{'LUFS':>6} {'dBTP':>6} {'zeros':>6} {'listen':>7} {'replies':>7}")
    intros: dict[str, float | None] = {}
    for session in load_library().by_category():
        intros[session.id] = returning_intro_s(session, speech)
        for minutes in asked:
            row = measure(session, speech, minutes)
            row["own_length"] = minutes is None
            rows.append(row)
            first = row["first_practice_s"]
            print(f"{session.id:22} {row['asked_min']:6g} {row['length_s']:6.0f}s "
                  f"{row['length_ratio']:6.2f} "
                  f"{'-' if first is None else f'{first:5.0f}s':>6} "
                  f"{'-' if row['lufs'] is None else row['lufs']:>6} "
                  f"{'-' if row['true_peak_dbtp'] is None else row['true_peak_dbtp']:>6} "
                  f"{row['longest_silence_s']:5.1f}s {row['listening_s']:6.0f}s "
                  f"{row['replies']:7d}"
                  + (f"  says its shortest: {row['says_shortest_s']:.0f} s"
                     if row["says_shortest_s"] else ""), flush=True)
    print("returning intro (s): " + ", ".join(
        f"{k} {'-' if v is None else f'{v:.1f}'}" for k, v in intros.items()))
    within = sum(r["within_10pct"] for r in rows if not r["own_length"])
    loud = [r for r in rows if r["lufs"] is not None and not r["held_by_balance"]]
    held = [r for r in rows if r["lufs"] is not None and r["held_by_balance"]]
    summary = {
        "sessions": len(rows) // len(asked), "minutes_asked": asked[1:],
        "within_10pct": within, "asked": sum(1 for r in rows if not r["own_length"]),
        "honest": sum(r["honest"] for r in rows if not r["own_length"]),
        "says_shortest": sum(1 for r in rows if r["says_shortest_s"] is not None),
        "returning_intro_max_s": max((v for v in intros.values() if v is not None),
                                     default=None),
        "returning_intros": intros,
        "replies": sum(r["replies"] for r in rows),
        "listening_s": sum(r["listening_s"] for r in rows),
        "lufs_min": min((r["lufs"] for r in loud), default=None),
        "lufs_max": max((r["lufs"] for r in loud), default=None),
        "held_by_balance": len(held),
        "held_lufs_min": min((r["lufs"] for r in held), default=None),
        "held_renders": [f"{r['session']} {r['asked_min']:g} min" for r in held],
        "loudness_off_lu": max((abs(r["lufs"] - LOUDNESS_TARGET_LUFS) for r in loud),
                               default=None),
        "true_peak_max_dbtp": max((r["true_peak_dbtp"] for r in loud), default=None),
        "longest_silence_s": max(r["longest_silence_s"] for r in rows),
        "first_practice_max_s": max((r["first_practice_s"] or 0.0) for r in rows),
    }
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "summary": summary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
