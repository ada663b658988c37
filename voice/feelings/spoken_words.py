"""The words of what was said, as the feeling rules read them, and whether a "not" governs a
phrase.

Typed shorthand becomes the words a speaker would say ("dont" -> "don't", "idk" -> "i don't
know"), and sentence punctuation is kept as tokens of its own, so one reading serves speech
and typing alike. Used by the vocabulary, crisis and distress rules.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[a-z0-9']+|[.!?;,]")
# Typed shorthand becomes the words a speaker would say, so one table serves both.
_SHORTHAND: dict[str, tuple[str, ...]] = {
    "dont": ("don't",), "cant": ("can't",), "cannot": ("can't",), "wont": ("won't",),
    "im": ("i'm",), "ive": ("i've",), "isnt": ("isn't",), "didnt": ("didn't",),
    "doesnt": ("doesn't",), "wasnt": ("wasn't",), "wouldnt": ("wouldn't",),
    "couldnt": ("couldn't",), "arent": ("aren't",), "idk": ("i", "don't", "know"),
    "dunno": ("don't", "know"), "wanna": ("want", "to"), "gonna": ("going", "to"),
    "kinda": ("kind", "of"), "sorta": ("sort", "of"), "ok": ("okay",),
}
_JOIN_NOT = {"do": "don't", "can": "can't", "will": "won't", "does": "doesn't",
             "did": "didn't", "is": "isn't", "are": "aren't", "was": "wasn't",
             "would": "wouldn't", "could": "couldn't"}
NEGATORS = frozenset({"not", "never", "no", "don't", "doesn't", "didn't", "isn't", "aren't",
                      "wasn't", "weren't", "ain't", "won't", "wouldn't", "nor"})
# Words that may sit between a negator and a feeling: "not really that anxious".
# Pronouns are deliberately absent: "no, I'm anxious" starts a new clause.
_NEGATION_GAP = frozenset({"feel", "feeling", "felt", "very", "really", "that", "too", "so",
                           "particularly", "at", "all", "a", "bit", "super", "am", "be",
                           "being", "exactly", "quite", "even", "any", "more", "longer",
                           "overly", "remotely", "terribly", "as", "feels", "like", "ever"})


def words(text: str) -> list[str]:
    """Lowercase word tokens, with sentence punctuation kept as its own tokens."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[-_/]", " ", text)
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        tok = tok.strip("'") or tok
        if tok == "not" and out and out[-1] in _JOIN_NOT:
            out[-1] = _JOIN_NOT[out[-1]]  # "do not" reads like "don't"
            continue
        out.extend(_SHORTHAND.get(tok, (tok,)))
    return out


def negated(tokens: list[str], start: int, gap: frozenset[str] = _NEGATION_GAP,
            reach: int = 4) -> bool:
    """True when a negator governs the phrase starting at ``tokens[start]``."""
    i, skipped = start - 1, 0
    while i >= 0 and skipped <= reach:
        tok = tokens[i]
        if tok in NEGATORS:
            return True
        # A comma ends the clause ("no, I want ..."), except in "never, ever".
        if tok == "," and tokens[i + 1:i + 2] == ["ever"]:
            i -= 1
            continue
        if tok not in gap:
            return False
        i, skipped = i - 1, skipped + 1
    return False
