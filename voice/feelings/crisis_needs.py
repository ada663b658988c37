"""What a pattern needs in the text before it can match: a cheap test that lets
:func:`voice.feelings.crisis.detect` skip most of its 331 patterns on a sentence.

``needs(pattern)`` reads the regular expression as Python's own parser does and returns a
set of literal strings, one of which every match must contain ("kill(?:ing)? myself" needs
"kill"), or None when it cannot tell (then the pattern is always tried). It only ever
drops a pattern that could not have matched, so the results are the same, faster.

Reading 331 long patterns takes about 150 ms, so the answers are kept in
``voice/data/crisis-needs.json`` under a hash of each pattern: a pattern changed since has a
new hash and is read afresh, so a stale file costs time, never a missed crisis. Rewrite it
with ``python tools/write_crisis_needs.py`` (a test says when it is out of date).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
from typing import Any

from voice import paths

NEEDS_FILE = paths.PACKAGE_DATA / "crisis-needs.json"
# Python's regular expression parser (3.11+); its types are not public, so read loosely.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
# Zero-width: they consume nothing, so the literals on either side stay next to each other.
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}


def key(pattern: str) -> str:
    return hashlib.sha1(pattern.encode()).hexdigest()[:16]


@functools.cache
def _known() -> dict[str, list[str] | None]:
    try:
        known: dict[str, list[str] | None] = json.loads(NEEDS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known


def kept_needs(pattern: str) -> frozenset[str] | None:
    """:func:`needs`, from the file when it holds this very pattern."""
    k = key(pattern)
    known = _known()
    if k in known:
        found = known[k]
        return None if found is None else frozenset(found)
    return needs(pattern)


def needs(pattern: str) -> frozenset[str] | None:
    """Literal strings, one of which is in any text ``pattern`` matches, or None."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_VERBOSE):
        return None
    return _of_sequence(list(parsed))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more telling of two needs: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _of_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        if op == _c.LITERAL:
            run += chr(av)
            continue
        if op in _ZERO_WIDTH:
            continue
        if run:
            best, run = _better(best, frozenset({run})), ""
        best = _better(best, _of_item(op, av))
    return _better(best, frozenset({run})) if run else best


def _of_item(op: Any, av: Any) -> frozenset[str] | None:
    if op == _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _c.SRE_FLAG_IGNORECASE else _of_sequence(list(sub))
    if op == _c.ATOMIC_GROUP:
        return _of_sequence(list(av))
    if op in _REPEATS:
        low, _high, sub = av
        return _of_sequence(list(sub)) if low >= 1 else None
    if op == _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _of_sequence(list(branch))
            if found is None:
                return None  # one way to match needs nothing known
            union |= found
        return frozenset(union)
    return None  # a class of characters, any character, a back reference: nothing known


def write(patterns: list[str]) -> int:
    """Keep the needs of ``patterns`` in :data:`NEEDS_FILE` (one pattern a line); how many
    were written."""
    table = {}
    for pattern in patterns:
        found = needs(pattern)
        table[key(pattern)] = None if found is None else sorted(found)
    lines = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(table.items())]
    NEEDS_FILE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    return len(table)
