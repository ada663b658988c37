"""Compare endpointing variants (band score + WebRTC, Silero, both) on the ``fit`` split.

    python bench/compare_endpointing.py [--recognizer whisper] [--every 2]
        [--voices piper-1.0,espeak-m3] [--vads bands,silero,silero+bands,silero:0.6/0.5]
        [--json PATH]

Every variant hears the same clips, in the same order, through the live pipeline
(bench_ears.run_clip, 30 ms blocks, one process): the ``fit`` phrases (every
``--every``-th of them) of the chosen voices, clean and at 10 and 5 dB, plus noise
alone made with the fit split's own seeds (the eval split's noise-only clips are
left alone). Reports accuracy, false accepts, latency after the end of speech, and
what the endpointer itself costs per second of audio (CPU time, endpointer only).
A variant is ``VAD[:ON/OFF][@PREROLL]``: the endpointer's ``vad``, Silero's start and
hold probabilities (0.5/0.35 when left out) and the pre-roll in seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_ears
import evalset
from evalset import Clip, Phrase

from voice.ears import endpoint
from voice.ears.choice import load_recognizer


def parse_variant(text: str) -> endpoint.EndpointConfig:
    """``VAD[:ON/OFF][@PREROLL]``, for example ``silero+bands:0.6/0.5@0.45``."""
    text, _, preroll = text.partition("@")
    vad, _, thresholds = text.partition(":")
    on, off = (float(t) for t in (thresholds or "0.5/0.35").split("/"))
    return endpoint.EndpointConfig(vad=vad, silero_on=on, silero_off=off,
                                   preroll_s=float(preroll or endpoint.EndpointConfig.preroll_s))


def fit_clips(voices: list[str], every: int) -> list[Clip]:
    ids = []
    for cid in bench_ears.clip_ids(False, "fit"):
        m = re.match(r"(in|ood)(\d+)-(.+)-(clean|\d+dB)$", cid)
        assert m is not None, cid
        if m.group(3) in voices and (int(m.group(2)) // 2) % every == 0:
            ids.append(cid)
    clips = sorted(evalset.clips(only=set(ids)), key=lambda c: (c.condition, c.noise, c.voice))
    bank = evalset.NoiseBank(evalset.Renderer())
    for kind in evalset.NOISES:  # like evalset.noise_only_clips, with the fit split's seeds
        noise = bank.make(kind, 8 * evalset.RATE, f"fit-only-{kind}")
        clips.append(Clip(f"fit-noise-{kind}", Phrase("", None), "-", "noise-only", kind, "fit",
                          0.0, 0.0, (noise * 10 ** (-30 / 20)).astype(np.float32)))
    return clips


def endpointer_cost(config: endpoint.EndpointConfig, clips: list[Clip]) -> float:
    """CPU seconds per second of audio of the endpointer alone (after one warm-up)."""
    endpoint.Endpointer(config).feed(bytes(960 * 20))  # loads the model once
    cpu = seconds = 0.0
    for clip in clips:
        pcm = (np.clip(clip.audio, -1, 1) * 32767).astype("<i2").tobytes()
        t = time.process_time()
        ep = endpoint.Endpointer(config)
        for i in range(0, len(pcm), endpoint.FRAME_BYTES):
            ep.feed(pcm[i:i + endpoint.FRAME_BYTES])
        ep.finish()
        cpu += time.process_time() - t
        seconds += len(clip.audio) / evalset.RATE
    return cpu / seconds


def run_variant(name: str, recognizer: str, clips: list[Clip]) -> dict[str, Any]:
    config = parse_variant(name)
    rec = bench_ears.settled(load_recognizer(recognizer, endpoint_config=config))
    t0 = time.time()
    results = [bench_ears.run_clip(rec, clip) for clip in clips]
    summary = bench_ears.summarize(results)
    # The same latency by stream position alone: what the endpointer decides, without
    # the decoding time that a loaded machine makes noisy.
    waits = [h["decided_at_s"] - clip.speech_end_s for r, clip in zip(results, clips, strict=True)
             if r.kind == "in" and r.correct() and (h := r.first_accepted()) is not None]
    summary["stream_latency_p50"] = bench_ears.pct(waits, 50)
    summary["stream_latency_p95"] = bench_ears.pct(waits, 95)
    summary["clips"] = {r.clip_id: [r.correct(), r.accepted(), r.latency_s] for r in results}
    summary["vad_cpu_per_s"] = endpointer_cost(config, clips[::4])
    summary["wall_s"] = time.time() - t0
    summary["n_in"] = sum(r.kind == "in" for r in results)
    summary["n_ood"] = sum(r.kind == "ood" for r in results)
    summary["n_noise"] = sum(r.kind == "noise" for r in results)
    summary["noise_accepted"] = [r.clip_id for r in results if r.kind == "noise" and r.accepted()]
    return summary


def table(rows: dict[str, dict[str, Any]]) -> str:
    head = (f"{'variant':22} {'clean':>6} {'10dB':>6} {'5dB':>6} {'FA ood':>7} {'noise':>6} "
            f"{'lat p50':>8} {'lat p95':>8} {'stream p50/p95':>15} {'VAD cpu/s':>10}")
    lines = [head]
    for name, s in rows.items():
        a = s["all"]
        lines.append(
            f"{name:22} {s['clean']['accuracy']:6.1%} {s['10dB']['accuracy']:6.1%} "
            f"{s['5dB']['accuracy']:6.1%} {a['false_accept']:7.1%} "
            f"{a['noise_only_false_accepts']:>3}/{s['n_noise']:<2} "
            f"{a['latency_p50'] * 1000:6.0f}ms {a['latency_p95'] * 1000:6.0f}ms "
            f"{s['stream_latency_p50'] * 1000:7.0f}/{s['stream_latency_p95'] * 1000:4.0f}ms "
            f"{s['vad_cpu_per_s'] * 1000:7.1f}ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--recognizer", default="whisper")
    ap.add_argument("--every", type=int, default=2, help="every n-th fit phrase")
    ap.add_argument("--voices", default="piper-1.0,espeak-m3")
    ap.add_argument("--vads", default="bands,silero,silero+bands")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    clips = fit_clips(args.voices.split(","), args.every)
    rows: dict[str, dict[str, Any]] = {}
    for name in args.vads.split(","):
        rows[name] = run_variant(name, args.recognizer, clips)
        print(f"{name}: done in {rows[name]['wall_s']:.0f} s", file=sys.stderr, flush=True)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2))
    s = next(iter(rows.values()))
    print(f"{args.recognizer}, fit split, voices {args.voices}, every {args.every}. phrase: "
          f"{s['n_in']} in-domain, {s['n_ood']} out-of-domain, {s['n_noise']} noise-only clips")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
