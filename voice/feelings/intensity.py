"""How strong a feeling is, from what was said: "six", "6", "maybe a six", "6.5", "6/10",
"like seven out of ten"; or only an amount without a number ("pretty strong")."""

from __future__ import annotations

import math
import re

from voice.feelings.spoken_words import words

_COUNTING = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
             "fourteen fifteen sixteen seventeen eighteen nineteen twenty")
_NUMBER_WORDS = {w: i for i, w in enumerate(_COUNTING.split())}
_NUMBER_WORDS |= {"nought": 0, "nil": 0, "none": 0, "nothing": 0, "hundred": 100}
_VAGUE_WORDS = """lot lots very really pretty quite strong stronger strongly intense mild
    mildly little bit slightly somewhat medium moderate high low big huge massive extreme
    extremely overwhelming barely hardly much loads tons enormous fairly super crazy unbearable
    manageable small tiny heavy weak faint middling bad awful terrible so kind sort"""
_VAGUE = frozenset(_VAGUE_WORDS.split())


def _numbers(text: str) -> list[float]:
    text = text.lower().replace("%", " percent ")
    text = re.sub(r"(\d+(?:\.\d+)?)\s*/\s*10\b", r"\1 out of ten", text)
    toks = re.findall(r"\d+(?:\.\d+)?|[a-z']+", text)
    out: list[float] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        value = float(tok) if tok[0].isdigit() else _NUMBER_WORDS.get(tok)
        if value is not None:
            if toks[i + 1:i + 4] == ["and", "a", "half"]:
                value, i = value + 0.5, i + 3
            if toks[i + 1:i + 2] == ["percent"]:
                value = value / 10
            elif toks[i + 1:i + 3] == ["out", "of"] and i + 3 < len(toks):
                scale = toks[i + 3]
                total = float(scale) if scale[0].isdigit() else _NUMBER_WORDS.get(scale)
                if total:
                    value = value * 10 / total
                i += 3  # the "out of ten" is a scale, not a second answer
            out.append(value)
        i += 1
    return out


def parse_intensity(text: str) -> int | None:
    """A 0-10 rating in ``text``, or None when there is no number in it.

    Two numbers ("six or seven") give their middle, rounded up; anything over
    ten counts as ten ("it's a twelve" means as strong as it gets).
    """
    nums = _numbers(text)
    if not nums:
        return None
    value = sum(nums[:2]) / len(nums[:2])
    return max(0, min(10, math.floor(value + 0.5)))


def vague_intensity(text: str) -> bool:
    """True for an amount without a number ("pretty strong", "a lot"): ask once for one."""
    if parse_intensity(text) is not None:
        return False
    return any(tok in _VAGUE for tok in words(text))
