"""Live controls: what a person can say (or type) while a session plays.

:class:`Controls` is a thread-safe inbox. Anything (the listening loop, a
keyboard thread, a test) calls ``send("pause")`` from any thread; the player
takes what has arrived at the start of every audio block, so a control takes
effect within one block (50 ms) of arriving. Scripted controls
(``--controls "12.5:pause,20:resume"``) arrive at a given run time instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from voice.config import RANGES
from voice.engine.timeline import RATE, samples
from voice.errors import AttuneError

CONTROLS = ("pause", "resume", "stop", "skip", "repeat", "slower", "faster", "louder", "quieter",
            "time_left")
ALIASES = {"time-left": "time_left", "timeleft": "time_left", "next": "skip", "continue": "resume",
           "slow": "slower", "fast": "faster", "again": "repeat", "softer": "quieter",
           "quit": "stop", "end": "stop"}

PACE_STEP = 1.2  # slower: phases x1.2; faster: /1.2
PHASE_MIN_S, PHASE_MAX_S = 0.5, 30.0
VOLUME_STEP_DB = 3.0
VOLUME_MIN_DB, VOLUME_MAX_DB = RANGES["volume_db"]  # (the setting's own range)


def control_name(word: str) -> str:
    name = ALIASES.get(word.strip().lower(), word.strip().lower().replace("-", "_"))
    if name not in CONTROLS:
        import difflib

        close = difflib.get_close_matches(name, CONTROLS, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; choose from " + ", ".join(CONTROLS)
        raise AttuneError(f"unknown control '{word}'{hint}")
    return name


@dataclass(frozen=True, order=True)
class Control:
    """``name`` arriving at output sample ``arrival`` (of the run's own clock)."""

    arrival: int
    seq: int
    name: str

    @property
    def t(self) -> float:
        return self.arrival / RATE


def parse_controls(text: str) -> list[tuple[float, str]]:
    """``"12.5:pause,20:resume"`` -> ``[(12.5, "pause"), (20.0, "resume")]``."""
    out: list[tuple[float, str]] = []
    for item in (p.strip() for p in text.split(",")):
        if not item:
            continue
        when, sep, word = item.partition(":")
        try:
            t = float(when)
        except ValueError:
            t = -1.0
        if not sep or t < 0:
            raise AttuneError(f"--controls: '{item}' should look like SECONDS:CONTROL, "
                              "e.g. 12.5:pause")
        out.append((t, control_name(word)))
    return sorted(out, key=lambda c: c[0])


class Controls:
    """The inbox of controls. ``send`` is safe from any thread."""

    def __init__(self, scripted: list[tuple[float, str]] | None = None) -> None:
        self._lock = threading.Lock()
        self._seq = 0
        self._pending: list[Control] = []
        self.now: Callable[[], int] = lambda: 0  # set by the player: samples played so far
        for t, name in scripted or []:
            self._add(samples(t), control_name(name))

    def _add(self, arrival: int, name: str) -> Control:
        with self._lock:
            self._seq += 1
            control = Control(arrival, self._seq, name)
            self._pending.append(control)
            self._pending.sort()
        return control

    def send(self, name: str) -> Control:
        """A control arriving now (the run's clock decides what "now" is)."""
        return self._add(self.now(), control_name(name))

    def due(self, position: int) -> list[Control]:
        """Controls that have arrived by ``position`` (output samples), in order."""
        with self._lock:
            ready = [c for c in self._pending if c.arrival <= position]
            self._pending = [c for c in self._pending if c.arrival > position]
        return ready

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)
