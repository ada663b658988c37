"""Benchmark both TTS engines: load time, real-time factor, time to first
audio, cache-hit time, peak memory, pace and a recognition round trip.

Each engine is measured in its own child process, so its load time is cold
and its peak RSS is its own. Not a test: run it by hand.

    python bench/bench_tts.py [--engines piper system] [--json out.json]
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any heavy import: "cold" means from here

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

SESSION = [
    "Welcome. Let's take a few minutes for ourselves.",
    "Find a comfortable position and let your eyes close.",
    "Breathe in through your nose, two, three, four.",
    "Hold it gently, two, three, four.",
    "And breathe out slowly, two, three, four, five, six.",
]
PROSE = (
    "Find a comfortable position and let your eyes close. Notice the weight of your body "
    "resting on the chair. There is nothing you need to do right now, and nowhere you need "
    "to be. Let your shoulders soften as you breathe out, and feel the air moving gently "
    "through your nose and into your chest."
)
COMMANDS = [
    "pause", "stop", "slower", "faster", "resume", "start a body scan", "louder",
    "quieter", "repeat that", "how much time is left",
]  # fmt: skip


def _recognition(renderer: Any) -> int:
    import numpy as np
    from pocketsphinx import Decoder

    from voice.audio.io import OUTPUT_RATE, resample, to_int16

    grammar = "#JSGF V1.0;\ngrammar cmd;\npublic <cmd> = " + " | ".join(COMMANDS) + " ;\n"
    d = Decoder(samprate=16000, bestpath=False, lm=None, loglevel="FATAL")
    d.add_jsgf_string("cmd", grammar)
    d.activate_search("cmd")
    right = 0
    for command in COMMANDS:
        pad = np.zeros(int(0.3 * OUTPUT_RATE), np.float32)
        x = np.concatenate([pad, renderer.render(command), pad])
        pcm = to_int16(resample(x, OUTPUT_RATE, 16000) * 0.5)
        d.start_utt()
        d.process_raw(pcm.tobytes(), full_utt=True)
        d.end_utt()
        hyp = d.hyp()
        right += hyp is not None and hyp.hypstr == command
    return right


def _piper_model_load() -> float:
    code = (
        "import time; from voice.speech.tts import load_tts; t = load_tts('piper'); "
        "t0 = time.perf_counter(); t.preload(); print(time.perf_counter() - t0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def measure(engine: str) -> dict[str, Any]:
    """Runs in the child process."""
    os.environ["ATTUNE_HOME"] = tempfile.mkdtemp(prefix="attune-bench-")
    from voice.speech.phrase_cache import PhraseRenderer
    from voice.speech.tts import load_tts

    t = time.perf_counter()
    tts = load_tts(engine)
    load_s = time.perf_counter() - t
    renderer = PhraseRenderer(tts)  # the first phrase loads the model if it is lazy
    renderer.prerender(SESSION)
    renderer.get(SESSION[0])
    first_audio_s = time.perf_counter() - T0  # imports + load + first phrase
    renderer.wait()
    if engine == "piper":  # lazy: time a cold model load in a fresh child instead
        load_s = _piper_model_load()

    t = time.perf_counter()
    next(iter(tts.synthesize("Breathe in slowly.")))
    first_chunk_s = time.perf_counter() - t

    synth_times, audio_s = [], 0.0
    for _ in range(3):
        t = time.perf_counter()
        n = sum(chunk.size for chunk in tts.synthesize(PROSE))
        synth_times.append(time.perf_counter() - t)
        audio_s = n / tts.sample_rate
    rtf = statistics.median(synth_times) / audio_s

    fresh = PhraseRenderer(tts)  # a second session: every phrase already on disk
    hits = []
    for text in SESSION:
        t = time.perf_counter()
        fresh.render(text)
        hits.append(time.perf_counter() - t)
    phrase = renderer.render(PROSE)
    wpm = len(PROSE.split()) / (phrase.size / 22050) * 60

    # Peak RSS of the TTS work alone (before PocketSphinx loads below);
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "engine": engine,
        "voice": tts.voice_id,
        "load_s": load_s,
        "rtf": rtf,
        "first_audio_cold_s": first_audio_s,
        "first_chunk_warm_s": first_chunk_s,
        "cache_hit_ms": statistics.median(hits) * 1000,
        "wpm": wpm,
        "peak_rss_mb": rss / (2**20 if sys.platform == "darwin" else 1024),
        "recognized": _recognition(renderer),
        "recognized_of": len(COMMANDS),
    }
    renderer.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", nargs="+", default=["piper", "system"])
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0

    results = []
    for engine in args.engines:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", engine],
            capture_output=True, text=True, cwd=REPO, check=False,
        )  # fmt: skip
        if proc.returncode != 0:
            print(f"{engine}: failed\n{proc.stderr}", file=sys.stderr)
            continue
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))

    header = (
        f"{'engine':<8} {'load s':>7} {'RTF':>7} {'1st audio':>10} {'1st chunk':>10} "
        f"{'hit ms':>7} {'peak MB':>8} {'wpm':>5} {'heard':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['engine']:<8} {r['load_s']:>7.3f} {r['rtf']:>7.4f} "
            f"{r['first_audio_cold_s']:>9.3f}s {r['first_chunk_warm_s']:>9.3f}s "
            f"{r['cache_hit_ms']:>7.2f} {r['peak_rss_mb']:>8.0f} {r['wpm']:>5.0f} "
            f"{r['recognized']:>3}/{r['recognized_of']}"
        )
    print(
        "\n1st audio: cold, from process start to the first session phrase ready "
        "(imports + load + render).\n1st chunk: warm, first sentence of a new utterance. "
        "heard: commands recognized back by PocketSphinx (grammar)."
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if len(results) == len(args.engines) else 1


if __name__ == "__main__":
    sys.exit(main())
