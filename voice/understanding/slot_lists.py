"""Slot lists: the spoken values a ``{slot}`` may take, from phrases or a range of numbers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SlotValue:
    words: tuple[str, ...]
    value: Any


@dataclass
class SlotList:
    name: str
    values: list[SlotValue] = field(default_factory=list)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """0..99 as spoken English words ("twenty five")."""
    if not 0 <= n < 100:
        raise ValueError(f"number out of range: {n}")
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("" if ones == 0 else " " + _ONES[ones])


def range_list(name: str, lo: int, hi: int) -> SlotList:
    return SlotList(name, [SlotValue(tuple(number_words(n).split()), n)
                           for n in range(lo, hi + 1)])


def phrase_list(name: str, pairs: Iterable[tuple[str, Any]]) -> SlotList:
    """A slot list from (spoken phrase, value) pairs; duplicates keep the first."""
    seen: dict[tuple[str, ...], Any] = {}
    for spoken, value in pairs:
        words = tuple(spoken.split())
        if words and words not in seen:
            seen[words] = value
    return SlotList(name, [SlotValue(w, v) for w, v in seen.items()])
