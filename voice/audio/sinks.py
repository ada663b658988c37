"""Where the mixed audio goes, block by block: a device, a WAV file, or nowhere.

Every sink takes float32 mono blocks at the output rate through ``write`` and
reports ``played()``: the samples that have actually been heard. Only the
sound-card sink ``paces`` (its ``write`` blocks until the device has room),
so it is the clock of a real-time run.
"""

from __future__ import annotations

import collections
import shutil
import threading
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from voice.audio.io import OUTPUT_RATE as RATE
from voice.audio.io import Samples, to_int16
from voice.errors import DeviceError, MissingDependency

NO_DEVICE = ("no audio output device found; plug in speakers or headphones, "
             "or use --speaker-file out.wav")


class Sink(Protocol):
    rate: int
    paces: bool

    def open(self) -> None: ...

    def write(self, block: Samples) -> None: ...

    def played(self) -> int: ...

    def close(self) -> None: ...


class NullSink:
    """Counts samples and drops them (``keep=True`` keeps them, for short tests)."""

    paces = False

    def __init__(self, rate: int = RATE, keep: bool = False) -> None:
        self.rate = rate
        self.keep = keep
        self.count = 0
        self.blocks: list[Samples] = []

    def open(self) -> None:
        pass

    def write(self, block: Samples) -> None:
        self.count += block.size
        if self.keep:
            self.blocks.append(block.copy())

    def played(self) -> int:
        return self.count

    def close(self) -> None:
        pass

    def audio(self) -> Samples:
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)


class WavSink:
    """Streams 16-bit PCM mono to a WAV file: nothing is held in memory."""

    paces = False

    def __init__(self, path: str | Path, rate: int = RATE) -> None:
        self.path = Path(path)
        self.rate = rate
        self.count = 0
        self._wav: Any = None

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._wav = wave.open(str(self.path), "wb")  # noqa: SIM115 (closed in close())
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(self.rate)

    def write(self, block: Samples) -> None:
        if self._wav is None:
            self.open()
        self._wav.writeframes(to_int16(block).astype("<i2").tobytes())
        self.count += block.size

    def played(self) -> int:
        return self.count

    def close(self) -> None:
        if self._wav is None:
            self.open()
        self._wav.close()


class SoundDeviceSink:
    """The sound card: an OutputStream whose callback only copies queued blocks.

    The player's ``write`` waits while more than ``ahead`` samples are queued,
    so it runs a bounded distance ahead of what is heard (that distance is
    the control latency). The stream opens lazily, on the first write.
    """

    paces = True

    def __init__(self, rate: int = RATE, ahead_s: float = 0.04, device: int | str | None = None,
                 stream_factory: Callable[..., Any] | None = None) -> None:
        self.rate = rate
        self.ahead = int(ahead_s * rate)
        self.device = device
        self.stream_factory = stream_factory
        self.underruns = 0
        self._queue: collections.deque[Samples] = collections.deque()
        self._queued = 0
        self._offset = 0  # samples of the head block already consumed
        self._played = 0
        self._cond = threading.Condition()
        self._stream: Any = None

    def open(self) -> None:
        if self._stream is not None:
            return
        factory = self.stream_factory or self._sounddevice_stream
        self._stream = factory(samplerate=self.rate, channels=1, dtype="float32",
                               callback=self._callback, device=self.device)
        self._stream.start()

    def _sounddevice_stream(self, **kwargs: Any) -> Any:
        try:
            import sounddevice as sd
        except OSError as err:
            raise MissingDependency("playing sound needs the PortAudio library; install it "
                                    "with: sudo apt-get install libportaudio2") from err
        try:
            out = sd.default.device[1] if kwargs.get("device") is None else kwargs["device"]
            if out is None or (isinstance(out, int) and out < 0):
                raise DeviceError(NO_DEVICE)
            return sd.OutputStream(**kwargs)
        except DeviceError:
            raise
        except Exception as err:  # PortAudioError, ValueError: no usable device
            raise DeviceError(NO_DEVICE) from err

    def _callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        del time_info, status
        out = outdata.reshape(-1)
        filled = 0
        with self._cond:
            while filled < frames and self._queue:
                head = self._queue[0]
                take = min(frames - filled, head.size - self._offset)
                out[filled:filled + take] = head[self._offset:self._offset + take]
                filled += take
                self._offset += take
                if self._offset >= head.size:
                    self._queue.popleft()
                    self._offset = 0
            self._queued -= filled
            self._played += filled
            self._cond.notify_all()
        if filled < frames:
            out[filled:] = 0.0
            self.underruns += 1

    def write(self, block: Samples) -> None:
        self.open()
        with self._cond:
            while self._queued >= self.ahead:
                self._cond.wait(0.5)
            self._queue.append(np.asarray(block, dtype=np.float32))
            self._queued += block.size

    def played(self) -> int:
        with self._cond:
            return self._played

    def close(self) -> None:
        if self._stream is None:
            return
        with self._cond:
            while self._queued > 0:
                if not self._cond.wait(1.0):
                    break
        self._stream.stop()
        self._stream.close()
        self._stream = None


class SoftwareStream:
    """A stand-in sound card: calls the callback in real time from its own thread.

    Pass it as ``SoundDeviceSink(stream_factory=SoftwareStream)`` to run the
    real-time path (queue, callback, pacing) where there is no sound card,
    as the benchmark and tests do. Pacing is computed from the start time, so
    it does not drift.
    """

    def __init__(self, *, samplerate: int, callback: Callable[..., None], frames: int = 256,
                 **kwargs: Any) -> None:
        del kwargs
        self.rate = samplerate
        self.callback = callback
        self.frames = frames
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="attune-softdevice", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import time

        t0, n = time.monotonic(), 0
        while not self._stop.is_set():
            out = np.zeros((self.frames, 1), dtype=np.float32)
            self.callback(out, self.frames, None, None)
            n += self.frames
            time.sleep(max(0.0, t0 + n / self.rate - time.monotonic()))

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)

    def close(self) -> None:
        pass


def check_device() -> None:
    """Fail early, in one line, when there is no output device."""
    try:
        import sounddevice as sd
    except OSError as err:
        raise MissingDependency("playing sound needs the PortAudio library; install it with: "
                                "sudo apt-get install libportaudio2") from err
    try:
        out = sd.default.device[1]
        if out is None or int(out) < 0:
            raise DeviceError(NO_DEVICE)
        sd.query_devices(out, "output")
    except DeviceError:
        raise
    except Exception as err:
        raise DeviceError(NO_DEVICE) from err


def convert_wav(wav: Path, target: Path) -> None:
    """WAV to another format (mp3, ogg, flac) with pydub and ffmpeg."""
    if shutil.which("ffmpeg") is None:
        raise MissingDependency(f"writing {target.suffix} needs ffmpeg; install it with: "
                                "sudo apt-get install ffmpeg (or write a .wav)")
    from pydub import AudioSegment

    AudioSegment.from_wav(str(wav)).export(str(target), format=target.suffix.lstrip(".").lower())
