"""Parts of the hands-free loop (:mod:`voice.assistant.listen`): the echo path, the event
log, the announcer, offers, the stalling test microphone and answers heard by voice."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from voice.audio.mic import SAMPLE_RATE as MIC_RATE
from voice.audio.mic import from_pcm16, to_pcm16
from voice.audio.mixer import soft_limiter
from voice.ears.aec import EchoCanceller
from voice.ears.base import Heard
from voice.engine.answers import QueueAnswers
from voice.engine.timeline import RATE, Samples
from voice.errors import AttuneError, DeviceError
from voice.sessions.model import Ask

STALL_S = 1.0  # no audio this long: the microphone is lost
RETRY_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # backoff between attempts to reopen it
NOT_CAUGHT_GAP_S = 20.0  # say "I didn't catch that" at most this often
OFFER_WAIT_S = 15.0  # how long a yes/no offer stays open


@dataclass
class Offer:
    """A yes/no question the assistant asked outside a session."""

    kind: str  # "practice" (after a check-in) | "grounding" (after a crisis answer)
    session_id: str | None
    until_s: float
    intensity_for: dict[str, Any] | None = None  # a check-in waiting for its number


@dataclass
class Echo:
    """What the speakers played, at the microphone's rate: for the simulated room
    (``--echo G``) and for the echo canceller that takes Attune's voice back out."""

    gain: float
    history: list[Samples] = field(default_factory=list)
    out_count: int = 0
    sounded_at: int = -(1 << 40)  # output count when the last non-silent block ended
    canceller: EchoCanceller = field(default_factory=EchoCanceller)

    def add(self, block: Samples) -> None:
        self.history.append(block)
        self.out_count += block.size
        if block.any():
            self.sounded_at = self.out_count
        total = sum(b.size for b in self.history)
        while self.history and total - self.history[0].size > RATE * 2:
            total -= self.history[0].size
            self.history.pop(0)

    def reference(self, mic_pos: int, n: int) -> Samples:
        """What the speakers played during mic samples [mic_pos, mic_pos + n)."""
        if not self.history or self.out_count - self.sounded_at > RATE * 2:
            return np.zeros(n, np.float32)  # nothing played lately (idle): skip the work
        out = np.concatenate(self.history)
        out_start = self.out_count - out.size
        t = (mic_pos + np.arange(n)) * (RATE / MIC_RATE) - out_start
        played: Samples = np.interp(t, np.arange(out.size), out, left=0.0, right=0.0)
        return played.astype(np.float32)

    def mix_into(self, pcm: bytes, mic_pos: int) -> bytes:
        """Add the speaker signal for mic samples [mic_pos, mic_pos + n) at ``gain``."""
        if self.gain <= 0 or not self.history:
            return pcm
        mic = from_pcm16(pcm)
        played = self.reference(mic_pos, mic.size)
        mixed = np.clip(mic + self.gain * played, -1.0, 1.0)
        return bytes((mixed * 32767.0).astype("<i2").tobytes())

    def cancel(self, pcm: bytes, mic_pos: int) -> bytes:
        """The microphone block with the echo of what was played taken out."""
        mic = from_pcm16(pcm)
        return to_pcm16(self.canceller.process(mic, self.reference(mic_pos, mic.size)))


class EventLog:
    """The ``--events`` JSON lines, timed by the microphone stream."""

    def __init__(self, path: Path | None) -> None:
        self.records: list[dict[str, Any]] = []
        self._file: TextIO | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = path.open("w", encoding="utf-8")

    def emit(self, t: float, event: str, **details: Any) -> None:
        record = {"t": round(t, 3), "event": event, **details}
        self.records.append(record)
        if self._file is not None:
            self._file.write(json.dumps(record) + "\n")
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class Announcer:
    """The assistant's own words outside (or over) a session, queued in order."""

    def __init__(self, render: Callable[[str], Samples]) -> None:
        self.render = render
        self.queue: list[tuple[str, Samples]] = []
        self.pos = 0

    def say(self, text: str) -> None:
        self.queue.append((text, np.asarray(self.render(text), dtype=np.float32)))

    def cue(self, name: str, gain_db: float = -6.0) -> None:
        """A short sound, no words: the person can go straight on talking."""
        from voice.audio.sounds import load_cue

        self.queue.append(("", load_cue(name) * np.float32(10 ** (gain_db / 20))))

    @property
    def speaking(self) -> str | None:
        return self.queue[0][0] if self.queue else None

    def block(self, n: int) -> Samples:
        out = np.zeros(n, np.float32)
        filled = 0
        while filled < n and self.queue:
            audio = self.queue[0][1]
            take = min(n - filled, audio.size - self.pos)
            out[filled:filled + take] = audio[self.pos:self.pos + take]
            filled += take
            self.pos += take
            if self.pos >= audio.size:
                self.queue.pop(0)
                self.pos = 0
                filled = min(n, filled + int(0.25 * RATE))  # a breath between phrases
        return out

    def clear(self) -> None:
        self.queue.clear()
        self.pos = 0


def now_utc() -> datetime:
    return datetime.now(UTC)


def mix_blocks(*blocks: Samples | None) -> Samples:
    present = [b for b in blocks if b is not None]
    total = present[0].copy()
    for b in present[1:]:
        total[: b.size] += b[: total.size]
    return np.asarray(soft_limiter(total), dtype=np.float32)


def ensure_output(sink: Any) -> None:
    try:
        sink.open()
    except DeviceError:
        raise
    except Exception as err:  # PortAudio and friends: one clear line
        raise AttuneError(f"could not open the audio output ({err})") from err


def heard_record(heard: Heard) -> dict[str, Any]:
    return {"text": heard.text, "intent": heard.intent, "slots": dict(heard.slots),
            "confidence": round(heard.confidence, 3), "reason": heard.reason}


def sleep_real(seconds: float, virtual: bool) -> None:
    if not virtual:
        time.sleep(seconds)


class StallingMic:
    """A file microphone that stops delivering for a while (a loose cable, for tests).

    While stalled, ``read`` returns ``b""`` ("nothing yet"), as a live stream
    that has gone quiet at the driver level would.
    """

    def __init__(self, mic: Any, at_s: float, for_s: float, block_s: float = 0.1) -> None:
        self.mic = mic
        self.sample_rate = mic.sample_rate
        self.at_s, self.for_s, self.block_s = at_s, for_s, block_s
        self.t = 0.0
        self.stalled = 0.0

    def read(self) -> bytes | None:
        if self.t >= self.at_s and self.stalled < self.for_s:
            self.stalled += self.block_s
            return b""
        block: bytes | None = self.mic.read()
        if block:
            self.t += len(block) / 2 / self.sample_rate
        return block

    def close(self) -> None:
        self.mic.close()


def parse_stall(text: str) -> tuple[float, float]:
    try:
        at, length = (float(x) for x in text.split(":"))
    except ValueError:
        raise AttuneError(f"--mic-stall wants AT:SECONDS, e.g. 30:5 (got {text!r})") from None
    if at < 0 or length <= 0:
        raise AttuneError("--mic-stall wants a start >= 0 and a length > 0")
    return at, length


class ListenAnswers(QueueAnswers):
    """Answers to a session's ``ask`` come from speech; the ears switch grammar for them."""

    def __init__(self, on_open: Any, on_close: Any) -> None:
        super().__init__()
        self._on_open, self._on_close = on_open, on_close

    def listen(self, ask: Ask) -> None:
        super().listen(ask)
        self._on_open(ask)

    def close(self) -> None:
        super().close()
        self._on_close()
