"""The fast path for controls: PocketSphinx proposes, Whisper confirms (real models, real
speech from Piper and espeak-ng)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.test_asr_audio import clip, noisy
from voice.audio.mic import ArrayMic
from voice.ears import spotter_words
from voice.ears.base import Heard
from voice.ears.choice import load_recognizer
from voice.ears.control_spotter import ControlSpotter, confirm
from voice.ears.recognizer import Listener, StreamingRecognizer
from voice.ears.whisper_backend import WhisperBackend

pytest.importorskip("pocketsphinx")


def spot(spotter: ControlSpotter, x: np.ndarray) -> tuple[str, ...]:
    pcm = (np.clip(x, -1, 1) * 32767).astype("<i2").tobytes()
    spotter.begin()
    for i in range(0, len(pcm), 960):  # 30 ms blocks, as the endpointer hands them over
        spotter.feed(pcm[i:i + 960])
    spotter.end()
    return spotter.proposed()


@pytest.mark.parametrize("voice", ["piper", "espeak"])
@pytest.mark.parametrize("word", ["stop", "pause"])
def test_the_spotter_proposes_a_bare_control(word: str, voice: str) -> None:
    x, _ = clip(word, lead_s=0.45, tail_s=0.2, voice=voice)
    assert word in spot(ControlSpotter(), x)


def test_the_spotter_hears_each_utterance_afresh_and_nothing_after_it() -> None:
    spotter = ControlSpotter()
    assert "stop" in spot(spotter, clip("stop", 0.45, 0.2)[0])
    spotter.begin()
    assert spotter.proposed() == ()
    spotter.end()
    # Fed after its utterance ended, PocketSphinx can spin forever: it is not fed.
    spotter.feed(bytes(960))
    assert spotter.proposed() == ()


@pytest.fixture(scope="module")
def recognizer() -> StreamingRecognizer:
    pytest.importorskip("ctranslate2")
    return load_recognizer("whisper")


def hear(rec: StreamingRecognizer, x: np.ndarray, mode: str) -> list[Heard]:
    rec.set_mode(mode)
    return list(Listener(ArrayMic(x, block_samples=480), rec))


@pytest.mark.parametrize(("text", "voice", "mode", "intent"), [
    ("stop", "piper", "session", "stop"),
    ("pause", "piper", "session", "pause"),
    ("stop", "espeak", "idle", "stop"),
    ("pause", "espeak", "speaking", "pause"),
    ("please stop", "piper", "idle", "stop"),
])
def test_a_proposed_control_is_confirmed_at_the_first_pause(
        recognizer: StreamingRecognizer, text: str, voice: str, mode: str, intent: str) -> None:
    x, _ = clip(text, voice=voice)
    got = [h for h in hear(recognizer, x, mode) if h.intent is not None]
    assert [h.intent for h in got] == [intent], [(h.text, h.reason) for h in got]
    assert got[0].features.get("endpoint_early") == 1.0
    assert got[0].features.get("fast_path") == 1.0


def test_a_control_in_pink_noise_is_still_confirmed(recognizer: StreamingRecognizer) -> None:
    x, _ = clip("stop")
    got = [h for h in hear(recognizer, noisy(x, 10), "session") if h.intent is not None]
    assert [h.intent for h in got] == ["stop"]


@pytest.mark.parametrize("text", ["stop by the store later", "pause the game for me honey",
                                  "meet me at the bus stop"])
def test_everyday_talk_with_a_control_word_is_not_a_control(
        recognizer: StreamingRecognizer, text: str) -> None:
    for voice in ("piper", "espeak"):
        x, _ = clip(text, voice=voice)
        events = hear(recognizer, x, "idle")
        assert events
        assert not [h for h in events if h.intent is not None], [
            (h.text, h.intent, h.features.get("fast_path")) for h in events]


def test_whisper_refuses_a_proposal_it_does_not_hear(recognizer: StreamingRecognizer) -> None:
    from voice.ears.whisper_backend import WhisperBackend
    from voice.ears.whisper_phrases import PROMPTS

    backend = recognizer.backend
    assert isinstance(backend, WhisperBackend)
    x, _ = clip("coffee", lead_s=0.45, tail_s=0.15)
    look = confirm(backend.engine, x, ("stop", "pause"), "session", PROMPTS["session"])
    assert look.intent is None
    y, _ = clip("pause", lead_s=0.45, tail_s=0.15)
    look = confirm(backend.engine, y, ("stop", "pause"), "session", PROMPTS["session"])
    assert look.intent == "pause"


def test_the_spotters_words_are_read_once_and_kept(attune_home: Path) -> None:
    words = ["stop", "resume", "repeat"]
    dictionary = spotter_words.dictionary_path()
    lines = spotter_words.read_pronunciations(dictionary, words)
    assert "stop S T AA P\n" in lines and "resume(2)" in lines and "resume(3)" not in lines
    assert spotter_words.pronunciations(words) == lines
    kept = spotter_words.kept_file(dictionary, words)
    assert kept.read_text(encoding="utf-8") == lines
    assert kept.is_relative_to(attune_home)
    kept.write_text("stop S T AA P\n", encoding="utf-8")  # the next start reads the kept lines
    assert spotter_words.pronunciations(words) == "stop S T AA P\n"
    assert spotter_words.kept_file(dictionary, ["stop"]) != kept  # other words: read again


def test_an_unwritable_cache_only_costs_the_reading(attune_home: Path) -> None:
    (attune_home / "cache").write_text("not a folder")
    words = ["pause"]
    assert spotter_words.pronunciations(words) == spotter_words.read_pronunciations(
        spotter_words.dictionary_path(), words)


def test_a_look_measures_a_control_only_against_rivals_whisper_could_have_heard(
        recognizer: StreamingRecognizer) -> None:
    """Whisper's own words set a floor for every scored word, rivals included: a clear
    "stop" that Whisper wrote as other words is confirmed when no other control comes
    near what it wrote (as the full path takes it), and still refused when the end of
    the utterance is unlikely after it."""
    from voice.ears.control_spotter import judge
    from voice.ears.whisper_engine import Transcript
    from voice.ears.whisper_phrases import PROMPTS

    backend = recognizer.backend
    assert isinstance(backend, WhisperBackend)
    engine, prompt = backend.engine, PROMPTS["session"]
    x, _ = clip("stop", lead_s=0.45, tail_s=0.15, voice="espeak")
    encoded = engine.encode(x)
    said = Transcript("Let's talk.", -0.3, 0.01, 4, 1.0)  # far surer than any rival
    look = judge(engine, encoded, said, ("slower",), "session", prompt, ("stop", "slower"))
    assert look.intent == "stop" and look.how == "scored"
    y, _ = clip("stop the car at the corner", lead_s=0.45, tail_s=0.15, voice="espeak")
    look = judge(engine, engine.encode(y), said, ("stop",), "session", prompt, ("stop",))
    assert look.intent is None
