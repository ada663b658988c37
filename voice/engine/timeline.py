"""The timeline: what a session sounds like, in samples at one output rate.

The :mod:`~voice.engine.scheduler` turns a session into :class:`Segment` objects one
at a time (a sentence, the quiet after it, one breath cycle, a listen
window...). Each segment holds :class:`Clip` objects (speech, cue sounds,
silences, listen windows) placed by sample offset from the segment's start,
and :class:`Mark` objects (events to report when playback reaches them).

The :class:`~voice.engine.player.Player` places segments end to end on the output,
mixes whatever overlaps the current block and records a :class:`Played`
entry for every clip that actually sounded; :func:`timeline_json` turns that
record into the JSON written by ``attune render --timeline``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from voice.audio.io import OUTPUT_RATE

Samples = npt.NDArray[np.float32]
RATE = OUTPUT_RATE
KINDS = ("speech", "cue", "silence", "listen", "bed")


def samples(seconds: float, rate: int = RATE) -> int:
    """Seconds to a whole number of samples (rounded, never negative)."""
    return max(0, round(seconds * rate))


def seconds(n: int, rate: int = RATE) -> float:
    return n / rate


@dataclass
class Clip:
    """One thing inside a segment, ``offset`` samples from its start."""

    kind: str  # speech | cue | silence | listen
    offset: int
    length: int
    audio: Samples | None = None
    gain: float = 1.0
    text: str | None = None
    phase: str | None = None
    sound: str | None = None


@dataclass
class Mark:
    """An event to report when playback reaches ``offset``."""

    offset: int
    event: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class Segment:
    """A unit of the plan: played whole, resumed from its start or from where it was.

    ``kind``: ``speech`` (one sentence), ``silence``, ``cue`` (a chime step),
    ``cycle`` (one breath), ``listen`` (an ask's answer window) or
    ``interjection`` (words said in answer to a control, outside the plan).
    Speech and cycles *restart* on resume; silences and listen windows carry
    on with the time they had left.
    """

    kind: str
    length: int
    clips: list[Clip] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    step: int = 0  # 1-based index of the top-level step; 0 for engine-added steps
    path: str = ""  # where in the session: "3", "5/yes/1", "7/r2/1" ...
    label: str = ""  # short description for the display
    leaf: int = 0  # which run of a leaf step this belongs to (for skip)
    text: str | None = None  # the instruction it speaks (for "repeat")
    ask: Any = None  # the Ask a listen window belongs to
    phases: list[tuple[str, int]] = field(default_factory=list)  # cycle: (phase, samples)

    @property
    def restarts(self) -> bool:
        return self.kind in ("speech", "cycle", "cue", "interjection")

    @property
    def speaks_first(self) -> bool:
        return bool(self.clips) and self.clips[0].kind == "speech" and self.kind != "cycle"


@dataclass
class Played:
    """A clip (or window) as it actually played, in absolute output samples."""

    kind: str
    start: int
    end: int
    step: int = 0
    path: str = ""
    text: str | None = None
    phase: str | None = None
    sound: str | None = None

    def to_dict(self, rate: int = RATE) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "start_s": round(self.start / rate, 6),
            "end_s": round(self.end / rate, 6),
            "start_sample": self.start,
            "end_sample": self.end,
            "step": self.step,
        }
        if self.path:
            out["path"] = self.path
        if self.text is not None:
            out["text"] = self.text
        if self.phase is not None:
            out["phase"] = self.phase
        if self.sound is not None:
            out["sound"] = self.sound
        return out


def timeline_json(played: list[Played], end: int, session_id: str,
                  rate: int = RATE) -> dict[str, Any]:
    """The ``--timeline`` document: every event, sorted by start."""
    events = sorted(played, key=lambda p: (p.start, KINDS.index(p.kind), p.end))
    return {
        "session": session_id,
        "rate": rate,
        "end_s": round(end / rate, 6),
        "end_sample": end,
        "events": [p.to_dict(rate) for p in events],
    }


def cue_starts(played: list[Played], phase: str | None = None) -> list[int]:
    """Start samples of the cues played (of one breath phase, if given)."""
    return [p.start for p in played if p.kind == "cue" and (phase is None or p.phase == phase)]
