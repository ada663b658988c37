"""The scheduler: a session expanded into timeline segments, one at a time.

The expansion is lazy because the future depends on the present: an ask
branches on its answer, ``slower`` changes the next breath, a filling step
runs until the session's minutes are used. :meth:`Scheduler.segments` is a
generator; before each ``next()`` the player sets :attr:`RunState.now` (the
session time, in samples, where the next segment will start) and, after a
listen window, :attr:`RunState.answer`.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from voice.audio import sounds
from voice.audio.mixer import db_to_gain
from voice.engine.answers import Answer, branch_name
from voice.engine.breaths import CUE_GAIN_DB, breath, cycle_samples
from voice.engine.fitting import (
    REFLECT_CUE,
    Estimator,
    Fit,
    end_tail_s,
    fit,
    reflect_seconds,
    shortest_sentence,
)
from voice.engine.lines import (
    RATING_AFTER,
    RATING_BEFORE,
    RATING_HIGHER,
    RATING_LOWER,
    RATING_SAME,
    REMINDER,
    Speech,
)
from voice.engine.timeline import RATE, Clip, Mark, Segment, samples
from voice.sessions.model import (
    Ask,
    Breathe,
    Chime,
    Pause,
    Repeat,
    Say,
    Session,
    Step,
    default_reprompt,
    fill_template,
)

Segments = Generator[Segment, None, None]
SILENT_ANSWER_S = 2.0  # quiet after a question nobody answered, before moving on
REFLECT_CUE_DB = -14.0  # the soft sound after a file's reflective pause
RATING_CHANGE_GUESS_S = 5.0
RATING_MIN_MINUTES = 3.0  # shorter sessions are not rated before and after


@dataclass
class RunState:
    """What the player and the scheduler share."""

    pace: float = 1.0  # breath phases are multiplied by this
    variables: dict[str, str] = field(default_factory=dict)
    now: int = 0  # session samples at which the next segment starts
    answer: Answer | None = None

    def take_answer(self) -> Answer:
        answer, self.answer = self.answer, None
        return answer or Answer(None, None, None)

RATINGS = ("rating_before", "rating_after")  # what the engine-added rating asks save as


@dataclass
class RatingChange:
    """Engine-added step: says kindly how the after-rating compares with the before one."""

    line: int = 0


def engine_steps(session: Session, rating: bool = True,
                 reminder: bool = False) -> list[tuple[Step | RatingChange, int]]:
    """The top-level steps with their numbers, and those the engine adds (numbered 0): the
    pause-and-stop reminder (``reminder``) and the before/after rating (``rating``, if
    the session has one), both after the welcome: the leading chime and first sentence."""
    steps: list[tuple[Step | RatingChange, int]] = [(s, i + 1) for i, s in enumerate(session.steps)]
    rated = rating and session.rate_before_after
    if not (rated or reminder):
        return steps
    head = 1 if steps and isinstance(steps[0][0], Chime) else 0
    if head < len(steps) - 2 and isinstance(steps[head][0], Say):
        head += 1  # after the welcome, not before it
    tail = len(steps) - 1 if len(steps) > 1 and isinstance(steps[-1][0], Chime) else len(steps)
    opening: list[tuple[Step | RatingChange, int]] = []
    if reminder:
        opening.append((Say(REMINDER, 1.0), 0))
    if not rated:
        return [*steps[:head], *opening, *steps[head:]]
    before = Ask(RATING_BEFORE, "intensity", timeout=10.0, save_as="rating_before")
    after = Ask(RATING_AFTER, "intensity", timeout=10.0, save_as="rating_after")
    return [*steps[:head], *opening, (before, 0), *steps[head:tail], (after, 0),
            (RatingChange(), 0), *steps[tail:]]


def rating_steps(session: Session) -> list[tuple[Step | RatingChange, int]]:
    return engine_steps(session)


class Scheduler:
    """Plays a session fitted to the minutes asked (:mod:`voice.engine.fitting`).

    ``for_file``: nobody can answer a rendered file, so questions become reflective
    pauses with a soft sound after them, no replies, no rating and no reminder.
    ``short_intro``: the session's one-sentence intro in place of its intro steps.
    ``reminder``: say once, after the welcome, that pause and stop exist.
    """

    def __init__(self, session: Session, speech: Speech, state: RunState,
                 minutes: float | None = None, *, for_file: bool = False,
                 short_intro: bool = False, reminder: bool = False,
                 exact: bool = True) -> None:
        self.speech = speech
        self.state = state
        self.for_file = for_file
        self._cues = {name: sounds.load_cue(name) for name in sounds.cue_names()}
        length_of = speech.length if exact else speech.quick_length
        self.estimator = Estimator(length_of, lambda name: int(self._cues[name].size),
                                   lambda b: cycle_samples(b, self.state.pace), for_file)
        # Nobody rates a file, and a short session is kept for the practice (the two
        # ratings take half a minute).
        rating = not for_file and (minutes or session.minutes) >= RATING_MIN_MINUTES
        # (The reminder belongs to an introduction: calm-sos has none, its first breath
        # comes within ten seconds, and it names stop in its own words.)
        reminding = reminder and not for_file and session.short_intro is not None
        added = [s for s, n in engine_steps(session, rating, reminding) if n == 0]
        tail = samples(end_tail_s(session))  # (the closing fade counts in the minutes)
        self.fit: Fit = fit(session, minutes, self.estimator, short_intro=short_intro,
                            added=sum(self.estimate(s) for s in added) + tail)
        self.session = self.fit.session
        self.defaults = session.variable_defaults()  # (a say's 'otherwise')
        self.budget = samples(max(self.fit.asked_s, self.fit.shortest_s or 0.0))
        self.plan_budget = self.budget - tail  # where the last step should end
        self.top = engine_steps(self.session, rating, reminding)
        if self.fit.shortest_s is not None and not for_file:  # said, then played
            self.top.insert(0, (Say(shortest_sentence(session.title, self.fit.shortest_s),
                                    0.5), 0))
        self.top_index = 0
        self.breathing: Breathe | None = None  # the breathe step being played, if any
        self._leaf_count = 0
        self._skip: int | None = None
        self._intro_skipped = False

    # ------------------------------------------------------------ public

    def segments(self) -> Segments:
        for index, (step, number) in enumerate(self.top):
            self.top_index = index
            if self._intro_skipped and (self.in_intro(number) or number == 0):
                continue  # (and what the engine adds: the reminder, the ratings)
            path = str(number) if number else ("rating" if isinstance(step, Ask) else
                                               "said" if isinstance(step, Say) else "change")
            if isinstance(step, Repeat):
                yield from self._repeat(step, number, path)
            else:
                yield from self._leaf(step, number, path)

    def in_intro(self, number: int) -> bool:
        """Whether top-level step ``number`` (1-based; 0: added by the engine) is part of
        the introduction."""
        return 0 < number <= len(self.session.steps) and self.session.steps[number - 1].intro

    def skip_intro(self) -> None:
        """Leave out the rest of the introduction."""
        self._intro_skipped = True

    def skip(self, leaf: int) -> None:
        """Abandon the leaf step ``leaf`` if it is still being expanded."""
        self._skip = leaf

    def next_breathe(self) -> Breathe | None:
        """The breathe step playing now, else the next one in the session."""
        if self.breathing is not None:
            return self.breathing
        for step, _ in self.top[self.top_index:]:
            if isinstance(step, Breathe):
                return step
        return None

    def remaining_estimate(self) -> int:
        """Samples the steps after the current top-level one are expected to take."""
        return sum(self.estimate(s) for s, _ in self.top[self.top_index + 1:])

    # ------------------------------------------------------------ steps

    def _steps(self, steps: list[Step], number: int, prefix: str) -> Segments:
        for i, step in enumerate(steps):
            path = f"{prefix}/{i + 1}"
            if isinstance(step, Repeat):
                yield from self._repeat(step, number, path)
            else:
                yield from self._leaf(step, number, path)

    def _leaf(self, step: Step | RatingChange, number: int, path: str) -> Segments:
        self._leaf_count += 1
        leaf = self._leaf_count
        first = True
        inner = self._leaf_segments(step, number, path)
        for seg in inner:
            if seg.leaf == 0:
                seg.leaf, seg.step, seg.path = leaf, number, path
                if first:
                    kind = type(step).__name__.lower()
                    seg.marks.insert(0, Mark(0, "step", {"step": number, "path": path,
                                                         "kind": kind, "label": seg.label}))
                    first = False
            yield seg
            if self._skip == leaf:
                self._skip = None
                inner.close()
                if isinstance(step, Ask) and step.save_as:
                    self.state.variables.setdefault(step.save_as, step.default)
                return

    def _leaf_segments(self, step: Step | RatingChange, number: int,
                       path: str) -> Segments:
        if isinstance(step, Say):
            yield from self._say(step.spoken(self.state.variables, self.defaults), step.after)
        elif isinstance(step, Pause):
            seconds = step.seconds
            if step.fill:  # rests for what the session's minutes leave
                left = self.plan_budget - self.state.now - self.remaining_estimate()
                seconds = max(seconds, left / RATE)
            n = samples(seconds)
            yield Segment("silence", n, [Clip("silence", 0, n)], label=f"quiet, {seconds:.3g} s")
        elif isinstance(step, Chime):
            cue = self._cues[step.sound]
            gain = db_to_gain(CUE_GAIN_DB.get(step.sound, -3.0))
            yield Segment("cue", cue.size, [Clip("cue", 0, cue.size, cue, gain, sound=step.sound)],
                          label=f"sound: {step.sound}")
        elif isinstance(step, Breathe):
            yield from self._breathe(step)
        elif isinstance(step, Ask):
            yield from self._ask(step, number, path)
        elif isinstance(step, RatingChange):
            yield from self._rating_change()

    def _say(self, text: str, after: float, label: str = "") -> Segments:
        sentences = self.speech.sentences(text)
        for i, sentence in enumerate(sentences):
            if i:
                yield Segment("silence", self.speech.gap, [Clip("silence", 0, self.speech.gap)],
                              label=label or text, text=text)
            audio = self.speech.audio(sentence)
            yield Segment("speech", audio.size,
                          [Clip("speech", 0, audio.size, audio, text=sentence)],
                          label=label or text, text=text)
        if after > 0:
            n = samples(after)
            yield Segment("silence", n, [Clip("silence", 0, n)], label=label or text)

    def _ask(self, ask: Ask, number: int, path: str) -> Segments:
        question = fill_template(ask.question, self.state.variables)
        if self.for_file:
            yield from self._reflect(ask, question)
            return
        yield from self._say(question, 0.0, label=question)
        result = yield from self._listen(ask)
        reprompt = ask.reprompt or default_reprompt(ask)
        if not result.clear and reprompt:  # once, gently; then move on
            yield from self._say(fill_template(reprompt, self.state.variables), 0.0)
            result = yield from self._listen(ask)
        if not result.clear:
            result = Answer(result.raw, None, None)
        if ask.save_as:
            self.state.variables[ask.save_as] = result.value or ask.default
        branch = ask.branch_for(result.key)
        if result.key is None and not branch:  # silence is an answer too: a quiet moment
            n = samples(SILENT_ANSWER_S)
            yield Segment("silence", n, [Clip("silence", 0, n)], label="quiet")
        yield from self._steps(branch, number, f"{path}/{branch_name(ask, result.key)}")

    def _reflect(self, ask: Ask, question: str) -> Segments:
        """A question in a file: asked, a quiet moment to reflect, a soft sound; no reply."""
        yield from self._say(question, 0.0, label=question)
        n = samples(reflect_seconds(ask))
        yield Segment("silence", n, [Clip("silence", 0, n)], label="a moment to reflect")
        cue = self._cues[REFLECT_CUE]
        yield Segment("cue", cue.size, [Clip("cue", 0, cue.size, cue, db_to_gain(REFLECT_CUE_DB),
                                             sound=REFLECT_CUE)], label=f"sound: {REFLECT_CUE}")
        if ask.save_as:
            self.state.variables[ask.save_as] = ask.default

    def _listen(self, ask: Ask) -> Generator[Segment, None, Answer]:
        n = samples(ask.timeout)
        yield Segment("listen", n, [Clip("listen", 0, n, text=ask.question)], ask=ask,
                      label="listening...")
        return self.state.take_answer()

    def _rating_change(self) -> Segments:
        v = self.state.variables
        before, after = v.get("rating_before", ""), v.get("rating_after", "")
        if before.isdigit() and after.isdigit():
            delta = int(after) - int(before)
            text = RATING_LOWER if delta < 0 else RATING_HIGHER if delta > 0 else RATING_SAME
            yield from self._say(text, 1.5)

    # ------------------------------------------------------------ breathing

    def _breathe(self, b: Breathe) -> Segments:
        self.breathing = b
        start = self.state.now
        limit = samples(b.minutes * 60.0) if b.minutes is not None else None
        index = 0
        try:
            while b.cycles is None or index < b.cycles:
                seg = self.cycle(b, index)
                if index > 0 and limit is not None and self.state.now - start + seg.length > limit:
                    return
                if index > 0 and b.fills and not self._room(seg.length):
                    return
                yield seg
                index += 1
        finally:
            self.breathing = None

    def _room(self, length: int) -> bool:
        # (to the nearest whole cycle: the session may end half a breath late or early)
        return self.state.now + length // 2 + self.remaining_estimate() <= self.plan_budget

    def cycle(self, b: Breathe, index: int) -> Segment:
        """One breath at the current pace (:func:`voice.engine.breaths.breath`)."""
        return breath(b, index, self.state.pace, self.speech, self._cues)

    # ------------------------------------------------------------ estimates

    def _repeat(self, r: Repeat, number: int, path: str) -> Segments:
        start = self.state.now
        inner = sum(self.estimate(s) for s in r.steps)
        limit = samples(r.minutes * 60.0) if r.minutes is not None else None
        k = 0
        while r.times is None or k < r.times:
            if k and limit is not None and self.state.now - start + inner > limit:
                return
            if k and r.fills and not self._room(inner):
                return
            yield from self._steps(r.steps, number, f"{path}/r{k + 1}")
            k += 1

    def estimate(self, step: Step | RatingChange) -> int:
        """Expected samples for a step (no answers assumed; a filling step counts its least)."""
        if isinstance(step, RatingChange):
            return samples(RATING_CHANGE_GUESS_S)
        return self.estimator.step(step)
