"""Helpers for the engine tests: real voice, real mixer, real cues; no mocks."""

from __future__ import annotations

import itertools
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio.sinks import NullSink
from voice.engine.answers import NoAnswers, ScriptedAnswers
from voice.engine.controls import Controls, parse_controls
from voice.engine.lines import Speech
from voice.engine.player import Player, Result
from voice.engine.timeline import RATE, Played
from voice.sessions.library import find_session
from voice.sessions.model import Session
from voice.speech.phrase_cache import PhraseRenderer
from voice.speech.tts import load_tts

CACHE = Path(tempfile.mkdtemp(prefix="attune-test-phrases-"))  # shared by this test run


@cache
def speech(engine: str = "system") -> Speech:
    """One renderer per engine for the whole test run (its cache survives between runs)."""
    return Speech(PhraseRenderer(load_tts(engine), cache_dir=CACHE / engine))


def run(session: Session | str, controls: str = "", answers: str | None = None,
        minutes: float | None = None, keep: bool = True, engine: str = "system",
        **kw: Any) -> tuple[Player, Result, np.ndarray]:
    s = find_session(session) if isinstance(session, str) else session
    sink = NullSink(keep=keep)
    player = Player(s, speech(engine), sink, minutes=minutes,
                    controls=Controls(parse_controls(controls)),
                    answers=ScriptedAnswers.parse(answers) if answers else NoAnswers(), **kw)
    result = player.run()
    return player, result, sink.audio()


def cues(result: Result, phase: str | None = None) -> list[Played]:
    return [p for p in result.played if p.kind == "cue" and (phase is None or p.phase == phase)]


def speech_overlaps(result: Result) -> list[tuple[Played, Played]]:
    spoken = sorted((p for p in result.played if p.kind == "speech" and p.end > p.start),
                    key=lambda p: p.start)
    return [(a, b) for a, b in itertools.pairwise(spoken) if b.start < a.end]


def events(result: Result, name: str) -> list[dict[str, Any]]:
    return [e for e in result.events if e["event"] == name]


def rms_db(x: np.ndarray) -> float:
    if x.size == 0:
        return -120.0
    return float(20 * np.log10(max(1e-6, np.sqrt(np.mean(np.square(x, dtype=np.float64))))))


def s(seconds: float) -> int:
    return round(seconds * RATE)


def first_change(a: np.ndarray, b: np.ndarray, start: int, tol: float = 1e-4) -> int | None:
    """The first sample at or after ``start`` where two renders differ."""
    n = min(a.size, b.size)
    diff = np.nonzero(np.abs(a[start:n] - b[start:n]) > tol)[0]
    if diff.size:
        return start + int(diff[0])
    return n if a.size != b.size else None
