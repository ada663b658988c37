"""Fit the PocketSphinx rejection model on the ``fit`` split and write its parameters.

    python bench/fit_ears.py [--quick] [--max-fa 0.03] [--dry-run] [--load FILE]

1. Runs every ``fit`` clip of bench/evalset.py (in-domain and out-of-domain
   speech, clean and with noise at 10 and 5 dB) through the live pipeline with
   rejection switched off, keeping each utterance's features.
2. Labels an utterance 1 when it is in-domain speech whose parse (intent and
   slots) is right, 0 otherwise (out-of-domain talk that parsed, and misheard
   commands: rejecting a wrong command is better than acting on it).
3. Fits a logistic regression (standardized features, L2, Newton's method).
4. Picks two thresholds, one for the ``--lenient`` intents (pause, stop:
   harmless when wrong, and missing them is worse) and one for the rest, that
   give the best fit accuracy while the clip-level false-accept rate on the fit
   split's out-of-domain clips stays at most ``--max-fa`` (3%), and writes
   voice/data/ears-pocketsphinx.json, which the recognizer loads.
The held-out ``eval`` split (other phrases, plus a voice never seen here) is
what bench/bench_ears.py reports.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_ears

from voice.asr_pocketsphinx import DEFAULT_PARAMS, FEATURES, PARAMS_FILE, intent_features

SAVED = Path(__file__).resolve().parent / ".cache" / "fit-results.json"


def rows(results: list[bench_ears.Result]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    xs, ys, where = [], [], []
    for ci, r in enumerate(results):
        for ui, h in enumerate(r.heard):
            if h["intent"] is None or not h["features"]:
                continue
            f = dict(h["features"])
            f.update(intent_features(h["intent"], f))
            xs.append([f.get(name, 0.0) for name in FEATURES])
            ys.append(1.0 if r.kind == "in" and (h["intent"], h["slots"]) == r.expected else 0.0)
            where.append((ci, ui))
    return np.asarray(xs), np.asarray(ys), where


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2) -> tuple[np.ndarray, float]:
    n, k = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(k + 1)
    reg = np.eye(k + 1) * l2 * n
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -50, 50)))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], float(w[-1])


def clip_metrics(results: list[bench_ears.Result], probs: dict[tuple[int, int], float],
                 t: float, lenient: dict[str, float] | None = None) -> tuple[float, float]:
    lenient = lenient or {}
    correct = n_in = fa = n_ood = 0
    for ci, r in enumerate(results):
        accepted = [(ui, h) for ui, h in enumerate(r.heard)
                    if h["intent"] is not None
                    and probs.get((ci, ui), 0.0) >= min(t, lenient.get(h["intent"], t))]
        if r.kind == "in":
            n_in += 1
            if accepted and (accepted[0][1]["intent"], accepted[0][1]["slots"]) == r.expected:
                correct += 1
        else:
            n_ood += 1
            fa += bool(accepted)
    return correct / max(1, n_in), fa / max(1, n_ood)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--max-fa", type=float, default=0.03)
    ap.add_argument("--lenient", nargs="*", default=["pause", "stop"],
                    help="intents harmless to act on wrongly, accepted at a lower threshold "
                         "(missing 'stop' is worse than a stray pause)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--lenient-threshold", type=float, default=None,
                    help="fix the lenient intents' threshold instead of searching for it")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the file")
    ap.add_argument("--load", type=Path, help=f"reuse saved decodes (written to {SAVED})")
    args = ap.parse_args(argv)
    permissive = {**DEFAULT_PARAMS, "threshold": 0.0}
    if args.load:
        results = [bench_ears.Result(**r) for r in json.loads(args.load.read_text())]
        for r in results:
            r.expected = (r.expected[0], r.expected[1])
    else:
        results = bench_ears.run_system("ours", args.quick, "fit", args.jobs, permissive)
        SAVED.parent.mkdir(parents=True, exist_ok=True)
        SAVED.write_text(json.dumps([r.__dict__ for r in results]))
    x, y, where = rows(results)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    weights, bias = fit_logistic(z, y)
    p = 1 / (1 + np.exp(-np.clip(z @ weights + bias, -50, 50)))
    probs = {w: float(v) for w, v in zip(where, p, strict=True)}
    print(f"{len(y)} parsed utterances ({int(y.sum())} right) from {len(results)} clips")
    for name, wt in zip(FEATURES, weights, strict=True):
        print(f"  {name:18} {wt:+.3f}")
    grid = [round(float(t), 2) for t in np.linspace(0.04, 0.96, 24)]
    best: tuple[float, float, float, float] | None = None  # (accuracy, lenient t, t, fa)
    for t in grid:
        fixed = args.lenient_threshold
        for lt in ([fixed] if fixed is not None else [g for g in grid if g <= t]):
            acc, fa = clip_metrics(results, probs, t, {i: lt for i in args.lenient})
            if fa <= args.max_fa and (best is None or (acc, lt) > (best[0], best[1])):
                best = (acc, lt, t, fa)
    if best is None:  # nothing meets --max-fa: the strictest setting
        best = (0.0, args.lenient_threshold or grid[-1], grid[-1], 0.0)
    _, lenient_t, chosen, _ = best
    lenient = {intent: lenient_t for intent in args.lenient}
    for t in grid[::3]:
        acc, fa = clip_metrics(results, probs, t)
        print(f"  threshold {t:.2f} (all intents): accuracy {acc:.1%}, false accepts {fa:.1%}")
    acc, fa = clip_metrics(results, probs, chosen, lenient)
    print(f"chosen threshold {chosen:.2f} ({', '.join(args.lenient)}: {lenient_t:.2f}): "
          f"fit accuracy {acc:.1%}, false accepts {fa:.1%}")
    params: dict[str, Any] = {
        "about": "PocketSphinx rejection model: logistic regression on grammar-vs-phone-loop "
                 "acoustic margins and shape features. Written by bench/fit_ears.py; do not "
                 "edit by hand.",
        "fitted": datetime.date.today().isoformat(),
        "fit_clips": len(results), "fit_utterances": len(y), "max_false_accept": args.max_fa,
        "fit_accuracy": round(acc, 4), "fit_false_accept": round(fa, 4),
        "features": list(FEATURES), "mean": mean.round(5).tolist(),
        "std": std.round(5).tolist(), "weights": weights.round(5).tolist(),
        "bias": round(bias, 5), "threshold": round(chosen, 3),
        "lenient_policy": "pause and stop are accepted at a lower threshold: acting on a "
                          "stray one is cheap to undo, missing one is not",
        "intent_threshold": {k: round(min(v, chosen), 3) for k, v in lenient.items()},
        "decoder": {},
    }
    if not args.dry_run:
        PARAMS_FILE.write_text(json.dumps(params, indent=2) + "\n")
        print(f"wrote {PARAMS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
