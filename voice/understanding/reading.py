"""One tolerant reading of a sentence, and the small measures every kind of reading shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from voice.understanding.lexicon import DEVICE_PHRASES, DEVICE_WORDS, FUNCTION_WORDS, Words


@dataclass(frozen=True)
class Reading:
    """One tolerant reading of a sentence."""

    intent: str
    slots: dict[str, Any]
    score: float
    how: str  # "request" (a cue, then a session), "session", "check_in", "keyword", ...


def longest_first(phrase: Words) -> tuple[int, Words]:
    """Longest first, then in word order: the same order in every process (a set's is not)."""
    return -len(phrase), phrase


def unexplained(words: Words, used: set[int], extra: frozenset[str]) -> int:
    """Content words outside ``used`` that are neither function words nor ``extra``."""
    return sum(1 for i, w in enumerate(words)
               if i not in used and w not in FUNCTION_WORDS and w not in extra)


def about_a_device(words: Words, grams: dict[Words, int]) -> bool:
    """The television, the radio or a phone call is named: "skip the ads", "you're breaking
    up"."""
    return any(w in DEVICE_WORDS for w in words) or any(p in grams for p in DEVICE_PHRASES)
