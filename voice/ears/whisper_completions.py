"""Whisper's text, tidied: a decoder loop said once, and check-in number completions.

The template sentences nearest a transcript rarely share its feeling and its number,
so a check-in that Whisper got nearly right ("I feel overwhelmed, maybe I hate.") is
completed in its own words with each number; scoring them against the audio decides.

(The same for a misheard feeling word, with the feeling words most like it in spelling
and sound, was tried and dropped: on the fit split the right word was rarely among
them, and "kind of woman" was accepted as "warm" at 10 and 5 dB.)
"""

from __future__ import annotations

import re

from voice.understanding.understand import understand

NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
           "ten"]
_NUMBER_WORDS = frozenset(NUMBERS)
HEDGES = frozenset({"maybe", "about", "around", "like", "probably", "perhaps", "roughly"})


def plain(text: str) -> str:
    """Lower case words without punctuation: how candidates and transcripts are compared."""
    return " ".join("".join(c if c.isalnum() or c in " '" else " " for c in text.lower()).split())


def has_number(text: str) -> bool:
    """Whether ``text`` says a number from zero to ten."""
    return any(word in _NUMBER_WORDS for word in plain(text).split())


def intensity_completions(text: str, mode: str) -> list[str]:
    """A check-in whose number was misheard ("I feel overwhelmed, maybe I hate."): the
    transcript up to its hedge word, then each number from zero to ten."""
    read = understand(text, mode)
    if read is None or read.name != "check_in" or "intensity" in read.slots:
        return []
    words = plain(text).split()
    hedge = max((i for i, w in enumerate(words) if w in HEDGES), default=-1)
    if hedge < 1 or hedge == len(words) - 1:
        return []
    prefix = " ".join(words[:hedge + 1])
    return [f"{prefix} {'an' if n in ('eight', 'eleven') else 'a'} {n}" for n in NUMBERS]


def collapse_repeats(text: str) -> str:
    """A decoder loop said once: "Start box breathing. Start box breathing. Start. Start."
    keeps its first sentence, "be able to be able to be able to" its first round.

    Sentences are kept up to the first that says again (all or the start of) one
    before it: people do not repeat themselves word for word in one breath.
    """
    parts = [p.strip() for p in re.split(r"(?<=[.?!])\s+", text.strip()) if p.strip()]
    kept: list[str] = []
    for part in parts:
        said = plain(part)
        if said and any(plain(k) == said or plain(k).startswith(said + " ") for k in kept):
            break
        kept.append(part)
    text = " ".join(kept)
    words = text.split()
    for n in range(1, len(words) // 3 + 1):  # "be able to be able to be able to ..."
        unit = [plain(w) for w in words[:n]]
        if all(plain(w) == unit[i % n] for i, w in enumerate(words)) and len(words) >= 3 * n:
            return " ".join(words[:n])
    return text
