"""The Whisper int8 copy against the original model quantized while loading.

    python bench/bench_int8.py [--model whisper] [--clips 40] [--repeats 5]

Two things: load time (``ctranslate2.models.Whisper`` on the package's float16 model
asked for int8, against the int8 copy in the cache; alternated, medians), and whether
anything the recognizer decides on can differ: on fit-split clips, the encoder output,
the free transcript and the prompted one (text, avg_logprob, no_speech_prob) and the
candidate scores of both models side by side. Any difference is listed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import evalset
from voice.ears.whisper_engine import Transcript, WhisperEngine
from voice.ears.whisper_models import whisper_info, whisper_load_dir, whisper_model_dir
from voice.ears.whisper_phrases import CANDIDATES, PROMPTS


def _engine(model_folder: Path, tokenizer_folder: Path, name: str) -> WhisperEngine:
    import ctranslate2
    import tokenizers

    model = ctranslate2.models.Whisper(str(model_folder), device="cpu", compute_type="int8",
                                       intra_threads=2, inter_threads=1)
    tokenizer = tokenizers.Tokenizer.from_file(str(tokenizer_folder / "tokenizer.json"))
    return WhisperEngine(model, tokenizer, name, model.n_mels, whisper_info(name).english_only)


def load_times(original: Path, copy: Path, repeats: int) -> dict[str, list[float]]:
    import ctranslate2

    times: dict[str, list[float]] = {"original": [], "int8 copy": []}
    for _ in range(repeats):
        for label, folder in (("original", original), ("int8 copy", copy)):
            t0 = time.perf_counter()
            model = ctranslate2.models.Whisper(str(folder), device="cpu", compute_type="int8",
                                               intra_threads=2, inter_threads=1)
            times[label].append(time.perf_counter() - t0)
            del model
    return times


def _same(a: Transcript, b: Transcript) -> bool:
    return (a.text, a.avg_logprob, a.no_speech_prob) == (b.text, b.avg_logprob, b.no_speech_prob)


def compare(original: WhisperEngine, copy: WhisperEngine, n: int) -> dict[str, Any]:
    """Both models on ``n`` fit-split clips (every 7th: in-domain and out, all conditions)."""
    counts = {"clips": 0, "encoder identical": 0, "free identical": 0,
              "prompted identical": 0, "scores identical": 0}
    diffs: list[str] = []
    worst = 0.0
    for clip in itertools.islice(itertools.islice(evalset.clips(split="fit"), 0, None, 7), n):
        counts["clips"] += 1
        enc_a, enc_b = original.encode(clip.audio), copy.encode(clip.audio)
        out_a, out_b = np.asarray(enc_a.output), np.asarray(enc_b.output)
        counts["encoder identical"] += bool(np.array_equal(out_a, out_b))
        worst = max(worst, float(np.abs(out_a - out_b).max()))
        prompt = PROMPTS[clip.mode]
        for label, kwargs in (("free", {}), ("prompted", {"prompt": prompt})):
            a, b = original.transcribe(enc_a, **kwargs), copy.transcribe(enc_b, **kwargs)
            if _same(a, b):
                counts[f"{label} identical"] += 1
            else:
                diffs.append(f"{clip.id} {label}: {a.text!r} {a.avg_logprob:.4f} / "
                             f"{b.text!r} {b.avg_logprob:.4f}")
        cands = CANDIDATES[clip.mode]
        sa, sb = original.score(enc_a, cands, prompt), copy.score(enc_b, cands, prompt)
        if sa == sb:
            counts["scores identical"] += 1
        else:
            diffs.append(f"{clip.id} scores: {sa} / {sb}")
    return {"counts": counts, "max_encoder_diff": worst, "diffs": diffs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--model", default="whisper", help="whisper or whisper-base")
    ap.add_argument("--clips", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    original = whisper_model_dir(args.model)
    copy = whisper_load_dir(original)
    if copy == original:
        sys.exit("no int8 copy could be made (see the log); nothing to compare")
    print(f"{args.model}: original {original}\n  int8 copy {copy}  (load average "
          f"{os.getloadavg()[0]:.2f})")
    for label, values in load_times(original, copy, args.repeats).items():
        print(f"  load {label:10s} median {statistics.median(values):.3f} s  "
              f"({' '.join(f'{v:.3f}' for v in values)})")
    result = compare(_engine(original, original, args.model), _engine(copy, original, args.model),
                     args.clips)
    for label, count in result["counts"].items():
        print(f"  {label:20s} {count}")
    print(f"  largest encoder output difference {result['max_encoder_diff']:.3g}")
    for line in result["diffs"]:
        print("  DIFF", line)


if __name__ == "__main__":
    main()
