"""WAV in/out, the resampler and playback errors, on real numbers and real files."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import numpy as np
import pytest

from voice.audio.io import OUTPUT_RATE, play, read_wav, resample, to_int16, write_wav
from voice.errors import DeviceError


def sine(freq: float, rate: int, seconds: float, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def peak_frequency(x: np.ndarray, rate: int) -> float:
    """Peak of a zero-padded FFT with parabolic interpolation: sub-Hz accurate."""
    spec = np.abs(np.fft.rfft(x * np.hanning(x.size), 8 * x.size))
    k = int(np.argmax(spec))
    a, b, c = np.log(spec[k - 1 : k + 2])
    return float((k + 0.5 * (a - c) / (a - 2 * b + c)) * rate / (8 * x.size))


@pytest.mark.parametrize(
    ("src", "dst"), [(44100, 16000), (48000, 16000), (22050, 16000), (16000, 22050), (8000, 22050)]
)
def test_resample_keeps_frequency_amplitude_and_length(src: int, dst: int) -> None:
    x = sine(1000.0, src, 1.0)
    y = resample(x, src, dst)
    assert y.dtype == np.float32
    assert y.size == round(x.size * dst / src)
    core = y[dst // 10 : -dst // 10]  # away from the zero-padded edges
    assert peak_frequency(core, dst) == pytest.approx(1000.0, abs=0.5)
    amplitude = float(np.sqrt(2) * np.sqrt(np.mean(core.astype(np.float64) ** 2)))
    assert 20 * np.log10(amplitude / 0.5) == pytest.approx(0.0, abs=0.05)


def test_resample_removes_what_the_new_rate_cannot_hold() -> None:
    # 10 kHz is above the 8 kHz Nyquist limit of 16 kHz audio: it must not fold back.
    y = resample(sine(10000.0, 44100, 1.0), 44100, 16000)
    assert 20 * np.log10(np.sqrt(np.mean(y[1000:-1000] ** 2)) + 1e-12) < -60


def test_resample_same_rate_and_empty() -> None:
    x = sine(440.0, OUTPUT_RATE, 0.1)
    y = resample(x, OUTPUT_RATE, OUTPUT_RATE)
    assert np.array_equal(x, y) and y is not x
    assert resample(np.zeros(0, np.float32), 44100, 16000).size == 0


def test_resample_unusual_ratio() -> None:
    # 22051/22050 has no small common factor: exercises the table-free path.
    y = resample(sine(500.0, 22050, 0.5), 22050, 22051)
    assert y.size == round(0.5 * 22050 * 22051 / 22050)
    assert peak_frequency(y[2000:-2000], 22051) == pytest.approx(500.0, abs=0.5)


def test_write_read_round_trip_is_exact(tmp_path: Path) -> None:
    x = np.random.default_rng(1).uniform(-0.9, 0.9, 5000).astype(np.float32)
    write_wav(tmp_path / "a.wav", x, 22050)
    y, rate = read_wav(tmp_path / "a.wav")
    assert rate == 22050 and y.dtype == np.float32
    assert np.max(np.abs(y - x)) <= 1 / 32768
    write_wav(tmp_path / "b.wav", y, rate)
    z, _ = read_wav(tmp_path / "b.wav")
    assert np.array_equal(y, z)  # quantized samples survive a second trip unchanged


def test_write_clips_instead_of_wrapping(tmp_path: Path) -> None:
    write_wav(tmp_path / "loud.wav", np.array([2.0, -3.0, 0.5], np.float32), 8000)
    y, _ = read_wav(tmp_path / "loud.wav")
    assert y[0] == pytest.approx(32767 / 32768) and y[1] == -1.0 and y[2] == 0.5
    assert to_int16(np.array([1.5, -1.5])).tolist() == [32767, -32768]


def _riff(fmt_tag: int, channels: int, rate: int, bits: int, data: bytes) -> bytes:
    block = channels * bits // 8
    fmt = struct.pack("<HHIIHH", fmt_tag, channels, rate, rate * block, block, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_read_other_depths_and_channels(tmp_path: Path) -> None:
    left = np.array([0.5, -0.25, 0.0, 0.75])
    right = np.array([0.5, 0.25, 0.0, -0.75])
    stereo = np.stack([left, right], axis=1).reshape(-1)
    cases = {
        "float32": _riff(3, 2, 48000, 32, stereo.astype("<f4").tobytes()),
        "int32": _riff(1, 2, 48000, 32, (stereo * 2**31).astype("<i4").tobytes()),
        "int24": _riff(
            1, 2, 48000, 24,
            b"".join(int(v * 2**23).to_bytes(3, "little", signed=True) for v in stereo),
        ),
        "uint8": _riff(1, 2, 48000, 8, (stereo * 128 + 128).astype(np.uint8).tobytes()),
    }  # fmt: skip
    for name, blob in cases.items():
        path = tmp_path / f"{name}.wav"
        path.write_bytes(blob)
        y, rate = read_wav(path)
        assert rate == 48000, name
        assert np.allclose(y, (left + right) / 2, atol=1 / 120), name


def test_read_rejects_non_wav(tmp_path: Path) -> None:
    bad = tmp_path / "x.wav"
    bad.write_bytes(b"not a wave file at all")
    with pytest.raises(ValueError, match="not a WAV"):
        read_wav(bad)


def test_written_file_is_plain_pcm(tmp_path: Path) -> None:
    write_wav(tmp_path / "s.wav", sine(440, OUTPUT_RATE, 0.25), OUTPUT_RATE)
    with wave.open(str(tmp_path / "s.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, OUTPUT_RATE)
        assert w.getnframes() == OUTPUT_RATE // 4


def _has_output_device() -> bool:
    try:
        import sounddevice as sd

        return bool(sd.default.device[1] is not None and int(sd.default.device[1]) >= 0)
    except Exception:
        return False


@pytest.mark.skipif(_has_output_device(), reason="this machine has a sound card")
def test_play_without_device_is_one_clear_error() -> None:
    with pytest.raises(DeviceError, match=r"no audio output device found.*-o FILE\.wav"):
        play(sine(440, OUTPUT_RATE, 0.1))
