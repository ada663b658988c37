"""Settings: built-in defaults, the user's config file, then the environment.

Each value remembers where it came from so ``attune config`` can say why a
setting is what it is. The file is TOML: ``<config>/config.toml``.
"""

from __future__ import annotations

import argparse
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voice import paths
from voice.errors import AttuneError

DEFAULTS_FILE = paths.PACKAGE_DATA / "defaults.toml"
CHOICES = {
    "voice": ("auto", "piper", "system"),
    "recognizer": ("auto", "whisper", "whisper-base", "pocketsphinx", "vosk"),
    "bed": ("session", "rain", "brown-noise", "drone", "none"),
    "intro": ("auto", "full", "short"),
    "breath_tone": ("short", "whole"),
    "sleep_sound": ("fade", "keep"),
}
BED_ALIASES = {"brown": "brown-noise"}  # (the word a person says)
RANGES = {"speaking_rate": (0.5, 2.0), "volume_db": (-18.0, 6.0), "loudness_lufs": (-30.0, -14.0)}
# Numbers only the command line takes, held to a range the same way.
FLAG_RANGES = {"minutes": (0.5, 120.0), "echo": (0.0, 2.0), "seconds": (0.5, 600.0),
               "days": (1.0, 36500.0)}


def bed_choice(text: str) -> str:
    """An argparse ``type`` for ``--bed``: a background sound's name ("brown" for
    "brown-noise"), "session" or "none"."""
    name = BED_ALIASES.get(text.strip().lower(), text.strip().lower())
    if name not in CHOICES["bed"]:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a background sound; choose one of: "
            f"{', '.join(c if c != 'brown-noise' else 'brown' for c in CHOICES['bed'])}")
    return name


def in_range(name: str, whole: bool = False) -> Callable[[str], float]:
    """An argparse ``type`` for a number given on the command line: the range of the
    setting ``name`` (RANGES, as the config file checks it) or of the flag (FLAG_RANGES),
    and a whole number if ``whole``. Out of range is refused, never clamped: ``--volume
    40`` had played 22 dB louder than the loudest setting."""
    lo, hi = RANGES.get(name) or FLAG_RANGES[name]

    def parse(text: str) -> float:
        try:
            value = int(text) if whole else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a {'whole ' if whole else ''}number") from None
        if not lo <= value <= hi:  # (also refuses nan)
            raise argparse.ArgumentTypeError(
                f"must be between {lo:g} and {hi:g} (got {value:g})")
        return value

    parse.__name__ = "number"  # (argparse names the type in its messages)
    return parse


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str


def config_file() -> Path:
    return paths.config_dir() / "config.toml"


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as err:
        raise AttuneError(f"{path}: {err}; fix the file or delete it to use defaults") from None
    except OSError as err:
        raise AttuneError(f"{path}: cannot read ({err.strerror})") from None


def _check(key: str, value: Any, default: Any, where: str) -> Any:
    if type(value) is not type(default) and not (
        isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool)
    ):
        raise AttuneError(
            f"{where}: '{key}' should be {type(default).__name__}, not {value!r}")
    if key in CHOICES and value not in CHOICES[key]:
        raise AttuneError(
            f"{where}: '{key}' is {value!r}; choose one of: {', '.join(CHOICES[key])}")
    if key in RANGES:
        lo, hi = RANGES[key]
        if not lo <= float(value) <= hi:
            raise AttuneError(f"{where}: '{key}' must be between {lo:g} and {hi:g}")
        value = float(value)
    return value


def load_settings(overrides: dict[str, Any] | None = None) -> dict[str, Setting]:
    defaults = _read(DEFAULTS_FILE)
    settings = {k: Setting(v, "default") for k, v in defaults.items()}
    user_path = config_file()
    for key, value in _read(user_path).items():
        if key not in defaults:
            from voice.errors import did_you_mean

            raise AttuneError(f"{user_path}: unknown setting '{key}'{did_you_mean(key, defaults)}")
        settings[key] = Setting(_check(key, value, defaults[key], str(user_path)), str(user_path))
    for key, default in defaults.items():
        env = os.environ.get(f"ATTUNE_{key.upper()}")
        if env is None:
            continue
        parsed: Any = env
        if isinstance(default, bool):
            parsed = env.strip().lower() in ("1", "true", "yes", "on")
        elif isinstance(default, float):
            try:
                parsed = float(env)
            except ValueError:
                raise AttuneError(f"ATTUNE_{key.upper()}={env!r} is not a number") from None
        settings[key] = Setting(_check(key, parsed, default, f"ATTUNE_{key.upper()}"),
                                f"environment (ATTUNE_{key.upper()})")
    for key, given in (overrides or {}).items():
        if given is not None and key in defaults:
            settings[key] = Setting(_check(key, given, defaults[key], f"--{key}"),
                                    "command line")
    return settings


def get(key: str, overrides: dict[str, Any] | None = None) -> Any:
    return load_settings(overrides)[key].value
