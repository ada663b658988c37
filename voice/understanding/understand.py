"""Understanding: the strict templates first, then the tolerant reading, with one score.

``understand(text, mode)`` is what typed text goes through (``attune parse``), and what
a transcribing recognizer's text will (the PocketSphinx ears decode against the
templates and use the strict matcher alone). Crisis language is checked first and
always wins, then the hard moment; then the templates of intents.yaml (score 1.0);
then :mod:`voice.understanding.tolerant`, whose best reading is taken when its score
reaches the mode's threshold. Everything is built once per mode and kept.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from voice.understanding.aside import for_someone_else
from voice.understanding.grammar import Grammar
from voice.understanding.intents import (
    Intent,
    Matcher,
    intents_data,
    load_grammar,
    normalize,
    session_triggers,
)
from voice.understanding.tolerant import Tolerant

MODES = ("idle", "session", "speaking", "answer", "asleep")
# A tolerant reading is taken at this score or above (tuned on the dev set's tune half).
THRESHOLD = 0.7
REPAIRED_SCORE = 0.9


class Understanding:
    """One mode's understanding: the strict matcher and the tolerant reader."""

    def __init__(self, grammar: Grammar, mode: str, tolerant_tables: dict[str, object],
                 triggers: list[tuple[str, str]]) -> None:
        self.mode = mode
        self.matcher = Matcher(grammar, mode)
        self.tolerant = Tolerant(grammar, mode, tolerant_tables,
                                 ((" ".join(normalize(p)), sid) for p, sid in triggers))

    def understand(self, text: str) -> Intent | None:
        if self.mode == "answer":
            text = _NUMBER_HEARD_AS_WORD.sub(lambda m: m.group(1) + _AS_NUMBER[m.group(2).lower()],
                                             text)
        found = self.matcher.match(text)
        if found is not None and found.name == "distress":
            # "I'm panicking, help me ground myself": the practice they ask for, at once.
            asked = self._read(text, kinds=("request",))
            return asked if asked is not None and asked.score >= ASKED_IN_DISTRESS else found
        if found is not None:
            return found
        words = tuple(normalize(text))
        if not words:
            return None
        repaired = self.tolerant.repair(words)
        if repaired != words:
            found = self.matcher.match(" ".join(repaired), safety=False)  # checked above
            if found is not None and found.name not in ("crisis", "distress") and (
                    not for_someone_else(words, found.name, found.slots, self.mode, frozenset())):
                return replace(found, text=" ".join(words), score=REPAIRED_SCORE)
        return self._read(text)

    def _read(self, text: str, kinds: tuple[str, ...] = ()) -> Intent | None:
        """The best tolerant reading of the whole text, or of one of its clauses.

        A clause ("Can we do the long exhale? I need to settle before dinner.") is read
        alone only for a session asked for with a cue: "stop it, both of you", "Calm
        down, it's only a spider" and "I'm good, thanks, how are you?" have clauses that
        sound like a command, a session's name or a check-in.
        """
        words = tuple(normalize(text))
        clauses = [tuple(normalize(c)) for c in _CLAUSE.split(text) if c.strip()]
        breaks, count = set(), 0
        for clause in clauses:  # where the text paused: "pause, someone's at the door"
            count += len(clause)
            breaks.add(count - 1)
        if count != len(words):
            breaks = set()
        readings = [r for r in self.tolerant.read(words, frozenset(breaks))
                    if not kinds or r.how in kinds]
        if len(clauses) > 1:
            for k, clause in enumerate(clauses):
                # Asked with a cue, or a session's name alone at the end ("i'm flagging,
                # box breathing please").
                allowed = ("request", "session") if k == len(clauses) - 1 else ("request",)
                readings += [replace(r, score=r.score - CLAUSE_COST)
                             for r in self.tolerant.read(clause)
                             if r.how in allowed and (not kinds or r.how in kinds)]
        readings = [r for r in readings if not for_someone_else(
            words, r.intent, r.slots, self.mode, frozenset(breaks), r.how)]
        if not readings:
            return None
        best = max(readings, key=lambda r: r.score)
        if best.score < THRESHOLD:
            return None
        return Intent(best.intent, best.slots, " ".join(words), round(min(best.score, 0.99), 3))


# A number at the end of an answer that the recognizer wrote as its sound-alike word ("I'd
# say a for." is "a four").
_NUMBER_HEARD_AS_WORD = re.compile(
    r"\b((?:a|say|about|maybe|like|probably|around|guess) )(for|too|won|ate)(?=[\s.!?]*$)",
    re.IGNORECASE)
_AS_NUMBER = {"for": "four", "too": "two", "won": "one", "ate": "eight"}
_CLAUSE = re.compile(r"[.?!;,]+\s*|\s+-\s+")
# A clause read alone costs this much: the rest of the sentence was set aside.
CLAUSE_COST = 0.05
# In distress, a practice asked for by name is started instead of calm-sos at this score.
ASKED_IN_DISTRESS = 0.85


@functools.cache
def _tables() -> tuple[Grammar, dict[str, object], list[tuple[str, str]]]:
    data = intents_data()
    triggers = session_triggers()
    return load_grammar(triggers=triggers), dict(data.get("tolerant") or {}), triggers


def understanding_grammar() -> Grammar:
    """The grammar every mode's understanding reads with (loaded once)."""
    return _tables()[0]


@functools.cache
def for_mode(mode: str) -> Understanding:
    grammar, tables, triggers = _tables()
    if mode not in grammar.modes:
        raise KeyError(f"unknown mode '{mode}'; choose one of: {', '.join(grammar.modes)}")
    return Understanding(grammar, mode, tables, triggers)


def load_understanding() -> None:
    """Build every mode now (at start-up) rather than on the first sentence."""
    for mode in MODES:
        for_mode(mode)


def understand(text: str, mode: str = "idle") -> Intent | None:
    """What ``text`` means to Attune in ``mode``, or None for everyday talk."""
    return for_mode(mode).understand(text)
