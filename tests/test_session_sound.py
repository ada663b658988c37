"""Issue 18's sound for daily use: cue levels, whole-phase tones, the kept sleep sound,
the extended exhale's two rhythms. Real voice, real mixer, real cues."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from voice.audio import sounds
from voice.audio.loudness import integrated_loudness
from voice.audio.mixer import gain_to_db
from voice.engine.breaths import CUE_GAIN_DB
from voice.engine.controls import Controls, parse_controls
from voice.engine.player import Player
from voice.engine.scheduler import RunState, Scheduler
from voice.engine.timeline import RATE
from voice.sessions.library import find_session, load_library
from voice.sessions.model import Breathe, with_breath_tone
from voice.speech.phrase_cache import SPEECH_LUFS

from .enginekit import events, run, s, speech


def test_every_cue_sits_at_least_6_lu_under_the_voice() -> None:
    for name in sounds.cue_names():
        level = integrated_loudness(sounds.load_cue(name), RATE) + CUE_GAIN_DB[name]
        assert level <= SPEECH_LUFS - 6.0, name
    for tone, phase in (("rising-tone", "inhale"), ("falling-tone", "exhale")):
        level = integrated_loudness(sounds.phase_tone(phase, s(4)), RATE) + CUE_GAIN_DB[tone]
        assert level <= SPEECH_LUFS - 6.0, tone


def test_whole_phase_tones_last_the_phase_and_glide_the_right_way() -> None:
    b = Breathe(inhale=4, exhale=6, cycles=1, count_aloud=1, tone="whole")
    seg = Scheduler(find_session("box-breathing"), speech(), RunState()).cycle(b, 0)
    tones = [c for c in seg.clips if c.kind == "cue"]
    assert [(c.sound, c.offset, c.length) for c in tones] == [
        ("rising-tone", 0, s(4)), ("falling-tone", s(4), s(6))]

    def pitch(x: np.ndarray) -> float:
        spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
        return float(np.argmax(spectrum) * RATE / x.size)

    rising = tones[0].audio
    assert rising is not None
    assert pitch(rising[s(0.4):s(1.0)]) < pitch(rising[s(3.0):s(3.6)])
    words = [c for c in seg.clips if c.kind == "speech"]
    assert words and min(c.offset for c in words) >= s(0.5)  # after the tone swells in
    whole = with_breath_tone(find_session("box-breathing"), "whole")
    assert all(st.tone == "whole" for st in whole.steps if isinstance(st, Breathe))


def test_the_sleep_sound_plays_on_until_stop_when_kept() -> None:
    bedtime = find_session("bedtime-wind-down")
    short = replace(bedtime, steps=bedtime.steps[-3:])  # "Goodnight." and the quiet after
    _, faded, _ = run(short)
    _, kept, audio = run(short, sleep_sound="keep", sleep_keep_s=60.0)
    assert kept.end - faded.end == s(60.0)
    (sleep,) = events(kept, "sleep_sound")
    at = s(sleep["t"])
    bed_level = gain_to_db(float(np.sqrt(np.mean(np.square(audio[at + s(20):at + s(50)])))))
    assert bed_level > -45  # the bed, not the room tone
    assert kept.completed
    # Live (no end of its own), "stop" ends it quietly, and the session counts as finished.
    from voice.audio.sinks import NullSink
    from voice.engine.answers import NoAnswers
    from voice.engine.clock import VirtualClock

    class Live(VirtualClock):  # played live (nobody waits here, though)
        virtual = False

    end = faded.end / RATE
    live = Player(short, speech(), NullSink(), clock=Live(), answers=NoAnswers(),
                  controls=Controls(parse_controls(f"{end + 120}:stop")), sleep_sound="keep")
    result = live.run()
    assert result.completed and end + 120 < result.end / RATE < end + 124
    assert not [p for p in result.played if p.kind == "speech" and p.start > s(end + 119)]


def test_extended_exhale_is_four_six_with_four_eight_as_the_longer_option() -> None:
    library = load_library()
    steps = {sid: next(st for st in library.get(sid).steps if isinstance(st, Breathe))
             for sid in ("extended-exhale", "extended-exhale-longer")}
    rhythms = {sid: (b.inhale, b.exhale) for sid, b in steps.items()}
    assert rhythms == {"extended-exhale": (4, 6), "extended-exhale-longer": (4, 8)}
    assert "longer out breath" in library.get("extended-exhale-longer").triggers
    assert "six" in library.get("extended-exhale").summary
