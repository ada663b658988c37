"""The words of a sentence as the matchers read them: lowercase, numbers spelled out,
shorthand expanded ("wanna" -> "want to", the ``shorthand`` of intents.yaml)."""

from __future__ import annotations

import functools
import re

from voice.understanding.grammar import number_words
from voice.understanding.intents_file import intents_data

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "-": " ", "_": " "})
_NUMBER = re.compile(r"\d+")
_OUT_OF = re.compile(r"(\d+)\s*/\s*(\d+)")
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")


def normalize(text: str) -> list[str]:
    """Lowercase words with apostrophes kept, digits and shorthand spelled out
    ("5" -> "five", "wanna" -> "want to", "do not" -> "don't")."""
    s = _OUT_OF.sub(r" \1 out of \2 ", text.lower().translate(_APOSTROPHES))
    s = _NUMBER.sub(lambda m: f" {_spell(m.group())} ", s)
    s = _NOT_WORD.sub(" ", s)
    out: list[str] = []
    table = _shorthand()
    for raw in s.split():
        word = raw.strip("'")
        if not word:
            continue
        if word == "not" and out and out[-1] in _JOIN_NOT:
            out[-1] = _JOIN_NOT[out[-1]]
            continue
        out.extend(table.get(word, (word,)))
    return out


_JOIN_NOT = {"do": "don't", "can": "can't", "will": "won't", "does": "doesn't", "did": "didn't",
             "is": "isn't", "are": "aren't", "was": "wasn't", "would": "wouldn't"}

@functools.cache
def _shorthand() -> dict[str, tuple[str, ...]]:
    data = intents_data()
    return {str(k): tuple(str(v).split()) for k, v in (data.get("shorthand") or {}).items()}


def _spell(digits: str) -> str:
    """Numbers as words; a long run of digits one by one ("54321" -> "five four three two one")."""
    n = int(digits)
    return number_words(n) if n < 100 else " ".join(number_words(int(d)) for d in digits)

