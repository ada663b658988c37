"""Text to intent: one matcher shared by every recognizer and by typed input.

The templates live in ``voice/data/intents.yaml``; the slot lists are filled
from the session library (triggers), the feeling vocabulary
(:mod:`voice.feelings.vocabulary`) and number words. A sentence matches a
template when its words, minus filler (``skip_words``) anywhere, spell one
expansion of it. Crisis statements are checked first, by
:mod:`voice.feelings.crisis` and the ``crisis`` templates, then the hard moment, by
:mod:`voice.feelings.distress`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from voice import paths
from voice.feelings import crisis, distress, vocabulary
from voice.understanding.grammar import (
    Alt,
    Grammar,
    Node,
    Rule,
    Seq,
    Slot,
    SlotList,
    Template,
    Word,
    number_words,
    parse_template,
    phrase_list,
    range_list,
)

DATA_FILE = paths.PACKAGE_DATA / "intents.yaml"
INTENTS = ("start_session", "pause", "resume", "stop", "repeat", "skip", "slower", "faster",
           "louder", "quieter", "time_left", "help", "list_sessions", "check_in", "answer",
           "extend", "wake", "crisis", "distress")
BUILTIN_WAKE_PHRASES = ("hey attune", "hello attune", "okay attune", "hi attune")


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


# ------------------------------------------------------------ normalization

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


# PyYAML's C parser where it was built with libyaml (a safe loader either way): the
# pure-Python one took most of the matcher's start-up.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)


@functools.cache
def intents_data() -> dict[str, Any]:
    """intents.yaml, read once."""
    data: dict[str, Any] = read_yaml(DATA_FILE)
    return data


@functools.cache
def _shorthand() -> dict[str, tuple[str, ...]]:
    data = intents_data()
    return {str(k): tuple(str(v).split()) for k, v in (data.get("shorthand") or {}).items()}


def _spell(digits: str) -> str:
    """Numbers as words; a long run of digits one by one ("54321" -> "five four three two one")."""
    n = int(digits)
    return number_words(n) if n < 100 else " ".join(number_words(int(d)) for d in digits)


# ------------------------------------------------------------------ loading


def feeling_phrases() -> list[str]:
    """Every spoken feeling form from :mod:`voice.feelings.vocabulary`."""
    return [str(p) for p in vocabulary.load_vocabulary().phrases()]


def feeling_words() -> set[str]:
    """The canonical feeling words (no inflections or synonyms)."""
    return {str(f.word) for f in vocabulary.load_vocabulary().feelings}


def crisis_phrases() -> list[str]:
    return [str(p) for p in crisis.CRISIS_PHRASES]


def distress_phrases() -> list[str]:
    return [str(p) for p in distress.DISTRESS_PHRASES]


def wake_phrases() -> list[str]:
    """The built-in wake phrases, and the configured ``wake_phrase`` if any."""
    from voice import config

    try:
        configured = str(config.load_settings()["wake_phrase"].value or "")
    except Exception:  # a broken config file is reported by `attune config`, not here
        configured = ""
    phrases = [" ".join(normalize(configured))] if normalize(configured) else []
    return phrases + [p for p in BUILTIN_WAKE_PHRASES if p not in phrases]


def session_triggers() -> list[tuple[str, str]]:
    from voice.sessions.library import load_library

    lib = load_library()
    return [(t, s.id) for s in lib.by_category() for t in s.triggers]


def load_grammar(triggers: Iterable[tuple[str, str]] | None = None,
                 feelings: Iterable[str] | None = None,
                 crisis: Iterable[str] | None = None,
                 wake: Iterable[str] | None = None,
                 data_file: Path = DATA_FILE) -> Grammar:
    """The templates of ``intents.yaml`` with their slot lists filled in.

    ``triggers`` (phrase, session id) default to the library's; ``feelings``
    to :func:`feeling_phrases`; ``crisis`` to :data:`voice.feelings.crisis.CRISIS_PHRASES`.
    """
    data = intents_data() if data_file == DATA_FILE else read_yaml(data_file)
    if triggers is None:
        triggers = session_triggers()
    if feelings is None:
        feelings = feeling_phrases()
    if crisis is None:
        crisis = crisis_phrases()
    wake = list(wake_phrases() if wake is None else wake)
    lists: dict[str, SlotList] = {}
    for name, spec in data["lists"].items():
        if isinstance(spec, dict) and "range" in spec:
            lo, hi = spec["range"]
            lists[name] = range_list(name, int(lo), int(hi))
        elif isinstance(spec, dict) and spec.get("from") == "sessions":
            fewest = int(spec.get("min_words", 1))
            lists[name] = phrase_list(name, ((" ".join(normalize(p)), sid)
                                             for p, sid in triggers
                                             if len(normalize(p)) >= fewest))
        elif isinstance(spec, dict) and spec.get("from") == "wake":
            lists[name] = phrase_list(name, ((" ".join(normalize(p)),) * 2 for p in wake))
        elif isinstance(spec, dict) and spec.get("from") == "feelings":
            lists[name] = phrase_list(name, ((" ".join(normalize(str(f))),) * 2
                                             for f in feelings))
        elif isinstance(spec, dict) and "values" in spec:  # value: [ways to say it]
            lists[name] = phrase_list(name, ((" ".join(normalize(str(said))), str(value))
                                             for value, ways in spec["values"].items()
                                             for said in ways))
        else:
            lists[name] = phrase_list(name, ((" ".join(normalize(str(v))),) * 2 for v in spec))
    rules = {name: parse_template(text) for name, text in data["rules"].items()}
    templates: list[Template] = []
    for intent, entries in data["intents"].items():
        for entry in entries:
            text, only = (entry, ()) if isinstance(entry, str) else (
                entry["template"], tuple(entry.get("only", ())))
            templates.append(Template(intent, text, parse_template(text), only))
    for intent, phrases in (("crisis", crisis), ("distress", distress_phrases())):
        for phrase in phrases:
            words = normalize(phrase)
            if words:
                templates.append(Template(intent, phrase, Seq(tuple(Word(w) for w in words))))
    modes = {name: tuple(intents) for name, intents in data["modes"].items()}
    return Grammar(templates, rules, lists, modes,
                   # A wake phrase may come before any command: "hey attune, pause".
                   lead=tuple(data.get("lead", ())) + tuple(" ".join(normalize(p)) for p in wake),
                   tail=tuple(data.get("tail", ())),
                   skip_words=tuple(data.get("skip_words", ())),
                   pronunciations=dict(data.get("pronunciations") or {}))


# ------------------------------------------------------------------ matching


_Step = tuple[int, tuple[tuple[str, Any], ...]]  # (where a match ends, the slots it filled)


def _unique(steps: list[_Step]) -> list[_Step]:
    """The same end with the same slots twice is one way, kept where it came first."""
    seen: set[_Step] = set()
    out = []
    for step in steps:
        if step not in seen:
            seen.add(step)
            out.append(step)
    return out


class _Walker:
    """Matches one template against words, the way a backtracking regex would.

    Alternatives are tried in order, slot phrases longest first, and filler
    (``skip``) before any word is taken greedily, as many as possible first. The
    first complete path wins, so the slots are those of the first reading. No
    regular expressions are compiled: building every mode's matcher is quick.
    """

    def __init__(self, grammar: Grammar, skip: frozenset[str]) -> None:
        self.grammar = grammar
        self.skip = skip
        self._tables: dict[str, tuple[dict[str, Any], dict[str, list[tuple[str, ...]]]]] = {}
        self._longest: dict[int, int] = {}

    def table(self, name: str) -> tuple[dict[str, Any], dict[str, list[tuple[str, ...]]]]:
        """A slot list's phrase -> value, and its phrases by first word, longest first."""
        if name not in self._tables:
            values = {" ".join(v.words): v.value for v in self.grammar.lists[name].values}
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for phrase in sorted(values, key=len, reverse=True):
                words = tuple(phrase.split())
                by_first.setdefault(words[0], []).append(words)
            self._tables[name] = (values, by_first)
        return self._tables[name]

    def _skips(self, words: tuple[str, ...], i: int) -> range:
        """Where a word may start after filler at ``i``: the most filler first."""
        j = i
        if self.skip:
            while j < len(words) and words[j] in self.skip:
                j += 1
        return range(j, i - 1, -1)

    def paths(self, node: Node, words: tuple[str, ...], i: int,
              memo: dict[tuple[int, int], list[_Step]]) -> list[_Step]:
        """Every way ``node`` can match from word ``i``: (end, slots it fills), first first.

        Kept per sentence in ``memo``, so a rule shared by many templates, or met
        again after other filler, is walked once.
        """
        key = (id(node), i)
        found = memo.get(key)
        if found is not None:
            return found
        out: list[_Step] = []
        if isinstance(node, Word):
            out = [(k + 1, ()) for k in self._skips(words, i)
                   if k < len(words) and words[k] == node.text]
        elif isinstance(node, Slot):
            values, by_first = self.table(node.name)
            for k in self._skips(words, i):
                for phrase in by_first.get(words[k], ()) if k < len(words) else ():
                    if words[k:k + len(phrase)] == phrase:
                        out.append((k + len(phrase),
                                    ((node.slot_name, values[" ".join(phrase)]),)))
        elif isinstance(node, Rule):
            out = self.paths(self.grammar.rules[node.name], words, i, memo)
        elif isinstance(node, Seq):
            out = [(i, ())]
            for item in node.items:
                out = _unique([(end, slots + more) for start, slots in out
                               for end, more in self.paths(item, words, start, memo)])
                if not out:
                    break
        else:
            assert isinstance(node, Alt)
            out = _unique([step for option in node.options
                           for step in self.paths(option, words, i, memo)])
        memo[key] = out
        return out

    def first_words(self, node: Node) -> frozenset[str] | None:
        """Words a match of ``node`` can begin with; None when it can match nothing at all."""
        if isinstance(node, Word):
            return frozenset((node.text,))
        if isinstance(node, Slot):
            return frozenset(self.table(node.name)[1])
        if isinstance(node, Rule):
            return self.first_words(self.grammar.rules[node.name])
        if isinstance(node, Alt):
            out: set[str] = set()
            for option in node.options:
                first = self.first_words(option)
                if first is None:
                    return None
                out |= first
            return frozenset(out)
        assert isinstance(node, Seq)
        seen: set[str] = set()
        for item in node.items:
            first = self.first_words(item)
            if first is not None:
                return frozenset(seen | first)
            seen |= self._optional_first(item)
        return None

    def _optional_first(self, node: Node) -> set[str]:
        """The first words of an item that may also match nothing."""
        if isinstance(node, Rule):
            return self._optional_first(self.grammar.rules[node.name])
        if isinstance(node, Alt):
            return set().union(*(self.first_words(o) or self._optional_first(o)
                                 for o in node.options))
        if isinstance(node, Seq):
            out: set[str] = set()
            for item in node.items:
                first = self.first_words(item)
                if first is not None:
                    return out | first
                out |= self._optional_first(item)
            return out
        return set()

    def required(self, node: Node) -> list[frozenset[str]]:
        """Word sets a sentence must touch for ``node`` to match: each needs one of its words.

        A quick test that rules out most templates before any walking.
        """
        if isinstance(node, Word | Slot):
            first = self.first_words(node)
            return [first] if first else []
        if isinstance(node, Rule):
            return self.required(self.grammar.rules[node.name])
        if isinstance(node, Seq):
            return [need for item in node.items for need in self.required(item)]
        assert isinstance(node, Alt)
        firsts = [self.first_words(option) for option in node.options]
        if any(first is None for first in firsts):
            return []  # optional
        return [frozenset().union(*(f for f in firsts if f is not None))]

    def longest(self, node: Node) -> int:
        """The most words a match of ``node`` can take, filler aside."""
        key = id(node)  # the grammar's nodes live as long as this walker
        found = self._longest.get(key)
        if found is not None:
            return found
        if isinstance(node, Word):
            found = 1
        elif isinstance(node, Slot):
            found = max((len(v.words) for v in self.grammar.lists[node.name].values), default=0)
        elif isinstance(node, Rule):
            found = self.longest(self.grammar.rules[node.name])
        elif isinstance(node, Seq):
            found = sum(self.longest(item) for item in node.items)
        else:
            assert isinstance(node, Alt)
            found = max((self.longest(option) for option in node.options), default=0)
        self._longest[key] = found
        return found

    def fullmatch(self, node: Node, words: tuple[str, ...],
                  memo: dict[tuple[int, int], list[_Step]]) -> dict[str, Any] | None:
        for end, slots in self.paths(node, words, 0, memo):
            if all(w in self.skip for w in words[end:]) if self.skip else end == len(words):
                return dict(slots)
        return None


class Matcher:
    """Match text against one mode's templates (see ``modes`` in intents.yaml)."""

    def __init__(self, grammar: Grammar, mode: str = "idle") -> None:
        self.grammar = grammar
        self.mode = mode
        # Crisis first: it must win over any other reading of the same words; then the
        # hard moment, which must never become a check-in asking for a number.
        first = {"crisis": 0, "distress": 1}
        self.templates = sorted(grammar.for_mode(mode), key=lambda t: first.get(t.intent, 2))
        self._strict = _Walker(grammar, frozenset())
        self._lenient = _Walker(grammar, frozenset(grammar.skip_words))
        self._first = [self._strict.first_words(t.node) for t in self.templates]
        self._needs = [self._strict.required(t.node) for t in self.templates]
        # A sentence with more words than a template can take is not tried against it
        # (each template's length is found the first time it is needed).
        self._longest: list[int | None] = [None] * len(self.templates)
        self._crisis = crisis if "crisis" in grammar.modes[mode] else None
        self._distress = distress if "distress" in grammar.modes[mode] else None

    def match(self, text: str, safety: bool = True) -> Intent | None:
        """The intent of ``text``; crisis and distress first unless ``safety`` is False
        (text already checked, such as the same words with a misheard one repaired)."""
        words = normalize(text)
        if not words:
            return None
        said = " ".join(words)
        if safety and self._crisis is not None:
            found = self._crisis.detect(text, self.mode)
            if found is not None:
                return Intent("crisis", {}, said)
        if safety and self._distress is not None and self._distress.detect(text) is not None:
            return Intent("distress", {}, said)
        key = tuple(words)
        walkers = (self._strict, self._lenient) if self._lenient.skip else (self._strict,)
        for walker in walkers:
            memo: dict[tuple[int, int], list[_Step]] = {}
            # A template is tried only if the sentence can begin the way it does.
            starts = set(walker._skips(key, 0) if walker.skip else (0,))
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
