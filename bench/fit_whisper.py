"""Fit the Whisper backend's candidate rule on the ``fit`` split.

    python bench/fit_whisper.py [--every 2] [--voices a,b] [--save PATH] [--load PATH]

Runs the ``fit`` clips (clean, 10 and 5 dB, and out-of-domain talk) through the
live pipeline once, keeping for every utterance the free transcript, its
features and the score of every candidate phrase. Then replays the decisions
offline for a grid of candidate rules (the best candidate's mean log-probability
per token, its margin over the best candidate of another intent) and prints
accuracy by condition and false accepts for each, so the rule in
``voice/ears/whisper_backend.py`` is chosen on data the report never sees.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_ears
import compare_endpointing

from voice.ears import whisper_backend, whisper_candidates, whisper_completions, whisper_phrases
from voice.ears.base import Hypothesis
from voice.ears.choice import load_recognizer
from voice.ears.recognizer import StreamingRecognizer
from voice.understanding.understand import understand

SAVED = Path("/tmp/attune-fit-whisper.json")


def record(recognizer: str, voices: list[str], every: int) -> list[dict[str, Any]]:
    """Every fit clip with the utterances the backend decided and their candidates.

    Each decided utterance keeps a group of backend calls: its own decode and, when it
    was rejected after another rejected piece, the decode of the two rejoined."""
    calls: list[list[dict[str, Any]]] = []
    deciding: list[bool] = [False]
    original_decide = StreamingRecognizer._decide
    original_end = whisper_backend.WhisperBackend.end
    original_scores = whisper_backend.WhisperBackend._scores
    original_backend_decide = whisper_backend.WhisperBackend._decide
    original_candidates = whisper_backend.WhisperBackend._candidates

    def candidates(self: Any, readings: list[str], seconds: float, completions: list[str]
                   ) -> list[str]:
        self._free = readings[0]
        return original_candidates(self, readings, seconds, completions)

    def scores(self: Any, encoded: Any, phrases: list[str]) -> list[float]:
        out = original_scores(self, encoded, phrases)
        self._scored = dict(zip(phrases, (float(s) for s in out), strict=True))
        return out

    # What each decision scored, kept with it: a look at a pause decides before the
    # utterance ends, and end() may return that decision later.
    scored_for: dict[int, tuple[dict[str, float], str]] = {}

    def backend_decide(self: Any, encoded: Any, said: Any, *ahead: Any) -> Hypothesis:
        self._scored, self._free = {}, ""
        hyp = original_backend_decide(self, encoded, said, *ahead)
        scored_for[id(hyp)] = (self._scored, self._free)
        return hyp

    def end(self: Any) -> Hypothesis:
        mode = self._mode
        hyp = original_end(self)
        scored, free = scored_for.pop(id(hyp), ({}, ""))
        scored_for.clear()
        call = {"mode": mode, "text": hyp.text, "features": dict(hyp.features),
                "scored": scored, "free": free}
        if deciding[0] and calls:
            calls[-1].append(call)
        else:
            calls.append([call])
        return hyp

    def decide(self: Any, ended: Any) -> Any:
        calls.append([])
        deciding[0] = True
        try:
            return original_decide(self, ended)
        finally:
            deciding[0] = False

    whisper_backend.WhisperBackend.end = end  # type: ignore[method-assign]
    whisper_backend.WhisperBackend._scores = scores  # type: ignore[method-assign]
    whisper_backend.WhisperBackend._decide = backend_decide  # type: ignore[method-assign]
    whisper_backend.WhisperBackend._candidates = candidates  # type: ignore[method-assign]
    StreamingRecognizer._decide = decide  # type: ignore[method-assign]
    rec = load_recognizer(recognizer)
    clips = compare_endpointing.fit_clips(voices, every)
    out = []
    for i, clip in enumerate(clips):
        calls.clear()
        res = bench_ears.run_clip(rec, clip)
        out.append({"id": clip.id, "kind": res.kind, "condition": clip.condition,
                    "phrase": clip.phrase.text, "expected": [res.expected[0], res.expected[1]],
                    "heard": res.heard, "calls": [g for g in calls if g]})
        if i % 50 == 0:
            print(f"{i}/{len(clips)}", file=sys.stderr, flush=True)
    return out


def prune(call: dict[str, Any], keep_short: int, keep_near: int
          ) -> tuple[dict[str, float], str]:
    """The candidates a smaller list would have scored: the ``keep_short`` short phrases
    and ``keep_near`` sentences most like the free transcript."""
    from rapidfuzz import fuzz

    mode, scored, free = call["mode"], call["scored"], call["free"]
    short = set(whisper_phrases.CANDIDATES.get(mode, []))
    completions = set(whisper_completions.intensity_completions(free, mode)) if free else set()
    plain = whisper_completions.plain(free)
    like = sorted(scored, key=lambda p: -fuzz.ratio(plain, p))
    kept = [p for p in like if p in short][:keep_short]
    kept += [p for p in like if p not in short and p not in completions][:keep_near]
    kept += [p for p in scored if p in completions]
    seconds = call["features"].get("speech_s", 30.0)
    return {p: scored[p] for p in kept if whisper_candidates.sayable(p, seconds)}, mode


def replay(clip: dict[str, Any], rule: tuple[float, float, float, float],
           backend: Any, keep_short: int = 99, keep_near: int = 99, sure: float = 9.0
           ) -> tuple[str | None, dict[str, Any]] | None:
    """The first accepted (intent, slots) of the clip under ``rule``:
    (min score, min margin, min score when the margin is wide, wide margin)."""
    groups = [g if isinstance(g, list) else [g] for g in clip["calls"]]  # older saves: one each
    for heard, group in zip(clip["heard"], groups, strict=False):
        if heard["reason"] in ("deadline", "too-short", "no-speech", "self") or not any(
                call["scored"] for call in group):
            if heard["intent"] is not None:
                return heard["intent"], heard["slots"]
            continue
        for call in group:  # the utterance alone, then rejoined with the piece before it
            got = _decision(call, rule, backend, keep_short, keep_near, sure)
            if got is not None:
                return got
    return None


def _decision(call: dict[str, Any], rule: tuple[float, float, float, float], backend: Any,
              keep_short: int, keep_near: int, sure: float
              ) -> tuple[str | None, dict[str, Any]] | None:
    """What one backend call decides under ``rule`` (None: rejected)."""
    lo, margin_min, lo_wide, wide = rule
    scored, mode = prune(call, keep_short, keep_near)
    f = call["features"]
    if (f.get("understood", 0.0) >= 1.0 and f.get("avg_logprob", -9.0) >= sure
            and "nbest_rank" not in f and call["free"]
            and not whisper_completions.intensity_completions(call["free"], mode)):
        scored = {}  # taken as the free decode wrote it, nothing scored
    floor = whisper_candidates.candidate_floor(call["free"], f.get("avg_logprob", -9.0))
    phrases = list(scored)
    best = whisper_candidates.best_candidate(
        phrases, [scored[p] for p in phrases], floor,
        lambda p: whisper_phrases.meaning_of(p, mode)) if phrases else None
    top = best.phrase if best else ""
    feats = {k: v for k, v in call["features"].items()
             if k not in ("candidate", "free_text_differs")}
    if best is not None and ((best.score >= lo and best.margin >= margin_min)
                             or (best.score >= lo_wide and best.margin >= wide)):
        text = top
        feats["candidate"] = 1.0
    else:
        text = call["free"]
    parsed = understand(text, mode) if text else None
    if parsed is None:
        return None
    conf, thr = backend.confidence(Hypothesis(text, feats), parsed.name)
    if conf >= thr:
        return parsed.name, dict(parsed.slots)
    return None


def summarize(clips: list[dict[str, Any]], rule: tuple[float, float, float, float],
              backend: Any, keep_short: int = 99, keep_near: int = 99,
              sure: float = 9.0) -> dict[str, float]:
    right: dict[str, list[int]] = {}
    fa = [0, 0]
    for clip in clips:
        got = replay(clip, rule, backend, keep_short, keep_near, sure)
        if clip["kind"] == "in":
            r = right.setdefault(clip["condition"], [0, 0])
            r[0] += got is not None and (got[0], got[1]) == tuple(clip["expected"])
            r[1] += 1
        else:
            fa[0] += got is not None
            fa[1] += 1
    out = {c: r[0] / r[1] for c, r in right.items()}
    out["fa"] = fa[0] / max(1, fa[1])
    out["fa_n"] = fa[0]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--recognizer", default="whisper")
    ap.add_argument("--every", type=int, default=2)
    ap.add_argument("--voices", default="piper-1.0,espeak-m3,espeak-f2")
    ap.add_argument("--save", type=Path, default=SAVED)
    ap.add_argument("--load", type=Path)
    args = ap.parse_args(argv)
    if args.load:
        clips = json.loads(args.load.read_text())
    else:
        clips = record(args.recognizer, args.voices.split(","), args.every)
        args.save.write_text(json.dumps(clips))
    backend = whisper_backend.WhisperBackend.__new__(whisper_backend.WhisperBackend)
    rules = [(lo, m, lo, m) for lo in (-1.2, -1.4, -1.6) for m in (0.3, 0.4, 0.6)]
    print(f"{'min':>5} {'margin':>6} {'wide':>11} {'clean':>6} {'10dB':>6} {'5dB':>6} {'FA':>9}")
    for rule in rules:
        s = summarize(clips, rule, backend)
        print(f"{rule[0]:5.1f} {rule[1]:6.1f} {rule[2]:5.1f}/{rule[3]:<4.1f} "
              f"{s.get('clean', 0):6.1%} {s.get('10dB', 0):6.1%} {s.get('5dB', 0):6.1%} "
              f"{s['fa']:6.1%} {s['fa_n']:>2.0f}")
    chosen = (whisper_candidates.CANDIDATE_MIN, whisper_candidates.CANDIDATE_MARGIN,
              whisper_candidates.CANDIDATE_WIDE_MIN, whisper_candidates.CANDIDATE_WIDE_MARGIN)
    print("fewer candidates, with the chosen rule (short phrases kept, sentences kept):")
    for keep_short, keep_near in ((99, 99), (4, 6), (4, 5), (3, 5), (4, 4), (3, 3)):
        s = summarize(clips, chosen, backend, keep_short, keep_near)
        print(f"{keep_short:>3} {keep_near:>3}       {s.get('clean', 0):6.1%} "
              f"{s.get('10dB', 0):6.1%} {s.get('5dB', 0):6.1%} {s['fa']:6.1%} {s['fa_n']:>2.0f}")
    print("a strict parse taken without scoring from this mean log-probability:")
    for sure in (9.0, -0.6, -0.7, -0.8, -1.0):
        s = summarize(clips, chosen, backend, sure=sure)
        print(f"{sure:7.1f}       {s.get('clean', 0):6.1%} "
              f"{s.get('10dB', 0):6.1%} {s.get('5dB', 0):6.1%} {s['fa']:6.1%} {s['fa_n']:>2.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
