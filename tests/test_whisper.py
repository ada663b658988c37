"""The Whisper ears on spoken test audio: the real model, the real pipeline."""

from __future__ import annotations

import numpy as np
import pytest

from tests.test_asr_audio import clip, noisy
from voice.audio.mic import ArrayMic
from voice.ears.base import Heard
from voice.ears.choice import load_recognizer
from voice.ears.fragments import RecentAudio
from voice.ears.recognizer import Listener, StreamingRecognizer
from voice.ears.whisper_backend import collapse_repeats
from voice.ears.whisper_completions import intensity_completions
from voice.ears.whisper_engine import log_mel

pytest.importorskip("ctranslate2")


@pytest.fixture(scope="module")
def recognizer() -> StreamingRecognizer:
    return load_recognizer("whisper")


def hear(rec: StreamingRecognizer, x: np.ndarray, mode: str = "idle") -> list[Heard]:
    rec.set_mode(mode)
    return list(Listener(ArrayMic(x, block_samples=480), rec))


def accepted(events: list[Heard]) -> list[Heard]:
    return [h for h in events if h.intent is not None]


@pytest.mark.parametrize(("text", "mode", "intent", "slots"), [
    ("pause", "session", "pause", {}),
    ("stop", "speaking", "stop", {}),
    ("start a body scan", "idle", "start_session", {"session": "body-scan"}),
    ("let's do box breathing for five minutes", "idle", "start_session",
     {"session": "box-breathing", "minutes": 5}),
    ("i feel anxious, maybe a six", "idle", "check_in",
     {"feeling": "anxious", "intensity": 6}),
    ("six", "answer", "answer", {"intensity": 6}),
    ("help me wind down for bed", "idle", "start_session",
     {"session": "bedtime-wind-down"}),
    ("i feel overwhelmed maybe an eight", "idle", "check_in",
     {"feeling": "overwhelmed", "intensity": 8}),
])
def test_requests_are_heard(recognizer: StreamingRecognizer, text: str, mode: str,
                            intent: str, slots: dict[str, object]) -> None:
    x, speech_end = clip(text)
    got = accepted(hear(recognizer, x, mode))
    assert got, f"{text!r} was not accepted: {hear(recognizer, x, mode)}"
    assert (got[0].intent, got[0].slots) == (intent, slots)
    assert got[0].start_s < speech_end <= got[0].decided_at_s
    assert got[0].recognizer == "whisper"


def test_a_bare_control_is_decided_before_the_full_pause(recognizer: StreamingRecognizer
                                                         ) -> None:
    x, _ = clip("stop")
    got = accepted(hear(recognizer, x, "session"))
    assert got and got[0].intent == "stop"
    assert got[0].features.get("endpoint_early") == 1.0  # the quick look decided it


@pytest.mark.parametrize("text", [
    "the weather will be sunny tomorrow afternoon",
    "scientists have discovered a new species of frog",
    "don't forget to buy milk on the way home",
])
def test_background_talk_is_rejected(recognizer: StreamingRecognizer, text: str) -> None:
    x, _ = clip(text)
    events = hear(recognizer, x)
    assert events, "the endpointer should still find the utterance"
    assert not accepted(events), [(h.text, h.intent, h.confidence) for h in events]


def test_silence_and_noise_alone_give_nothing(recognizer: StreamingRecognizer) -> None:
    for mode in ("idle", "answer", "session"):
        assert not accepted(hear(recognizer, np.zeros(16000 * 2, np.float32), mode))
        assert not accepted(hear(recognizer, noisy(np.full(16000 * 3, 1e-4, np.float32), -30),
                                 mode))


def test_features_match_whispers_own() -> None:
    fw = pytest.importorskip("faster_whisper.feature_extractor")
    x, _ = clip("start a body scan")
    ours = log_mel(x, 80, 1000)
    theirs = fw.FeatureExtractor(80)(np.pad(x, (0, 160000 - x.size)), padding=0)[:, :1000]
    assert ours.shape == (80, 1000)
    assert np.max(np.abs(ours - theirs)) < 1e-3


def test_decoder_loops_are_said_once() -> None:
    assert collapse_repeats("Repeat that. Repeat that. Repeat that.") == "Repeat that."
    assert collapse_repeats("able to able to able to") == "able to"
    assert collapse_repeats("Let's do some box breathing.") == "Let's do some box breathing."


def test_on_its_own_thread_it_decides_the_same(recognizer: StreamingRecognizer) -> None:
    from voice.ears.background import BackgroundRecognizer

    x, _ = clip("let's do box breathing for five minutes")
    x = np.concatenate([x, clip("pause")[0]])
    recognizer.set_mode("idle")
    here = [h.to_dict() for h in Listener(ArrayMic(x, block_samples=480), recognizer)]
    behind = BackgroundRecognizer(recognizer)
    try:
        there = [h.to_dict() for h in Listener(ArrayMic(x, block_samples=480), behind)]
    finally:
        behind.close()
    assert [h["intent"] for h in here] == ["start_session", "pause"]
    # (the room's dither runs on between streams, so confidences differ a little)
    keys = ("text", "intent", "slots", "decided_at_s", "start_s", "end_s")
    assert [[h[k] for k in keys] for h in there] == [[h[k] for k in keys] for h in here]


def test_a_loop_keeps_its_first_sentence() -> None:
    looped = "Start box breathing. Start box breathing. Start. Start. Start. Start"
    assert collapse_repeats(looped) == "Start box breathing."
    assert collapse_repeats("Stop. I said stop.") == "Stop. I said stop."


def test_a_misheard_number_is_tried_as_each_number() -> None:
    tried = intensity_completions("I feel overwhelmed maybe I hate.", "idle")
    assert "i feel overwhelmed maybe an eight" in tried and len(tried) == 11
    assert intensity_completions("I feel anxious, maybe a six.", "idle") == []  # heard
    assert intensity_completions("Start a body scan, maybe.", "idle") == []  # no check-in



def _spoken(text: str) -> np.ndarray:
    """``clip(text)``'s speech without its silence around it."""
    x, _ = clip(text)
    loud = np.flatnonzero(np.abs(x) > 0.02)
    return x[max(0, loud[0] - 800):loud[-1] + 800]


def test_a_request_cut_in_two_is_heard_as_one(recognizer: StreamingRecognizer) -> None:
    # A 0.6 s pause inside "start a body scan": the endpointer ends the utterance after
    # "start a body" (nothing alone); "scan" alone is nothing either; both together are.
    pause = np.zeros(int(16000 * 0.6), np.float32)
    x = np.concatenate([np.zeros(8000, np.float32), _spoken("start a body"), pause,
                        _spoken("scan"), np.zeros(24000, np.float32)])
    events = hear(recognizer, x, "idle")
    assert events[0].intent is None
    got = accepted(events)
    assert [(h.intent, h.slots) for h in got] == [("start_session", {"session": "body-scan"})]
    assert got[0].features.get("joined") == 1.0 and got[0].start_s < events[0].end_s


def test_recent_audio_is_addressed_by_stream_sample() -> None:
    recent = RecentAudio(rate=10, keep_s=1.0)  # keeps 10 samples
    recent.add(np.arange(6, dtype="<i2").tobytes())
    recent.add(np.arange(6, 12, dtype="<i2").tobytes())
    assert np.frombuffer(recent.between(3, 8), "<i2").tolist() == [3, 4, 5, 6, 7]
    assert np.frombuffer(recent.between(0, 4), "<i2").tolist() == [2, 3]  # 0, 1 are gone
    assert recent.between(9, 5) == b""
