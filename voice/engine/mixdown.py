"""Block mixing for the player: placed segments, the bed, ducking, gains, limiting.

Every block is mixed from what is *placed* (segments with an absolute start)
in placement order, so the same plan always gives the same samples, however
it was reached. Fades for pause, skip and stop are per placement ("cut at
sample N over M samples"); the bed has its own gain automation (session fade
in/out, pause, stop) and ducks under speech; master gain moves in ramps; a
look-ahead true-peak limiter keeps the sum under -2 dBTP (issue 18: at most -1.5).

Levels (issue 18): phrases come from the phrase cache at one loudness
(``phrase_cache.SPEECH_LUFS``), cues and beds sit at fixed levels under them, so
the whole mix lands at about ``OUTPUT_LUFS`` integrated without measuring it: live
playback stays streamed. ``level_db`` moves all of it to another target (the
``loudness`` setting), ``master_db`` is the listener's volume on top.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from voice.audio.limiter import TruePeakLimiter
from voice.audio.mixer import bed_segment, db_to_gain, duck_envelope, soft_limiter
from voice.engine.timeline import RATE, Played, Samples, Segment, samples

DUCK_DB = 10.0
DUCK_ATTACK_S, DUCK_RELEASE_S = 0.15, 0.6
OUTPUT_LUFS = -18.0  # the loudness setting's default: what the levels are made for
CEILING = db_to_gain(-1.5)  # a backstop only: the true-peak limiter stays under -2 dBTP


@dataclass
class Placed:
    """A segment at an absolute output position.

    ``start`` is where the segment's offset 0 sits (for a silence resumed
    part-way, before ``begin``); only what lies at or after ``begin`` plays.
    """

    seg: Segment
    start: int
    begin: int = -1
    length: int = -1
    free: bool = False  # an interjection, outside the plan
    cut: int | None = None
    cut_len: int = 0
    resolved: bool = True  # listen windows: False until answered or timed out
    opened: bool = False  # listen windows: the answer source was told
    records: dict[int, Played] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.begin < 0:
            self.begin = self.start
        if self.length < 0:
            self.length = self.seg.length
        if self.seg.kind == "listen":
            self.resolved = False

    @property
    def end(self) -> int:
        return self.start + self.length

    def clip_span(self, i: int) -> tuple[int, int]:
        c = self.seg.clips[i]
        s = self.start + c.offset
        e = s + c.length if c.audio is not None else min(s + c.length, self.end)
        s = max(s, self.begin)
        if self.cut is not None:
            e = s if s >= self.cut else min(e, self.cut + (self.cut_len if c.audio is not None
                                                           else 0))
        return s, max(s, e)

    def audible_end(self) -> int:
        ends = [self.clip_span(i)[1] for i in range(len(self.seg.clips))]
        return max([self.end if self.cut is None else min(self.end, self.cut), *ends])


def _fade(n: int) -> np.ndarray:
    return (0.5 + 0.5 * np.cos(np.pi * (np.arange(n) + 0.5) / max(1, n))).astype(np.float32)


class Mixdown:
    def __init__(self, bed: Samples | None = None, bed_gain: float = 0.0,
                 master_db: float = 0.0, fade_in_s: float = 2.0, rate: int = RATE,
                 room: Samples | None = None, level_db: float = 0.0) -> None:
        self.rate = rate
        self.bed = bed
        self.bed_gain = bed_gain
        self.room = room  # a quiet loop under everything, from the first sample to the last
        self.placed: list[Placed] = []
        self.played: list[Played] = []
        self.level_db = level_db
        self.master = db_to_gain(master_db + level_db)
        self.master_target = self.master
        self.limiter = TruePeakLimiter(rate)
        self._bed_keys: list[tuple[int, float]] = [(0, 0.0), (samples(fade_in_s), 1.0)]
        self._attack = samples(DUCK_ATTACK_S)
        self._release = samples(DUCK_RELEASE_S)

    # ------------------------------------------------------------ edits

    def add(self, placed: Placed) -> Placed:
        self.placed.append(placed)
        return placed

    def remove(self, placed: Placed) -> None:
        if placed in self.placed:
            self.placed.remove(placed)

    def cut(self, placed: Placed, at: int, fade: int) -> None:
        """Fade out what is sounding at ``at``; what starts later never plays."""
        if placed.cut is not None and placed.cut <= at:
            return
        placed.cut, placed.cut_len = at, fade
        for i, rec in placed.records.items():
            rec.end = min(rec.end, placed.clip_span(i)[1])
        if placed.start >= at:
            self.remove(placed)

    def bed_ramp(self, at: int, to: float, length: int) -> None:
        """Move the bed's gain from its value at ``at`` to ``to`` over ``length`` samples."""
        now = self.bed_level(at)
        self._bed_keys = [k for k in self._bed_keys if k[0] < at] + [(at, now),
                                                                     (at + max(1, length), to)]

    def bed_level(self, at: int) -> float:
        xs = [k[0] for k in self._bed_keys]
        ys = [k[1] for k in self._bed_keys]
        return float(np.interp(at, xs, ys))

    def set_master_db(self, db: float) -> None:
        self.master_target = db_to_gain(db + self.level_db)

    # ------------------------------------------------------------ queries

    def speech_spans(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Speech that sounds between ``lo`` and ``hi``, as (start, end) samples."""
        spans = []
        for p in self.placed:
            for i, c in enumerate(p.seg.clips):
                if c.kind == "speech":
                    s, e = p.clip_span(i)
                    if e > lo and s < hi and e > s:
                        spans.append((s, e))
        return sorted(spans)

    def sounding(self, at: int) -> bool:
        """Is any speech or cue (not the bed) audible at ``at``?"""
        for p in self.placed:
            for i, c in enumerate(p.seg.clips):
                if c.audio is not None:
                    s, e = p.clip_span(i)
                    if s <= at < e:
                        return True
        return False

    def speech_busy_until(self, at: int) -> int:
        """The end of the speech still sounding (or planned) at or after ``at``."""
        return max((e for _, e in self.speech_spans(at, 1 << 62)), default=at)

    # ------------------------------------------------------------ mixing

    def mix(self, p: int, n: int) -> Samples:
        """Samples ``p .. p + n`` of the output. The limiter also hears the few ms after
        them as planned now (mixed, not played: nothing is recorded for them)."""
        ahead = self.limiter.ahead
        out = np.zeros(n + ahead, dtype=np.float32)
        hi = p + n
        for placed in list(self.placed):
            self._mix_placed(placed, out, p, hi + ahead, hi)
            if placed.audible_end() <= hi and (placed.resolved or placed.cut is not None):
                self.placed.remove(placed)
        if self.bed is not None:
            out += self._bed_block(p, n + ahead)
        if self.room is not None:
            out += bed_segment(self.room, p, n + ahead)
        gains = np.full(n + ahead, self.master_target, dtype=np.float32)
        gains[:n] = np.linspace(self.master, self.master_target, n, endpoint=False)
        self.master = self.master_target
        return soft_limiter(self.limiter.process(out * gains, p), CEILING, threshold=CEILING)

    def _mix_placed(self, placed: Placed, out: Samples, p: int, hi: int, played: int) -> None:
        """Add what sounds in ``p .. hi``; clips starting before ``played`` are recorded."""
        for i, clip in enumerate(placed.seg.clips):
            s, e = placed.clip_span(i)
            if e <= s or s >= hi:
                continue
            if (i not in placed.records and s < played
                    and (placed.cut is None or s < placed.cut)):
                rec = Played(clip.kind, s, e, placed.seg.step, placed.seg.path, clip.text,
                             clip.phase, clip.sound)
                placed.records[i] = rec
                self.played.append(rec)
            if clip.audio is None or e <= p:
                continue
            lo, top = max(s, p), min(e, hi)
            src0 = lo - (placed.start + clip.offset)
            chunk = clip.audio[src0:src0 + (top - lo)] * np.float32(clip.gain)
            if placed.cut is not None and top > placed.cut:
                t = np.arange(lo, lo + chunk.size) - placed.cut
                fade = _fade(placed.cut_len)
                g = np.where(t < 0, 1.0, fade[np.clip(t, 0, max(0, placed.cut_len - 1))])
                chunk = chunk * np.where(t >= placed.cut_len, 0.0, g).astype(np.float32)
            out[lo - p:lo - p + chunk.size] += chunk

    def _bed_block(self, p: int, n: int) -> Samples:
        assert self.bed is not None
        idx = np.arange(p, p + n)
        xs = np.array([k[0] for k in self._bed_keys])
        ys = np.array([k[1] for k in self._bed_keys])
        gain = np.interp(idx, xs, ys).astype(np.float32) * np.float32(self.bed_gain)
        lo, hi = p - self._release, p + n + self._attack
        spans = self.speech_spans(lo, hi)
        if spans:
            active = np.zeros(hi - lo, dtype=np.float32)
            for s, e in spans:
                active[max(0, s - lo):max(0, e - lo)] = 1.0
            duck = duck_envelope(active, self.rate, DUCK_DB, DUCK_ATTACK_S, DUCK_RELEASE_S)
            gain = gain * duck[self._release:self._release + n]
        return np.asarray(bed_segment(self.bed, p, n) * gain, dtype=np.float32)
