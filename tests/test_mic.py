"""Audio in: the file-backed microphone and the endpointer (no recognizer needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice.audio.io import write_wav
from voice.audio.mic import BLOCK_SAMPLES, SAMPLE_RATE, ArrayMic, FileMic, open_mic, to_pcm16
from voice.ears import endpoint
from voice.errors import AttuneError


def _speechlike(seconds: float, rate: int = SAMPLE_RATE, seed: int = 0) -> np.ndarray:
    """Voiced-sounding bursts: a 150 Hz buzz with formant-ish harmonics, syllable envelope."""
    t = np.arange(int(seconds * rate)) / rate
    buzz = sum(np.sin(2 * np.pi * 150 * k * t) / k for k in range(1, 25))
    env = 0.5 * (1 - np.cos(2 * np.pi * 4 * t)) ** 2
    rng = np.random.default_rng(seed)
    return (0.05 * buzz * env + 0.002 * rng.standard_normal(t.size)).astype(np.float32)


def _events(pcm: bytes, block: int = 960) -> list[endpoint.Event]:
    ep = endpoint.Endpointer()
    out: list[endpoint.Event] = []
    for i in range(0, len(pcm), block):
        out.extend(ep.feed(pcm[i:i + block]))
    out.extend(ep.finish())
    return out


def test_file_mic_resamples_and_blocks(tmp_path: Path) -> None:
    x = _speechlike(1.0, rate=22050)
    path = tmp_path / "in.wav"
    write_wav(path, x, 22050)
    mic = FileMic(path)
    blocks = []
    while (b := mic.read()) is not None:
        blocks.append(b)
    assert mic.sample_rate == SAMPLE_RATE
    assert all(len(b) == BLOCK_SAMPLES * 2 for b in blocks[:-1])
    total = sum(len(b) for b in blocks) // 2
    assert abs(total - SAMPLE_RATE) <= 1
    assert mic.read() is None  # stays ended


def test_file_mic_errors(tmp_path: Path) -> None:
    with pytest.raises(AttuneError, match="no such file"):
        FileMic(tmp_path / "missing.wav")
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not a wav at all")
    with pytest.raises(AttuneError, match="WAV"):
        FileMic(bad)


def test_array_mic_matches_file_mic(tmp_path: Path) -> None:
    x = _speechlike(0.5)
    path = tmp_path / "a.wav"
    write_wav(path, x, SAMPLE_RATE)
    a, f = ArrayMic(x), FileMic(path)
    assert b"".join(iter(a.read, None)) == b"".join(iter(f.read, None))


def test_no_microphone_is_one_clear_error() -> None:
    # This machine (and CI) has no sound card: opening the mic must say so plainly.
    with pytest.raises(AttuneError) as err:
        open_mic()
    assert "\n" not in str(err.value)


def test_endpointer_finds_one_utterance_with_positions() -> None:
    silence = np.zeros(SAMPLE_RATE, dtype=np.float32)
    x = np.concatenate([silence, _speechlike(0.8), silence])
    events = _events(to_pcm16(x))
    starts = [e for e in events if isinstance(e, endpoint.Started)]
    ends = [e for e in events if isinstance(e, endpoint.Ended)]
    assert len(starts) == 1 and len(ends) == 1
    assert 0.6 <= starts[0].sample / SAMPLE_RATE <= 1.05
    assert 1.7 <= ends[0].speech_end / SAMPLE_RATE <= 1.9
    decided = ends[0].sample / SAMPLE_RATE
    assert 0.2 <= decided - ends[0].speech_end / SAMPLE_RATE <= 0.4  # the trailing silence
    audio = b"".join(e.pcm for e in events if isinstance(e, endpoint.Audio))
    assert len(audio) // 2 == ends[0].sample - starts[0].sample


def test_endpointer_block_size_does_not_matter() -> None:
    x = np.concatenate([np.zeros(8000, np.float32), _speechlike(0.6), np.zeros(12000,
                                                                             np.float32)])
    pcm = to_pcm16(x)

    def shape(block: int) -> list[tuple[str, int]]:
        return [(type(e).__name__, e.sample) for e in _events(pcm, block)
                if not isinstance(e, endpoint.Audio)]

    assert shape(960) == shape(3200) == shape(7)


def test_endpointer_ignores_steady_noise_and_closes_at_stream_end() -> None:
    rng = np.random.default_rng(1)
    noise = (0.01 * rng.standard_normal(SAMPLE_RATE * 4)).astype(np.float32)
    events = _events(to_pcm16(noise))
    assert not [e for e in events if isinstance(e, endpoint.Started)][1:]
    speech = np.concatenate([np.zeros(8000, np.float32), _speechlike(0.7)])  # no tail
    events = _events(to_pcm16(speech) + b"\x00")  # an odd leftover byte too
    ends = [e for e in events if isinstance(e, endpoint.Ended)]
    assert ends and ends[-1].reason == "stream"


def test_endpointer_caps_long_utterances() -> None:
    config = endpoint.EndpointConfig(max_utterance_s=1.0)
    ep = endpoint.Endpointer(config)
    events = ep.feed(to_pcm16(np.concatenate([np.zeros(8000, np.float32),
                                              _speechlike(3.0)])))
    ends = [e for e in events if isinstance(e, endpoint.Ended)]
    assert ends and ends[0].reason == "max"


@pytest.mark.parametrize("word", ["stop", "pause"])
def test_endpointer_ends_promptly_in_a_silent_room(word: str) -> None:
    # A silent microphone as the recognizer hears it (with its -65 dBFS dither, right at
    # the level floor): the room's own frames must not flicker as speech inside the
    # utterance and hold a finished word open (before: 0.53-0.56 s, now 0.32 s).
    from tests.speechkit import speak
    from voice.ears.recognizer import DITHER_DBFS, Dither

    said = speak(word)
    end = 8.0 + (np.flatnonzero(np.abs(said) > 0.003 * np.max(np.abs(said)))[-1] + 1) / 16000
    quiet = np.zeros(8 * SAMPLE_RATE, np.float32)
    heard = Dither(DITHER_DBFS).apply(to_pcm16(np.concatenate([quiet, said, quiet[:32000]])))
    ends = [e for e in _events(heard) if isinstance(e, endpoint.Ended)]
    assert len(ends) == 1 and ends[0].reason == "silence"
    assert ends[0].sample / SAMPLE_RATE - end <= 0.4
