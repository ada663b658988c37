"""The two checks every sentence goes through first: crisis language
(:mod:`voice.feelings.crisis`) and the hard moment (:mod:`voice.feelings.distress`).

Their hundreds of patterns are compiled when they are imported, and the crisis model
needs numpy and its weights: about 0.6 s in all, which listening does not need before
the first utterance. So they are imported on first use, and :func:`warm` (run on the
understanding thread as soon as listening begins, see
:func:`voice.ears.choice.load_recognizer`) does that early. A sentence that comes
sooner waits for the import under way, never for a second one.
"""

from __future__ import annotations


def is_crisis(text: str, mode: str | None = None) -> bool:
    """Crisis language in ``text`` (see :func:`voice.feelings.crisis.detect`)."""
    from voice.feelings.crisis import detect

    return detect(text, mode) is not None


def is_distress(text: str) -> bool:
    """The hard moment in ``text`` (see :func:`voice.feelings.distress.detect`)."""
    from voice.feelings.distress import detect

    return detect(text) is not None


def warm() -> None:
    """Import both checks and read one everyday sentence through them, so the crisis
    model's weights are loaded too. (The meaning backstop's sentence encoder loads at the
    first sentence the word model leans on: 0.1-0.2 s, and once per cache about 1 s to take
    it out of its package.)"""
    is_crisis("warming up")
    is_distress("warming up")
