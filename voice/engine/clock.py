"""Time for the player, counted in samples, never in sleeps.

The player's position is the number of samples it has handed to the sink.
A clock only answers "how much has been *heard* so far?" and, for real time,
holds the player back so it stays a bounded amount ahead of the listener:

- :class:`VirtualClock`: heard = written. Nothing waits; a 30-minute session
  renders as fast as the CPU allows. Tests, checks and ``render`` use it.
- :class:`RealClock`: heard = what the sound card has consumed, when the sink
  is a device (its callback sets the pace); for a file or null sink it is
  wall time since start (``time.monotonic``), computed from the start each
  time, so waiting never accumulates drift.
"""

from __future__ import annotations

import time
from typing import Protocol

from voice.engine.timeline import RATE


class Clock(Protocol):
    virtual: bool

    def start(self) -> None: ...

    def now(self) -> int:
        """Samples heard since the run began."""
        ...

    def advance(self, written: int) -> None:
        """The player has written ``written`` samples in all; wait if far ahead."""
        ...


class PlayedCounter(Protocol):
    paces: bool

    def played(self) -> int: ...


class VirtualClock:
    virtual = True

    def __init__(self) -> None:
        self.written = 0

    def start(self) -> None:
        self.written = 0

    def now(self) -> int:
        return self.written

    def advance(self, written: int) -> None:
        self.written = written


class RealClock:
    """Real time: the device's sample count, or wall time for sinks without a clock."""

    virtual = False

    def __init__(self, sink: PlayedCounter | None = None, ahead_s: float = 0.1,
                 rate: int = RATE) -> None:
        self.sink = sink
        self.rate = rate
        self.ahead = int(ahead_s * rate)
        self._t0 = time.monotonic()

    def start(self) -> None:
        self._t0 = time.monotonic()

    def now(self) -> int:
        if self.sink is not None and self.sink.paces:
            return self.sink.played()
        return int((time.monotonic() - self._t0) * self.rate)

    def advance(self, written: int) -> None:
        if self.sink is not None and self.sink.paces:
            return  # the device's write() blocks: its callback is the clock
        lead = written - self.ahead
        while True:
            late = lead - self.now()
            if late <= 0:
                return
            time.sleep(min(0.05, late / self.rate))
