"""The package layout keeps its rules: layers, no import cycles, a docstring per subpackage."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

PACKAGE = REPO / "voice"


def lint_imports() -> list[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency (pip install -e '.[dev]')"
    return [exe]


def test_import_contracts_are_kept() -> None:
    """The layers and acyclic contracts in pyproject.toml (docs/architecture.md)."""
    proc = subprocess.run([*lint_imports(), "--no-cache"], cwd=REPO, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "2 kept, 0 broken" in proc.stdout


def test_a_cycle_or_an_upward_import_breaks_the_contracts(tmp_path: Path) -> None:
    """The checks really bite: a copy of the package with one bad import fails them."""
    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE, copy / "voice", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    backend = copy / "voice" / "ears" / "vosk_backend.py"
    # (A backend importing the module that chooses and loads it: a cycle in voice.ears.)
    backend.write_text(backend.read_text() + "\nfrom voice.ears import choice  # noqa\n")
    clock = copy / "voice" / "engine" / "clock.py"
    clock.write_text(clock.read_text() + "\nfrom voice.assistant import parts  # noqa\n")
    proc = subprocess.run([*lint_imports(), "--no-cache"], cwd=copy, capture_output=True,
                          text=True, env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
    assert proc.returncode != 0
    assert "0 kept, 2 broken" in proc.stdout, proc.stdout[-3000:]
    assert ".vosk_backend -> .choice" in proc.stdout


def test_every_subpackage_says_what_it_owns() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 8, f"{init.relative_to(REPO)} needs a docstring"
        assert init.parent.name in (REPO / "docs" / "architecture.md").read_text(), init
