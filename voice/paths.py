"""Where Attune keeps things: the built-in library and the user's own files.

User data follows the platform's conventions (platformdirs, app name
``attune``). ``ATTUNE_HOME=<dir>`` puts config, data and cache under one
folder instead, which is what tests and checks use.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "attune"
_PACKAGE_DIR = Path(__file__).resolve().parent
# The package's own data files (intents, feelings, defaults, fitted parameters).
PACKAGE_DATA = _PACKAGE_DIR / "data"


def _builtin(name: str) -> Path:
    # Installed wheel: the data rides inside the package. Source checkout or
    # editable install: it sits at the top of the repository.
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def builtin_scripts_dir() -> Path:
    return _builtin("scripts")


def audio_dir() -> Path:
    return _builtin("audio")


def cues_dir() -> Path:
    return audio_dir() / "cues"


def beds_dir() -> Path:
    return audio_dir() / "beds"


def _home() -> Path | None:
    home = os.environ.get("ATTUNE_HOME")
    return Path(home).expanduser() if home else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP))


def user_scripts_dir() -> Path:
    return config_dir() / "scripts"


def models_dir() -> Path:
    """Speech models: ``models/`` in a source checkout, else the data dir."""
    repo_models = _PACKAGE_DIR.parent / "models"
    if _home() is None and repo_models.is_dir() and not (_PACKAGE_DIR / "_data").is_dir():
        return repo_models
    return data_dir() / "models"


def journal_path() -> Path:
    return data_dir() / "journal.sqlite3"
