"""What every recognizer shares: the decided utterance, the backend protocol, the modes.

The facade (:mod:`voice.ears.recognizer`) and every backend import this module;
none of them imports another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

FREE = "free"  # the mode for open answers: no grammar, the words as said
# Commands that nothing can follow: decide on these after a short silence.
EARLY_INTENTS = frozenset({"pause", "stop", "resume", "repeat", "skip", "slower", "faster",
                           "louder", "quieter", "help"})



@dataclass
class Heard:
    """One utterance, decided. ``intent`` is None when it was rejected (see ``reason``)."""

    text: str
    intent: str | None
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0
    decided_at_s: float = 0.0  # stream position when the decision was made
    start_s: float = 0.0  # where the utterance began (with pre-roll)
    end_s: float = 0.0  # end of the last speech frame the endpointer saw
    reason: str = ""  # "" (accepted), "no-match", "low-confidence", "no-speech", "self",
    #                   "too-short", "deadline" (decoding fell behind: voice.ears.deadline)
    recognizer: str = ""
    features: dict[str, float] = field(default_factory=dict)

    def to_dict(self, features: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text, "intent": self.intent, "slots": dict(self.slots),
            "confidence": round(self.confidence, 3), "decided_at_s": round(self.decided_at_s, 3),
            "start_s": round(self.start_s, 3), "end_s": round(self.end_s, 3),
            "reason": self.reason, "recognizer": self.recognizer}
        if features:
            out["features"] = {k: round(v, 4) for k, v in self.features.items()}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Heard:
        return cls(str(data.get("text", "")), data.get("intent"), dict(data.get("slots") or {}),
                   float(data.get("confidence", 0.0)), float(data.get("decided_at_s", 0.0)),
                   float(data.get("start_s", 0.0)), float(data.get("end_s", 0.0)),
                   str(data.get("reason", "")), str(data.get("recognizer", "")),
                   {k: float(v) for k, v in (data.get("features") or {}).items()})


class Recognizer(Protocol):
    name: str
    mode: str

    def start(self) -> None:
        """Begin a new stream: position 0, no utterance in progress."""

    def accept(self, pcm: bytes) -> list[Heard]:
        """Feed 16 kHz mono int16 PCM (any length); return what was decided."""
        ...

    def finish(self) -> list[Heard]:
        """End of stream: decide any utterance still open."""
        ...

    def set_mode(self, mode: str) -> None:
        """Listen with another intent set from the next utterance on."""


@dataclass
class Hypothesis:
    """A backend's reading of one utterance."""

    text: str
    features: dict[str, float] = field(default_factory=dict)


class Backend(Protocol):
    """What a recognizer module provides: decoding of one utterance at a time."""

    name: str

    def begin(self, mode: str) -> None: ...

    def feed(self, pcm: bytes) -> None: ...

    def background(self, pcm: bytes) -> None:
        """Every block of the stream, speech or not (to track the room: levels, noise)."""

    def partial(self) -> str: ...

    def end(self) -> Hypothesis: ...

    def confidence(self, hyp: Hypothesis, intent: str) -> tuple[float, float]:
        """(confidence 0..1, the threshold it must reach for ``intent``)."""
        ...
