"""Text to intent: one matcher shared by every recognizer and by typed input.

The templates live in ``voice/data/intents.yaml``; the slot lists are filled
from the session library (triggers), the feeling vocabulary
(:mod:`voice.feelings.vocabulary`) and number words. A sentence matches a
template when its words, minus filler (``skip_words``) anywhere, spell one
expansion of it. Crisis statements are checked first, by
:mod:`voice.feelings.crisis` and the ``crisis`` templates, then the hard moment, by
:mod:`voice.feelings.distress`.

The parts: the grammar with its slot lists filled (:mod:`voice.understanding.grammar_loader`),
the words of a sentence (:mod:`voice.understanding.normalize`), one template walked against
them (:mod:`voice.understanding.walker`); this module keeps the matcher that decides which
templates to try, and what it returns.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from voice.understanding import safety_checks
from voice.understanding.grammar import Grammar
from voice.understanding.grammar_loader import (
    BUILTIN_WAKE_PHRASES,
    crisis_phrases,
    distress_phrases,
    feeling_phrases,
    feeling_words,
    load_grammar,
    session_triggers,
    wake_phrases,
)
from voice.understanding.intents_file import DATA_FILE, SafeLoader, intents_data, read_yaml
from voice.understanding.normalize import normalize
from voice.understanding.walker import Step, Walker

# Importable from here, where the rest of Attune has always found them.
__all__ = [
    "BUILTIN_WAKE_PHRASES",
    "DATA_FILE",
    "INTENTS",
    "Intent",
    "Matcher",
    "SafeLoader",
    "crisis_phrases",
    "default_matcher",
    "distress_phrases",
    "feeling_phrases",
    "feeling_words",
    "intents_data",
    "load_grammar",
    "normalize",
    "parse",
    "read_yaml",
    "session_triggers",
    "wake_phrases",
]

INTENTS = ("start_session", "pause", "resume", "stop", "repeat", "skip", "slower", "faster",
           "louder", "quieter", "time_left", "help", "list_sessions", "check_in", "answer",
           "extend", "wake", "crisis", "distress")


@dataclass(frozen=True)
class Intent:
    """What a sentence means: ``name`` (one of :data:`INTENTS`) and its slots."""

    name: str
    slots: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    score: float = 1.0  # 1.0: a template matched; below: the tolerant reading's score

    def to_dict(self) -> dict[str, Any]:
        return {"intent": self.name, "slots": dict(self.slots), "text": self.text,
                "score": self.score}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Intent:
        return cls(str(data["intent"]), dict(data.get("slots") or {}), str(data.get("text", "")),
                   float(data.get("score", 1.0)))


class Matcher:
    """Match text against one mode's templates (see ``modes`` in intents.yaml)."""

    def __init__(self, grammar: Grammar, mode: str = "idle") -> None:
        self.grammar = grammar
        self.mode = mode
        # Crisis first: it must win over any other reading of the same words; then the
        # hard moment, which must never become a check-in asking for a number.
        first = {"crisis": 0, "distress": 1}
        self.templates = sorted(grammar.for_mode(mode), key=lambda t: first.get(t.intent, 2))
        self._strict = Walker(grammar, frozenset())
        self._lenient = Walker(grammar, frozenset(grammar.skip_words))
        self._first = [self._strict.first_words(t.node) for t in self.templates]
        self._needs = [self._strict.required(t.node) for t in self.templates]
        # A sentence with more words than a template can take is not tried against it
        # (each template's length is found the first time it is needed).
        self._longest: list[int | None] = [None] * len(self.templates)
        # (The checks themselves are imported on first use: see voice.understanding.safety_checks.)
        self._crisis = "crisis" in grammar.modes[mode]
        self._distress = "distress" in grammar.modes[mode]

    def match(self, text: str, safety: bool = True) -> Intent | None:
        """The intent of ``text``; crisis and distress first unless ``safety`` is False
        (text already checked, such as the same words with a misheard one repaired)."""
        words = normalize(text)
        if not words:
            return None
        said = " ".join(words)
        if safety and self._crisis and safety_checks.is_crisis(text, self.mode):
            return Intent("crisis", {}, said)
        if safety and self._distress and safety_checks.is_distress(text):
            return Intent("distress", {}, said)
        key = tuple(words)
        walkers = (self._strict, self._lenient) if self._lenient.skip else (self._strict,)
        for walker in walkers:
            memo: dict[tuple[int, int], list[Step]] = {}
            # A template is tried only if the sentence can begin the way it does.
            starts = set(walker.skips(key, 0) if walker.skip else (0,))
            openers = {key[k] for k in starts if k < len(key)}
            present = set(key)
            taken = sum(1 for w in key if w not in walker.skip)
            for k, (template, first, needs) in enumerate(zip(self.templates, self._first,
                                                             self._needs, strict=True)):
                if (first is not None and not first & openers) or any(
                        need.isdisjoint(present) for need in needs) or taken > self._most(k):
                    continue
                slots = walker.fullmatch(template.node, key, memo)
                if slots is not None:
                    return Intent(template.intent, slots, said)
        return None


    def _most(self, k: int) -> int:
        """The most words template ``k`` can take, filler aside."""
        most = self._longest[k]
        if most is None:
            most = self._longest[k] = self._strict.longest(self.templates[k].node)
        return most


@functools.lru_cache(maxsize=4)
def default_matcher(mode: str = "idle") -> Matcher:
    return Matcher(load_grammar(), mode)


def parse(text: str, mode: str = "idle") -> Intent | None:
    """The intent of typed or recognized text, or None when it means nothing to Attune."""
    return default_matcher(mode).match(text)
