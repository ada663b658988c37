"""What a start leaves for later: the ears are ready to listen before the safety checks
(crisis patterns, crisis model, the hard moment) are imported, and those are warmed on the
understanding thread as soon as they are (voice.ears.understanding_ahead)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import REPO


def run_python(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


SAFETY = ("voice.feelings.crisis", "voice.feelings.crisis_model", "voice.feelings.distress")


def test_the_ears_import_without_the_safety_checks() -> None:
    out = run_python("import sys\n"
                     "import voice.ears.recognizer, voice.ears.whisper_backend\n"
                     f"print([m for m in {SAFETY!r} if m in sys.modules])")
    assert out == "[]"


def test_listening_warms_the_safety_checks_and_every_mode() -> None:
    pytest.importorskip("ctranslate2")
    out = run_python(
        "import sys, threading\n"
        "from voice.ears.choice import load_recognizer\n"
        "r = load_recognizer('whisper')\n"
        "for t in threading.enumerate():\n"
        "    if t.name == 'attune-understanding':\n"
        "        t.join()\n"
        "from voice.feelings import crisis_model\n"
        "from voice.understanding.understand import for_mode\n"
        f"print([m for m in {SAFETY!r} if m in sys.modules],\n"
        "      crisis_model.load.cache_info().currsize, for_mode.cache_info().currsize)")
    assert out == f"{list(SAFETY)!r} 1 5"
