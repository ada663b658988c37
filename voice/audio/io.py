"""Sample-level plumbing: WAV in and out, resampling, and playback.

Everything inside Attune is float32 mono in [-1, 1] at :data:`OUTPUT_RATE`;
files and devices are converted at the edges. Only numpy is needed here
(sounddevice is imported lazily, when something is actually played).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from voice.errors import DeviceError, MissingDependency

OUTPUT_RATE = 22050
"""The one rate of the output timeline; both TTS engines produce it natively."""

Samples = npt.NDArray[np.float32]

NO_DEVICE_MESSAGE = (
    "no audio output device found; plug in speakers or headphones, or use -o FILE.wav"
)

# 16-bit conversion uses the same scale both ways so a write/read round trip
# is exact; that keeps cached phrases bit-identical to fresh renders.
_INT16_SCALE = 32768.0

_WAVE_FORMAT_PCM = 0x0001
_WAVE_FORMAT_FLOAT = 0x0003
_WAVE_FORMAT_EXTENSIBLE = 0xFFFE


def to_int16(samples: npt.ArrayLike) -> npt.NDArray[np.int16]:
    """Round float samples to 16-bit PCM, clipping instead of wrapping."""
    x = np.asarray(samples, dtype=np.float64) * _INT16_SCALE
    return np.clip(np.rint(x), -32768, 32767).astype(np.int16)


def _parse_fmt(data: bytes) -> tuple[int, int, int, int]:
    fmt_tag, channels, rate = struct.unpack_from("<HHI", data, 0)
    bits = struct.unpack_from("<H", data, 14)[0]
    if fmt_tag == _WAVE_FORMAT_EXTENSIBLE and len(data) >= 26:
        fmt_tag = struct.unpack_from("<H", data, 24)[0]  # first two bytes of the sub-format GUID
    return fmt_tag, channels, rate, bits


def _decode(raw: bytes, fmt_tag: int, bits: int) -> npt.NDArray[np.float32]:
    if fmt_tag == _WAVE_FORMAT_FLOAT and bits in (32, 64):
        return np.frombuffer(raw, dtype="<f4" if bits == 32 else "<f8").astype(np.float32)
    if fmt_tag != _WAVE_FORMAT_PCM:
        raise ValueError(f"unsupported WAV encoding (format tag {fmt_tag:#x})")
    if bits == 8:  # 8-bit WAV is unsigned
        return (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    if bits == 16:
        return np.frombuffer(raw, dtype="<i2").astype(np.float32) / np.float32(32768.0)
    if bits == 24:
        b = np.frombuffer(raw[: len(raw) - len(raw) % 3], dtype=np.uint8).reshape(-1, 3)
        v = (
            b[:, 0].astype(np.int32)
            | (b[:, 1].astype(np.int32) << 8)
            | (b[:, 2].astype(np.int32) << 16)
        )
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        return (v / float(1 << 23)).astype(np.float32)
    if bits == 32:
        return (np.frombuffer(raw, dtype="<i4") / float(1 << 31)).astype(np.float32)
    raise ValueError(f"unsupported WAV bit depth {bits}")


def read_wav(path: str | Path) -> tuple[Samples, int]:
    """Read a PCM (8/16/24/32-bit) or float WAV; return float32 mono and its rate.

    Multi-channel files are averaged down to mono.
    """
    data = Path(path).read_bytes()
    if len(data) < 12 or data[:4] not in (b"RIFF", b"RF64") or data[8:12] != b"WAVE":
        raise ValueError(f"{path}: not a WAV file")
    fmt: tuple[int, int, int, int] | None = None
    raw: bytes | None = None
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = data[pos + 8 : pos + 8 + size]
        if cid == b"fmt ":
            fmt = _parse_fmt(body)
        elif cid == b"data":
            raw = body
        pos += 8 + size + (size & 1)  # chunks are word-aligned
    if fmt is None or raw is None:
        raise ValueError(f"{path}: WAV file without fmt or data chunk")
    fmt_tag, channels, rate, bits = fmt
    frame_bytes = max(1, channels * bits // 8)
    x = _decode(raw[: len(raw) - len(raw) % frame_bytes], fmt_tag, bits)
    if channels > 1:
        x = x.reshape(-1, channels).mean(axis=1, dtype=np.float32)
    return np.clip(x, -1.0, 1.0).astype(np.float32, copy=False), int(rate)


def write_wav(path: str | Path, samples: npt.ArrayLike, rate: int) -> None:
    """Write mono 16-bit PCM; out-of-range samples are clipped, never wrapped."""
    pcm = to_int16(np.asarray(samples, dtype=np.float32).reshape(-1))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(rate))
        w.writeframes(pcm.astype("<i2").tobytes())


# ---------------------------------------------------------------- resampling

_ZERO_CROSSINGS = 16  # filter half-length, in zero crossings of the low-pass sinc
_ROLLOFF = 0.94  # pass band edge as a fraction of the lower Nyquist frequency
_KAISER_BETA = 8.6  # about 80 dB stop band
_MAX_TABLE_PHASES = 4096


def _sinc_weights(
    offsets: npt.NDArray[np.float64], cutoff: float, half_width: float
) -> npt.NDArray[np.float32]:
    """Kaiser-windowed sinc weights for input samples ``offsets`` away; rows sum to 1."""
    u = np.clip(offsets / half_width, -1.0, 1.0)
    window = np.i0(_KAISER_BETA * np.sqrt(1.0 - u * u)) / np.i0(_KAISER_BETA)
    w = cutoff * np.sinc(cutoff * offsets) * window
    w[np.abs(offsets) > half_width] = 0.0
    weights: npt.NDArray[np.float32] = (w / w.sum(axis=-1, keepdims=True)).astype(np.float32)
    return weights


def resample(samples: npt.ArrayLike, src_rate: int, dst_rate: int) -> Samples:
    """Band-limited resampling by a rational factor (windowed-sinc polyphase, numpy only).

    The output has ``round(len * dst / src)`` samples; a tone below both Nyquist
    limits keeps its frequency and amplitude.
    """
    x = np.asarray(samples, dtype=np.float32).reshape(-1)
    if src_rate <= 0 or dst_rate <= 0:
        raise ValueError("sample rates must be positive")
    if src_rate == dst_rate or x.size == 0:
        return x.copy()
    g = math.gcd(int(src_rate), int(dst_rate))
    up, down = int(dst_rate) // g, int(src_rate) // g
    n_out = (x.size * up + down // 2) // down
    cutoff = _ROLLOFF * min(1.0, up / down)  # relative to the input Nyquist
    half_width = _ZERO_CROSSINGS / cutoff  # in input samples
    k = math.ceil(half_width)
    taps = np.arange(2 * k, dtype=np.float64)
    padded = np.concatenate([np.zeros(k, np.float32), x, np.zeros(k + 1, np.float32)])

    table = None
    if up <= _MAX_TABLE_PHASES:
        # Output m sits at input position m*down/up; its fractional part
        # depends only on m % up, so each phase's weights are computed once.
        frac = (np.arange(up, dtype=np.int64) * down % up) / up
        table = _sinc_weights(frac[:, None] + (k - 1) - taps[None, :], cutoff, half_width)

    out = np.empty(n_out, dtype=np.float32)
    block = max(1, (1 << 21) // (2 * k))  # keep each gather around 8 MB
    for start in range(0, n_out, block):
        m = np.arange(start, min(n_out, start + block), dtype=np.int64)
        base = m * down // up
        if table is not None:
            weights = table[m % up]
        else:
            frac = (m * down % up) / up
            weights = _sinc_weights(frac[:, None] + (k - 1) - taps[None, :], cutoff, half_width)
        idx = base[:, None] + 1 + np.arange(2 * k)[None, :]
        out[start : start + m.size] = np.einsum("ij,ij->i", padded[idx], weights)
    return out


# ----------------------------------------------------------------- playback


def _sounddevice() -> Any:
    try:
        import sounddevice as sd
    except OSError as err:  # the wheel needs the system PortAudio library
        raise MissingDependency(
            "playing sound needs the PortAudio library; install it with: "
            "sudo apt-get install libportaudio2 (or use -o FILE.wav)"
        ) from err
    return sd


def check_output_device() -> None:
    """Raise :class:`DeviceError` unless a default output device exists."""
    sd = _sounddevice()
    try:
        device = sd.default.device[1]
        if device is None or int(device) < 0:
            raise DeviceError(NO_DEVICE_MESSAGE)
        info = sd.query_devices(device, "output")
        if int(info.get("max_output_channels", 0)) < 1:
            raise DeviceError(NO_DEVICE_MESSAGE)
    except DeviceError:
        raise
    except Exception as err:  # PortAudioError, ValueError: no usable device
        raise DeviceError(NO_DEVICE_MESSAGE) from err


def play(samples: npt.ArrayLike, rate: int = OUTPUT_RATE) -> None:
    """Play mono samples on the default output and block until done."""
    check_output_device()
    sd = _sounddevice()
    x = np.asarray(samples, dtype=np.float32).reshape(-1)
    try:
        sd.play(x, int(rate), blocking=True)
    except KeyboardInterrupt:
        sd.stop()
        raise
    except sd.PortAudioError as err:
        raise DeviceError(f"audio output failed ({err}); try again or use -o FILE.wav") from err
