"""A decoding deadline per utterance: no input may keep the ears busy for long.

Everything else in the ears counts samples, so a file and the microphone give the
same answers. This is the one safety net that reads a clock: once the work spent on
an utterance exceeds the duration of the audio it has been given by more than
``slack_s`` (the decoder is slower than real time, and live, the listener would fall
behind the speaker), the utterance is given up, rejected with reason "deadline",
and the decoder starts clean on the next one.

The clock is the process's CPU time, not the wall: on a machine busy with other
programs the same input gets the same answers (a 60 s file decoded at 5x contention
is not given up), while a decoder stuck in a loop of its own runs out of budget.
Only the time inside the recognizer's own calls counts (:meth:`Deadline.working`):
the process's other work between them, Attune's voice being synthesized while the
person speaks, is not the ears' (with ``--clock virtual`` it runs on the same thread,
between the calls; CTranslate2 decodes on threads of its own, so the process's time
inside a call is what the call cost).
It cannot interrupt a single call into a decoder; what bounds each call is the
decoder's own search limits (PocketSphinx: ``maxhmmpf``, ``maxwpf``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SAMPLE_RATE = 16000
# Beyond real time. Normal decoding needs 0.1-0.45 s of CPU per second of audio
# (the most: babble in the open-answer mode, the heaviest search).
SLACK_S = 2.0


class Deadline:
    """Work (CPU time) spent on one utterance against the audio it has been given."""

    def __init__(self, slack_s: float = SLACK_S,
                 clock: Callable[[], float] = time.process_time) -> None:
        self.slack_s = slack_s
        self.clock = clock
        self._started = clock()
        self._samples = 0
        self.missed = False
        self._outside = 0.0  # time since start() spent outside the recognizer's calls
        self._left: float | None = None  # when the last call ended (None: in a call)

    def start(self) -> None:
        """A new utterance begins: its budget starts from zero."""
        self._started = self.clock()
        self._samples = 0
        self.missed = False
        self._outside = 0.0

    @contextmanager
    def working(self) -> Iterator[None]:
        """One call into the recognizer: only time inside such calls counts."""
        if self._left is not None:
            self._outside += self.clock() - max(self._left, self._started)
            self._left = None
        try:
            yield
        finally:
            self._left = self.clock()

    def heard(self, samples: int) -> None:
        """``samples`` more of the utterance were decoded (they add to the budget)."""
        self._samples += samples

    def behind_s(self) -> float:
        """How much longer than the audio the work has taken so far (negative: less)."""
        now = self.clock()
        outside = self._outside
        if self._left is not None:  # (asked between calls)
            outside += now - max(self._left, self._started)
        return now - self._started - outside - self._samples / SAMPLE_RATE

    def passed(self) -> bool:
        """True once the work has exceeded its budget (and for the rest of the utterance)."""
        if not self.missed and self.behind_s() > self.slack_s:
            self.missed = True
        return self.missed
