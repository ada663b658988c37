"""Subcommands for the journal (being built)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Adds no commands yet."""
