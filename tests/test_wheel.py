"""The built wheel, installed for real (not editable), carries the library and sounds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from .conftest import REPO

EXPECTED = {"box-breathing", "calm-sos", "daily-check-in", "bedtime-wind-down"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(dist), str(REPO)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    wheel = next(dist.glob("attune-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    purelib = Path(sysconfig.get_paths(vars={"base": str(env_dir), "platbase": str(env_dir)})[
        "purelib"])
    # The new venv borrows this environment's dependencies as a plain path entry;
    # .pth files there (the editable install of this repo) are not processed.
    deps = sysconfig.get_paths()["purelib"]
    (purelib / "zz_borrowed_deps.pth").write_text(deps + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
         "--no-deps", "--quiet", str(wheel)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    return env_dir


def run_installed(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(env_dir / "bin" / "attune"), *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_installed_wheel_lists_and_validates(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import voice; print(voice.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, check=True)
    assert str(installed) in where.stdout, "the wheel, not the source tree, must be imported"

    listed = run_installed(installed, "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert {row["id"] for row in json.loads(listed.stdout)} >= EXPECTED

    checked = run_installed(installed, "validate", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_wheel_carries_sounds(installed: Path, tmp_path: Path) -> None:
    probe = ("from voice import paths; "
             "print(len(list(paths.cues_dir().glob('*.wav'))), "
             "len(list(paths.beds_dir().glob('*.wav'))), paths.audio_dir())")
    out = subprocess.run([str(installed / "bin" / "python"), "-c", probe], capture_output=True,
                         text=True, cwd=tmp_path, check=True).stdout.split()
    assert int(out[0]) >= 5 and int(out[1]) >= 3
    assert str(installed) in out[2]
