"""The system voice through pyttsx3 (espeak-ng on Linux, SAPI5 on Windows,
NSSpeech on macOS), rendered to a temporary WAV and read back.

pyttsx3 2.99 quirks handled here: one ``save_to_file`` per ``runAndWait``
(a second queued file is silently dropped), a stray "Audio saved to ..." print
on stdout, errors in the driver callback swallowed (so the file is checked),
one cached engine per process (so calls are serialized by a lock), and, with
espeak, ``setProperty('rate')`` often being lost (so the rate travels inside
the text as an espeak embedded command). If pyttsx3 writes nothing, the
``espeak-ng`` program is used instead when present.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib.util
import io
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from voice.audio.io import OUTPUT_RATE, read_wav, resample
from voice.errors import AttuneError, MissingDependency
from voice.speech.text import normalize_text, split_sentences

# espeak's nominal words/minute assumes longer words than ours: 125 measures
# ~143 real words/min on plain prose once the renderer's pauses are added.
BASE_WPM = 125
# The Klatt glottal source: softer than the default buzz, and the one espeak-ng
# variant whose commands PocketSphinx heard back 10/10 at 100-150 wpm (default
# voice 7/10, m1-m7 and f1-f4 5-10/10; tests/test_tts.py round trip).
ESPEAK_VOICE = "en-us+klatt"

_lock = threading.Lock()  # pyttsx3 keeps one engine per process: one phrase at a time


def install_hint() -> str:
    if sys.platform == "win32" or sys.platform == "darwin":
        return "the system voice needs pyttsx3: pip install pyttsx3"
    return "install the system voice with: sudo apt-get install espeak-ng"


def _espeak_library() -> bool:
    return any(ctypes.util.find_library(n) for n in ("espeak-ng", "espeak"))


def _has_pyttsx3() -> bool:
    try:
        return importlib.util.find_spec("pyttsx3") is not None
    except (ImportError, ValueError):  # a broken or blocked install
        return False


def available() -> bool:
    if sys.platform in ("win32", "darwin"):
        return _has_pyttsx3()
    return (_has_pyttsx3() and _espeak_library()) or shutil.which("espeak-ng") is not None


class _DropSavedNotice(io.TextIOBase):
    """Passes stdout through, minus pyttsx3's "Audio saved to ..." line.

    Swapping in a filter (rather than silencing stdout) keeps other threads'
    output intact while a phrase renders.
    """

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._drop_newline = False

    def write(self, s: str) -> int:
        if s.startswith("Audio saved to "):
            self._drop_newline = True
            return len(s)
        if self._drop_newline and s == "\n":
            self._drop_newline = False
            return 1
        self._drop_newline = False
        return int(self._inner.write(s))

    def flush(self) -> None:
        self._inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def _quiet_saved_notice() -> Iterator[None]:
    original = sys.stdout
    sys.stdout = _DropSavedNotice(original)
    try:
        yield
    finally:
        sys.stdout = original


def _init_pyttsx3() -> Any:
    try:
        import pyttsx3

        return pyttsx3.init()
    except Exception:  # ImportError, OSError, RuntimeError: no usable driver
        return None


class SystemTTS:
    """The operating system's voice; robotic but always there."""

    engine = "system"

    def __init__(self, rate: float = 1.0) -> None:
        self.rate = float(rate)
        self.sample_rate = OUTPUT_RATE
        self.wpm = round(BASE_WPM * self.rate)
        self._engine = _init_pyttsx3()
        self._espeak_cli = shutil.which("espeak-ng")
        if self._engine is None and self._espeak_cli is None:
            raise MissingDependency(f"no system voice found; {install_hint()}")
        self._driver = "espeak-cli"
        if self._engine is not None:
            self._driver = type(self._engine.proxy._driver).__name__.removesuffix("Driver").lower()
            with _lock:
                if self._driver == "espeak":
                    # Applied on the next runAndWait, and it sticks for the process.
                    self._engine.setProperty("voice", f"gmw/{ESPEAK_VOICE}")
                else:
                    self._engine.setProperty("rate", self.wpm)
        voice = ESPEAK_VOICE if self._driver.startswith("espeak") else self._current_voice()
        self.voice_id = f"{self._driver}:{voice}"

    def _current_voice(self) -> str:
        with _lock:
            return str(self._engine.getProperty("voice"))

    def synthesize(self, text: str) -> Iterator[npt.NDArray[np.float32]]:
        for sentence in split_sentences(normalize_text(text)):
            yield self._render(sentence)

    def _render(self, sentence: str) -> npt.NDArray[np.float32]:
        with tempfile.TemporaryDirectory(prefix="attune-tts-") as tmp:
            path = Path(tmp) / "phrase.wav"
            if self._engine is not None:
                self._render_pyttsx3(sentence, path)
            if not _has_audio(path) and self._espeak_cli:
                self._render_cli(sentence, path)
            if not _has_audio(path):
                raise AttuneError(
                    f"the system voice produced no audio for {sentence[:40]!r}; try --voice piper"
                )
            samples, rate = read_wav(path)
        return samples if rate == OUTPUT_RATE else resample(samples, rate, OUTPUT_RATE)

    def _render_pyttsx3(self, sentence: str, path: Path) -> None:
        if self._driver == "espeak":
            # espeak embedded command "<wpm>S": the rate for this utterance.
            sentence = f"\x01{self.wpm}S {sentence}"
        with _lock, _quiet_saved_notice():
            if self._driver != "espeak":
                self._engine.setProperty("rate", self.wpm)
            # pyttsx3's espeak loop can wait forever for a callback that never
            # comes (seen under heavy load): end the loop after a while and let
            # the espeak-ng command line take over for the rest of the process.
            fired = threading.Event()
            driver = getattr(getattr(self._engine, "proxy", None), "_driver", None)

            def give_up() -> None:
                fired.set()
                if driver is not None and hasattr(driver, "endLoop"):
                    driver.endLoop()

            watchdog = threading.Timer(PYTTSX3_TIMEOUT_S, give_up)
            watchdog.daemon = True
            watchdog.start()
            try:
                self._engine.save_to_file(sentence, str(path))
                self._engine.runAndWait()
            except RuntimeError:
                fired.set()  # "run loop already started": the engine is wedged
            finally:
                watchdog.cancel()
            if fired.is_set():
                path.unlink(missing_ok=True)  # possibly half written
                if self._espeak_cli:
                    self._engine = None

    def _render_cli(self, sentence: str, path: Path) -> None:
        cmd = [str(self._espeak_cli), "-v", ESPEAK_VOICE, "-s", str(self.wpm), "-w", str(path)]
        # Text goes through stdin so a leading "-" is never taken for an option.
        subprocess.run(cmd, input=sentence.encode(), capture_output=True, timeout=30, check=False)


PYTTSX3_TIMEOUT_S = 10.0


def _has_audio(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 44  # more than a bare WAV header
