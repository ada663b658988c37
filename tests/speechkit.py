"""Spoken test audio: what a person would say to Attune, made with our own voices."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from voice.audio.io import resample, write_wav
from voice.speech.tts import TTS, load_tts

MIC_RATE = 16000


@cache
def _voice(engine: str) -> TTS:
    return load_tts(engine)


def speak(text: str, engine: str = "piper") -> np.ndarray:
    tts = _voice(engine)
    audio = np.concatenate([np.asarray(c, np.float32) for c in tts.synthesize(text)])
    return resample(audio, tts.sample_rate, MIC_RATE)


def script_wav(path: Path, lines: list[tuple[float, str]], engine: str = "piper",
               tail_s: float = 2.0, noise_db: float | None = None) -> Path:
    """``lines``: (seconds of quiet before, words). Optional background noise at a level."""
    parts: list[np.ndarray] = []
    for gap, text in lines:
        parts.append(np.zeros(int(gap * MIC_RATE), np.float32))
        if text:
            parts.append(speak(text, engine))
    parts.append(np.zeros(int(tail_s * MIC_RATE), np.float32))
    audio = np.concatenate(parts)
    if noise_db is not None:
        rng = np.random.default_rng(7)
        audio = audio + rng.normal(0, 10 ** (noise_db / 20), audio.size).astype(np.float32)
    write_wav(path, audio, MIC_RATE)
    return path
