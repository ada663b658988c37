"""The fast path for controls, measured on the ``fit`` split (never the eval split).

    python bench/bench_fast_path.py [--variant spotter|spotter+look|before]
        [--voices a,b,c] [--every 2] [--load PATH]

Runs the fit split's clips (as bench/fit_whisper.py picks them) through the live
pipeline with the Whisper backend in one of three set-ups: ``before`` (no spotter:
every short utterance gets the full quick look at its first pause), ``spotter`` (only
what the PocketSphinx spotter proposes gets the short look; voice/ears/control_spotter.py)
and ``spotter+look`` (the short look for proposals, the full quick look for the rest).
Also runs everyday talk that holds a control word ("stop by the store later"), which
must never become a control. Latency is counted as bench_ears counts it (each block
waits for the work on the blocks before it). One process: note the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_ears
import compare_endpointing
import evalset
from evalset import Clip, Phrase

from voice.ears import whisper_backend
from voice.ears.base import EARLY_INTENTS
from voice.ears.choice import load_recognizer

# Everyday talk with a control word in it: none of it is a request to Attune.
EVERYDAY = ["stop by the store later", "pause the game for me honey", "i couldn't stop laughing",
            "meet me at the bus stop", "there was a long pause", "skip the small talk",
            "help yourself to some cake", "can you stop at the gas station",
            "let's pause here for lunch", "the music got louder and louder",
            "repeat after me", "resume writing is hard"]
BARE = ("stop", "pause")


def everyday_clips(voices: list[str]) -> list[Clip]:
    renderer, bank = evalset.Renderer(), evalset.NoiseBank(evalset.Renderer())
    out = []
    for voice in (v for v in evalset.VOICES if v.name in voices):
        for i, text in enumerate(EVERYDAY):
            speech = renderer.speech(voice, text)
            for cond, snr in (("clean", None), ("10dB", 10.0)):
                key = f"everyday{i}-{voice.name}-{cond}"
                noise = bank.make("pink", len(speech) + 3 * evalset.RATE, key) if snr else None
                audio, start, end = evalset.mix(speech, noise, snr, key, -26.0, 1.2, 1.2)
                out.append(Clip(key, Phrase(text, None), voice.name, cond, "pink" if snr else "",
                                "fit", start, end, audio))
    return out


def options(variant: str) -> dict[str, Any]:
    if variant == "before":
        return {"spotter": None}
    return {"look_unproposed": variant == "spotter+look"}


def summary(results: list[bench_ears.Result], texts: dict[str, str]) -> dict[str, Any]:
    out = bench_ears.summarize(results)

    def lat(keep: Any) -> list[float]:
        return [r.latency_s for r in results if r.kind == "in" and r.correct()
                and r.latency_s is not None and keep(r)]

    bare = lat(lambda r: texts[r.clip_id] in BARE)
    controls = lat(lambda r: r.expected[0] in EARLY_INTENTS)
    sentences = lat(lambda r: r.expected[0] not in EARLY_INTENTS)
    bare_all = [r for r in results if r.kind == "in" and texts[r.clip_id] in BARE]
    everyday = [r for r in results if r.clip_id.startswith("everyday")]
    ood = [r for r in results if r.kind == "ood" and not r.clip_id.startswith("everyday")]
    fast = [r for r in results if r.first_accepted() is not None
            and r.first_accepted()["features"].get("endpoint_early")]
    return {
        "accuracy": {c: out[c]["accuracy"] for c in ("clean", "10dB", "5dB")},
        "false_accept": sum(r.accepted() for r in ood) / max(1, len(ood)),
        "false_accepts": sum(r.accepted() for r in ood),
        "everyday_accepted": [f"{r.clip_id}: {r.first_accepted()['intent']}"
                              for r in everyday if r.accepted()],
        "noise_only_accepted": out["all"]["noise_only_false_accepts"],
        "bare_stop_pause": {"n": len(bare_all), "right": len(bare),
                            "p50": bench_ears.pct(bare, 50), "p95": bench_ears.pct(bare, 95)},
        "controls": {"n": len(controls), "p50": bench_ears.pct(controls, 50),
                     "p95": bench_ears.pct(controls, 95)},
        "sentences": {"n": len(sentences), "p50": bench_ears.pct(sentences, 50),
                      "p95": bench_ears.pct(sentences, 95)},
        "decided_early": len(fast), "rtf": out["all"]["rtf"],
        "stop_pause_recall": out["stop_pause_recall"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", default="before,spotter",
                    help="comma-separated, from before, spotter, spotter+look")
    ap.add_argument("--voices", default="piper-1.0,espeak-m3,espeak-f2")
    ap.add_argument("--every", type=int, default=2)
    ap.add_argument("--only", help="comma-separated phrases: run only these clips")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--pause", type=float, help="the pause (s) that gets a look (0.15)")
    args = ap.parse_args(argv)
    voices, variants = args.voices.split(","), args.variants.split(",")
    clips = compare_endpointing.fit_clips(voices, args.every) + everyday_clips(voices)
    if args.only:
        clips = [c for c in clips if c.phrase.text in args.only.split(",")]
    texts = {c.id: c.phrase.text for c in clips}
    recognizers = {v: bench_ears.settled(load_recognizer("whisper", **options(v)))
                   for v in variants}
    if args.pause is not None:
        whisper_backend.LOOK_AFTER_S = args.pause
        for rec in recognizers.values():
            rec.early_silence_s = args.pause
    # The variants take turns on each clip (in alternating order), so they share the
    # machine's load as it comes and goes: other work on the 2 cores moves latency more
    # than most changes do.
    results: dict[str, list[bench_ears.Result]] = {v: [] for v in variants}
    loads, t0 = [], time.time()
    for i, clip in enumerate(clips):
        for v in variants[::-1] if i % 2 else variants:
            results[v].append(bench_ears.run_clip(recognizers[v], clip))
        loads.append(os.getloadavg()[0])
    out = {}
    for v in variants:
        s = out[v] = summary(results[v], texts)
        a, b = s["accuracy"], s["bare_stop_pause"]
        print(f"{v}: accuracy clean {a['clean']:.1%} 10 dB {a['10dB']:.1%} 5 dB {a['5dB']:.1%};"
              f" false accepts {s['false_accept']:.1%} ({s['false_accepts']}); noise-only "
              f"accepted {s['noise_only_accepted']}; everyday talk accepted "
              f"{len(s['everyday_accepted'])} {s['everyday_accepted']}")
        print(f"  latency p50/p95: bare stop/pause {b['p50']:.3f}/{b['p95']:.3f} s "
              f"({b['right']}/{b['n']} right); controls {s['controls']['p50']:.3f}/"
              f"{s['controls']['p95']:.3f} s (n={s['controls']['n']}); sentences "
              f"{s['sentences']['p50']:.3f}/{s['sentences']['p95']:.3f} s "
              f"(n={s['sentences']['n']}); decided early {s['decided_early']}; "
              f"RTF {s['rtf']:.3f}")
        print("  stop/pause recall: " + ", ".join(
            f"{k} {x:.0%}" for k, x in s["stop_pause_recall"].items()))
    print(f"{len(clips)} clips; load average (1 min) over the run: median "
          f"{statistics.median(loads):.2f}, range {min(loads):.2f}-{max(loads):.2f}; "
          f"{time.time() - t0:.0f} s")
    if args.json:
        clips_out = {v: [{"id": r.clip_id, "said": texts[r.clip_id], "right": r.correct(),
                          "latency_s": r.latency_s, "heard": r.heard} for r in results[v]]
                     for v in variants}
        args.json.write_text(json.dumps({"runs": out, "loads": loads, "clips": clips_out},
                                        indent=2, default=float))
    return 0


if __name__ == "__main__":
    sys.exit(main())
