"""Validation: every broken file gets a path:line:col message, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from voice.sessions.library import load_library, load_paths
from voice.sessions.schema import check_tree, session_from_plain
from voice.sessions.yamlsrc import load_text

from .conftest import REPO, run_attune

BROKEN = REPO / "tests" / "data" / "broken"
CASES = sorted(BROKEN.glob("*.yaml"))

VALID = """\
id: tiny
title: Tiny
category: breathing
summary: A tiny session for tests.
minutes: 1
triggers: [tiny practice]
steps:
  - say: Hello.
"""


def expectation(path: Path) -> tuple[int, int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    m = re.match(r"# expect: (\d+):(\d+): (.+)$", first)
    if not m:  # an empty file cannot carry its own expectation
        return 1, 1, "the file is empty"
    return int(m[1]), int(m[2]), m[3]


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_file_is_reported_at_its_position(path: Path) -> None:
    line, col, text = expectation(path)
    lib = load_paths([path])
    messages = [str(p) for p in lib.problems]
    assert messages, f"{path.name}: no problem reported"
    wanted = [m for m in messages if text in m]
    assert wanted, f"{path.name}: expected {text!r} in {messages}"
    assert any(m.split(": ", 1)[0].endswith(f"{path.name}:{line}:{col}") for m in wanted), (
        f"{path.name}: expected position {line}:{col} in {wanted}")


def test_cli_reports_every_broken_file_in_one_run() -> None:
    result = run_attune("validate", str(BROKEN))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert all(re.match(r"^\S+\.yaml:\d+:\d+: .+", line) for line in lines), lines
    reported = {Path(line.split(":", 1)[0]).name for line in lines}
    assert reported == {p.name for p in CASES}


def test_oversized_file(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(VALID + "# " + "x" * (300 * 1024) + "\n")
    result = run_attune("validate", str(big))
    assert result.returncode == 1
    assert re.search(r"big\.yaml:1:1: file is \d+ KiB; a session file may be at most 256 KiB",
                     result.stdout)


def test_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yaml"
    bad.write_bytes(VALID.encode() + b"  - say: caf\xe9\n")
    result = run_attune("validate", str(bad))
    assert result.returncode == 1
    assert "latin.yaml:9:13: file is not UTF-8" in result.stdout


def test_deep_nesting_is_refused() -> None:
    text = VALID + "  - say: " + "[" * 5000 + "]" * 5000 + "\n"
    loaded = load_text(text, "deep.yaml")
    assert loaded.problems
    assert "nest" in loaded.problems[0].message


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID)
    (tmp_path / "b.yaml").write_text(VALID.replace("tiny practice", "other practice"))
    result = run_attune("validate", str(tmp_path))
    assert result.returncode == 1
    assert re.search(r"b\.yaml:1:5: id 'tiny' is already used by .*a\.yaml", result.stdout)


def test_duplicate_trigger_across_sessions(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID)
    (tmp_path / "b.yaml").write_text(VALID.replace("id: tiny", "id: tiny-two"))
    result = run_attune("validate", str(tmp_path))
    assert result.returncode == 1
    assert "trigger 'tiny practice' also starts 'tiny'" in result.stdout


def test_many_problems_in_one_file_all_reported(tmp_path: Path) -> None:
    bad = tmp_path / "many.yaml"
    bad.write_text(VALID.replace("minutes: 1", "minutes: 0").replace("category: breathing",
                   "category: breathin") + "  - pause: 9999\n  - chime: gongg\n")
    lib = load_paths([bad])
    assert len(lib.problems) == 4, [str(p) for p in lib.problems]


def test_library_validates() -> None:
    result = run_attune("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr


def test_user_session_adds_and_overrides(attune_home: Path) -> None:
    user = attune_home / "config" / "scripts"
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text(VALID)
    override = (REPO / "scripts" / "calm-sos.yaml").read_text().replace(
        "title:", "title: My SOS #", 1)
    (user / "calm-sos.yaml").write_text(override)
    lib = load_library()
    assert not lib.problems, [str(p) for p in lib.problems]
    assert "tiny" in lib.sessions
    assert lib.sessions["calm-sos"].title.startswith("My SOS")
    assert lib.sessions["calm-sos"].source.endswith("config/scripts/calm-sos.yaml")


def test_round_trip_through_dicts() -> None:
    for session in load_library().sessions.values():
        again = session_from_plain(session.to_dict(), session.source)
        assert again.to_dict() == session.to_dict()


def test_yes_no_branch_keys_unquoted_are_accepted() -> None:
    text = VALID + ("  - ask: Go on?\n    expect: yes_no\n    branches:\n"
                    "      yes: [{say: Good.}]\n      no: [{say: Okay.}]\n")
    loaded = load_text(text, "yn.yaml")
    session, problems = check_tree(loaded.root, "yn.yaml")
    assert not problems and session is not None
    ask = session.steps[-1]
    assert set(ask.branches) == {"yes", "no"}  # type: ignore[union-attr]


def test_each_breathing_session_says_once_that_slower_and_faster_exist() -> None:
    from voice.sessions.model import Breathe, Say, walk_steps

    breathing = 0
    for session in load_library().sessions.values():
        steps = list(walk_steps(session.steps))
        if not any(isinstance(step, Breathe) for step in steps):
            continue
        breathing += 1
        said = " ".join(step.text for step in steps if isinstance(step, Say)).lower()
        assert said.count("slower") == 1 and said.count("faster") == 1, session.id
    assert breathing >= 4
