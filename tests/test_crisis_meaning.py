"""The backstop that reads meaning: the real sentence encoder reproduces the published model,
the kept network catches ways of saying it that neither the rules nor the word model know,
leaves near misses alone, and everything still works, with a clear word, when the encoder is
not installed or its file is damaged."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from voice.commands.doctor import run_checks
from voice.feelings import crisis_meaning, crisis_model, sentence_encoder
from voice.feelings.crisis import detect

needs_encoder = pytest.mark.skipif(
    sentence_encoder.package_zip() is None,
    reason=f"sentence encoder not installed ({sentence_encoder.INSTALL})")

# Written for this test (in no data file): no rule names these and the word model does not
# reach its threshold; the meaning model does.
MEANING_ONLY = [
    "everyone keeps saying it gets better but i've decided i'm not sticking around to find out",
    "i've decided i'm not sticking around much longer",
    "i don't plan to stick around to see how this ends",
    "i think this world would carry on just fine after i leave it for good",
]
# Near misses and other people's stories the meaning model must leave alone.
NOT_CRISIS = [
    "i'm exhausted after the night shift but i'm safe, i just need to sleep",
    "my grandad died last spring and i still miss him every day",
    "the film ends with the hero jumping off the bridge into the river to escape",
    "i'm so done with this project, i want to throw my laptop out of the window",
    "can we do the body scan again, i fell asleep last time",
]


@needs_encoder
def test_the_encoder_reproduces_the_published_similarities() -> None:
    # sentence-transformers' model card for all-MiniLM-L6-v2, cosine to the first sentence
    encoder = sentence_encoder.shared()
    assert encoder is not None
    first, *others = (encoder.encode(s) for s in (
        "That is a happy person", "That is a happy dog", "That is a very happy person",
        "Today is a sunny day"))
    assert first.shape == (384,) and first.dtype == np.float32
    assert abs(float(np.linalg.norm(first)) - 1.0) < 1e-5
    assert [round(float(first @ other), 4) for other in others] == [0.6946, 0.9429, 0.2569]


def test_the_weights_load_and_are_small() -> None:
    model = crisis_meaning.load()
    assert model.hidden_weights.shape[0] == 384
    assert model.hidden_weights.shape[1] == model.out_weights.shape[0]
    assert 0 < model.threshold < 20
    assert -5 < model.gate < 0  # asked only when the word model already leans that way
    assert crisis_meaning.WEIGHTS.stat().st_size < 200_000


@needs_encoder
@pytest.mark.parametrize("text", MEANING_ONLY)
def test_new_phrasings_are_caught_by_meaning_alone(text: str) -> None:
    assert not crisis_model.says_crisis(text)
    assert crisis_meaning.says_crisis(text)
    match = detect(text)
    assert match is not None and match.kind == "unclear"


@needs_encoder
@pytest.mark.parametrize("text", NOT_CRISIS)
def test_near_misses_are_left_alone(text: str) -> None:
    assert not crisis_meaning.says_crisis(text)
    assert detect(text) is None


def _without_encoder(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    monkeypatch.setattr(sentence_encoder, "PACKAGE", package)
    sentence_encoder.shared.cache_clear()


def test_without_the_encoder_the_rules_stand_and_the_doctor_says_how_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _without_encoder(monkeypatch, "no_such_encoder_package")
    try:
        assert sentence_encoder.shared() is None
        assert not crisis_meaning.available()
        assert not crisis_meaning.says_crisis("i keep picturing the people at my funeral")
        assert detect("i want to kill myself") is not None  # the rules do not need it
        check = next(c for c in run_checks() if c.name == "crisis")
        assert not check.ok and check.fix == sentence_encoder.INSTALL
    finally:
        sentence_encoder.shared.cache_clear()


@needs_encoder
def test_a_damaged_model_is_refused_in_one_clear_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A copy of the package whose weights differ by one byte, found first on the path.
    real = sentence_encoder.package_zip()
    assert real is not None
    copy = tmp_path / "site" / "damaged_encoder"
    copy.mkdir(parents=True)
    (copy / "__init__.py").write_text("", encoding="utf-8")
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(copy / "model.zip", "w") as dst:
        for name in (sentence_encoder.WEIGHTS, sentence_encoder.TOKENIZER):
            data = bytearray(src.read(name))
            if name == sentence_encoder.WEIGHTS:
                data[len(data) // 2] ^= 0xFF
            dst.writestr(name, bytes(data))
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    _without_encoder(monkeypatch, "damaged_encoder")
    try:
        with pytest.raises(sentence_encoder.EncoderMissing) as refused:
            sentence_encoder.model_dir()
        message = str(refused.value)
        assert "\n" not in message and "do not match their published SHA-256" in message
        assert message.endswith(f"({sentence_encoder.INSTALL})")
        assert sentence_encoder.shared() is None  # refused, never loaded
        (copy / "model.zip").write_bytes(b"not a zip")
        with pytest.raises(sentence_encoder.EncoderMissing, match="zip is damaged"):
            sentence_encoder.model_dir()
    finally:
        sentence_encoder.shared.cache_clear()
        shutil.rmtree(copy)
