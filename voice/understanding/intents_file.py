"""intents.yaml: where it is, and its contents read once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from voice import paths

DATA_FILE = paths.PACKAGE_DATA / "intents.yaml"


# PyYAML's C parser where it was built with libyaml (a safe loader either way): the
# pure-Python one took most of the matcher's start-up.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)


@functools.cache
def intents_data() -> dict[str, Any]:
    """intents.yaml, read once."""
    data: dict[str, Any] = read_yaml(DATA_FILE)
    return data

