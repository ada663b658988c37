"""Audio in: the live microphone and a file-backed one that behaves the same.

Every :class:`Mic` yields 16 kHz mono 16-bit PCM in blocks (``read()``), and
``None`` once the stream has ended. :class:`SoundDeviceMic`'s callback only
copies each block into a queue; :class:`FileMic` reads a WAV file of any rate,
resamples it and hands it out in blocks of the same size, so ``attune hear``
and the tests exercise exactly what runs live. Positions are sample counts,
never wall-clock times.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from voice.errors import AttuneError, DeviceError, MissingDependency

SAMPLE_RATE = 16000
BLOCK_SAMPLES = 1600  # 100 ms: what sounddevice hands over per callback
NO_INPUT_MESSAGE = (
    "no microphone found; plug one in (or set input_device in 'attune config'), "
    "or try the ears on a recording with: attune hear FILE.wav"
)


class Mic(Protocol):
    sample_rate: int

    def read(self) -> bytes | None:
        """The next block of int16 mono PCM, or None when the stream has ended."""
        ...

    def close(self) -> None: ...


def to_pcm16(samples: npt.ArrayLike) -> bytes:
    x = np.asarray(samples, dtype=np.float64).reshape(-1) * 32768.0
    return np.clip(np.rint(x), -32768, 32767).astype("<i2").tobytes()


def pcm16_samples(pcm: bytes) -> npt.NDArray[np.int16]:
    """The whole 16-bit little-endian samples of a block (a stray odd byte is dropped)."""
    return np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2")


def from_pcm16(pcm: bytes) -> npt.NDArray[np.float32]:
    """16-bit little-endian PCM to float samples in [-1, 1)."""
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(32768.0)


class ArrayMic:
    """Samples already in memory (any rate), handed out in live-sized blocks."""

    def __init__(self, samples: npt.ArrayLike, rate: int = SAMPLE_RATE,
                 block_samples: int = BLOCK_SAMPLES) -> None:
        x = np.asarray(samples, dtype=np.float32).reshape(-1)
        if rate != SAMPLE_RATE:
            from voice.audio.io import resample

            x = resample(x, rate, SAMPLE_RATE)
        self.sample_rate = SAMPLE_RATE
        self._pcm = to_pcm16(x)
        self._pos = 0
        self._block = block_samples * 2

    @property
    def duration_s(self) -> float:
        return len(self._pcm) / 2 / SAMPLE_RATE

    def read(self) -> bytes | None:
        if self._pos >= len(self._pcm):
            return None
        block = self._pcm[self._pos:self._pos + self._block]
        self._pos += len(block)
        return block

    def close(self) -> None:
        self._pos = len(self._pcm)


def room_like(x: npt.NDArray[np.float32], rate: int, n: int) -> npt.NDArray[np.float32]:
    """``n`` samples of noise as loud as the recording's own quiet (the 10th percentile
    of its 20 ms frame levels): silence put around a recording must not step down to
    digital zero, or the step back up to the recording's room sounds like an onset."""
    if x.size == 0:
        return np.zeros(n, np.float32)  # (an empty recording: no room to go by)
    frame = max(1, rate // 50)
    frames = x[: x.size // frame * frame].reshape(-1, frame) if x.size >= frame else x[None]
    floor = float(np.percentile(np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1)), 10))
    noise = np.random.default_rng(0).standard_normal(n) * floor  # (fixed: same every run)
    return noise.astype(np.float32)


class FileMic(ArrayMic):
    """A WAV file (any rate, channels or bit depth) as if it were the microphone.

    ``room_s`` of the recording's own quiet (:func:`room_like`) can be put before and
    after it: a live microphone hears the room before anyone speaks, and the
    endpointer needs that to find where speech starts (a clip cut to its first word
    is otherwise heard as no speech at all). ``file_position_s`` maps a stream
    position back onto the file."""

    def __init__(self, path: str | Path, block_samples: int = BLOCK_SAMPLES,
                 room_s: float = 0.0) -> None:
        from voice.audio.io import read_wav

        self.path = Path(path)
        try:
            samples, rate = read_wav(self.path)
        except FileNotFoundError:
            raise AttuneError(f"{path}: no such file") from None
        except (ValueError, OSError) as err:
            raise AttuneError(f"{path}: cannot read it as a WAV file ({err})") from None
        x = np.asarray(samples, np.float32).reshape(-1)
        self.room_s = room_s
        self.file_duration_s = x.size / rate
        room = room_like(x, rate, round(room_s * rate))
        super().__init__(np.concatenate([room, x, room[::-1]]), rate, block_samples)

    def file_position_s(self, stream_s: float) -> float:
        """Where in the file a position in the (padded) stream falls."""
        return min(max(stream_s - self.room_s, 0.0), self.file_duration_s)


def _sounddevice() -> Any:
    try:
        import sounddevice as sd
    except OSError as err:
        raise MissingDependency(
            "the microphone needs the PortAudio library; install it with: "
            "sudo apt-get install libportaudio2") from err
    return sd


class SoundDeviceMic:
    """The live microphone: 16 kHz mono int16, read in 100 ms blocks.

    The PortAudio callback only copies each block into a queue; everything
    else happens in the reading thread. A stream that delivers nothing for
    ``stall_s`` is reported as a :class:`DeviceError` (unplugged microphone).
    """

    def __init__(self, device: str | int | None = None, block_samples: int = BLOCK_SAMPLES,
                 stall_s: float = 2.0) -> None:
        sd = _sounddevice()
        self.sample_rate = SAMPLE_RATE
        self._queue: queue.Queue[bytes] = queue.Queue(maxsize=200)
        self._stall_s = stall_s
        self._closed = threading.Event()
        self.overflows = 0
        dev: str | int | None = device if device not in ("", None) else None
        if isinstance(dev, str) and dev.isdigit():
            dev = int(dev)
        try:
            if dev is None and int(sd.default.device[0] or -1) < 0:
                raise DeviceError(NO_INPUT_MESSAGE)
            self._stream = sd.RawInputStream(
                samplerate=SAMPLE_RATE, channels=1, dtype="int16", blocksize=block_samples,
                device=dev, callback=self._callback)
            self._stream.start()
        except DeviceError:
            raise
        except Exception as err:  # PortAudioError, ValueError: no such device
            raise DeviceError(f"{NO_INPUT_MESSAGE} ({err})") from err

    def _callback(self, indata: Any, frames: int, time: Any, status: Any) -> None:
        del frames, time
        if status:
            self.overflows += 1
        try:
            self._queue.put_nowait(bytes(indata))
        except queue.Full:  # the reader fell behind: drop, never block PortAudio
            self.overflows += 1

    def read(self) -> bytes | None:
        if self._closed.is_set():
            return None
        try:
            return self._queue.get(timeout=self._stall_s)
        except queue.Empty:
            if self._closed.is_set():
                return None
            raise DeviceError("the microphone stopped sending sound; is it still plugged in?"
                              ) from None

    def close(self) -> None:
        self._closed.set()
        try:
            self._stream.stop()
            self._stream.close()
        except Exception:
            pass


def open_mic(device: str | int | None = None) -> SoundDeviceMic:
    """The default (or named) microphone; :class:`DeviceError` when there is none."""
    return SoundDeviceMic(device)
