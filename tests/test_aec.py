"""The echo canceller on real speech: Attune's voice out, the person's voice kept."""

from __future__ import annotations

import numpy as np
import pytest

from voice.ears.aec import MAX_DELAY, EchoCanceller, erle_db, estimate_delay

from .speechkit import speak

RATE = 16000
BLOCK = 480  # the microphone's 30 ms blocks


@pytest.fixture(scope="module")
def far() -> np.ndarray:
    return speak("Breathe in slowly through your nose, and let the breath settle. Now let it "
                 "go, softly, at your own pace. Notice your shoulders, your jaw, your hands. "
                 "There is nothing you need to do right now.").astype(np.float32)


@pytest.fixture(scope="module")
def person() -> np.ndarray:
    return speak("pause").astype(np.float32)


def room(far: np.ndarray, delay: int, taps: np.ndarray) -> np.ndarray:
    echo = np.convolve(far, taps)[: far.size]
    return np.concatenate([np.zeros(delay), echo])[: far.size].astype(np.float32)


def run(aec: EchoCanceller, mic: np.ndarray, far: np.ndarray) -> np.ndarray:
    out = [aec.process(mic[i:i + BLOCK], far[i:i + BLOCK])
           for i in range(0, mic.size - BLOCK + 1, BLOCK)]
    cleaned = np.concatenate(out)[aec.lag:]
    return cleaned


def reverb(seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    taps = rng.normal(0, 1, 1200) * np.exp(-np.arange(1200) / 250) * 0.25
    taps[0] = 1.0
    return taps


@pytest.mark.parametrize(("delay", "taps", "want_db"), [
    (0, np.array([1.0]), 35.0),                  # what --echo G simulates
    (640, np.array([1.0]), 25.0),                # 40 ms of sound card latency
    (2400, reverb(), 18.0),                      # 150 ms and a small room's reverb
])
def test_cancels_the_echo_after_a_few_seconds(far: np.ndarray, delay: int, taps: np.ndarray,
                                              want_db: float) -> None:
    mic = 0.3 * room(far, delay, taps)
    cleaned = run(EchoCanceller(), mic, far)
    late = slice(5 * RATE, cleaned.size)  # after the filter has learned the room
    assert erle_db(mic[late], cleaned[late]) >= want_db


def test_keeps_the_persons_voice_over_the_echo(far: np.ndarray, person: np.ndarray) -> None:
    mic = 0.3 * room(far, 640, np.array([1.0]))
    at = 6 * RATE
    mic[at:at + person.size] += 0.5 * person
    aec = EchoCanceller()
    cleaned = run(aec, mic, far)
    said = slice(at, at + person.size)
    leftover = cleaned[said] - 0.5 * person[: cleaned[said].size]
    voice_to_leftover = erle_db(0.5 * person, leftover)
    assert voice_to_leftover >= 15.0
    assert aec.near_talk(at, at + person.size)
    assert not aec.near_talk(4 * RATE, 5 * RATE)  # only Attune was talking then


def test_echo_alone_is_not_the_person_talking(far: np.ndarray) -> None:
    aec = EchoCanceller()
    run(aec, 0.3 * room(far, 0, np.array([1.0])), far)
    assert not aec.near_talk(3 * RATE, far.size - RATE)


def test_no_far_sound_passes_the_microphone_through(person: np.ndarray) -> None:
    mic = np.concatenate([np.zeros(RATE, np.float32), person, np.zeros(RATE, np.float32)])
    cleaned = run(EchoCanceller(), mic, np.zeros_like(mic))
    assert np.allclose(cleaned, mic[: cleaned.size], atol=1e-6)


@pytest.mark.parametrize("delay", [0, 100, 3000, MAX_DELAY - 1])
def test_estimates_the_speaker_to_microphone_delay(far: np.ndarray, delay: int) -> None:
    window = 2 * RATE
    end = far.size - RATE
    history = far[end - window - MAX_DELAY:end].astype(np.float64)
    heard = 0.3 * far[end - window - delay:end - delay].astype(np.float64)
    assert estimate_delay(history, heard) == delay


def test_silence_gives_no_delay() -> None:
    assert estimate_delay(np.zeros(2 * RATE + MAX_DELAY), np.zeros(2 * RATE)) is None
