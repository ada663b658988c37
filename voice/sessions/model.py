"""Typed sessions: what a YAML file in ``scripts/`` means once it is checked.

:mod:`voice.sessions.schema` turns YAML into these dataclasses (reporting every
problem); the engine, the CLI and the ears only ever see these.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

CATEGORIES = (
    "breathing",
    "body-scan",
    "grounding",
    "self-soothing",
    "self-compassion",
    "check-in",
    "wind-down",
    "emotions",
)
EXPECTS = ("feeling", "intensity", "yes_no", "choice", "text")
FEELING_FAMILIES = (
    "fear",
    "sadness",
    "anger",
    "shame",
    "joy",
    "calm",
    "tired",
    "numb",
    "overwhelmed",
    "unsure",
)
NO_ANSWER = "none"
OTHER_ANSWER = "other"

DEFAULT_SAY_AFTER = 0.8
DEFAULT_ASK_TIMEOUT = 15.0
DEFAULT_BED_VOLUME = 0.3
DEFAULT_BED_FADE_OUT = 3.0  # (the end of every session: voice, cues and bed)
DEFAULT_GUIDE_CYCLES = 2
DEFAULT_PAUSE_RANGE = (1.0, 1.0)  # quiet neither shrinks nor grows unless a session says so


@dataclass(kw_only=True)
class Tags:
    """What any step may be besides its kind: how a session meets the minutes asked and
    which steps a returning person has already heard."""

    optional: int = 0  # > 0: left out when the session must be shorter (highest first)
    intro: bool = False  # part of the full introduction; a short intro leaves it out

    def tags_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.optional:
            out["optional"] = self.optional
        if self.intro:
            out["intro"] = True
        return out
# Breath tones: "short", a short rising or falling tone as each phase begins; "whole", a
# tone lasting the whole phase (rising through the in-breath, falling through the out),
# to pace by with closed eyes.
BREATH_TONES = ("short", "whole")


@dataclass
class Say(Tags):
    text: str
    after: float = DEFAULT_SAY_AFTER
    line: int = 0
    # Said instead when a {variable} in ``text`` got no answer (it holds the ask's
    # default): "the word that came was {feeling}" reads badly with no word.
    otherwise: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"say": self.text, "after": self.after}
        if self.otherwise is not None:
            out["otherwise"] = self.otherwise
        return {**out, **self.tags_dict()}

    def spoken(self, variables: dict[str, str], defaults: dict[str, str]) -> str:
        """The words to say now: :attr:`otherwise` when a variable it names was not
        answered (missing, or holding its ask's default), else ``text``, filled in."""
        text = self.text
        if self.otherwise is not None and any(
                variables.get(name, defaults.get(name, "that")) == defaults.get(name, "that")
                for name in template_fields(self.text)):
            text = self.otherwise
        return fill_template(text, variables)


@dataclass
class Pause(Tags):
    seconds: float
    line: int = 0
    fill: bool = False  # takes what the session's minutes leave (at least ``seconds``)

    @property
    def fills(self) -> bool:
        return self.fill

    def to_dict(self) -> dict[str, Any]:
        return {"pause": self.seconds, **({"fill": True} if self.fill else {}),
                **self.tags_dict()}


@dataclass
class Breathe(Tags):
    inhale: float
    exhale: float
    hold: float = 0.0
    hold_after: float = 0.0
    cycles: int | None = None
    minutes: float | None = None
    count_aloud: int = 0
    guide: int = DEFAULT_GUIDE_CYCLES
    cues: bool = True
    tone: str = "short"  # one of BREATH_TONES
    line: int = 0

    @property
    def cycle_seconds(self) -> float:
        return self.inhale + self.hold + self.exhale + self.hold_after

    @property
    def fills(self) -> bool:
        """Runs until the session's minutes are used up."""
        return self.cycles is None and self.minutes is None

    def phases(self) -> list[tuple[str, float]]:
        """The non-empty phases of one cycle, in order."""
        all_phases = [
            ("inhale", self.inhale),
            ("hold", self.hold),
            ("exhale", self.exhale),
            ("hold_after", self.hold_after),
        ]
        return [(name, secs) for name, secs in all_phases if secs > 0]

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "inhale": self.inhale,
            "hold": self.hold,
            "exhale": self.exhale,
            "hold_after": self.hold_after,
            "count_aloud": self.count_aloud,
            "guide": self.guide,
            "cues": self.cues,
        }
        if self.tone != "short":
            body["tone"] = self.tone
        if self.cycles is not None:
            body["cycles"] = self.cycles
        if self.minutes is not None:
            body["minutes"] = self.minutes
        return {"breathe": body, **self.tags_dict()}


@dataclass
class Chime(Tags):
    sound: str
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"chime": self.sound, **self.tags_dict()}


@dataclass
class Ask(Tags):
    question: str
    expect: str
    timeout: float = DEFAULT_ASK_TIMEOUT
    save_as: str | None = None
    default: str = "that"
    reprompt: str | None = None
    choices: list[str] = field(default_factory=list)
    branches: dict[str, list[Step]] = field(default_factory=dict)
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ask": self.question, "expect": self.expect, "timeout": self.timeout}
        if self.save_as:
            out["save_as"] = self.save_as
            out["default"] = self.default
        if self.reprompt:
            out["reprompt"] = self.reprompt
        if self.choices:
            out["choices"] = list(self.choices)
        if self.branches:
            out["branches"] = {k: steps_to_dicts(v) for k, v in self.branches.items()}
        return {**out, **self.tags_dict()}

    def branch_for(self, answer: str | None) -> list[Step]:
        """The steps to follow for a (normalised) answer, or none."""
        key = NO_ANSWER if answer is None else answer
        if key in self.branches:
            return self.branches[key]
        if answer is not None and OTHER_ANSWER in self.branches:
            return self.branches[OTHER_ANSWER]
        return []


@dataclass
class Repeat(Tags):
    steps: list[Step]
    times: int | None = None
    minutes: float | None = None
    line: int = 0

    @property
    def fills(self) -> bool:
        return self.times is None and self.minutes is None

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"steps": steps_to_dicts(self.steps)}
        if self.times is not None:
            body["times"] = self.times
        if self.minutes is not None:
            body["minutes"] = self.minutes
        return {"repeat": body, **self.tags_dict()}


Step = Say | Pause | Breathe | Chime | Ask | Repeat
STEP_KINDS = ("say", "pause", "breathe", "chime", "ask", "repeat")


def steps_to_dicts(steps: list[Step]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in steps]


def walk_steps(steps: list[Step]) -> Iterator[Step]:
    """Every step, depth first, including those inside branches and repeats."""
    for step in steps:
        yield step
        if isinstance(step, Repeat):
            yield from walk_steps(step.steps)
        elif isinstance(step, Ask):
            for branch in step.branches.values():
                yield from walk_steps(branch)


@dataclass
class Background:
    bed: str
    volume: float = DEFAULT_BED_VOLUME
    fade_out: float = DEFAULT_BED_FADE_OUT  # seconds the bed fades over once the plan ends

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"bed": self.bed, "volume": self.volume}
        if self.fade_out != DEFAULT_BED_FADE_OUT:
            out["fade_out"] = self.fade_out
        return out


def with_rating(session: Session, rating: bool) -> Session:
    """The session with its before/after rating left out when ``rating`` is off (the
    rating setting); a session without one is unchanged."""
    if rating or not session.rate_before_after:
        return session
    return replace(session, rate_before_after=False)


def with_breath_tone(session: Session, tone: str | None) -> Session:
    """The session with every breathe step's tones as ``tone`` ("short" or "whole", the
    breath_tone setting); None keeps each step's own."""
    if tone is None:
        return session

    def change(steps: list[Step]) -> list[Step]:
        out: list[Step] = []
        for step in steps:
            if isinstance(step, Breathe):
                step = replace(step, tone=tone)
            elif isinstance(step, Repeat):
                step = replace(step, steps=change(step.steps))
            elif isinstance(step, Ask):
                step = replace(step, branches={k: change(v) for k, v in step.branches.items()})
            out.append(step)
        return out

    return replace(session, steps=change(session.steps))


def with_bed(session: Session, bed: str | None) -> Session:
    """The session with the background sound chosen for this run: None or "session"
    keeps its own, "none" plays none, a bed's name plays that one (at the session's
    bed volume, or the default one)."""
    if bed in (None, "session"):
        return session
    if bed == "none":
        return replace(session, background=None)
    if session.background is not None:
        return replace(session, background=replace(session.background, bed=str(bed)))
    return replace(session, background=Background(str(bed)))


@dataclass
class Session:
    id: str
    title: str
    category: str
    summary: str
    minutes: float
    triggers: list[str]
    steps: list[Step]
    background: Background | None = None
    rate_before_after: bool = False
    short_intro: str | None = None  # one sentence in place of the intro steps
    pause_range: tuple[float, float] = DEFAULT_PAUSE_RANGE  # how far quiet shrinks/grows
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "category": self.category,
            "summary": self.summary,
            "minutes": self.minutes,
            "triggers": list(self.triggers),
        }
        if self.background:
            out["background"] = self.background.to_dict()
        if self.rate_before_after:
            out["rate_before_after"] = True
        if self.short_intro:
            out["short_intro"] = self.short_intro
        if self.pause_range != DEFAULT_PAUSE_RANGE:
            out["length"] = {"pauses": list(self.pause_range)}
        out["steps"] = steps_to_dicts(self.steps)
        return out

    def variable_defaults(self) -> dict[str, str]:
        """What each saved variable holds when its ask got no answer (``default``)."""
        return {step.save_as: step.default for step in walk_steps(self.steps)
                if isinstance(step, Ask) and step.save_as}

    def spoken_texts(self) -> list[str]:
        """Every sentence the session may speak (variables left as written)."""
        texts: list[str] = [self.short_intro] if self.short_intro else []
        for step in walk_steps(self.steps):
            if isinstance(step, Say):
                texts.append(step.text)
                if step.otherwise is not None:
                    texts.append(step.otherwise)
            elif isinstance(step, Ask):
                texts.append(step.question)
                reprompt = step.reprompt or default_reprompt(step)
                if reprompt:
                    texts.append(reprompt)
        return texts


def default_reprompt(ask: Ask) -> str | None:
    """What to say once when an answer was not understood and the author gave no reprompt."""
    if ask.expect == "intensity":
        return "Any number from zero to ten is fine. A guess is fine too."
    if ask.expect == "yes_no":
        return "You can just say yes, or no."
    if ask.expect == "choice" and ask.choices:
        *rest, last = ask.choices
        return f"You can say {', '.join(rest)}, or {last}." if rest else f"You can say {last}."
    return None  # a feeling is taken as said


def template_fields(text: str) -> list[str]:
    """Names used as ``{name}`` in text; raises ValueError on a malformed brace."""
    names = []
    for _, name, spec, conv in string.Formatter().parse(text):
        if name is None:
            continue
        if spec or conv or not name.isidentifier():
            raise ValueError(f"'{{{name}}}' is not a simple variable name")
        names.append(name)
    return names


def fill_template(text: str, values: dict[str, str]) -> str:
    return text.format_map(_Defaulting(values))


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "that"
