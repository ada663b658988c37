"""One crisis pattern and how it is compiled: the words (between word boundaries), whether a
denial before them counts, idiom or accident tails after them and accidents before them
that cancel a match, and whether someone else may be the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice.feelings.crisis_needs import kept_needs


@dataclass(frozen=True)
class CrisisPattern:
    kind: str
    regex: re.Pattern[str]
    negatable: bool  # False when the phrase carries its own "not" ("don't want to live")
    unless: re.Pattern[str] | None  # idiom or accident tails that cancel the match
    after: re.Pattern[str] | None  # accidents just before that cancel it ("fell and ...")
    own: bool  # False when others are the subject by design ("my wife would get the insurance")
    needs: frozenset[str] | None = None  # one of these is in any text it matches (None: unknown)


def rule(kind: str, pattern: str, negatable: bool = True, unless: str | None = None,
         after: str | None = None, own: bool = True) -> CrisisPattern:
    words = r"\b" + pattern + r"\b"
    return CrisisPattern(kind, re.compile(words), negatable,
                         re.compile(r"^ (?:" + unless + r")\b") if unless else None,
                         re.compile(r"\b(?:" + after + r") $") if after else None, own,
                         kept_needs(words))
