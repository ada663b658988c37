"""What each live control does to the player (used by :class:`~voice.engine.player.Player`).

Controls only change what has not played yet. Each one acts at the start of
the block in which it arrives: a fade starts, a gain ramps, or words are
placed, so the change is heard within one block (50 ms).
"""

from __future__ import annotations

from collections import deque
from typing import Any, Protocol

from voice.engine.breaths import cycle_samples
from voice.engine.controls import PACE_STEP, VOLUME_MAX_DB, VOLUME_MIN_DB, VOLUME_STEP_DB
from voice.engine.lines import FASTER, SLOWER, STOP_PHRASES, Speech, minutes_left_phrase
from voice.engine.mixdown import Mixdown, Placed
from voice.engine.scheduler import RunState, Scheduler, Segments
from voice.engine.timeline import RATE, Clip, Segment, samples
from voice.sessions.model import Breathe, Repeat, Session

PAUSE_FADE = samples(0.3)
SKIP_FADE = samples(0.15)
SKIP_GAP = samples(0.35)
STOP_BUDGET = samples(2.9)  # from the block the stop lands in: the end comes within 3 s
WORD_GAP = samples(0.3)
PACE_MIN, PACE_MAX = PACE_STEP ** -8, PACE_STEP ** 8


class PlayerState(Protocol):
    """What the controls may read and change of a player (:class:`~voice.engine.player.Player`)."""

    session: Session
    speech: Speech
    answers: Any
    state: RunState
    sched: Scheduler
    budget: int
    mix: Mixdown
    volume_db: float
    upcoming: deque[Segment]
    seq: list[Placed]
    seq_end: int
    plan_shift: int
    end: int | None
    completed: bool
    sleeping: bool
    paused: tuple[int, Placed | None] | None
    last_text: str | None
    applied: list[dict[str, Any]]
    _gen: Segments

    def plan_now(self, at: int) -> int: ...

    def _next_segment(self) -> Segment | None: ...

    def place(self, seg: Segment, at: int, begin: int = -1) -> Placed: ...

    def current(self, at: int) -> Placed | None: ...

    def emit(self, at: int, event: str, **details: Any) -> None: ...


class ControlActions:
    """The controls, acting on one player."""

    def __init__(self, player: PlayerState) -> None:
        self.player = player

    def apply(self, name: str, p: int, arrival: int) -> None:
        self.player.applied.append({"control": name, "arrival": arrival, "applied": p})
        if self.player.end is not None:
            return  # stopping or finishing: nothing more to change
        handler = getattr(self, f"_control_{name}")
        handler(p)

    # ------------------------------------------------------------ helpers

    def interject(self, text: str, p: int, gap: int = WORD_GAP) -> Placed:
        """Say ``text`` as soon as no other speech is sounding (never over it)."""
        audio = self.player.speech.audio(text)
        t = p if self.player.paused is None else max(p, self.player.paused[0] + PAUSE_FADE)
        for s, e in self.player.mix.speech_spans(t - gap, 1 << 62):
            if s < t + audio.size + gap and e + gap > t:
                t = e + gap
        seg = Segment("interjection", audio.size,
                      [Clip("speech", 0, audio.size, audio, text=text)], label=text, text=text)
        return self.player.mix.add(Placed(seg, t, free=True))

    def _info(self, pl: Placed | None) -> dict[str, Any]:
        if pl is None:
            return {}
        return {"step": pl.seg.step, "path": pl.seg.path, "kind": pl.seg.kind}

    def _unplace(self, p: int, keep: Placed | None = None,
                 drop_leaf: int | None = None) -> None:
        """Take plan segments that have not started off the output (placed again later)."""
        later = [pl for pl in self.player.seq if pl.start >= p and pl is not keep]
        for pl in later:
            self.player.mix.remove(pl)
        back = [pl.seg for pl in later if pl.seg.leaf != drop_leaf]
        self.player.upcoming.extendleft(reversed(back))
        self.player.seq = [pl for pl in self.player.seq if pl not in later]

    def time_left_s(self, p: int) -> float:
        rest = self.player.sched.remaining_estimate() + max(0, self.player.seq_end - p)
        fills = any(isinstance(s, Breathe | Repeat) and s.fills for s, _ in self.player.sched.top)
        left = max(self.player.budget - self.player.plan_now(p), rest) if fills else rest
        return max(0.0, left / RATE)

    # ------------------------------------------------------------ controls

    def _control_pause(self, p: int) -> None:
        if self.player.paused is not None:
            return
        cur = self.player.current(p)
        self._unplace(p, keep=cur)
        for pl in list(self.player.mix.placed):
            self.player.mix.cut(pl, p, PAUSE_FADE)
        self.player.seq = []
        self.player.paused = (p, cur)
        self.player.mix.bed_ramp(p, 0.0, PAUSE_FADE)
        self.player.emit(p, "paused", **self._info(cur))

    def _control_resume(self, p: int) -> None:
        if self.player.paused is None:
            return
        at, cur = self.player.paused
        self.player.paused = None
        self.player.mix.bed_ramp(p, 1.0, samples(1.0))
        if cur is None:
            self.player.seq_end = p
        else:
            offset = 0 if cur.seg.restarts or cur.start > at else at - cur.start
            new = self.player.place(cur.seg, p - offset, begin=p)
            new.opened = cur.opened
            self.player.plan_shift += new.start - cur.start
        self.player.emit(p, "resumed", **self._info(cur))

    def _control_stop(self, p: int) -> None:
        t = p + PAUSE_FADE
        if self.player.paused is not None:
            t = max(p, self.player.paused[0] + PAUSE_FADE)
        for pl in list(self.player.mix.placed):
            self.player.mix.cut(pl, p, PAUSE_FADE)
        if any(not pl.resolved and pl.opened for pl in self.player.seq):
            self.player.answers.close()
        # (Stopping the sleep sound kept after a wind-down ends a finished session, and
        # quietly: whoever says it is going to sleep.)
        self.player.seq, self.player.paused = [], None
        self.player.completed = self.player.sleeping
        self.player.upcoming.clear()
        self.player._gen.close()
        end = p + STOP_BUDGET if self.player.sleeping else t + samples(0.3)
        for phrase in () if self.player.sleeping else STOP_PHRASES:
            audio = self.player.speech.audio(phrase)
            if t + audio.size + samples(0.2) <= p + STOP_BUDGET:
                placed = self.interject(phrase, t, gap=0)  # after the fade: nothing else speaks
                end = placed.end + samples(0.2)
                break
        self.player.end = end
        self.player.mix.bed_ramp(p, 0.0, end - p)
        self.player.emit(p, "stopped", session=self.player.session.id)

    def _control_skip(self, p: int) -> None:
        if self.player.paused is not None:
            at, cur = self.player.paused
            if cur is not None:
                self._drop_leaf(cur)
                self.player.state.now = self.player.plan_now(at)
                nxt = self.player._next_segment()
                self.player.paused = (at, Placed(nxt, at) if nxt is not None else None)
            self.player.emit(p, "skipped", **self._info(cur))
            return
        cur = self.player.current(p)
        if cur is None:
            return
        audible = self.player.mix.sounding(p)
        for pl in list(self.player.seq):
            if pl.seg.leaf == cur.seg.leaf:
                self.player.mix.cut(pl, p, SKIP_FADE)
        self._unplace(p, drop_leaf=cur.seg.leaf)
        self._drop_leaf(cur)
        self.player.seq = []
        self.player.seq_end = p + (SKIP_FADE + SKIP_GAP if audible else 0)
        self.player.emit(p, "skipped", **self._info(cur))

    def _drop_leaf(self, cur: Placed) -> None:
        leaf = cur.seg.leaf
        sched = self.player.sched
        # Skipping a part of the introduction skips the rest of it: the practice is what
        # a person skipping wants to reach ("skip the intro").
        intro = sched.in_intro(cur.seg.step)
        if intro:
            sched.skip_intro()
        self.player.upcoming = deque(s for s in self.player.upcoming if s.leaf != leaf
                                     and not (intro and (sched.in_intro(s.step)
                                                         or s.step == 0)))
        if not cur.resolved:
            if cur.opened:
                self.player.answers.close()
            cur.resolved = True
            self.player.state.answer = None
        sched.skip(leaf)

    def _control_repeat(self, p: int) -> None:
        if self.player.last_text:
            self.interject(self.player.last_text, p)
        self.player.emit(p, "repeated", text=self.player.last_text)

    def _pace(self, p: int, factor: float, words: str) -> None:
        self.player.state.pace = min(PACE_MAX, max(PACE_MIN, self.player.state.pace * factor))
        b = self.player.sched.next_breathe()
        per_cycle = round(cycle_samples(b, self.player.state.pace) / RATE, 3) if b else None
        self.interject(words, p)
        self.player.emit(p, "pace", seconds_per_cycle=per_cycle,
                         factor=round(self.player.state.pace, 4))

    def _control_slower(self, p: int) -> None:
        self._pace(p, PACE_STEP, SLOWER)

    def _control_faster(self, p: int) -> None:
        self._pace(p, 1.0 / PACE_STEP, FASTER)

    def _volume(self, p: int, step: float) -> None:
        self.player.volume_db = min(VOLUME_MAX_DB, max(VOLUME_MIN_DB, self.player.volume_db + step))
        self.player.mix.set_master_db(self.player.volume_db)
        self.player.emit(p, "volume", db=self.player.volume_db)

    def _control_louder(self, p: int) -> None:
        self._volume(p, VOLUME_STEP_DB)

    def _control_quieter(self, p: int) -> None:
        self._volume(p, -VOLUME_STEP_DB)

    def _control_time_left(self, p: int) -> None:
        left = self.time_left_s(p)
        self.interject(minutes_left_phrase(left), p)
        self.player.emit(p, "time_left", seconds=round(left, 1))
