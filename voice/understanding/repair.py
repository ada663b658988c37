"""Misheard command words repaired: "paws" -> "pause", "re zoom" -> "resume".

The first step of the tolerant reading (:mod:`voice.understanding.tolerant`): a word
the mode's templates never use is replaced by one they do when the two are close in
spelling or in sound (Metaphone), alone or with its neighbour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from voice.understanding.grammar import Alt, Grammar, Node, Rule, Seq, Word
from voice.understanding.lexicon import DEGREE, FUNCTION_WORDS, SMALL_WORDS, Words, sound_of

# A word repaired by its sound must be spelled at least this like the command word.
SOUND_SPELLED = 50


class Repairer:
    """Repairs misheard words into the command words of one mode."""

    def __init__(self, grammar: Grammar, mode: str, tables: dict[str, Any],
                 intents: set[str]) -> None:
        self.vocab = frozenset(grammar.words(mode)) | FUNCTION_WORDS
        # A repaired word becomes one of the templates' own words (the commands), never a
        # word of a slot list: feelings and session names have readings of their own.
        # Nor a small word: "skip the ads" must not become "skip the that's", nor "hold on
        # to the rail" "... the really", which leaves the command with nothing after it.
        singles = {w: (w,) for w in command_words(grammar, mode)
                   if len(w) >= 3 and w not in FUNCTION_WORDS and w not in DEGREE}
        pairs = {"".join(k.split()): tuple(k.split())  # "slow done" -> "slow down"
                 for intent, ks in (tables.get("keywords") or {}).items()
                 if intent in intents for k in ks if len(k.split()) == 2}
        self._as = {**pairs, **singles}
        self._spelled = sorted(self._as)
        self.sounds: dict[str, str] = {}
        for form in self._spelled:
            self.sounds.setdefault(sound_of(" ".join(self._as[form])), form)

    def repair(self, words: Sequence[str]) -> Words:
        """Replace misheard words with the command words they sound or are spelled like.

        A word the mode never uses may become a close command word ("paws" ->
        "pause"); two neighbours may become one command word or two-word command
        when one of them is unknown or a small word ("fast her" -> "faster",
        "slow done" -> "slow down", "re zoom" -> "resume").
        """
        out: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            unknown = w not in self.vocab and w.replace("'", "").isalpha()
            if i + 1 < len(words):
                nxt = words[i + 1]
                if unknown or nxt not in self.vocab or nxt in SMALL_WORDS:
                    best = self._closest(w + nxt, 88, 3)
                    if best is not None and self._as[best] != (w, nxt):
                        out.extend(self._as[best])
                        i += 2
                        continue
            best = self._closest(w, 86, 2) if unknown and len(w) >= 3 else None
            out.extend(self._as[best] if best else (w,))
            i += 1
        return tuple(out)

    def _closest(self, joined: str, spelled_at_least: int, sound_at_least: int) -> str | None:
        """The command word spelled like ``joined`` (same first sound), or sounding alike."""
        code = sound_of(joined)
        hit = process.extractOne(joined, self._spelled, scorer=fuzz.ratio,
                                 score_cutoff=spelled_at_least)
        if hit is not None:
            form = str(hit[0])
            if form[0] == joined[0] or sound_of(form)[:1] == code[:1]:
                return form
        # Sounding alike is not enough when the spelling is far off: Metaphone hears
        # "pizza" as "pause" and "film i" as "volume".
        alike = self.sounds.get(code) if len(code) >= sound_at_least else None
        if alike is None or fuzz.ratio(joined, alike) < SOUND_SPELLED:
            return None
        # A two-word command heard by its sound alone begins as it does ("slow done" ->
        # "slow down"): "dog out" is not "too quiet".
        return alike if len(self._as[alike]) == 1 or alike[0] == joined[0] else None


def command_words(grammar: Grammar, mode: str) -> set[str]:
    """The words the mode's templates and rules spell out (slot lists left out)."""
    out: set[str] = set()

    def walk(node: Node) -> None:
        if isinstance(node, Word):
            out.add(node.text)
        elif isinstance(node, Rule):
            if node.name not in seen:
                seen.add(node.name)
                walk(grammar.rules[node.name])
        elif isinstance(node, Seq):
            for item in node.items:
                walk(item)
        elif isinstance(node, Alt):
            for option in node.options:
                walk(option)

    seen: set[str] = set()
    for template in grammar.for_mode(mode):
        if template.intent not in ("crisis", "distress"):
            walk(template.node)
    return out
