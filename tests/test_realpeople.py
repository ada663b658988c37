"""The real-people set is labelled right and kept apart: every answer types to exactly
its intent and slots in answer mode, nothing out-of-domain parses, each person sits in
one half only, the licenses stand beside the labels, and (once built) every recording
is 16 kHz mono."""

from __future__ import annotations

import sys
import wave
from pathlib import Path

import pytest

from voice.understanding.understand import understand

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import evalset
from build_realpeople import COMMITS

LABELS = evalset.real_people_labels()
AUDIO = evalset.REAL_PEOPLE / "audio"


def test_labels_and_licenses_stand_together() -> None:
    readme = (evalset.REAL_PEOPLE / "README.md").read_text()
    assert len(LABELS) > 100
    for source in {row["source"] for row, _ in LABELS}:
        assert COMMITS[source] in readme  # each source repository, at its commit
    assert "CC BY 4.0" in readme and "CC BY-SA 4.0" in readme


@pytest.mark.parametrize(("row", "phrase"), LABELS, ids=[row["file"] for row, _ in LABELS])
def test_label_means_its_intent_in_answer_mode(row: dict[str, str],
                                               phrase: evalset.Phrase) -> None:
    got = understand(phrase.text, "answer")
    if phrase.intent is None:
        assert got is None, f"{row['file']}: '{phrase.text}' parses as {got}"
    else:
        assert got is not None and (got.name, dict(got.slots)) == (phrase.intent, phrase.slots)


def test_each_person_is_in_one_half_and_the_hang_speaker_is_not_there() -> None:
    halves: dict[str, set[str]] = {}
    for row, _ in LABELS:
        halves.setdefault(row["speaker"], set()).add(row["split"])
    assert all(len(h) == 1 for h in halves.values())
    assert {s for h in halves.values() for s in h} == {"fit", "eval"}
    assert not any("439c84f4" in speaker for speaker in halves)


@pytest.mark.skipif(not AUDIO.is_dir(), reason="audio not built: bench/build_realpeople.py")
def test_every_recording_is_16k_mono_and_clips_are_padded() -> None:
    for row, _ in LABELS:
        with wave.open(str(AUDIO / row["file"])) as w:
            assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
            assert w.getnframes() > 1600, row["file"]
    clip = next(evalset.real_people_clips("eval"))
    assert clip.mode == "answer" and clip.speech_start_s == 0.5
    assert abs(len(clip.audio) / 16000 - clip.speech_end_s - 1.0) < 1e-3
