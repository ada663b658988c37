"""Read YAML safely and keep where every value came from.

PyYAML's ``safe_load`` refuses code-running tags, but it silently keeps the
last of duplicate keys and expands aliases (a few lines can become gigabytes).
Sessions are read here instead: the document is *composed* into nodes (never
constructed wholesale), anchors, aliases and non-standard tags are refused,
duplicate keys are reported, and each value becomes a :class:`Y` that knows
its line and column so every problem can name ``path:line:col``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 40

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _STD + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}


@dataclass(frozen=True, order=True)
class Pos:
    """A 1-based line and column in a file."""

    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Problem:
    """One finding, printed the way compilers do: ``path:line:col: message``."""

    path: str
    pos: Pos
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.pos.line}:{self.pos.col}: {self.message}"


@dataclass
class Y:
    """A YAML value with its position.

    ``value`` is a plain scalar (str, int, float, bool, None, date), a list of
    :class:`Y`, or for mappings a list of ``(key, key_pos, Y)`` in file order.
    """

    value: Any
    pos: Pos = field(default_factory=Pos)
    kind: str = "scalar"  # scalar | seq | map

    @property
    def is_map(self) -> bool:
        return self.kind == "map"

    @property
    def is_seq(self) -> bool:
        return self.kind == "seq"

    def items(self) -> Iterator[tuple[Any, Pos, Y]]:
        assert self.is_map
        yield from self.value

    def get(self, key: str) -> Y | None:
        if not self.is_map:
            return None
        for k, _, v in self.value:
            if k == key:
                found: Y = v
                return found
        return None

    def plain(self) -> Any:
        """The value as ordinary Python data (for ``from_dict`` round trips)."""
        if self.kind == "seq":
            return [item.plain() for item in self.value]
        if self.kind == "map":
            return {k: v.plain() for k, _, v in self.value}
        return self.value


def from_plain(data: Any, pos: Pos | None = None) -> Y:
    """Wrap ordinary Python data (e.g. from JSON) so the same checks apply."""
    pos = pos or Pos()
    if isinstance(data, dict):
        return Y([(k, pos, from_plain(v, pos)) for k, v in data.items()], pos, "map")
    if isinstance(data, list | tuple):
        return Y([from_plain(v, pos) for v in data], pos, "seq")
    return Y(data, pos)


class YamlRefused(Exception):
    def __init__(self, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos()


class _Loader(yaml.SafeLoader):
    """A SafeLoader whose composer refuses anchors and aliases up front."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise YamlRefused(
                f"aliases ('*{event.anchor}') are not allowed in sessions; write the value out",
                _pos(event.start_mark),
            )
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise YamlRefused(
                f"anchors ('&{event.anchor}') are not allowed in sessions; write the value out",
                _pos(event.start_mark),
            )
        node: Node | None = super().compose_node(parent, index)
        return node


def _describe_tag(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


class _Walker:
    def __init__(self, loader: Any, problems: list[tuple[Pos, str]]) -> None:
        self.loader = loader
        self.problems = problems

    def walk(self, node: Node, depth: int = 0) -> Y:
        pos = _pos(node.start_mark)
        if depth > MAX_DEPTH:
            raise YamlRefused(f"the document nests deeper than {MAX_DEPTH} levels", pos)
        if node.tag not in _ALLOWED_TAGS:
            self.problems.append(
                (pos, f"YAML tags like '{_describe_tag(node.tag)}' are not allowed in sessions")
            )
            return Y(None, pos)
        if isinstance(node, ScalarNode):
            try:
                value = self.loader.construct_object(node, deep=True)
            except yaml.YAMLError as err:
                self.problems.append((pos, f"unreadable value: {getattr(err, 'problem', err)}"))
                value = None
            return Y(value, pos)
        if isinstance(node, SequenceNode):
            return Y([self.walk(child, depth + 1) for child in node.value], pos, "seq")
        assert isinstance(node, MappingNode)
        items: list[tuple[Any, Pos, Y]] = []
        seen: dict[Any, Pos] = {}
        for key_node, value_node in node.value:
            key_pos = _pos(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.problems.append((key_pos, "a key must be a plain word, not a list or mapping"))
                continue
            key = self.walk(key_node, depth + 1).value
            first = seen.get(key)  # scalar keys are always hashable
            if first is not None:
                self.problems.append(
                    (key_pos, f"duplicate key '{key}' (first at line {first.line}); "
                     "YAML would silently keep only the last one")
                )
                continue
            seen[key] = key_pos
            items.append((key, key_pos, self.walk(value_node, depth + 1)))
        return Y(items, pos, "map")


@dataclass
class Loaded:
    """The result of reading one file: a tree (or None) and what was wrong."""

    path: str
    root: Y | None
    problems: list[Problem]


def _load_fast(text: str, path: str) -> Loaded | None:
    """The same tree through libyaml, for a file with nothing to refuse; else None.

    Anchors, aliases or any error send the file to the careful loader below, which
    says what is wrong and where. libyaml reads a session about ten times faster.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return None
    try:
        for event in yaml.parse(text, Loader=fast):
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                return None
        loader = fast(text)
        try:
            found: list[tuple[Pos, str]] = []
            node = loader.get_single_node()
            root = _Walker(loader, found).walk(node) if node is not None else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, YamlRefused, RecursionError):
        return None
    return Loaded(path, root, [Problem(path, p, m) for p, m in found])


def load_text(text: str, path: str) -> Loaded:
    quick = _load_fast(text, path)
    if quick is not None:
        return quick
    found: list[tuple[Pos, str]] = []
    loader = _Loader(text)
    root: Y | None = None
    try:
        node = loader.get_single_node()
        if node is not None:
            root = _Walker(loader, found).walk(node)
    except YamlRefused as err:
        found.append((err.pos, err.message))
        root = None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and re.search(r"end of stream|<stream end>", err.problem or ""):
            mark = err.context_mark  # an unclosed quote: point at where it opened
        what = err.problem or "malformed YAML"
        if err.context:
            what = f"{err.context}, {what}"
        found.append((_pos(mark), f"YAML syntax error: {what}"))
        root = None
    except yaml.YAMLError as err:  # ReaderError: bad characters
        mark = getattr(err, "position", None)
        line = text.count("\n", 0, mark) + 1 if isinstance(mark, int) else 1
        found.append((Pos(line, 1), f"YAML error: {err}"))
        root = None
    except RecursionError:
        found.append((Pos(), f"the document nests too deeply (limit {MAX_DEPTH})"))
        root = None
    finally:
        loader.dispose()
    return Loaded(path, root, [Problem(path, p, m) for p, m in found])


def load_file(path: Path, shown: str | None = None) -> Loaded:
    shown = shown or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Loaded(shown, None, [Problem(shown, Pos(), (
                f"file is {size // 1024} KiB; a session file may be at most "
                f"{MAX_FILE_BYTES // 1024} KiB"))])
        data = path.read_bytes()
    except OSError as err:
        return Loaded(shown, None, [Problem(shown, Pos(), f"cannot read file: {err.strerror}")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return Loaded(shown, None, [Problem(shown, Pos(line, col), (
            "file is not UTF-8 text; save it as UTF-8"))])
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_text(text, shown)
