"""How much the acoustic model hears: a closed-set ceiling on the ``fit`` split.

    python bench/ceiling_whisper.py [--recognizer whisper] [--conditions 10dB,5dB]

Each in-domain clip is cut at its own speech start and end (0.2 s before, 0.3 s
after: no endpointer), and every in-domain phrase of the set is scored against it
(``WhisperEngine.score`` with the idle prompt). A clip counts as right when the best
phrase means its intent and slots. Optimistic (the set's phrases, not the grammar's
sentences; no rejection), so it bounds what better candidates could win, not what
the pipeline gets. Measured: docs/ears.md, "Where the accuracy in noise is lost".
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evalset

from voice.ears.whisper_engine import WhisperEngine
from voice.ears.whisper_models import whisper_model_dir
from voice.ears.whisper_phrases import PROMPTS

Meaning = tuple[str | None, tuple[tuple[str, str], ...]]


def meaning(phrase: evalset.Phrase) -> Meaning:
    return phrase.intent, tuple(sorted((k, str(v)) for k, v in phrase.slots.items()))


def oracle_segment(clip: evalset.Clip) -> np.ndarray:
    """The clip's speech by its own bounds, 0.2 s before and 0.3 s after: no endpointer."""
    rate = evalset.RATE
    return clip.audio[max(0, int((clip.speech_start_s - 0.2) * rate)):
                      int((clip.speech_end_s + 0.3) * rate)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--recognizer", default="whisper", choices=("whisper", "whisper-base"))
    ap.add_argument("--conditions", default="10dB,5dB")
    args = ap.parse_args(argv)
    engine = WhisperEngine.load(whisper_model_dir(args.recognizer), args.recognizer,
                                english_only=args.recognizer == "whisper")
    inside, _ = evalset.phrases()
    texts = sorted({p.text for p in inside})
    means = {p.text: meaning(p) for p in inside}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for clip in evalset.clips(split="fit", conditions=tuple(args.conditions.split(","))):
        if clip.phrase.intent is None:
            continue
        scores = engine.score(engine.encode(oracle_segment(clip)), texts, PROMPTS["idle"])
        best = texts[max(range(len(texts)), key=lambda i: scores[i])]
        right = means[best] == meaning(clip.phrase)
        for key in (clip.condition, f"{clip.condition} {clip.noise}",
                    f"{clip.condition} {clip.voice}"):
            tally[key][0] += right
            tally[key][1] += 1
    for key in sorted(tally):
        right, n = tally[key]
        print(f"{key:28s} {right:4d}/{n:<4d} {right / n:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
