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

import numpy as np

from voice.audio.loudness import LoudnessMeter
from voice.audio.mixer import SILENCE_DB
from voice.audio.sinks import Sink
from voice.engine.answers import AnswerSource
from voice.engine.player import Player, Result
from voice.engine.timeline import RATE, Samples
from voice.sessions.model import Ask

# A file is turned down as far as it takes, but up by at most this much. A session that
# is mostly quiet sound (bedtime: four fifths of it the sleep sound, 16 dB under the
# voice) measures low because of that quiet; lifting it to the target would lift the voice
# far over every other session's and deep into the limiter (+7 dB for bedtime: 7 dB of
# peaks flattened, and the meter still short of -18, the limiting eating the gain).
MAX_BOOST_DB, MAX_CUT_DB = 4.0, 12.0


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


def render(build: Callable[[Sink, float, AnswerSource], Player], sink: Sink,
           loudness: float, answers: AnswerSource) -> tuple[Result, float]:
    """Play the player ``build(sink, loudness, answers)`` makes into ``sink``, at the level
    that brings its integrated loudness to ``loudness`` LUFS; returns what played and the
    correction made (dB). ``build`` is called twice (controls must be fresh each time);
    the second pass replays the answers the first one heard."""
    meter = MeterSink()
    recorded = RecordingAnswers(answers)
    build(meter, loudness, recorded).run()
    measured = meter.meter.integrated()
    correction = 0.0 if measured <= SILENCE_DB else float(
        np.clip(loudness - measured, -MAX_CUT_DB, MAX_BOOST_DB))
    return build(sink, loudness + correction, ReplayedAnswers(recorded.heard)).run(), correction
