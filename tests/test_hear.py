"""``attune hear``, ``attune parse`` and ``attune models list`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import run_attune
from tests.test_asr_audio import clip
from voice.audio.io import read_wav, resample, write_wav
from voice.cli import main

pytest.importorskip("pocketsphinx")


@pytest.fixture(scope="module")
def wavs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hear")
    out = {}
    x, _ = clip("start a body scan")
    out["start"] = folder / "start.wav"
    write_wav(out["start"], resample(x, 16000, 22050), 22050)  # any rate is fine
    y, _ = clip("the weather will be sunny tomorrow afternoon")
    out["ood"] = folder / "ood.wav"
    write_wav(out["ood"], y, 16000)
    # Cut to the first and last sample of speech, as many public recordings are.
    loud = np.flatnonzero(np.abs(x) > 0.02)
    out["tight"] = folder / "tight.wav"
    write_wav(out["tight"], x[loud[0]:loud[-1] + 1], 16000)
    out["empty"] = folder / "empty.wav"
    write_wav(out["empty"], np.zeros(0, np.float32), 16000)
    out["silence"] = folder / "silence.wav"
    write_wav(out["silence"], np.zeros(16000, np.float32), 16000)
    return out


def test_hear_json_lines(wavs: dict[str, Path]) -> None:
    result = run_attune("hear", "--json", "--recognizer", "pocketsphinx", str(wavs["start"]),
                        str(wavs["ood"]), str(wavs["silence"]))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    by_file: dict[str, list[dict[str, object]]] = {}
    for line in lines:
        assert {"file", "text", "intent", "slots", "confidence", "decided_at_s"} <= set(line)
        by_file.setdefault(Path(str(line["file"])).stem, []).append(line)
    start = [h for h in by_file["start"] if h["intent"]]
    assert start and start[0]["intent"] == "start_session"
    assert start[0]["slots"] == {"session": "body-scan"}
    assert 1.0 < float(start[0]["decided_at_s"]) < 3.0  # type: ignore[arg-type]
    assert all(h["intent"] is None for h in by_file["ood"])
    assert by_file["silence"] == [{"file": str(wavs["silence"]), "text": "", "intent": None,
                                   "slots": {}, "confidence": 0.0, "decided_at_s": 1.0,
                                   "reason": "no-speech"}]


def test_hear_a_file_that_starts_and_ends_with_speech(wavs: dict[str, Path]) -> None:
    """A live microphone hears the room first; hear gives each file that second."""
    result = run_attune("hear", "--json", "--recognizer", "pocketsphinx", str(wavs["tight"]))
    assert result.returncode == 0, result.stderr
    heard = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(h["intent"], h["slots"]) for h in heard] == [
        ("start_session", {"session": "body-scan"})]
    samples, rate = read_wav(wavs["tight"])
    # Positions are in the file, not in the room around it.
    assert 0.0 < float(heard[0]["decided_at_s"]) <= len(samples) / rate


def test_hear_in_process_matches_and_reports_plainly(
        wavs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hear", str(wavs["start"])]) == 0
    out = capsys.readouterr().out
    assert "start_session session=body-scan" in out


def test_hear_missing_file_is_one_line() -> None:
    result = run_attune("hear", "no-such.wav")
    assert result.returncode == 1
    assert result.stderr.strip() == "attune: no-such.wav: no such file"


def test_parse_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", "let's", "do", "box", "breathing", "for", "5",
                 "minutes"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["intent"] == "start_session"
    assert data["slots"] == {"session": "box-breathing", "minutes": 5}
    assert main(["parse", "the TV said breathe"]) == 0
    assert capsys.readouterr().out.strip() == "(not understood)"
    assert main(["parse", "--mode", "answer", "anxious"]) == 0
    assert capsys.readouterr().out.strip() == "check_in feeling=anxious"


def test_models_list(capsys: pytest.CaptureFixture[str]) -> None:
    from voice.ears.choice import choose

    in_use = choose(None)[0]  # Whisper when installed here, else PocketSphinx (no Vosk model)
    assert main(["models", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    vosk = next(m for m in data["models"] if m["name"] == "vosk-small-en-us")
    assert vosk["installed"] is None and not vosk["in_use"]
    assert data["recognizer"]["recognizer"] == in_use
    assert main(["models"]) == 0
    assert f"recognizer in use: {in_use}" in capsys.readouterr().out


def test_hear_an_empty_file_says_so_quietly(wavs: dict[str, Path]) -> None:
    result = run_attune("hear", "--recognizer", "pocketsphinx", str(wavs["empty"]))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.strip().endswith('0.00s  (rejected: no-speech)  "" (0.00)')
