"""How far scoring can go: the closed-set accuracy each Whisper model allows at a false-accept rate.

    python bench/frontier_whisper.py [--conditions clean,10dB,5dB] [--voices a,b,c]
        [--save PATH] [--load PATH]

Each ``fit`` clip (in-domain and out-of-domain talk) is cut at its own speech start and
end (0.2 s before, 0.3 s after: no endpointer), and every in-domain phrase of the set is
scored against it by Whisper tiny.en and Whisper base (``WhisperEngine.score``, the idle
prompt, the numpy decoder), and by the two together (mean of their scores). A clip is
accepted when its best phrase scores at least ``t`` and leads the best phrase of another
meaning by ``m``; for each model the table gives the best accuracy over (t, m) whose
false accepts stay within 1, 2 and 3% of the out-of-domain clips, and the accuracy with
no rejection at all (the ceiling). Optimistic on purpose: the right segment, only the
set's own phrases as candidates. So a target above these figures is out of reach for
the model, whatever the pipeline does. Measured: docs/ears.md, "How far tiny.en and base
can go".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evalset
from ceiling_whisper import meaning, oracle_segment

from voice.ears.whisper_decoder import WhisperDecoder
from voice.ears.whisper_engine import WhisperEngine
from voice.ears.whisper_models import whisper_model_dir
from voice.ears.whisper_phrases import PROMPTS

MODELS = ("whisper", "whisper-base")


def record(conditions: tuple[str, ...], voices: set[str]) -> list[dict[str, Any]]:
    engines = {}
    for name in MODELS:
        engine = WhisperEngine.load(whisper_model_dir(name), name,
                                    english_only=name == "whisper")
        assert engine.folder is not None
        engine.use_decoder(WhisperDecoder.load(engine.folder / "model.bin"))
        engines[name] = engine
    inside, _ = evalset.phrases()
    texts = sorted({p.text for p in inside})
    rows = []
    for clip in evalset.clips(split="fit", conditions=conditions):
        if clip.voice not in voices:
            continue
        audio = oracle_segment(clip)
        row: dict[str, Any] = {"id": clip.id, "condition": clip.condition,
                               "meaning": list(meaning(clip.phrase)) if clip.phrase.intent
                               else None}
        for name, engine in engines.items():
            scores = engine.score(engine.encode(audio), texts, PROMPTS["idle"])
            row[name] = dict(zip(texts, map(float, scores), strict=True))
        rows.append(row)
        if len(rows) % 50 == 0:
            print(f"{len(rows)} clips", file=sys.stderr, flush=True)
    return rows


def frontier(rows: list[dict[str, Any]], scores_of: Any) -> dict[str, dict[str, float]]:
    """Per condition: the ceiling, and the best accuracy within each false-accept cap."""
    inside, _ = evalset.phrases()
    means = {p.text: meaning(p) for p in inside}
    decided = []
    for row in rows:
        scores = scores_of(row)
        order = sorted(scores, key=lambda t: -scores[t])
        best = order[0]
        rival = next((t for t in order[1:] if means[t] != means[best]), None)
        lead = scores[best] - scores[rival] if rival is not None else 99.0
        truth = (row["meaning"][0], tuple(tuple(kv) for kv in row["meaning"][1])) \
            if row["meaning"] else None
        decided.append((row["condition"], truth, means[best] == truth, scores[best], lead))
    ood = [d for d in decided if d[1] is None]
    conditions = sorted({d[0] for d in decided if d[1] is not None})
    out: dict[str, dict[str, float]] = {c: {} for c in conditions}
    for c in conditions:
        ins = [d for d in decided if d[0] == c and d[1] is not None]
        out[c]["ceiling"] = sum(d[2] for d in ins) / len(ins)
    for cap in (0.01, 0.02, 0.03):
        best_total, best_acc = -1.0, {c: 0.0 for c in conditions}
        for t in [x / 10 for x in range(-30, -2)]:
            for m in (0.0, 0.2, 0.4, 0.6, 1.0, 1.5):
                if sum(d[3] >= t and d[4] >= m for d in ood) > cap * len(ood):
                    continue
                acc = {}
                for c in conditions:
                    ins = [d for d in decided if d[0] == c and d[1] is not None]
                    acc[c] = sum(d[2] and d[3] >= t and d[4] >= m for d in ins) / len(ins)
                if sum(acc.values()) > best_total:
                    best_total, best_acc = sum(acc.values()), acc
        for c in conditions:
            out[c][f"fa<={cap:.0%}"] = best_acc[c]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--conditions", default="clean,10dB,5dB")
    ap.add_argument("--voices", default="piper-1.0,espeak-m3,espeak-f2")
    ap.add_argument("--save", type=Path, default=Path("/tmp/attune-frontier.json"))
    ap.add_argument("--load", type=Path, action="append",
                    help="saved scores (repeatable) instead of a new run")
    args = ap.parse_args(argv)
    if args.load:
        rows = [row for path in args.load for row in json.loads(path.read_text())]
    else:
        rows = record(tuple(args.conditions.split(",")), set(args.voices.split(",")))
        args.save.write_text(json.dumps(rows))
    n_ood = sum(row["meaning"] is None for row in rows)
    print(f"{len(rows) - n_ood} in-domain and {n_ood} out-of-domain clips, oracle segments")
    print(f"{'model':10s} {'condition':9s} {'ceiling':>8s} {'FA<=1%':>7s} {'FA<=2%':>7s} "
          f"{'FA<=3%':>7s}")
    for label, scores_of in (
            ("tiny.en", lambda r: r["whisper"]), ("base", lambda r: r["whisper-base"]),
            ("both", lambda r: {t: (r["whisper"][t] + r["whisper-base"][t]) / 2
                                for t in r["whisper"]})):
        for c, got in frontier(rows, scores_of).items():
            print(f"{label:10s} {c:9s} {got['ceiling']:8.1%} {got['fa<=1%']:7.1%} "
                  f"{got['fa<=2%']:7.1%} {got['fa<=3%']:7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
