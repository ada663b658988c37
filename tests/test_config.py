"""Settings come from defaults, the config file and the environment, each named."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.config import load_settings
from voice.errors import AttuneError

from .conftest import run_attune


def write_config(home: Path, text: str) -> Path:
    path = home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_defaults_have_sources() -> None:
    settings = load_settings()
    assert settings["voice"].value == "auto"
    assert settings["recognizer"].source == "default"


def test_file_then_environment(attune_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_config(attune_home, 'voice = "system"\nvolume_db = -3\n')
    monkeypatch.setenv("ATTUNE_REGION", "UK")
    settings = load_settings()
    assert settings["voice"].value == "system" and settings["voice"].source == str(path)
    assert settings["volume_db"].value == -3.0
    assert settings["region"].value == "UK" and "ATTUNE_REGION" in settings["region"].source


@pytest.mark.parametrize("text, message", [
    ('voice = "pipr"\n', "'voice' is 'pipr'; choose one of: auto, piper, system"),
    ('voise = "piper"\n', "unknown setting 'voise'; did you mean 'voice'?"),
    ("volume_db = 40\n", "'volume_db' must be between -18 and 6"),
    ("transcripts = 1\n", "'transcripts' should be bool"),
    ("voice = \n", "config.toml"),
])
def test_bad_config_is_one_clear_line(attune_home: Path, text: str, message: str) -> None:
    write_config(attune_home, text)
    with pytest.raises(AttuneError) as info:
        load_settings()
    assert message in str(info.value)
    result = run_attune("config")
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_config_command_shows_sources() -> None:
    result = run_attune("config")
    assert result.returncode == 0
    assert "recognizer" in result.stdout and "(default)" in result.stdout


def test_doctor_names_a_fix_for_every_problem() -> None:
    import json

    result = run_attune("doctor", "--json")
    checks = json.loads(result.stdout)
    names = {c["name"] for c in checks}
    assert {"audio input", "audio output", "recognizer", "voices", "journal"} <= names
    for check in checks:
        assert check["ok"] or check["fix"], check
    assert result.returncode == (0 if all(c["ok"] for c in checks) else 1)
    assert "Traceback" not in result.stderr


def test_doctor_says_which_crisis_line_will_be_given(monkeypatch: pytest.MonkeyPatch) -> None:
    from voice.commands.doctor import run_checks

    monkeypatch.setenv("ATTUNE_REGION", "GB")
    line = next(c for c in run_checks() if c.name == "crisis line")
    assert line.ok and "Samaritans" in line.found and "116 123" in line.found
    monkeypatch.setenv("ATTUNE_REGION", "")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    line = next(c for c in run_checks() if c.name == "crisis line")
    assert not line.ok and "findahelpline" in line.found and "ATTUNE_REGION" in line.fix


@pytest.mark.parametrize(("args", "message"), [
    (["run", "box-breathing", "--volume", "40"],
     "argument --volume: must be between -18 and 6 (got 40)"),
    (["run", "box-breathing", "--volume", "nan"],
     "argument --volume: must be between -18 and 6 (got nan)"),
    (["render", "box-breathing", "-o", "x.wav", "--minutes", "0.1"],
     "argument --minutes: must be between 0.5 and 120 (got 0.1)"),
    (["say", "hello", "--rate", "5"], "argument --rate: must be between 0.5 and 2 (got 5)"),
    (["listen", "--echo", "9"], "argument --echo: must be between 0 and 2 (got 9)"),
    (["sounds", "--play", "rain", "--seconds", "-1"],
     "argument --seconds: must be between 0.5 and 600 (got -1)"),
    (["history", "--days", "2.5"], "argument --days: '2.5' is not a whole number"),
])
def test_numbers_out_of_range_are_refused_everywhere(args: list[str], message: str) -> None:
    """The config file's rule holds on the command line: refused with the range, never
    clamped or played (``--volume 40`` had played 22 dB over the loudest setting)."""
    result = run_attune(*args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].endswith(message), result.stderr
    assert "Traceback" not in result.stderr


def test_the_player_refuses_a_volume_out_of_range() -> None:
    from voice.engine.player import Player
    from voice.sessions.library import find_session

    with pytest.raises(AttuneError, match="volume must be between -18 and 6 dB"):
        Player(find_session("box-breathing"), None, None, volume_db=40.0)  # type: ignore[arg-type]
