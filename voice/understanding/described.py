"""A session asked for by what it does: "the one where you hold after each breath".

People who do not remember a practice's name describe it: "the one with mindfulness,
common humanity and kindness", "the breathing where you hold for four", "the slow one
that goes up through the body part by part". Each session has a few words that say what
it does (``session_words`` in intents.yaml, taken from its summary and script: "hold",
"square" and "box" for box breathing; "senses", "touch" and "taste" for grounding). A
word several sessions share counts for each a share (1 / how many).

A description is only read as a request when it is said as one. After "the one
where", "the breathing with" and the like, one word of a session is enough; after a
plain request cue ("can we do...") it takes two. Everyday talk meets neither often:
"one of those wind-down playlists" names another session than its description, and
"help me lift this box" has a cue but a single word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import pairwise

from voice.understanding.lexicon import Words

# "the one where", "the breathing with": a description follows.
DESCRIBING = tuple(tuple(p.split()) for p in (
    "one where", "one with", "one that", "one of those", "where you", "where i", "one about",
    "breathing where", "breathing with", "exercise where", "exercise with", "practice where",
    "practice with", "session where", "session with", "thing where", "thing with"))
# "the exhale practice", "a soothing exercise": a session's word names it.
KINDS = frozenset({"practice", "exercise", "session", "routine", "technique", "meditation"})
# How much of the sessions' words a description needs, and how far ahead of the next.
AFTER_DESCRIBING = 1.0
AFTER_CUE = 2.0
AHEAD = 1.5


def stem(word: str) -> str:
    """A word without its ending, so "holds", "holding" and "hold" are one ("squares",
    "square"; "breathing", "breathe")."""
    word = word.removesuffix("'s")
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


class Descriptions:
    """The words that describe each session, weighted by how many sessions share them."""

    def __init__(self, session_words: Mapping[str, Iterable[str]]) -> None:
        self.stems = {sid: frozenset(stem(w) for w in words)
                      for sid, words in session_words.items()}
        shared = Counter(s for stems in self.stems.values() for s in stems)
        self.weight = {s: 1.0 / n for s, n in shared.items()}

    def best(self, words: Words, describing: bool) -> tuple[str, float] | None:
        """The session ``words`` describe, and how much of it they say; None when the
        words say too little of any session or as much of another."""
        said = {stem(w) for w in words}
        scores = sorted(((sum(self.weight[s] for s in stems & said), sid)
                         for sid, stems in self.stems.items()), reverse=True)
        if not scores:
            return None
        (first, sid), second = scores[0], scores[1][0] if len(scores) > 1 else 0.0
        need = AFTER_DESCRIBING if describing else AFTER_CUE
        if first >= need and first >= AHEAD * second:
            return sid, first
        return None


def kind_named(words: Words, descriptions: Descriptions) -> bool:
    """Whether a session's word stands before a kind of practice ("the exhale practice")."""
    return any(nxt in KINDS and stem(word) in descriptions.weight
               for word, nxt in pairwise(words))


def describing(grams: Mapping[Words, int]) -> bool:
    """Whether the words describe a practice ("the one where...", "the breathing with")."""
    return any(phrase in grams for phrase in DESCRIBING)
