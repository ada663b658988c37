"""Text made speakable the same way by every voice: numbers as words, sentences split."""

from __future__ import annotations

import re

_ONES = (  # noqa: SIM905 - a word list reads better as one string
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth",
    "eight": "eighth", "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip


def number_to_words(n: int) -> str:
    """Cardinal English words: 47 -> 'forty seven', 1200 -> 'one thousand two hundred'."""
    if n < 0:
        return "minus " + number_to_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (" " + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + number_to_words(rest) if rest else "")
    for size, word in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            return (
                number_to_words(head) + f" {word}" + (" " + number_to_words(rest) if rest else "")
            )
    raise AssertionError("unreachable")


def ordinal_words(n: int) -> str:
    words = number_to_words(n).split()
    last = words[-1]
    if last in _ORDINAL_WORDS:
        words[-1] = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def _int(s: str) -> int:
    return int(s.replace(",", ""))


_UNITS = {"min": "minute", "mins": "minute", "sec": "second", "secs": "second", "s": "second"}

_REPLACEMENTS: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"…"), "..."),
    # "4-7-8 breathing": a sequence of counts, read one by one.
    (re.compile(r"\b\d+(?:-\d+){2,}\b"), lambda m: ", ".join(m.group().split("-"))),
    # "3-5 minutes": a range.
    (re.compile(r"\b(\d+)\s*[-–]\s*(\d+)\b"), lambda m: f"{m.group(1)} to {m.group(2)}"),
    (re.compile(r"\b(\d{1,2}):(\d{2})\b"), lambda m: _clock(int(m.group(1)), int(m.group(2)))),
    (re.compile(r"\b(\d+)(st|nd|rd|th)\b", re.I), lambda m: ordinal_words(int(m.group(1)))),
    (re.compile(r"(\d+(?:\.\d+)?)\s*%"), lambda m: f"{m.group(1)} percent"),
    (
        re.compile(r"\b(\d+)\s*(mins?|secs?|s)\b"),
        lambda m: f"{m.group(1)} {_UNITS[m.group(2)]}" + ("" if m.group(1) == "1" else "s"),
    ),
    (
        re.compile(r"(?<![\d.])(\d+)\.(\d+)\b"),
        lambda m: (
            number_to_words(int(m.group(1)))
            + " point "
            + " ".join(_ONES[int(d)] for d in m.group(2))
        ),
    ),
    (re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b"), lambda m: number_to_words(_int(m.group()))),
)


def _clock(hours: int, minutes: int) -> str:
    if minutes == 0:
        return f"{number_to_words(hours)} o'clock"
    spoken = number_to_words(minutes) if minutes >= 10 else "oh " + number_to_words(minutes)
    return f"{number_to_words(hours)} {spoken}"


def normalize_text(text: str) -> str:
    """Make text speakable the same way by every engine.

    Digits become words ("7 out of 10" -> "seven out of ten", "4-7-8" ->
    "four, seven, eight", "3rd" -> "third", "50%" -> "fifty percent") and
    whitespace is tidied. Idempotent.
    """
    s = text
    for pattern, repl in _REPLACEMENTS:
        s = pattern.sub(repl, s)  # type: ignore[call-overload]
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", s)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"')\]])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences (ellipses count as an ending: in a guided script they mean a pause)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip(" \t.,;:!?\"'")]
