"""Shared fixtures: every test gets its own ATTUNE_HOME so nothing touches real user data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# As the product runs (voice/__init__.py sets it before numpy loads): a test module that
# imports numpy before voice would otherwise give numpy a BLAS with a thread per core, and
# the ears' decoding deadline counts every thread's CPU time.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def attune_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("attune-home")
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    return home


def run_attune(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
               input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "voice.cli", *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})},
        cwd=cwd or REPO, input=input, timeout=300,
    )
