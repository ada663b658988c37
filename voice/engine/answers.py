"""Answers to ``ask`` steps: where they come from and what they mean.

An :class:`AnswerSource` is told when a listen window opens and closes and is
polled once per audio block while it is open. Three sources exist here:
:class:`ScriptedAnswers` (``--answers "anxious,6"``), :class:`QueueAnswers`
(thread-safe: the listening loop, or anything else, calls ``put(text)``) and
:class:`StdinAnswers` (typed answers in text mode). :func:`normalize` turns
raw words into the branch key and the value saved in the ask's variable.
"""

from __future__ import annotations

import difflib
import queue
import re
import sys
import threading
from dataclasses import dataclass
from typing import Protocol, TextIO

from voice.sessions.model import Ask

NO_ANSWER_WORDS = ("", "-", "none", "(none)")


@dataclass(frozen=True)
class Answer:
    """``key`` picks the branch (None: no answer); ``value`` is saved in the variable."""

    raw: str | None
    key: str | None
    value: str | None
    clear: bool = True


class AnswerSource(Protocol):
    def listen(self, ask: Ask) -> None:
        """A listen window for ``ask`` opens now."""

    def poll(self, waited_s: float) -> str | None:
        """An answer that has arrived (raw words), if any; ``waited_s`` into the window."""

    def close(self) -> None:
        """The window closed (answered or timed out)."""


class NoAnswers:
    """Nobody answers: every ask times out kindly."""

    def listen(self, ask: Ask) -> None:
        del ask

    def poll(self, waited_s: float) -> str | None:
        del waited_s
        return None

    def close(self) -> None:
        pass


class ScriptedAnswers:
    """Answers given in advance, one per ask, each heard ``delay_s`` into its window.

    ``""`` or ``"-"`` in the list means "no answer" for that ask.
    """

    def __init__(self, answers: list[str], delay_s: float = 1.5) -> None:
        self.answers = list(answers)
        self.delay_s = delay_s
        self._current: str | None = None

    @classmethod
    def parse(cls, text: str, delay_s: float = 1.5) -> ScriptedAnswers:
        return cls([a.strip() for a in text.split(",")], delay_s)

    def listen(self, ask: Ask) -> None:
        del ask
        self._current = self.answers.pop(0) if self.answers else None
        if self._current is not None and self._current.lower() in NO_ANSWER_WORDS:
            self._current = None

    def poll(self, waited_s: float) -> str | None:
        if self._current is not None and waited_s >= self.delay_s:
            answer, self._current = self._current, None
            return answer
        return None

    def close(self) -> None:
        self._current = None


class QueueAnswers:
    """Answers pushed from another thread (the listening loop): ``put("anxious")``."""

    def __init__(self) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self.open = threading.Event()

    def put(self, text: str) -> None:
        self._queue.put(text)

    def listen(self, ask: Ask) -> None:
        del ask
        self.open.set()

    def poll(self, waited_s: float) -> str | None:
        del waited_s
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return None

    def close(self) -> None:
        self.open.clear()


class StdinAnswers(QueueAnswers):
    """Typed answers. Real time: lines are read in the background as they come.

    Virtual time (``blocking=True``): the question waits for a line, since
    the session's clock does not move while someone types.
    """

    def __init__(self, stream: TextIO | None = None, blocking: bool = False) -> None:
        super().__init__()
        self.stream = stream or sys.stdin
        self.blocking = blocking
        if not blocking:
            threading.Thread(target=self._read, name="attune-answers", daemon=True).start()

    def _read(self) -> None:
        for line in self.stream:
            self.put(line.strip())

    def listen(self, ask: Ask) -> None:
        super().listen(ask)
        if self.blocking:
            line = self.stream.readline()
            if line.strip():
                self.put(line.strip())


# --------------------------------------------------------------- meaning

FEELINGS: dict[str, tuple[str, ...]] = {
    "fear": ("afraid", "scared", "anxious", "anxiety", "nervous", "worried", "uneasy", "panicky",
             "panic", "on edge", "tense", "fearful", "frightened", "dread", "terrified",
             "stressed", "worry", "fear", "jittery"),
    "sadness": ("sad", "down", "low", "lonely", "blue", "hurt", "grief", "grieving", "unhappy",
                "heartbroken", "disappointed", "hopeless", "miserable", "depressed", "sadness"),
    "anger": ("angry", "mad", "irritated", "annoyed", "frustrated", "furious", "resentful",
              "cross", "bitter", "anger", "irritable", "rage"),
    "shame": ("ashamed", "embarrassed", "guilty", "shame", "worthless", "humiliated", "guilt"),
    "joy": ("happy", "glad", "joyful", "grateful", "excited", "good", "great", "hopeful",
            "cheerful", "joy", "thankful", "proud"),
    "calm": ("calm", "peaceful", "relaxed", "okay", "ok", "fine", "settled", "content",
             "at ease", "steady", "alright", "all right"),
    "tired": ("tired", "exhausted", "sleepy", "drained", "worn out", "weary", "fatigued"),
    "numb": ("numb", "flat", "empty", "blank", "nothing", "disconnected", "detached"),
    "overwhelmed": ("overwhelmed", "too much", "swamped", "frazzled", "all over the place"),
    "unsure": ("i don't know", "i dont know", "don't know", "dont know", "not sure", "unsure",
               "no idea", "confused", "mixed", "i'm not sure"),
}
YES = ("yes", "yeah", "yep", "yup", "sure", "okay", "ok", "please", "definitely", "i would",
       "i'd like", "alright", "of course")
NO = ("no", "nope", "nah", "not really", "rather not", "don't", "no thanks", "not now")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten")
RANGE_RE = re.compile(r"^(\d+)-(\d+)$")


def _clean(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("’", "'")).split())


def _has(phrase: str, text: str) -> bool:
    return re.search(rf"(?<![a-z']){re.escape(phrase)}(?![a-z'])", text) is not None


def feeling_word(text: str) -> tuple[str, str] | None:
    """The feeling recognised in ``text``: its word as the vocabulary names it, and its
    family ("kind of lonely I guess" -> ("lonely", "sadness")), or None.

    The feeling vocabulary (:mod:`voice.feelings.vocabulary`) decides; a small built-in
    list covers the common words if that vocabulary cannot be read.
    """
    try:
        from voice.feelings.vocabulary import load_vocabulary

        found = load_vocabulary().lookup(text)
        if found is not None:
            return found.word, found.family
        return None
    except Exception:  # the vocabulary is optional here: fall back to the short list
        pass
    clean = _clean(text)
    best: tuple[int, str, str] | None = None
    for family, words in FEELINGS.items():
        for w in words:
            if _has(w, clean) and (best is None or len(w) > best[0]):
                best = (len(w), w, family)
    return (best[1], best[2]) if best else None


def parse_number(text: str) -> int | None:
    """A 0-10 rating in ``text`` ("maybe a six", "7"), if there is one."""
    try:
        from voice.feelings.vocabulary import parse_intensity

        return parse_intensity(text)
    except ImportError:
        pass
    t = _clean(text)
    for token in t.split():
        if token.isdigit() and 0 <= int(token) <= 10:
            return int(token)
        if token in NUMBER_WORDS:
            return NUMBER_WORDS.index(token)
    return None


def _in_range(key: str, n: int) -> bool:
    m = RANGE_RE.match(key)
    return bool(m and int(m[1]) <= n <= int(m[2])) or key == str(n)


def qualifiers(family: str | None) -> tuple[str, ...]:
    """What an intensity branch may be keyed by after a feeling of ``family``: the
    family itself, then "pleasant" (joy, calm) or "unpleasant" (the rest but unsure)."""
    if family is None:
        return ()
    if family in ("joy", "calm"):
        return family, "pleasant"
    return (family,) if family == "unsure" else (family, "unpleasant")


def _intensity_key(ask: Ask, n: int, earlier: str | None) -> str:
    """The branch for rating ``n``: keyed by the earlier feeling's family with a range
    ("numb 7-10"), by the family alone ("numb"), by its tone with a range
    ("unpleasant 7-10") or alone ("pleasant"), then by a plain range ("7-10")."""
    for qualifier in qualifiers(earlier):
        for key in ask.branches:
            head, _, rest = key.partition(" ")
            if head == qualifier and rest and _in_range(rest, n):
                return key
        if qualifier in ask.branches:
            return qualifier
    for key in ask.branches:
        if _in_range(key, n):
            return key
    return str(n)


def branch_name(ask: Ask, key: str | None) -> str:
    """Which branch an answer key takes: itself, ``other`` or ``none``."""
    if key is not None and key in ask.branches:
        return key
    if key is not None and "other" in ask.branches:
        return "other"
    return "none" if key is None else key


def normalize(ask: Ask, raw: str | None, earlier: str | None = None) -> Answer:
    """Raw words to an :class:`Answer` for this ask (``clear=False``: not understood).

    A feeling is saved as the word the vocabulary knows ("kind of lonely I guess" is
    saved as "lonely"), never as a raw transcript; words it does not know, and "I
    don't know", save nothing (the ask's default). ``earlier`` is the family of the
    feeling answered before this ask, for an intensity's branches ("pleasant").
    """
    if raw is None or _clean(raw) in NO_ANSWER_WORDS:
        return Answer(None, None, None)
    text = _clean(raw)
    said = " ".join(raw.split())
    if ask.expect == "feeling":
        found = feeling_word(text)
        if found is None:
            return Answer(said, said.lower(), None)
        word, family = found
        return Answer(said, family, None if family == "unsure" else word)
    if ask.expect == "intensity":
        n = parse_number(text)
        if n is None:
            return Answer(said, None, None, clear=False)
        return Answer(said, _intensity_key(ask, n, earlier), str(n))
    if ask.expect == "yes_no":
        no = any(_has(w, text) for w in NO)
        yes = any(_has(w, text) for w in YES)
        if yes != no:
            return Answer(said, "yes" if yes else "no", "yes" if yes else "no")
        return Answer(said, None, None, clear=False)
    if ask.expect == "choice":
        for choice in sorted(ask.choices, key=len, reverse=True):
            if _has(choice, text):
                return Answer(said, choice, choice)
        close = difflib.get_close_matches(text, ask.choices, n=1, cutoff=0.75)
        if close:
            return Answer(said, close[0], close[0])
        return Answer(said, None, None, clear=False)
    return Answer(said, said, said)
