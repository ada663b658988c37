"""The noise suppressor in front of the recognizer, on real speech and real noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.speechkit import speak
from voice.ears import denoise
from voice.ears.denoise import DELAY, Denoiser, load_denoiser
from voice.errors import MissingDependency

RATE = 16000


def _pcm(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x * 32767), -32768, 32767).astype(np.int16)


def _run(d: Denoiser, pcm: np.ndarray, block: int = 480) -> np.ndarray:
    out = [np.frombuffer(d.apply(pcm[i:i + block].tobytes()), dtype=np.int16)
           for i in range(0, pcm.size, block)]
    return np.concatenate(out)


def _db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) / 32768 + 1e-12))


def _pink(n: int, seed: int = 3) -> np.ndarray:
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.fft.rfftfreq(n, 1 / RATE), 50.0))
    x = np.fft.irfft(spectrum, n)
    return x / np.sqrt(np.mean(x ** 2))


@pytest.fixture(scope="module")
def words() -> np.ndarray:
    return speak("I feel anxious, maybe a six. Please pause the session for now.")


def test_a_quiet_room_passes_untouched_and_exactly_delayed(words: np.ndarray) -> None:
    pcm = _pcm(np.concatenate([np.zeros(RATE), words * 0.3, np.zeros(RATE)]))
    d = Denoiser()
    out = _run(d, pcm)
    assert out.size == pcm.size
    assert np.array_equal(out[DELAY:], pcm[:-DELAY])
    assert d.wet == 0.0


def _listened(d: Denoiser, pcm: np.ndarray, block: int = 480) -> tuple[list[bool], list[float]]:
    """Per block: did RNNoise hear it, and the mix after it."""
    calls = 0
    process = d._rnnoise.process

    def counted(frame: np.ndarray) -> tuple[np.ndarray, float]:
        nonlocal calls
        calls += 1
        return process(frame)

    d._rnnoise.process = counted  # type: ignore[method-assign]
    heard, wet = [], []
    for i in range(0, pcm.size, block):
        before = calls
        d.apply(pcm[i:i + block].tobytes())
        heard.append(calls > before)
        wet.append(d.wet)
    return heard, wet


def test_rnnoise_rests_while_someone_speaks_in_a_quiet_room(words: np.ndarray) -> None:
    speech = np.concatenate([np.zeros(RATE), words * 0.3, np.zeros(RATE)])
    floor = _pink(speech.size, seed=9) * 10 ** (-68 / 20)
    heard, wet = _listened(Denoiser(), _pcm(speech + floor))
    assert not any(heard[len(heard) // 8:])  # its output would go unused
    assert max(wet) == 0.0


def test_rnnoise_starts_listening_soon_after_a_fan_starts() -> None:
    quiet, fan = 2 * RATE, 4 * RATE
    x = np.zeros(quiet + fan)
    x[quiet:] = _pink(fan, seed=4) * 10 ** (-40 / 20)
    heard, wet = _listened(Denoiser(), _pcm(x))
    block_s = 480 / RATE
    first_heard = heard.index(True, quiet // 480) * block_s
    first_wet = next(i for i, w in enumerate(wet) if w > 0) * block_s
    assert first_heard - quiet / RATE < 1.6  # it adapts before the mix turns to it
    assert first_wet - first_heard > 1.0
    assert all(heard[int(first_heard / block_s):])
    assert wet[-1] == 1.0


def test_in_steady_noise_the_noise_goes_and_the_words_stay(words: np.ndarray) -> None:
    lead = 3 * RATE
    speech = np.concatenate([np.zeros(lead), words * 0.3, np.zeros(RATE)])
    noise = _pink(speech.size) * 10 ** (-38 / 20)
    d = Denoiser()
    out = _run(d, _pcm(speech + noise)).astype(np.float64)
    assert d.wet == 1.0
    # Between words (the last second of the lead): the fan is at least 12 dB quieter.
    before = _db(_pcm(noise)[lead - RATE:lead])
    after = _db(out[lead - RATE + DELAY:lead + DELAY])
    assert after < before - 12, (before, after)
    # The words are still there, in time: the output follows the clean speech closely.
    said = slice(lead + DELAY, lead + DELAY + words.size)
    clean = speech[lead:lead + words.size]
    corr = np.corrcoef(out[said], clean)[0, 1]
    assert corr > 0.8, corr
    lags = [np.dot(out[lead + k:lead + k + words.size], clean) for k in range(0, 2 * DELAY)]
    assert int(np.argmax(lags)) == DELAY


def test_babble_is_left_alone(words: np.ndarray) -> None:
    """Other people talking is speech to RNNoise too: it would cut the user's words."""
    rng = np.random.default_rng(5)
    talkers = [speak(t) for t in ("the weather tomorrow looks mild with some rain later on",
                                  "she said the meeting moved to thursday afternoon",
                                  "we should buy more apples and bread at the market")]
    n = 8 * RATE
    babble = np.zeros(n)
    for t in talkers:
        loop = np.tile(t, n // t.size + 2)
        start = int(rng.integers(0, t.size))
        babble += loop[start:start + n]
    babble *= 10 ** (-35 / 20) / np.sqrt(np.mean(babble ** 2))
    d = Denoiser()
    _run(d, _pcm(babble))
    assert d.wet == 0.0


def test_any_block_size_keeps_length_and_time() -> None:
    x = _pcm(_pink(2 * RATE) * 10 ** (-30 / 20))
    d = Denoiser()
    out = np.concatenate([np.frombuffer(d.apply(x[i:i + 333].tobytes()), dtype=np.int16)
                          for i in range(0, x.size, 333)])
    assert out.size == x.size
    assert _run(Denoiser(), x[: 10 * 480]).size == 10 * 480


def test_without_rnnoise_the_audio_passes(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    def missing() -> Path:
        raise MissingDependency("RNNoise is not installed; pip install pyrnnoise")

    monkeypatch.setattr(denoise, "library_path", missing)
    assert load_denoiser() is None
    with pytest.raises(MissingDependency, match="pip install"):
        denoise._RNNoise(tmp_path / "librnnoise.so")
