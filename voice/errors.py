"""The one exception family the CLI turns into a calm one-line message.

Anything a user can cause (a bad file, a missing model, no sound card) raises
an :class:`AttuneError` with a message that says what is wrong and what to do.
Anything else is a bug and shows a traceback only with ``--debug``.
"""

from __future__ import annotations

import difflib
from typing import Any


class AttuneError(Exception):
    """An expected failure, explained in one line for the person at the keyboard."""

    exit_code = 1


class SessionNotFound(AttuneError):
    """No session with that id or path."""


class InvalidSession(AttuneError):
    """A session file failed validation; ``problems`` holds every finding."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class MissingDependency(AttuneError):
    """A model, voice, program or library is not installed."""


class DeviceError(AttuneError):
    """An audio device is missing or failed."""


def did_you_mean(word: str, options: Any) -> str:
    """The tail of a message about an unknown name: the closest valid one, or them all."""
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return "; expected one of: " + ", ".join(options)
