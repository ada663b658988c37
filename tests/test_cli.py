"""The command line as a user meets it: help everywhere, calm one-line errors."""

from __future__ import annotations

import argparse
import json

import pytest

from voice import __version__
from voice.cli import build_parser

from .conftest import run_attune

LIBRARY_IDS = {
    "box-breathing", "extended-exhale", "body-scan", "grounding-54321", "self-soothing",
    "self-compassion", "daily-check-in", "bedtime-wind-down", "emotion-naming", "calm-sos",
}


def all_commands() -> list[list[str]]:
    """Every command and subcommand path, found from the parser itself."""
    found: list[list[str]] = []

    def visit(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.append([*prefix, name])
                    visit(child, [*prefix, name])

    visit(build_parser(), [])
    return found


def test_there_are_commands() -> None:
    names = {c[0] for c in all_commands()}
    assert {"list", "show", "validate"} <= names


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: " ".join(c))
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: attune " + " ".join(command))
    # a real description, not just the usage line
    assert len(out.splitlines()) > 3


def test_version() -> None:
    result = run_attune("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"attune {__version__}"


def test_list_json_has_the_library() -> None:
    result = run_attune("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["id"] for row in rows} >= LIBRARY_IDS
    for row in rows:
        assert set(row) >= {"id", "title", "category", "minutes", "triggers"}
        assert len(row["triggers"]) >= 2


def test_list_table() -> None:
    result = run_attune("list")
    assert result.returncode == 0
    assert "box-breathing" in result.stdout


def test_show_describes_steps_in_plain_words() -> None:
    result = run_attune("show", "box-breathing")
    assert result.returncode == 0, result.stderr
    assert "breathe in 4 s, hold 4 s, out 4 s, hold 4 s" in result.stdout
    assert "Steps:" in result.stdout


def test_unknown_session_is_one_calm_line() -> None:
    result = run_attune("show", "box-breathin")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "attune: no session called 'box-breathin'; did you mean 'box-breathing'? "
        "(see 'attune list')")
    assert "Traceback" not in result.stderr


def test_show_a_broken_file_names_the_problem(tmp_path: pytest.TempPathFactory) -> None:
    bad = tmp_path / "bad.yaml"  # type: ignore[operator]
    bad.write_text("id: bad\ntitle: [oops\n")
    result = run_attune("show", str(bad))
    assert result.returncode == 1
    assert "bad.yaml:2:" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_command_prints_help() -> None:
    result = run_attune()
    assert result.returncode == 0
    assert "usage: attune" in result.stdout


def test_a_bad_flag_is_one_line_not_a_usage_block() -> None:
    result = run_attune("render", "box-breathing", "--loudness", "0", "-o", "x.wav")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "attune render: argument --loudness: must be between -30 and -14 (got 0)"]
