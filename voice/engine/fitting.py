"""Fitting a session to the minutes asked: what stretches, what shrinks, and the shortest.

"For five minutes" means the whole session lasts five minutes, not its filling step.
Each session declares what may give (``scripts/README.md``, "Length"):

- **pauses**: ``length: {pauses: [shortest, longest]}`` scales every quiet (a say's
  ``after``, a pause, a file's reflective pause) by a factor in that range;
- **cycles**: a filling ``breathe`` or ``repeat`` runs whole cycles until the time is
  used (at least one), and a filling ``pause`` rests for what is left;
- **the introduction**: steps marked ``intro`` give way to the one-sentence
  ``short_intro``;
- **regions**: steps marked ``optional: N`` are left out, highest N first.

:func:`fit` tries the fullest version first and gives way in that order (quiet down to
its shortest, then the short intro, then optional steps) until the session fits; the
quiet is then scaled so the whole lands on the minutes asked. When even the shortest
version is longer, :attr:`Fit.shortest` says how long that is, and it is what plays.
Lengths come from an :class:`Estimator`, the same one the scheduler uses while playing,
so the plan and the timeline agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from voice.engine.timeline import RATE, samples
from voice.sessions.model import Ask, Breathe, Chime, Pause, Repeat, Say, Session, Step

if TYPE_CHECKING:
    from voice.journal.store import Journal

ASK_WAIT_GUESS = 0.5  # a live ask is counted at half its timeout (answers usually come sooner)
REFLECT_SHARE = 0.6  # in a file a question is followed by this share of its timeout, quiet
REFLECT_MAX_S = 15.0  # (before scaling) a reflective pause in a file is at most this long
REFLECT_CUE = "hold"  # the soft sound that ends a reflective pause in a file
PRACTICE_SHARE = 1 / 3  # with a filling practice, the full intro only if this much is left
TOLERANCE = 0.1  # within this share of the minutes asked counts as fitting
INTRO_MODES = ("auto", "full", "short")
FAMILIAR_AFTER = 3  # with intro = auto, the full introduction the first this-many times
END_FADE_S = 3.0  # every session ends fading over this long (its bed over its own fade_out)


def end_tail_s(session: Session) -> float:
    """The seconds after the last step: the closing fade (a bed's own may be longer)."""
    bed = session.background
    return max(END_FADE_S, bed.fade_out if bed else 0.0)


def intro_is_short(mode: str, journal: Journal | None, session_id: str) -> bool:
    """The one-sentence intro: asked for or set (``mode`` short), or with ``auto`` once
    the journal has the session done FAMILIAR_AFTER times."""
    if mode != "auto":
        return mode == "short"
    return journal is not None and journal.times_done(session_id) >= FAMILIAR_AFTER


def reminder_due(journal: Journal | None, now: datetime) -> bool:
    """No session yet on ``now``'s local day: the pause-and-stop reminder is due."""
    if journal is None:
        return True
    midnight = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return journal.sessions_since(midnight) == 0


def reflect_seconds(ask: Ask) -> float:
    """The quiet after a question in a rendered file (nobody can answer a file)."""
    return min(REFLECT_MAX_S, ask.timeout * REFLECT_SHARE)


@dataclass
class Estimator:
    """Expected samples for steps: rendered phrase lengths (or a guess), cue sizes, and
    half an ask's timeout; a filling step counts its minimum (one cycle, its own pause)."""

    length_of: Callable[[str], int]  # samples a text takes when spoken
    cue_size: Callable[[str], int]
    cycle: Callable[[Breathe], int]  # samples one breath takes at the current pace
    for_file: bool = False

    def step(self, step: Step) -> int:
        fixed, quiet = self.parts(step)
        return fixed + quiet

    def steps(self, steps: list[Step]) -> int:
        return sum(self.step(s) for s in steps)

    def parts(self, step: Step) -> tuple[int, int]:
        """(fixed samples, quiet samples) of a step: only the quiet scales."""
        if isinstance(step, Say):
            return self.length_of(step.text), samples(step.after)
        if isinstance(step, Pause):
            return 0, samples(step.seconds)
        if isinstance(step, Chime):
            return self.cue_size(step.sound), 0
        if isinstance(step, Breathe):
            if step.cycles is not None:
                return step.cycles * self.cycle(step), 0
            if step.minutes is not None:
                return samples(step.minutes * 60.0), 0
            return self.cycle(step), 0
        if isinstance(step, Ask):
            if self.for_file:
                return (self.length_of(step.question) + self.cue_size(REFLECT_CUE),
                        samples(reflect_seconds(step)))
            branch = step.branch_for(None)
            return (self.length_of(step.question) + samples(step.timeout * ASK_WAIT_GUESS)
                    + self.steps(branch), 0)
        assert isinstance(step, Repeat)
        if step.minutes is not None:
            return samples(step.minutes * 60.0), 0
        times = step.times or 1
        inner = [self.parts(s) for s in step.steps]
        return times * sum(f for f, _ in inner), times * sum(q for _, q in inner)

    def split(self, steps: list[Step]) -> tuple[int, int]:
        parts = [self.parts(s) for s in steps]
        return sum(f for f, _ in parts), sum(q for _, q in parts)


@dataclass
class Fit:
    """A session made to fit: the steps to play and what was given up for it."""

    session: Session
    seconds: float  # the expected length (no answers)
    asked_s: float
    scale: float = 1.0  # factor on the quiet
    short_intro: bool = False
    left_out: int = 0  # optional steps left out
    shortest_s: float | None = None  # set when the minutes asked are shorter than this

    @property
    def fits(self) -> bool:
        return abs(self.seconds - self.asked_s) <= TOLERANCE * self.asked_s

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"seconds": round(self.seconds, 1),
                                  "asked_s": round(self.asked_s, 1),
                                  "scale": round(self.scale, 3),
                                  "short_intro": self.short_intro, "left_out": self.left_out}
        if self.shortest_s is not None:
            out["shortest_s"] = round(self.shortest_s, 1)
        return out


def shortest_sentence(title: str, seconds: float) -> str:
    """One sentence for a request shorter than a session can go."""
    if seconds < 90:
        length = "about a minute" if seconds >= 45 else "less than a minute"
    else:
        length = f"about {round(seconds / 60.0)} minutes"
    return f"The shortest {title.lower()} takes {length}, so here it is at that length."


def with_intro(session: Session, short: bool) -> Session:
    """The session with its full introduction, or the short one in its place."""
    if not short or session.short_intro is None:
        return session
    steps: list[Step] = []
    for step in session.steps:
        if step.intro:
            if not any(s.intro for s in steps) and session.short_intro not in _texts(steps):
                steps.append(Say(session.short_intro, 1.0, step.line))
            continue
        steps.append(step)
    return replace(session, steps=steps)


def _texts(steps: list[Step]) -> list[str]:
    return [s.text for s in steps if isinstance(s, Say)]


def without_optional(steps: list[Step], above: int) -> list[Step]:
    """The steps with every ``optional`` level above ``above`` left out (inside repeats and
    branches too)."""
    out: list[Step] = []
    for step in steps:
        if step.optional > above:
            continue
        if isinstance(step, Repeat):
            step = replace(step, steps=without_optional(step.steps, above))
        elif isinstance(step, Ask):
            step = replace(step, branches={k: without_optional(v, above)
                                           for k, v in step.branches.items()})
        out.append(step)
    return out


def count_optional(steps: list[Step], above: int) -> int:
    n = 0
    for step in steps:
        if step.optional > above:
            n += 1
        elif isinstance(step, Repeat):
            n += count_optional(step.steps, above)
        elif isinstance(step, Ask):
            n += sum(count_optional(v, above) for v in step.branches.values())
    return n


def scaled(steps: list[Step], k: float, for_file: bool) -> list[Step]:
    """The steps with their quiet multiplied by ``k`` (in a file, the reflective pauses
    too, through the asks' timeouts; a live ask keeps its time to answer)."""
    if k == 1.0:
        return steps
    out: list[Step] = []
    for step in steps:
        if isinstance(step, Say):
            step = replace(step, after=step.after * k)
        elif isinstance(step, Pause):
            step = replace(step, seconds=step.seconds * k)
        elif isinstance(step, Repeat):
            step = replace(step, steps=scaled(step.steps, k, for_file))
        elif isinstance(step, Ask):
            step = replace(step, timeout=step.timeout * k if for_file else step.timeout,
                           branches={a: scaled(v, k, for_file) for a, v in step.branches.items()})
        out.append(step)
    return out


def _filling_least(session: Session, estimator: Estimator) -> int:
    """What a session's filling breathe or repeat is counted at (its least: one cycle)."""
    return sum(estimator.step(s) for s in session.steps
               if isinstance(s, Breathe | Repeat) and s.fills)


def _levels(steps: list[Step]) -> list[int]:
    found: set[int] = set()

    def walk(items: list[Step]) -> None:
        for s in items:
            if s.optional:
                found.add(s.optional)
            if isinstance(s, Repeat):
                walk(s.steps)
            elif isinstance(s, Ask):
                for v in s.branches.values():
                    walk(v)

    walk(steps)
    return sorted(found, reverse=True)


def fit(session: Session, minutes: float | None, estimator: Estimator, *,
        short_intro: bool = False, added: int = 0) -> Fit:
    """The fullest version of ``session`` that fits ``minutes`` (default: its own), with its
    quiet scaled to land there. ``added`` is samples the engine adds (rating, reminder)."""
    asked = (minutes or session.minutes) * 60.0
    target = samples(asked)
    lo, hi = session.pause_range
    grows = any(getattr(s, "fills", False) and not isinstance(s, Pause) for s in session.steps)
    rests = any(isinstance(s, Pause) and s.fill for s in session.steps)
    versions: list[tuple[Session, bool, int]] = []
    intros = [True] if short_intro else [False, True]
    if session.short_intro is None:
        intros = [False]
    elif minutes is None or minutes >= session.minutes:
        intros = [short_intro]  # (at its own length or longer, the intro is never cut)
    for short in intros:
        versions.append((with_intro(session, short), short, 0))
    base, short_base = versions[-1][0], versions[-1][1]
    for level in _levels(session.steps):  # the highest level goes first
        versions.append((replace(base, steps=without_optional(base.steps, level - 1)),
                         short_base, count_optional(base.steps, level - 1)))
    for version in versions:
        candidate, short, dropped = version
        fixed, quiet = estimator.split(candidate.steps)
        fixed += added
        if grows and not short and len(intros) > 1:
            # A short session is mostly practice: the full introduction only while the
            # breathing keeps a third of the time (PRACTICE_SHARE).
            practice = target - (fixed + min(1.0, hi) * quiet) + _filling_least(candidate,
                                                                               estimator)
            if practice < PRACTICE_SHARE * target:
                continue
        if fixed + lo * quiet <= target:
            break
    shortest = None
    if fixed + lo * quiet > target * (1 + TOLERANCE) and minutes is not None:
        k, shortest = lo, (fixed + lo * quiet) / RATE
    elif grows:
        k = 1.0 if fixed + quiet <= target else max(lo, (target - fixed) / max(quiet, 1))
    else:
        k = min(hi, max(lo, (target - fixed) / max(quiet, 1)))
    steps = scaled(candidate.steps, k, estimator.for_file)
    expected = fixed + k * quiet
    if grows or rests:
        expected = max(expected, target)
    return Fit(replace(candidate, steps=steps), expected / RATE, asked, k, short, dropped,
               shortest)


def planned(session: Session, minutes: float | None = None, rate: float = 1.0) -> Fit:
    """How a session will be played for ``minutes`` (default: its own), without a voice:
    for ``attune list`` and ``show``, with the same plan and guessed phrase lengths a
    live run starts from."""
    from voice.audio import sounds
    from voice.engine.breaths import cycle_samples
    from voice.engine.lines import guess_length

    cues = {name: int(sounds.load_cue(name).size) for name in sounds.cue_names()}
    estimator = Estimator(lambda text: guess_length(text, rate), cues.__getitem__,
                          lambda b: cycle_samples(b, 1.0))
    return fit(session, minutes, estimator, added=samples(end_tail_s(session)))
