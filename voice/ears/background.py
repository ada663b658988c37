"""A recognizer on its own thread, so decoding never holds up the speakers.

Whisper decides an utterance in one go (100-400 ms of encoder and decoder work),
where the grammar decoders spread theirs over the frames. In the live loop that
would leave the speakers without audio for that long. :class:`BackgroundRecognizer`
takes the same calls as any :class:`~voice.ears.base.Recognizer` and hands them, in
order, to one worker thread; what it decides comes back at the next call. Time in
every :class:`~voice.ears.base.Heard` is still the stream position, so decisions
are the same as on the caller's thread, only delivered a little later. CTranslate2
releases the GIL while it works.
"""

from __future__ import annotations

import queue
import threading
from typing import Any

from voice.ears.base import Heard

_STOP = object()


class BackgroundRecognizer:
    """Wraps a recognizer: ``accept`` returns at once with what has been decided so far."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self._jobs: queue.Queue[tuple[str, tuple[Any, ...]] | object] = queue.Queue()
        self._done: queue.Queue[Heard | BaseException] = queue.Queue()
        self._pending = 0  # jobs sent and not yet done
        self._settled = threading.Condition()
        self._thread = threading.Thread(target=self._work, name="attune-ears", daemon=True)
        self._thread.start()

    @property
    def mode(self) -> str:
        return str(self.inner.mode)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            assert isinstance(job, tuple)
            method, args = job
            try:
                for heard in getattr(self.inner, method)(*args) or ():
                    self._done.put(heard)
            except BaseException as err:  # handed to the caller's thread
                self._done.put(err)
            finally:
                with self._settled:
                    self._pending -= 1
                    self._settled.notify_all()

    def _send(self, method: str, *args: Any) -> None:
        with self._settled:
            self._pending += 1
        self._jobs.put((method, args))

    def _collect(self) -> list[Heard]:
        out: list[Heard] = []
        while True:
            try:
                item = self._done.get_nowait()
            except queue.Empty:
                return out
            if isinstance(item, BaseException):
                raise item
            out.append(item)

    def start(self) -> None:
        self._send("start")

    def accept(self, pcm: bytes) -> list[Heard]:
        self._send("accept", pcm)
        return self._collect()

    def finish(self) -> list[Heard]:
        self._send("finish")
        self.wait()
        return self._collect()

    def wait(self, timeout: float | None = None) -> bool:
        """Until everything sent so far is done (tests and the end of a stream)."""
        with self._settled:
            return self._settled.wait_for(lambda: self._pending == 0, timeout)

    def set_mode(self, mode: str) -> None:
        self._send("set_mode", mode)

    def speaking(self, text: str | None) -> None:
        if hasattr(self.inner, "speaking"):
            self._send("speaking", text)

    def close(self) -> None:
        self._jobs.put(_STOP)
        self._thread.join(timeout=5)
