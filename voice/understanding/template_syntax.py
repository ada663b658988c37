"""The template language: its nodes, and a template's text parsed into them.

hassil's syntax: ``(a|b)`` one of, ``[x]`` optional, ``{list}`` a slot filled from a list
of spoken values (``{list:slot}`` to name the slot), ``<rule>`` a named expansion rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Word:
    text: str


@dataclass(frozen=True)
class Slot:
    name: str  # the list its values come from
    slot: str = ""  # the slot it fills (hassil's {list:slot}); the list's name if empty

    @property
    def slot_name(self) -> str:
        return self.slot or self.name


@dataclass(frozen=True)
class Rule:
    name: str


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Alt:
    options: tuple[Node, ...]


Node = Union[Word, Slot, Rule, Seq, Alt]  # noqa: UP007 (recursive alias)
EMPTY = Seq(())

_TOKEN = re.compile(
    r"\s*(\(|\)|\[|\]|\||\{[a-z_]+(?::[a-z_]+)?\}|<[a-z_]+>|[a-z0-9'][a-z0-9'\-]*)", re.I)


class TemplateError(ValueError):
    """A template that cannot be parsed."""


def parse_template(text: str) -> Node:
    """Parse one template into a tree of :class:`Seq`/:class:`Alt`/leaves."""
    tokens: list[str] = []
    pos = 0
    stripped = text.strip()
    while pos < len(stripped):
        m = _TOKEN.match(stripped, pos)
        if not m:
            raise TemplateError(f"cannot read template {text!r} at {stripped[pos:]!r}")
        tokens.append(m.group(1))
        pos = m.end()
    node, rest = _parse_alt(tokens, 0, text)
    if rest != len(tokens):
        raise TemplateError(f"unbalanced brackets in template {text!r}")
    return node


def _parse_alt(tokens: list[str], i: int, text: str) -> tuple[Node, int]:
    options: list[Node] = []
    items: list[Node] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok in (")", "]"):
            break
        if tok == "|":
            options.append(Seq(tuple(items)))
            items = []
            i += 1
            continue
        if tok in ("(", "["):
            close = ")" if tok == "(" else "]"
            inner, i = _parse_alt(tokens, i + 1, text)
            if i >= len(tokens) or tokens[i] != close:
                raise TemplateError(f"missing {close!r} in template {text!r}")
            i += 1
            items.append(Alt((inner, EMPTY)) if tok == "[" else inner)
            continue
        if tok.startswith("{"):
            name, _, slot = tok[1:-1].partition(":")
            items.append(Slot(name, slot))
        elif tok.startswith("<"):
            items.append(Rule(tok[1:-1]))
        else:
            items.append(Word(tok.lower()))
        i += 1
    options.append(Seq(tuple(items)))
    node: Node = options[0] if len(options) == 1 else Alt(tuple(options))
    return _simplify(node), i


def _simplify(node: Node) -> Node:
    if isinstance(node, Seq) and len(node.items) == 1:
        return node.items[0]
    return node
