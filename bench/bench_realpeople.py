"""The ears on real people: every clip of bench/realpeople, in answer mode, through the live
pipeline (bench_ears.run_clip), each in its own process under a deadline.

    python bench/bench_realpeople.py [--split eval|fit|all] [--timeout 20]
        [--recognizer pocketsphinx|vosk] [--json PATH]

A clip that runs past the deadline is reported as a hang and the run goes on: no input
may freeze the ears, and one that does must not freeze the benchmark either.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evalset

TARGET = 0.95


def run_one(clip_id: str, recognizer: str) -> dict[str, Any]:
    from bench_ears import run_clip, settled

    from voice.ears.choice import load_recognizer

    clip = next(c for c in evalset.real_people_clips() if c.id == clip_id)
    result = run_clip(settled(load_recognizer(recognizer, mode=clip.mode)), clip)
    return {**asdict(result), "correct": result.correct(), "accepted": result.accepted()}


def run_all(split: str | None, timeout: float, recognizer: str) -> list[dict[str, Any]]:
    out = []
    for row, phrase in evalset.real_people_labels(split):
        clip_id = f"real-{Path(row['file']).stem}"
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, __file__, "--one", clip_id, "--recognizer",
                                   recognizer], capture_output=True, text=True, timeout=timeout,
                                  cwd=evalset.ROOT)
            res = json.loads(proc.stdout.splitlines()[-1]) if proc.returncode == 0 else {
                "error": proc.stderr.strip().splitlines()[-1:]}
        except subprocess.TimeoutExpired:
            res = {"hang": True}
        res.update(clip_id=clip_id, text=phrase.text, speaker=row["speaker"],
                   source=row["source"], in_domain=phrase.intent is not None,
                   wall_s=round(time.perf_counter() - t0, 2))
        heard = [h["text"] for h in res.get("heard", [])]
        print(f"{clip_id:42} {'HANG' if res.get('hang') else res.get('correct', 'ERR')!s:5} "
              f"{res['wall_s']:5.1f}s  heard {heard}", flush=True)
        out.append(res)
    return out


def report(results: list[dict[str, Any]], timeout: float) -> str:
    inside = [r for r in results if r["in_domain"]]
    outside = [r for r in results if not r["in_domain"]]
    right = sum(bool(r.get("correct")) for r in inside)
    by_word: dict[str, list[bool]] = defaultdict(list)
    for r in inside:
        by_word[r["text"]].append(bool(r.get("correct")))
    hangs = [r["clip_id"] for r in results if r.get("hang")]
    errors = [r["clip_id"] for r in results if "error" in r]
    lines = [
        f"real people, answer mode: {right}/{len(inside)} = {right / max(1, len(inside)):.1%} "
        f"right on intent and slots (target {TARGET:.0%}; a hang counts as wrong)",
        "by word: " + ", ".join(f"{w} {sum(v)}/{len(v)}" for w, v in sorted(by_word.items())),
        f"out-of-domain accepted: {sum(bool(r.get('accepted')) for r in outside)}/{len(outside)}",
        f"hangs (over {timeout:.0f} s): {len(hangs)} {hangs}",
    ]
    if errors:
        lines.append(f"errors: {errors}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="eval", choices=("eval", "fit", "all"))
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per clip")
    ap.add_argument("--recognizer", default="whisper",
                    choices=("whisper", "whisper-base", "pocketsphinx", "vosk"))
    ap.add_argument("--json", type=Path, help="write every clip's result to this file")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # the child: one clip, JSON out
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.recognizer)))
        return 0
    if not (evalset.REAL_PEOPLE / "audio").is_dir():
        print("bench_realpeople: no audio yet; build it with bench/build_realpeople.py "
              "(bench/realpeople/README.md)", file=sys.stderr)
        return 1
    results = run_all(None if args.split == "all" else args.split, args.timeout,
                      args.recognizer)
    print(report(results, args.timeout))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
