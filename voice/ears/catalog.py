"""Every speech model Attune can listen with, in one list, for ``attune models``.

Whisper (from PyPI packages), PocketSphinx's built-in US English model and the
Vosk models (registered for download, or found installed), each with its size,
license, whether it is installed, and whether it is the one in use. Cheap: no
model is loaded and nothing is hashed (a checksum already verified is shown).
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from voice import paths
from voice.ears import models
from voice.ears.choice import recognizer_status
from voice.ears.whisper_models import whisper_status


def _folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _whisper_rows(in_use: str) -> list[dict[str, Any]]:
    rows = []
    for row in whisper_status():
        if not row["installed"]:
            state = "not installed"
        elif row["folder"] is None:
            state = "installed (joined into the cache on first use)"
        elif row["verified"]:
            state = "installed, checksum verified"
        else:
            state = "installed (checksum checked on first use)"
        if row["folder"] is not None:
            state += ", int8 copy in the cache" if row["int8"] else ", int8 copy made on first use"
        rows.append({**row, "installed": row["folder"] or row["source"], "state": state,
                     "in_use": in_use == row["name"]})
    return rows


def _pocketsphinx_row(in_use: str) -> dict[str, Any]:
    spec = find_spec("pocketsphinx")
    locations = spec.submodule_search_locations if spec else None
    folder = Path(next(iter(locations))) / "model" / "en-us" if locations else None
    present = folder is not None and folder.is_dir()
    return {
        "name": "pocketsphinx", "kind": "pocketsphinx",
        "size": _folder_size(folder) if folder is not None and present else 0,
        "license": "BSD-2-Clause (CMU Sphinx)",
        "about": "PocketSphinx's built-in US English model: small and quick, least accurate",
        "installed": str(folder) if present else None,
        "state": "built in" if present else "not installed",
        "in_use": in_use == "pocketsphinx", "fix": "" if present else "pip install pocketsphinx",
    }


def _vosk_folders() -> list[Path]:
    found = []
    configured = os.environ.get("ATTUNE_VOSK_MODEL")
    if configured and models.is_vosk_model(Path(configured).expanduser()):
        found.append(Path(configured).expanduser())
    root = paths.models_dir()
    if root.is_dir():
        found += [child for child in sorted(root.iterdir())
                  if child.is_dir() and not child.name.startswith(".")
                  and models.is_vosk_model(child)]
    return found


def _vosk_rows(in_use: str, vosk_model: str | None) -> list[dict[str, Any]]:
    rows, listed = [], set()
    for entry in models.status():
        installed = entry["installed"]
        listed.add(installed)
        rows.append({**entry, "state": "installed" if installed else "not installed",
                     "in_use": in_use == "vosk" and installed is not None
                     and installed == vosk_model,
                     "fix": "" if installed else f"attune models download {entry['name']}"})
    for folder in _vosk_folders():
        if str(folder) in listed:
            continue
        listed.add(str(folder))
        rows.append({"name": folder.name, "kind": "vosk", "size": _folder_size(folder),
                     "license": "see the model's own README", "about": f"Vosk model in {folder}",
                     "installed": str(folder), "state": "installed",
                     "in_use": in_use == "vosk" and str(folder) == vosk_model, "fix": ""})
    return rows


def catalog() -> dict[str, Any]:
    """{"recognizer": what listens and why, "models": every model, the one in use marked}."""
    rec = recognizer_status()
    in_use = rec["recognizer"]
    rows = [*_whisper_rows(in_use), _pocketsphinx_row(in_use),
            *_vosk_rows(in_use, rec["vosk_model"])]
    return {"models_dir": str(paths.models_dir()), "recognizer": rec, "models": rows}
