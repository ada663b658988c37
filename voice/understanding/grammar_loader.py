"""The grammar of intents.yaml with its slot lists filled in.

The slot lists come from the session library (triggers), the feeling vocabulary
(:mod:`voice.feelings.vocabulary`), the configured wake phrase and number words; the
crisis and distress phrasings of :mod:`voice.feelings` become templates of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from voice.feelings import vocabulary
from voice.feelings.crisis_spoken import CRISIS_PHRASES
from voice.feelings.distress_spoken import DISTRESS_PHRASES
from voice.understanding.grammar import (
    Grammar,
    Seq,
    SlotList,
    Template,
    Word,
    parse_template,
    phrase_list,
    range_list,
)
from voice.understanding.intents_file import DATA_FILE, intents_data, read_yaml
from voice.understanding.normalize import normalize

BUILTIN_WAKE_PHRASES = ("hey attune", "hello attune", "okay attune", "hi attune")


def feeling_phrases() -> list[str]:
    """Every spoken feeling form from :mod:`voice.feelings.vocabulary`."""
    return [str(p) for p in vocabulary.load_vocabulary().phrases()]


def feeling_words() -> set[str]:
    """The canonical feeling words (no inflections or synonyms)."""
    return {str(f.word) for f in vocabulary.load_vocabulary().feelings}


def crisis_phrases() -> list[str]:
    return [str(p) for p in CRISIS_PHRASES]


def distress_phrases() -> list[str]:
    return [str(p) for p in DISTRESS_PHRASES]


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
    to :func:`feeling_phrases`; ``crisis`` to :data:`voice.feelings.crisis_spoken.CRISIS_PHRASES`.
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
