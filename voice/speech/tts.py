"""Text to speech: one small interface, two engines.

``load_tts()`` picks Piper (neural, in-process) when the ``neural`` extra is
installed, else the system voice (pyttsx3: espeak-ng / SAPI5 / NSSpeech).
Both take text and yield float32 mono chunks, one per sentence, at
``sample_rate`` (22050 Hz for both). ``rate`` 1.0 is Attune's gentle default,
about 145 words per minute once sentence pauses are added
(:mod:`voice.speech.phrase_cache` adds them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import numpy as np
import numpy.typing as npt

from voice.errors import AttuneError, MissingDependency

ENGINES = ("piper", "system")
MIN_RATE, MAX_RATE = 0.5, 2.0


class TTS(Protocol):
    engine: str  # "piper" | "system"
    voice_id: str
    sample_rate: int
    rate: float  # speaking-rate factor; 1.0 = gentle default (~145 wpm)

    def synthesize(self, text: str) -> Iterator[npt.NDArray[np.float32]]:
        """Float32 mono chunks in [-1, 1] at ``sample_rate``, one per sentence."""
        ...


def engine_status() -> dict[str, bool]:
    """Which engines could load here (cheap: checks installs, loads nothing)."""
    from voice.speech import piper_voice, system_voice

    return {"piper": piper_voice.available(), "system": system_voice.available()}


def _status_line(status: dict[str, bool]) -> str:
    parts = [f"{name} ({'ready' if ok else 'not installed'})" for name, ok in status.items()]
    return "voice engines here: " + ", ".join(parts)


def load_tts(engine: str | None = None, *, rate: float = 1.0) -> TTS:
    """Load a TTS engine by name; ``None`` or ``"auto"`` prefers Piper."""
    name = (engine or "auto").strip().lower()
    if name not in (*ENGINES, "auto"):
        raise AttuneError(f"unknown voice engine '{engine}'; choose one of: {', '.join(ENGINES)}")
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AttuneError(f"speaking rate {rate:g} is out of range ({MIN_RATE:g} to {MAX_RATE:g})")
    status = engine_status()
    if name == "auto":
        ready = [n for n in ENGINES if status[n]]
        if not ready:
            from voice.speech.piper_voice import INSTALL_HINT
            from voice.speech.system_voice import install_hint

            raise MissingDependency(
                f"no voice engine is installed; {INSTALL_HINT}, or {install_hint()}"
            )
        name = ready[0]
    if not status[name]:
        from voice.speech.piper_voice import INSTALL_HINT
        from voice.speech.system_voice import install_hint

        hint = INSTALL_HINT if name == "piper" else install_hint()
        raise MissingDependency(
            f"the {name} voice is not available; {hint} ({_status_line(status)})"
        )
    try:
        if name == "piper":
            from voice.speech.piper_voice import PiperTTS

            return PiperTTS(rate=rate)
        from voice.speech.system_voice import SystemTTS

        return SystemTTS(rate=rate)
    except MissingDependency as err:
        raise MissingDependency(f"{err} ({_status_line(status)})") from err
