"""Text to intent: one matcher shared by every recognizer and by typed input.

The templates live in ``voice/data/intents.yaml``; the slot lists are filled
from the session library (triggers), the feeling vocabulary
(:mod:`voice.feelings.vocabulary` when installed) and number words. A sentence matches a
template when its words, minus filler (``skip_words``) anywhere, spell one
expansion of it. Crisis statements are checked first, by
:mod:`voice.feelings.crisis` when installed and by the ``crisis`` templates always.
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
from voice.feelings import crisis, vocabulary
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
           "wake", "crisis")
BUILTIN_WAKE_PHRASES = ("hey attune", "hello attune", "okay attune", "hi attune")


@dataclass(frozen=True)
class Intent:
    """What a sentence means: ``name`` (one of :data:`INTENTS`) and its slots."""

    name: str
    slots: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"intent": self.name, "slots": dict(self.slots), "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Intent:
        return cls(str(data["intent"]), dict(data.get("slots") or {}), str(data.get("text", "")))


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


@functools.cache
def _shorthand() -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return {str(k): tuple(str(v).split()) for k, v in (data.get("shorthand") or {}).items()}


def _spell(digits: str) -> str:
    n = int(digits)
    return number_words(n) if n < 100 else digits


# ------------------------------------------------------------------ loading


def feeling_phrases() -> list[str]:
    """Every spoken feeling form from :mod:`voice.feelings.vocabulary`."""
    return [str(p) for p in vocabulary.load_vocabulary().phrases()]


def feeling_words() -> set[str]:
    """The canonical feeling words (no inflections or synonyms)."""
    return {str(f.word) for f in vocabulary.load_vocabulary().feelings}


def crisis_phrases() -> list[str]:
    return [str(p) for p in crisis.CRISIS_PHRASES]


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
    to :func:`feeling_phrases` (none when :mod:`voice.feelings.vocabulary` is missing); ``crisis``
    to :data:`voice.feelings.crisis.CRISIS_PHRASES` when that module is installed.
    """
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    if triggers is None:
        triggers = session_triggers()
    if feelings is None:
        feelings = feeling_phrases() or []
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
        else:
            lists[name] = phrase_list(name, ((" ".join(normalize(str(v))),) * 2 for v in spec))
    rules = {name: parse_template(text) for name, text in data["rules"].items()}
    templates: list[Template] = []
    for intent, entries in data["intents"].items():
        for entry in entries:
            text, only = (entry, ()) if isinstance(entry, str) else (
                entry["template"], tuple(entry.get("only", ())))
            templates.append(Template(intent, text, parse_template(text), only))
    for phrase in crisis:
        words = normalize(phrase)
        if words:
            templates.append(Template("crisis", phrase, Seq(tuple(Word(w) for w in words))))
    modes = {name: tuple(intents) for name, intents in data["modes"].items()}
    return Grammar(templates, rules, lists, modes,
                   # A wake phrase may come before any command: "hey attune, pause".
                   lead=tuple(data.get("lead", ())) + tuple(" ".join(normalize(p)) for p in wake),
                   tail=tuple(data.get("tail", ())),
                   skip_words=tuple(data.get("skip_words", ())),
                   pronunciations=dict(data.get("pronunciations") or {}))


# ------------------------------------------------------------------ matching


class _Compiler:
    def __init__(self, grammar: Grammar, skip: str) -> None:
        self.grammar = grammar
        self.skip = skip
        self.groups: dict[str, tuple[str, dict[str, Any]]] = {}

    def rx(self, node: Node) -> str:
        if isinstance(node, Word):
            return f"{self.skip}{re.escape(node.text)} "
        if isinstance(node, Slot):
            values = self.grammar.lists[node.name].values
            table = {" ".join(v.words): v.value for v in values}
            group = f"g{len(self.groups)}"
            self.groups[group] = (node.slot_name, table)
            alts = "|".join(re.escape(p) for p in sorted(table, key=len, reverse=True))
            return f"{self.skip}(?P<{group}>{alts}) "
        if isinstance(node, Rule):
            return self.rx(self.grammar.rules[node.name])
        if isinstance(node, Seq):
            return "".join(self.rx(k) for k in node.items)
        assert isinstance(node, Alt)
        return "(?:" + "|".join(self.rx(o) for o in node.options) + ")"


@dataclass
class _Compiled:
    template: Template
    pattern: re.Pattern[str]
    groups: dict[str, tuple[str, dict[str, Any]]]


class Matcher:
    """Match text against one mode's templates (see ``modes`` in intents.yaml)."""

    def __init__(self, grammar: Grammar, mode: str = "idle") -> None:
        self.grammar = grammar
        self.mode = mode
        skip_words = grammar.skip_words
        lenient = "(?:(?:" + "|".join(re.escape(w) for w in skip_words) + ") )*"
        # Crisis first: it must win over any other reading of the same words.
        templates = sorted(grammar.for_mode(mode), key=lambda t: t.intent != "crisis")
        self._strict = [self._compile(t, "") for t in templates]
        self._lenient = [self._compile(t, lenient) for t in templates] if skip_words else []
        self._crisis = crisis if "crisis" in grammar.modes[mode] else None

    def _compile(self, template: Template, skip: str) -> _Compiled:
        c = _Compiler(self.grammar, skip)
        body = c.rx(template.node)
        return _Compiled(template, re.compile(f"{body}{skip}"), c.groups)

    def match(self, text: str) -> Intent | None:
        words = normalize(text)
        if not words:
            return None
        said = " ".join(words)
        if self._crisis is not None:
            found = self._crisis.detect(text)
            if found is not None:
                return Intent("crisis", {}, said)
        subject = said + " "
        for table in (self._strict, self._lenient):
            for compiled in table:
                m = compiled.pattern.fullmatch(subject)
                if m is None:
                    continue
                slots: dict[str, Any] = {}
                for group, (slot, values) in compiled.groups.items():
                    if m.group(group) is not None:
                        slots[slot] = values[m.group(group)]
                return Intent(compiled.template.intent, slots, said)
        return None


@functools.lru_cache(maxsize=4)
def default_matcher(mode: str = "idle") -> Matcher:
    return Matcher(load_grammar(), mode)


def parse(text: str, mode: str = "idle") -> Intent | None:
    """The intent of typed or recognized text, or None when it means nothing to Attune."""
    return default_matcher(mode).match(text)
