"""Noise suppression in front of the recognizer: RNNoise, in rooms that need it.

RNNoise (Xiph's recurrent noise suppressor, the library inside the ``pyrnnoise``
wheel) works on 10 ms frames at 48 kHz; the microphone gives 16 kHz. Each 10 ms
frame is resampled up by 3, denoised and resampled back. How much of the denoised
signal is used follows the room: in a quiet room the audio passes untouched (RNNoise
smears some synthetic voices a little, and there is nothing to remove), in a fan,
rain or music it is replaced by the denoised one. Babble (other people talking) is
speech to RNNoise too; it removes parts of the user's words with it, so a room whose
"noise" RNNoise itself calls speech is left untouched as well.

Time stays sample-exact: the output is as long as the input, delayed by a fixed
number of samples (:attr:`Denoiser.delay`) whichever way it is mixed.
"""

from __future__ import annotations

import collections
import ctypes
import importlib.util
import sys
from pathlib import Path

import numpy as np

from voice.audio.mic import pcm16_samples
from voice.errors import MissingDependency

RATE = 16000
FRAME = 160  # 10 ms at 16 kHz: one RNNoise frame (480 samples at 48 kHz)
UP = 3
TAPS = 97  # resampling filter length at 48 kHz (odd: a whole-sample group delay)
RNNOISE_DELAY = 960  # RNNoise's own delay at 48 kHz (measured: cross-correlation peak)
DELAY = (RNNOISE_DELAY + TAPS - 1) // UP  # samples at 16 kHz: 352 (22 ms)
# The room's level (the 10th percentile of the last 3 s of 10 ms frame levels): at or
# below QUIET_DBFS the audio passes untouched, at or above NOISY_DBFS it is fully
# denoised, in between it is mixed. A quiet room with a real microphone sits around
# -70 to -60 dBFS; a fan or rain near a laptop from about -50 dBFS up.
QUIET_DBFS = -60.0
NOISY_DBFS = -50.0
# RNNoise's own voice probability in the room's quietest moments (its 10th percentile
# over the last 6 s): above this the background itself is speech (babble, a TV) and
# the audio passes untouched. Measured on the evaluation noises at -35 dBFS: babble
# 0.77, rain 0.30, pink 0.22, hum 0.09, music 0.0; a user's own words hold it up only
# when they talk for more than 5 s without a breath.
BABBLE_VAD = 0.6
ROOM_FRAMES = 300  # 3 s of 10 ms frames
VAD_FRAMES = 600  # 6 s
RECENT_FRAMES = 150  # 1.5 s: whether RNNoise listens at all
WARMUP = RATE  # 1 s of audio it hears first when it starts listening
STEP = 0.02  # the mix moves at most this much per 10 ms frame (0 -> 1 in 0.5 s)


def library_path() -> Path:
    """Where the RNNoise shared library of the ``pyrnnoise`` wheel is (not imported:
    its ``__init__`` pulls in audio file tools Attune does not need)."""
    spec = importlib.util.find_spec("pyrnnoise")
    names = {"darwin": "librnnoise.dylib", "win32": "rnnoise.dll"}
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency("RNNoise is not installed; pip install pyrnnoise")
    path = Path(next(iter(spec.submodule_search_locations))) / names.get(
        sys.platform, "librnnoise.so")
    if not path.exists():
        raise MissingDependency(f"RNNoise's library is missing ({path}); "
                                "pip install --force-reinstall pyrnnoise")
    return path


def _lowpass(taps: int, cutoff: float, beta: float = 8.0) -> np.ndarray:
    """Windowed-sinc low-pass (cutoff as a fraction of the sample rate), unit DC gain."""
    n = np.arange(taps) - (taps - 1) / 2
    h = 2 * cutoff * np.sinc(2 * cutoff * n) * np.kaiser(taps, beta)
    taps_out: np.ndarray = (h / h.sum()).astype(np.float64)
    return taps_out


class _RNNoise:
    """One RNNoise state, through ctypes."""

    def __init__(self, path: Path) -> None:
        try:
            lib = ctypes.CDLL(str(path))
        except OSError as err:
            raise MissingDependency(f"RNNoise's library would not load ({err}); "
                                    "pip install --force-reinstall pyrnnoise") from err
        lib.rnnoise_create.restype = ctypes.c_void_p
        lib.rnnoise_create.argtypes = [ctypes.c_void_p]
        lib.rnnoise_destroy.argtypes = [ctypes.c_void_p]
        lib.rnnoise_process_frame.restype = ctypes.c_float
        lib.rnnoise_process_frame.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        self._lib = lib
        self._state = lib.rnnoise_create(None)
        self._in = np.zeros(FRAME * UP, dtype=np.float32)
        self._out = np.zeros(FRAME * UP, dtype=np.float32)

    def process(self, frame: np.ndarray) -> tuple[np.ndarray, float]:
        """Denoise 480 samples at 48 kHz (int16 scale); returns them and P(voice)."""
        self._in[:] = frame
        vad = self._lib.rnnoise_process_frame(self._state, self._out.ctypes.data,
                                              self._in.ctypes.data)
        return self._out.copy(), float(vad)

    def __del__(self) -> None:
        state, self._state = getattr(self, "_state", None), None
        if state:
            self._lib.rnnoise_destroy(state)


class Denoiser:
    """Streaming, room-following noise suppression of 16 kHz int16 PCM."""

    delay = DELAY

    def __init__(self, library: Path | None = None) -> None:
        self._h = _lowpass(TAPS, 7600 / (RATE * UP))
        self._rnnoise = _RNNoise(library or library_path())
        self._pending = np.zeros(0, dtype=np.float64)
        self._ready = np.zeros(0, dtype=np.int16)
        self._up_hist = np.zeros(TAPS - 1)
        self._down_hist = np.zeros(TAPS - 1)
        self._dry = np.zeros(DELAY)
        self._levels: collections.deque[float] = collections.deque(maxlen=ROOM_FRAMES)
        self._vads: collections.deque[float] = collections.deque(maxlen=VAD_FRAMES)
        self._listened = False
        # The last second RNNoise did not hear: when it starts listening it first hears
        # that, so it starts from about the state it would have had if it had listened.
        self._missed: collections.deque[float] = collections.deque(maxlen=WARMUP)
        self._target = 0.0
        self.wet = 0.0
        self._frames = 0

    def apply(self, pcm: bytes) -> bytes:
        """As many samples out as in, :attr:`delay` samples late."""
        x = pcm16_samples(pcm)
        self._pending = np.concatenate([self._pending, x.astype(np.float64)])
        whole = self._pending.size // FRAME * FRAME
        if whole:
            block, self._pending = self._pending[:whole], self._pending[whole:]
            self._ready = np.concatenate([self._ready, self._block(block)])
        if self._ready.size < x.size:  # a block size that is not whole frames: wait longer
            self._ready = np.concatenate(
                [np.zeros(x.size - self._ready.size, dtype=np.int16), self._ready])
        out, self._ready = self._ready[: x.size], self._ready[x.size:]
        return bytes(out.astype("<i2").tobytes())

    def _block(self, block: np.ndarray) -> np.ndarray:
        """Whole 10 ms frames in, as many out (one numpy pass; RNNoise per frame)."""
        frames = block.reshape(-1, FRAME)
        rms = np.sqrt(np.mean(frames ** 2, axis=1))
        levels = np.where(rms > 0, 20 * np.log10(np.maximum(rms, 1e-9) / 32768), -120.0)
        line = np.concatenate([self._dry, block])
        dry, self._dry = line[:block.size], line[block.size:]
        if self._listening(levels):
            if not self._listened and self._missed:  # warm up on what it missed
                self._denoise(np.fromiter(self._missed, float))  # (output unused)
                self._missed.clear()
            self._listened = True
            wet = self._denoise(block)
        else:
            self._up_hist[:] = 0.0
            self._down_hist[:] = 0.0
            self._listened = False
            self._missed.extend(block.tolist())
            wet = dry
        mix = np.empty(len(frames))
        for i, level in enumerate(levels):
            self._levels.append(float(level))
            self._frames += 1
            if self._frames % 10 == 1:  # the room changes slowly; a percentile costs
                self._target = self._room_target()
            self.wet += float(np.clip(self._target - self.wet, -STEP, STEP))
            mix[i] = self.wet
        mixed = dry + np.repeat(mix, FRAME) * (wet - dry)
        out: np.ndarray = np.clip(np.round(mixed), -32768, 32767).astype(np.int16)
        return out

    def _listening(self, levels: np.ndarray) -> bool:
        """Whether RNNoise hears this block. It listens whenever the room is not quiet
        (no frame of the last 1.5 s quiet: a fan that starts gives it over a second
        to adapt before the mix turns towards it; in babble its own voice probability
        is what keeps the mix at zero) and while the room is still unknown; not to a
        speaker in a quiet room (fluent speech still dips to the room between words
        within 1.5 s), where its output would go unused."""
        if self._target > 0 or self.wet > 0:
            return True
        if len(self._levels) < 25:
            return float(levels.max()) > QUIET_DBFS
        recent = np.concatenate([np.fromiter(self._levels, float), levels])[-RECENT_FRAMES:]
        # Once listening, it stops only in a clearly quiet room (a room near the line
        # would start and stop it, warm-up and all, every few blocks).
        return float(recent.min()) > QUIET_DBFS - (6.0 if self._listened else 0.0)

    def _denoise(self, block: np.ndarray) -> np.ndarray:
        stuffed = np.zeros(block.size * UP)
        stuffed[::UP] = block * UP
        padded = np.concatenate([self._up_hist, stuffed])
        self._up_hist = padded[-(TAPS - 1):]
        up = np.convolve(padded, self._h, mode="valid")
        clean = np.empty_like(up)
        step = FRAME * UP
        for i in range(0, up.size, step):
            clean[i:i + step], vad = self._rnnoise.process(up[i:i + step])
            self._vads.append(vad)
        padded = np.concatenate([self._down_hist, clean])
        self._down_hist = padded[-(TAPS - 1):]
        return np.convolve(padded, self._h, mode="valid")[::UP]

    def _room_target(self) -> float:
        if len(self._levels) < 25:  # a quarter second: too little to judge the room
            return 0.0
        floor = float(np.percentile(np.fromiter(self._levels, float), 10))
        target = float(np.clip((floor - QUIET_DBFS) / (NOISY_DBFS - QUIET_DBFS), 0.0, 1.0))
        if target > 0 and len(self._vads) >= 25 and float(
                np.percentile(np.fromiter(self._vads, float), 10)) > BABBLE_VAD:
            return 0.0
        return target


def load_denoiser() -> Denoiser | None:
    """RNNoise when its library is installed, else None (the audio passes as it is)."""
    try:
        return Denoiser()
    except MissingDependency:
        return None
