"""Sentence templates: hold them, expand them, and write them as JSGF.

The template language (:mod:`voice.understanding.template_syntax`) is hassil's:
``(a|b)`` one of, ``[x]`` optional, ``{list}`` a slot filled from a list of spoken
values (:mod:`voice.understanding.slot_lists`), ``<rule>`` a named expansion rule.
:class:`Grammar` holds the parsed templates of every intent; :func:`expand` enumerates
sentences (the sampler the tests use to prove each sentence parses back),
:meth:`Grammar.to_jsgf` writes the speech grammar.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from voice.understanding.slot_lists import (
    SlotList,
    SlotValue,
    number_words,
    phrase_list,
    range_list,
)
from voice.understanding.template_syntax import (
    EMPTY,
    Alt,
    Node,
    Rule,
    Seq,
    Slot,
    TemplateError,
    Word,
    parse_template,
)

# The nodes, the parser and the slot lists are importable from here too, as they always were.
__all__ = [
    "EMPTY",
    "Alt",
    "Grammar",
    "Node",
    "Rule",
    "Sentence",
    "Seq",
    "Slot",
    "SlotList",
    "SlotValue",
    "Template",
    "TemplateError",
    "Word",
    "count",
    "expand",
    "number_words",
    "parse_template",
    "phrase_list",
    "range_list",
    "sample",
]


@dataclass
class Template:
    intent: str
    text: str
    node: Node
    only: tuple[str, ...] = ()  # modes this template is limited to ("" = all modes)


@dataclass
class Grammar:
    templates: list[Template]
    rules: dict[str, Node]
    lists: dict[str, SlotList]
    modes: dict[str, tuple[str, ...]]
    lead: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    skip_words: tuple[str, ...] = ()
    pronunciations: dict[str, str] = field(default_factory=dict)

    def intents(self) -> list[str]:
        return list(dict.fromkeys(t.intent for t in self.templates))

    def for_mode(self, mode: str) -> list[Template]:
        if mode not in self.modes:
            raise KeyError(f"unknown listening mode '{mode}'; known: {', '.join(self.modes)}")
        wanted = self.modes[mode]
        return [t for t in self.templates
                if t.intent in wanted and (not t.only or mode in t.only)]

    def restricted(self, known: Callable[[str], bool]) -> tuple[Grammar, list[str]]:
        """A copy without templates and slot phrases that use words not ``known``,
        and what was dropped (a recognizer cannot listen for unknown words)."""
        dropped: list[str] = [t.text for t in self.templates if not self._known(t.node, known)]
        templates = [t for t in self.templates if self._known(t.node, known)]
        lists: dict[str, SlotList] = {}
        for name, slot_list in self.lists.items():
            keep = [v for v in slot_list.values if all(known(w) for w in v.words)]
            dropped.extend(" ".join(v.words) for v in slot_list.values if v not in keep)
            lists[name] = SlotList(name, keep)
        return replace(self, templates=templates, lists=lists), dropped

    def _known(self, node: Node, known: Callable[[str], bool]) -> bool:
        if isinstance(node, Word):
            return known(node.text)
        if isinstance(node, Slot | Rule):
            return True  # lists are filtered value by value; rules are checked in tests
        kids = node.items if isinstance(node, Seq) else node.options
        return all(self._known(k, known) for k in kids)

    def words(self, mode: str | None = None) -> set[str]:
        templates = self.templates if mode is None else self.for_mode(mode)
        out: set[str] = set(self.lead) | {w for p in self.tail for w in p.split()}
        for t in templates:
            out |= self._words(t.node, set())
        return out

    def _words(self, node: Node, seen: set[str]) -> set[str]:
        if isinstance(node, Word):
            return {node.text}
        if isinstance(node, Slot):
            return {w for v in self.lists[node.name].values for w in v.words}
        if isinstance(node, Rule):
            if node.name in seen:
                return set()
            return self._words(self.rules[node.name], seen | {node.name})
        kids = node.items if isinstance(node, Seq) else node.options
        return set().union(*(self._words(k, seen) for k in kids)) if kids else set()

    def to_jsgf(self, mode: str, name: str = "attune",
                lists: dict[str, SlotList] | None = None) -> str:
        """The mode's templates as one JSGF grammar whose public rule is ``<command>``.

        ``lists`` replaces some slot lists (a smaller list for speech, say)."""
        lines = ["#JSGF V1.0;", f"grammar {name};"]
        slot_lists = {**self.lists, **(lists or {})}
        used_rules: set[str] = set()
        used_lists: set[str] = set()
        bodies = []
        for t in self.for_mode(mode):
            bodies.append(self._jsgf(t.node, used_rules, used_lists))
        rule_text: dict[str, str] = {}
        pending = sorted(used_rules)
        while pending:  # rules can use rules and lists
            r = pending.pop()
            if r in rule_text:
                continue
            inner_rules: set[str] = set()
            rule_text[r] = self._jsgf(self.rules[r], inner_rules, used_lists)
            pending.extend(sorted(inner_rules - rule_text.keys()))
        lines.extend(f"<r_{r}> = {text};" for r, text in sorted(rule_text.items()))
        for name_ in sorted(used_lists):
            alts = " | ".join(" ".join(v.words) for v in slot_lists[name_].values)
            lines.append(f"<l_{name_}> = ({alts});")
        body = " | ".join(f"({b})" for b in dict.fromkeys(bodies))
        lead = f"[{' | '.join(self.lead)}] " if self.lead else ""
        tail = f" [{' | '.join(self.tail)}]" if self.tail else ""
        lines.append(f"public <command> = {lead}({body}){tail};")
        return "\n".join(lines) + "\n"

    def _jsgf(self, node: Node, rules: set[str], lists: set[str]) -> str:
        if isinstance(node, Word):
            return node.text
        if isinstance(node, Slot):
            lists.add(node.name)
            return f"<l_{node.name}>"
        if isinstance(node, Rule):
            rules.add(node.name)
            return f"<r_{node.name}>"
        if isinstance(node, Seq):
            return " ".join(self._jsgf(k, rules, lists) for k in node.items) or "<NULL>"
        opts = [o for o in node.options if o != EMPTY]
        inner = " | ".join(self._jsgf(o, rules, lists) for o in opts)
        return f"[{inner}]" if len(opts) < len(node.options) else f"({inner})"


# ------------------------------------------------------------------ sampling

Sentence = tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]


def expand(grammar: Grammar, node: Node, slot_values: int | None = None) -> Iterator[Sentence]:
    """Every sentence a template allows, with its slot values.

    ``slot_values`` limits how many values of each slot list are used (spread
    evenly over the list); ``None`` uses them all.
    """
    if isinstance(node, Word):
        yield (node.text,), ()
    elif isinstance(node, Slot):
        values = grammar.lists[node.name].values
        if slot_values is not None and len(values) > slot_values:
            step = len(values) / slot_values
            values = [values[int(i * step)] for i in range(slot_values)]
        for v in values:
            yield v.words, ((node.slot_name, v.value),)
    elif isinstance(node, Rule):
        yield from expand(grammar, grammar.rules[node.name], slot_values)
    elif isinstance(node, Alt):
        for option in node.options:
            yield from expand(grammar, option, slot_values)
    else:
        parts = [list(expand(grammar, k, slot_values)) for k in node.items]
        for combo in itertools.product(*parts):
            words = tuple(w for c in combo for w in c[0])
            slots = tuple(s for c in combo for s in c[1])
            yield words, slots


def count(grammar: Grammar, node: Node) -> int:
    """How many sentences :func:`expand` would yield (with every slot value)."""
    if isinstance(node, Word):
        return 1
    if isinstance(node, Slot):
        return len(grammar.lists[node.name].values)
    if isinstance(node, Rule):
        return count(grammar, grammar.rules[node.name])
    if isinstance(node, Alt):
        return sum(count(grammar, o) for o in node.options)
    total = 1
    for k in node.items:
        total *= count(grammar, k)
    return total


def sample(grammar: Grammar, node: Node, limit: int = 500) -> list[Sentence]:
    """Sentences of a template: all of them when there are at most ``limit``,
    else a covering set in which every alternative and slot value appears."""
    if count(grammar, node) <= limit:
        return list(expand(grammar, node))
    return _cover(grammar, node)


def _cover(grammar: Grammar, node: Node) -> list[Sentence]:
    if isinstance(node, Word | Slot):
        return list(expand(grammar, node))
    if isinstance(node, Rule):
        return _cover(grammar, grammar.rules[node.name])
    if isinstance(node, Alt):
        return [s for o in node.options for s in _cover(grammar, o)]
    parts = [_cover(grammar, k) for k in node.items]
    if not parts:
        return [((), ())]
    out: list[Sentence] = []
    for i in range(max(len(p) for p in parts)):
        # Each part cycles through all its sentences; offsets mix the combinations.
        combo = [p[(i + 7 * j) % len(p)] for j, p in enumerate(parts)]
        out.append((tuple(w for c in combo for w in c[0]), tuple(s for c in combo for s in c[1])))
    return out
