"""The player: feeds a session's timeline to a sink block by block.

Time is the number of samples written, never a sleep: the player places the
scheduler's segments end to end at exact sample positions, mixes whatever
overlaps the current block and hands it to the sink; the clock only decides
whether to wait (real time) or not (virtual time). Controls and answers may
arrive from any thread and are taken at the start of each block::

    player = Player(session, speech, sink, clock=VirtualClock())
    threading.Thread(target=player.run).start()
    player.controls.send("pause")        # from any thread
    player.answers.put("anxious")        # with the default QueueAnswers

Events go to ``player.events`` (a list of dicts), to ``on_event`` callbacks
and, if given, to a JSON-lines file.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from voice.audio import sounds
from voice.audio.mixer import db_to_gain
from voice.audio.sinks import Sink
from voice.engine.answers import AnswerSource, QueueAnswers
from voice.engine.clock import Clock, VirtualClock
from voice.engine.control_actions import PACE_MAX, PACE_MIN, ControlActions
from voice.engine.controls import VOLUME_MAX_DB, VOLUME_MIN_DB, Controls
from voice.engine.fitting import END_FADE_S, end_tail_s
from voice.engine.lines import Speech
from voice.engine.mixdown import OUTPUT_LUFS, Mixdown, Placed
from voice.engine.scheduler import RunState, Scheduler
from voice.engine.timeline import RATE, Played, Segment, samples, timeline_json
from voice.errors import AttuneError
from voice.sessions.model import DEFAULT_BED_VOLUME, FEELING_FAMILIES, Session

BLOCK = 1102  # 50 ms at 22050 Hz: a control is heard within one block of arriving
LOOKAHEAD = samples(0.2)  # segments are placed this far ahead (the bed ducks before speech)
SLEEP_CATEGORY = "wind-down"  # sessions whose bed is a sleep sound (the sleep_sound setting)
SLEEP_KEEP_S = 30 * 60.0  # how long a render (virtual time) keeps the sleep sound
MAX_PAUSE_S = 30 * 60.0  # a pause this long ends the session


@dataclass
class Result:
    end: int  # samples written
    completed: bool  # False when stopped
    events: list[dict[str, Any]]
    played: list[Played]

    def timeline(self, session_id: str) -> dict[str, Any]:
        return timeline_json(self.played, self.end, session_id)


class Player:
    def __init__(self, session: Session, speech: Speech, sink: Sink, *,
                 clock: Clock | None = None, minutes: float | None = None,
                 answers: AnswerSource | None = None, controls: Controls | None = None,
                 events_path: str | Path | None = None, volume_db: float = 0.0,
                 display: Any = None, block: int = BLOCK, pace: float = 1.0,
                 for_file: bool = False, short_intro: bool = False,
                 reminder: bool = False, exact: bool | None = None,
                 loudness: float = OUTPUT_LUFS, sleep_sound: str = "fade",
                 sleep_keep_s: float = SLEEP_KEEP_S, bed_db: float = 0.0) -> None:
        self.session = session
        self.speech = speech
        self.sink = sink
        self.clock = clock or VirtualClock()
        self.answers: Any = answers if answers is not None else QueueAnswers()
        self.controls = controls or Controls()
        self.controls.now = self.clock.now
        self.display = display
        self.block = block
        if not VOLUME_MIN_DB <= volume_db <= VOLUME_MAX_DB:  # (headphones, eyes closed)
            raise AttuneError(f"volume must be between {VOLUME_MIN_DB:g} and "
                              f"{VOLUME_MAX_DB:g} dB (got {volume_db:g})")
        self.volume_db = volume_db
        self.max_pause = samples(MAX_PAUSE_S)
        self.state = RunState()
        self.state.pace = min(PACE_MAX, max(PACE_MIN, pace))  # (a remembered "slower")
        # A file is planned on its rendered phrase lengths (it waits for them anyway); a
        # run starts before its phrases are ready, so it plans on a guess from the text.
        if exact is None:
            exact = for_file
        self.sched = Scheduler(session, speech, self.state, minutes, for_file=for_file,
                               short_intro=short_intro, reminder=reminder, exact=exact)
        self.fit = self.sched.fit
        self.budget = self.sched.budget
        self._gen = self.sched.segments()
        bed = gain = None
        if session.background is not None:
            bed = sounds.load_bed(session.background.bed)
            # (bed_db: a render lifting a mostly quiet session to its loudness)
            gain = session.background.volume / DEFAULT_BED_VOLUME * db_to_gain(bed_db)
        # (loudness: the loudness setting, LUFS; the mix's levels are made for OUTPUT_LUFS)
        self.mix = Mixdown(bed, gain or 0.0, volume_db, room=sounds.room_tone(),
                           level_db=loudness - OUTPUT_LUFS)
        self.upcoming: deque[Segment] = deque()
        self.seq: list[Placed] = []  # placed plan segments: the current one and look-ahead
        self.seq_end: int = 0
        self.plan_shift = 0  # output samples minus session samples (pauses, restarts)
        self.pos = 0
        self.end: int | None = None
        self.completed = True
        self.sleep_sound = sleep_sound  # "keep": a wind-down's bed plays on after the end
        self.sleep_keep_s = sleep_keep_s
        self.sleeping = False  # the plan is done, the sleep sound plays on
        self.paused: tuple[int, Placed | None] | None = None  # (paused at, interrupted placement)
        self.last_text: str | None = None
        self.events: list[dict[str, Any]] = []
        self.on_event: list[Callable[[dict[str, Any]], None]] = []
        self._events_file: TextIO | None = None
        self._events_path = Path(events_path) if events_path else None
        self._stepped: set[int] = set()
        self._started = False
        self._result: Result | None = None
        self.applied: list[dict[str, Any]] = []  # controls: arrival and applied sample
        self.actions = ControlActions(self)
        # The family of the feeling last answered: an intensity ask may branch on it
        # ("pleasant", "unpleasant 7-10"; see voice.engine.answers.normalize).
        self.feeling_family: str | None = None

    # ------------------------------------------------------------ running

    def run(self) -> Result:
        """Play the whole session (blocking); returns what played."""
        self.start()
        try:
            while self.step():
                pass
        finally:
            result = self.close()
        return result

    def start(self) -> None:
        """Open the sink and the events file; queue the session's phrases for rendering."""
        if self._started:
            return
        self._started = True
        if self._events_path is not None:
            self._events_path.parent.mkdir(parents=True, exist_ok=True)
            self._events_file = self._events_path.open("w", encoding="utf-8")
        self.speech.prepare(self.session)
        self.sink.open()
        self.clock.start()
        paced = {"pace": round(self.state.pace, 4)} if self.state.pace != 1.0 else {}
        self.emit(0, "started", session=self.session.id, title=self.session.title,
                  minutes=round(self.budget / RATE / 60.0, 3), fit=self.fit.to_dict(), **paced)

    def step(self) -> bool:
        """Mix and write one block; False once the session has ended (nothing written)."""
        if not self._started:
            self.start()
        if self.end is not None and self.pos >= self.end:
            return False
        self._block()
        return True

    def close(self) -> Result:
        """Finish up (safe to call more than once, or before the end)."""
        if self._result is None:
            if self.end is None or self.pos < self.end:
                self.completed = False
            self.sink.close()
            self.emit(self.pos, "finished", session=self.session.id, completed=self.completed)
            if self._events_file is not None:
                self._events_file.close()
            if self.display is not None:
                self.display.close()
            played = list(self.mix.played)
            if self.session.background is not None:
                played.append(Played("bed", 0, self.pos, sound=self.session.background.bed))
            self._result = Result(self.pos, self.completed, self.events, played)
        return self._result

    def _block(self) -> None:
        p = self.pos
        for control in self.controls.due(p):
            self.actions.apply(control.name, p, control.arrival)
        if self.paused is not None and self.end is None and p - self.paused[0] > self.max_pause:
            self.actions.apply("stop", p, p)  # nobody came back: end kindly rather than never
        if self.paused is None and self.end is None and not self.sleeping:
            self._listen(p)
            self._fill(p + self.block + LOOKAHEAD)
        n = self.block if self.end is None else max(0, min(self.block, self.end - p))
        if n == 0:
            return
        self._marks(p, n)
        out = self.mix.mix(p, n)
        self.sink.write(out)
        self.pos += n
        self.clock.advance(self.pos)
        if self.display is not None:
            self.display.tick(self)

    def time_left_s(self, at: int | None = None) -> float:
        return self.actions.time_left_s(self.pos if at is None else at)

    # ------------------------------------------------------------ plan

    def plan_now(self, at: int) -> int:
        return at - self.plan_shift

    def _next_segment(self) -> Segment | None:
        if self.upcoming:
            return self.upcoming.popleft()
        self.state.now = self.plan_now(self.seq_end)
        return next(self._gen, None)

    def _fill(self, horizon: int) -> None:
        while self.end is None and self.seq_end < horizon:
            if self.seq and not self.seq[-1].resolved:
                return  # what follows an ask depends on its answer
            seg = self._next_segment()
            if seg is None:
                self.finish(self.seq_end)
                return
            self.place(seg, self.seq_end)
        self.seq = [pl for pl in self.seq if pl.end > self.pos or not pl.resolved]

    def place(self, seg: Segment, at: int, begin: int = -1) -> Placed:
        """Put a plan segment's offset 0 at ``at`` (playing from ``begin``, if later).

        Speech never overlaps speech already placed (words said in answer to a
        control): a sentence waits for it; a breath keeps its rhythm and drops
        the guide words that would collide.
        """
        play_from = max(at, begin)
        busy = self.mix.speech_busy_until(play_from)
        delay = 0
        if busy > play_from:
            if seg.kind == "cycle":
                clear = busy + samples(0.1)
                seg = replace(seg, clips=[c for c in seg.clips
                                          if c.kind != "speech" or at + c.offset >= clear])
            elif seg.speaks_first:
                delay = busy + samples(0.3) - play_from
        placed = Placed(seg, at + delay, begin=begin + delay if begin >= 0 else -1)
        self.mix.add(placed)
        self.seq.append(placed)
        self.seq_end = placed.end
        return placed

    def current(self, at: int) -> Placed | None:
        for pl in self.seq:
            if pl.start <= at < pl.end or (pl.start > at):
                return pl
        return None

    def finish(self, at: int) -> None:
        """The plan is done: everything fades out over the last seconds (the bed over its
        own ``fade_out``: bedtime's sleep sound fades over most of a minute)."""
        bed = self.session.background
        if (self.sleep_sound == "keep" and bed is not None
                and self.session.category == SLEEP_CATEGORY):
            self._keep_sleep_sound(at)
            return
        self.end = at + samples(end_tail_s(self.session))
        self.mix.played.append(Played("silence", at, self.end, 0, "end"))
        self.mix.bed_ramp(at, 0.0, self.end - at)
        for pl in self.mix.placed:
            self.mix.cut(pl, at, samples(END_FADE_S))

    def _keep_sleep_sound(self, at: int) -> None:
        """The plan is done and the sleep sound plays on: until "stop" when played live
        (or the process ends), for ``sleep_keep_s`` and then its fade in virtual time (a
        render has nobody to say stop)."""
        bed = self.session.background
        assert bed is not None
        self.sleeping = True
        for pl in self.mix.placed:
            self.mix.cut(pl, at, samples(END_FADE_S))
        self.emit(at, "sleep_sound", session=self.session.id)
        if getattr(self.clock, "virtual", True):
            fade_from = at + samples(self.sleep_keep_s)
            self.end = fade_from + samples(bed.fade_out)
            self.mix.played.append(Played("silence", at, self.end, 0, "end"))
            self.mix.bed_ramp(fade_from, 0.0, self.end - fade_from)

    # ------------------------------------------------------------ listen windows

    def _listen(self, p: int) -> None:
        for pl in self.seq:
            if pl.resolved or pl.start > p:
                continue
            ask = pl.seg.ask
            if not pl.opened:
                pl.opened = True
                self.answers.listen(ask)
            raw = self.answers.poll((p - pl.start) / RATE)
            if raw is not None and raw.strip():
                self.resolve(pl, raw, p)
            elif pl.end <= p + self.block + LOOKAHEAD:
                self.resolve(pl, None, pl.end)

    def resolve(self, pl: Placed, raw: str | None, at: int) -> None:
        from voice.engine.answers import branch_name, normalize

        ask = pl.seg.ask
        answer = normalize(ask, raw, self.feeling_family)
        if ask.expect == "feeling" and answer.key in FEELING_FAMILIES:
            self.feeling_family = answer.key
        self.answers.close()
        pl.resolved = True
        if raw is not None:
            pl.length = at - pl.start + samples(0.5)  # a short breath before replying
            for rec in pl.records.values():
                rec.end = min(rec.end, at)
            self.seq_end = pl.end
        self.state.answer = answer
        self.emit(at, "answer", question=ask.question, variable=ask.save_as, text=answer.raw,
                  value=answer.value, branch=branch_name(ask, answer.key), understood=answer.clear)

    # ------------------------------------------------------------ events

    def _marks(self, p: int, n: int) -> None:
        for pl in list(self.seq):
            seg = pl.seg
            if seg.kind == "speech" and seg.text and p <= pl.start < p + n:
                self.last_text = seg.text
            for mark in seg.marks:
                at = pl.start + mark.offset
                if not (p <= at < p + n) or at < pl.begin:
                    continue
                if pl.cut is not None and at >= pl.cut:
                    continue
                if mark.event == "step":
                    if seg.leaf in self._stepped:
                        continue
                    self._stepped.add(seg.leaf)
                self.emit(at, mark.event, **mark.details)

    def emit(self, at: int, event: str, **details: Any) -> None:
        record = {"t": round(at / RATE, 3), "event": event, **details}
        self.events.append(record)
        if self._events_file is not None:
            self._events_file.write(json.dumps(record) + "\n")
            self._events_file.flush()
        for callback in self.on_event:
            callback(record)
        if self.display is not None:
            self.display.event(record)
