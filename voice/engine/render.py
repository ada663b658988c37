"""A session rendered to a file, at the loudness asked for.

Live playback cannot measure what it has not played yet, so its level is set
piece by piece (phrases at one loudness, cues and beds under them: see
:mod:`voice.engine.mixdown`); a session that is mostly speech lands within
about a decibel of the target that way. A file can do better: it is played
once in virtual time into a loudness meter, and again at the level that makes
its integrated loudness the target (as players and streaming services measure
a file). Both passes are the same deterministic plan, so the second is the
first one moved by a fixed gain (and held under the true-peak ceiling by the
mix's own limiter).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from voice.audio.loudness import LoudnessMeter, integrated_loudness
from voice.audio.mixer import SILENCE_DB
from voice.audio.sinks import Sink
from voice.engine.answers import AnswerSource
from voice.engine.player import Player, Result
from voice.engine.timeline import RATE, Samples
from voice.sessions.model import Ask
from voice.speech.phrase_cache import SPEECH_LUFS

# A file is turned down as far as it takes, but up by at most this much. A session that
# is mostly quiet sound (bedtime: four fifths of it the sleep sound, 16 dB under the
# voice) measures low because of that quiet; lifting it to the target would lift the voice
# far over every other session's and deep into the limiter (+7 dB for bedtime: 7 dB of
# peaks flattened, and the meter still short of -18, the limiting eating the gain).
MAX_BOOST_DB, MAX_CUT_DB = 4.0, 12.0
# What the voice cannot make up, the background sound does: a session that is mostly its
# bed (bedtime's sleep sound) is brought to the target by lifting the bed, at most this
# much, never the voice further (a file is its whole length at one level; its quiet
# stretches are what a player's normaliser would lift anyway, voice and all).
MAX_BED_LIFT_DB = 12.0
LIFT_TOLERANCE_LU = 0.3
# ...but the bed stays this far under the voice, lifted or not (the cues are at least as
# far under it): a sleep sound lifted to the target had been nearly as loud as the voice.
# A session that is mostly its bed then ends up under the target, by the balance.
BED_UNDER_VOICE_LU = 6.0


class MeterSink:
    """A sink that only measures: the first pass of a render."""

    paces = False

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self.meter = LoudnessMeter(rate)

    def open(self) -> None:
        pass

    def write(self, block: Samples) -> None:
        self.meter.add(block)

    def played(self) -> int:
        return self.meter.samples

    def close(self) -> None:
        pass


class RecordingAnswers:
    """The first pass's answers (typed ones too), kept with when each was heard."""

    def __init__(self, inner: AnswerSource) -> None:
        self.inner = inner
        self.heard: list[tuple[str | None, float]] = []

    def listen(self, ask: Ask) -> None:
        self.inner.listen(ask)
        self.heard.append((None, 0.0))

    def poll(self, waited_s: float) -> str | None:
        raw = self.inner.poll(waited_s)
        if raw is not None and raw.strip() and self.heard and self.heard[-1][0] is None:
            self.heard[-1] = (raw, waited_s)
        return raw

    def close(self) -> None:
        self.inner.close()


class ReplayedAnswers:
    """The second pass hears the first one's answers at the same moments: the same plan."""

    def __init__(self, heard: list[tuple[str | None, float]]) -> None:
        self.heard = list(heard)
        self._current: tuple[str | None, float] = (None, 0.0)

    def listen(self, ask: Ask) -> None:
        del ask
        self._current = self.heard.pop(0) if self.heard else (None, 0.0)

    def poll(self, waited_s: float) -> str | None:
        raw, at = self._current
        if raw is not None and waited_s >= at:
            self._current = (None, 0.0)
            return raw
        return None

    def close(self) -> None:
        self._current = (None, 0.0)


Build = Callable[[Sink, float, AnswerSource, float], Player]


def bed_headroom_db(bed: Samples | None, gain: float) -> float:
    """How far a session's bed may be lifted and stay BED_UNDER_VOICE_LU under the voice
    (speech plays at SPEECH_LUFS; both move together with the loudness setting)."""
    if bed is None or gain <= 0.0:
        return 0.0
    bed_lufs = integrated_loudness(np.asarray(bed, dtype=np.float64) * gain, RATE)
    return max(0.0, SPEECH_LUFS - BED_UNDER_VOICE_LU - bed_lufs)


def measure(build: Build, loudness: float, answers: AnswerSource, bed_db: float) -> float:
    """Integrated loudness of one pass (virtual time, nothing kept)."""
    return measured_pass(build, loudness, answers, bed_db)[0]


def measured_pass(build: Build, loudness: float, answers: AnswerSource,
                  bed_db: float) -> tuple[float, Player]:
    """One pass into a loudness meter: its integrated loudness, and the player."""
    meter = MeterSink()
    player = build(meter, loudness, answers, bed_db)
    player.run()
    return meter.meter.integrated(), player


@dataclass
class Level:
    """How a render was brought to its loudness."""

    correction_db: float = 0.0  # the whole file
    bed_db: float = 0.0  # the background sound, on top
    short_lu: float = 0.0  # still under the target by this much: held by the balance

    @property
    def held(self) -> bool:
        """More than a decibel under the target (a file within one is on it)."""
        return self.short_lu > 1.0


def render(build: Build, sink: Sink, loudness: float,
           answers: AnswerSource) -> tuple[Result, Level]:
    """Play the player ``build(sink, loudness, answers, bed_db)`` makes into ``sink``, at the
    level that brings its integrated loudness to ``loudness`` LUFS; returns what played and
    how its level was set. ``build`` is called two to five times (controls
    must be fresh each time); later passes replay the answers the first one heard.

    The whole is moved up to MAX_BOOST_DB; if the file is still short of the target
    (mostly its background sound), the bed is lifted by secant steps between measured
    passes, at most MAX_BED_LIFT_DB and never closer than BED_UNDER_VOICE_LU under the
    voice."""
    recorded = RecordingAnswers(answers)
    measured, first = measured_pass(build, loudness, recorded, 0.0)
    heard = recorded.heard
    headroom = bed_headroom_db(first.mix.bed, first.mix.bed_gain)
    if measured <= SILENCE_DB:
        return build(sink, loudness, ReplayedAnswers(heard), 0.0).run(), Level()
    correction = float(np.clip(loudness - measured, -MAX_CUT_DB, MAX_BOOST_DB))
    bed_db = 0.0
    level = loudness + correction
    # (The correction lifts the bed fully but the voice hardly: it is at the peak ceiling.)
    headroom = max(0.0, headroom - max(0.0, correction))
    base = measure(build, level, ReplayedAnswers(heard), 0.0) if correction > 0 else loudness
    reached = base
    if loudness - base > LIFT_TOLERANCE_LU:  # the voice cannot bring it there (limited)
        # Secant steps on the bed's lift: loudness grows with it, less than one for one.
        low, at_low = 0.0, base
        high = min(MAX_BED_LIFT_DB, headroom, 2.0 * (loudness - base))
        for _ in range(3):
            if abs(at_low - loudness) <= LIFT_TOLERANCE_LU or abs(high - low) < 0.05:
                break
            at_high = measure(build, level, ReplayedAnswers(heard), high)
            if abs(at_high - at_low) < 0.05:
                break
            reached = max(reached, at_high)
            step = low + (high - low) * (loudness - at_low) / (at_high - at_low)
            low, at_low = high, at_high
            high = float(np.clip(step, 0.0, min(MAX_BED_LIFT_DB, headroom)))
        bed_db = low if abs(at_low - loudness) <= LIFT_TOLERANCE_LU else high
        if reached < loudness - LIFT_TOLERANCE_LU and at_low < base:
            bed_db = 0.0  # (lifting a little had only let quiet blocks through the gate)
    result = build(sink, level, ReplayedAnswers(heard), bed_db).run()
    return result, Level(correction, bed_db, max(0.0, loudness - reached))
