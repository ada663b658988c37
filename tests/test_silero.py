"""The Silero speech detector (voice/ears/silero.py) and the endpointer that uses it."""

from __future__ import annotations

import numpy as np
import pytest

from tests.test_asr_audio import RATE, clip
from voice.audio.mic import to_pcm16
from voice.ears import endpoint
from voice.ears.silero import CHUNK, SileroDetector

pytest.importorskip("onnxruntime")
FRAME = endpoint.FRAME_SAMPLES


def frame_probabilities(x: np.ndarray) -> np.ndarray:
    """What each 30 ms frame gets, as the endpointer feeds it."""
    detector = SileroDetector()
    return np.array([detector.feed(x[i:i + FRAME]) for i in range(0, len(x) - FRAME + 1, FRAME)])


def pink(seconds: float, dbfs: float, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    spectrum = np.fft.rfft(rng.standard_normal(int(seconds * RATE)))
    f = np.arange(spectrum.size, dtype=np.float64)
    f[0] = 1.0
    x = np.fft.irfft(spectrum / np.sqrt(f), int(seconds * RATE))
    return (x / np.sqrt(np.mean(x ** 2)) * 10 ** (dbfs / 20)).astype(np.float32)


# "stop" opens with a hiss that the trimmed onset counts and Silero does not (150 ms).
@pytest.mark.parametrize(("text", "onset_tolerance"), [
    ("pause the session please", 0.1), ("how much time is left", 0.1), ("stop", 0.2)])
def test_detector_finds_a_spoken_utterance(text: str, onset_tolerance: float) -> None:
    x, end = clip(text, lead_s=0.6, tail_s=1.0)
    probs = frame_probabilities(x)
    speech = np.flatnonzero(probs >= 0.5) * FRAME / RATE  # frame starts
    assert 0.6 <= speech[0] <= 0.6 + onset_tolerance
    assert abs(speech[-1] - end) <= 0.1
    assert probs[: int(0.55 * RATE / FRAME)].max() < 0.2  # the lead-in is quiet


@pytest.mark.parametrize("dbfs", [-60.0, -30.0, -15.0])
def test_detector_stays_under_threshold_on_pink_noise(dbfs: float) -> None:
    assert frame_probabilities(pink(5.0, dbfs)).max() < 0.5


def test_detector_stays_under_threshold_on_silence() -> None:
    assert frame_probabilities(np.zeros(3 * RATE, np.float32)).max() < 0.5
    floor = np.random.default_rng(1).standard_normal(3 * RATE).astype(np.float32) * 3e-4
    assert frame_probabilities(floor).max() < 0.5


def _chunk_probabilities(x: np.ndarray, sizes: list[int]) -> dict[int, float]:
    """Feed ``x`` in blocks of the given sizes (cycled): chunk count -> probability."""
    detector, seen, i, k = SileroDetector(), {}, 0, 0
    while i < len(x):
        n = sizes[k % len(sizes)]
        detector.feed(x[i:i + n])
        seen[detector.chunks] = detector.probability
        i, k = i + n, k + 1
    return seen


def test_detector_gives_the_same_answers_whatever_the_block_size() -> None:
    x, _ = clip("skip this one", lead_s=0.3, tail_s=0.3)
    every = _chunk_probabilities(x, [1])
    assert len(every) == len(x) // CHUNK + 1  # every chunk, and the empty start
    for sizes in ([480], [CHUNK], [4000], [7, 1000, 333, 1]):
        got = _chunk_probabilities(x, sizes)
        assert got == {n: every[n] for n in got}
    assert every == _chunk_probabilities(x, [1])  # and from run to run


@pytest.mark.parametrize("vad", ["silero", "silero+bands"])
def test_endpointer_with_silero_brackets_a_spoken_clip(vad: str) -> None:
    from voice.ears.recognizer import DITHER_DBFS, Dither

    x, end = clip("could you repeat that please", lead_s=1.0, tail_s=1.2)
    pcm = Dither(DITHER_DBFS).apply(to_pcm16(x))  # as the recognizer hears it
    config = endpoint.EndpointConfig(vad=vad)
    for block in (960, 4410):  # same events whatever the block size
        ep = endpoint.Endpointer(config)
        events = [e for i in range(0, len(pcm), block) for e in ep.feed(pcm[i:i + block])]
        events += ep.finish()
        marks = [e for e in events if not isinstance(e, endpoint.Audio)]
        if block == 960:
            first = marks
        assert marks == first
    assert [type(e) for e in first] == [endpoint.Started, endpoint.Ended]
    started, ended = first
    assert isinstance(started, endpoint.Started) and isinstance(ended, endpoint.Ended)
    assert 1.0 - config.preroll_s - 0.1 <= started.sample / RATE <= 1.0
    assert ended.reason == "silence"
    assert abs(ended.speech_end / RATE - end) <= 0.12
    assert 0 < ended.sample / RATE - end <= config.end_silence_s + 0.15


def test_endpointer_refuses_an_unknown_detector() -> None:
    with pytest.raises(ValueError, match="unknown vad"):
        endpoint.Endpointer(endpoint.EndpointConfig(vad="silero+webrtc"))


def test_whisper_listens_with_silero_and_the_band_score() -> None:
    from voice.ears.choice import whisper_endpointing

    assert whisper_endpointing() == endpoint.EndpointConfig(vad="silero+bands", preroll_s=0.45)
