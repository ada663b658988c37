"""Attune: an offline, voice-driven guided exercise assistant."""

__version__ = "0.1.0"
