"""The feeling vocabulary: finding a feeling and its strength in plain words.

The words live in ``voice/data/feelings.yaml`` (see the comments there); this
module reads and checks them once, then answers three questions for the
check-in, the ``check_in`` intent and ``ask: feeling`` steps: which feeling is
in this answer and how strong it is (0-10). What to answer and which practice
might fit is :mod:`voice.feelings.response`.

The words of a sentence and negation are read by :mod:`voice.feelings.spoken_words`, the
strength by :mod:`voice.feelings.intensity`; both stay importable from here.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

import yaml

from voice import paths
from voice.errors import AttuneError
from voice.feelings.intensity import parse_intensity, vague_intensity
from voice.feelings.spoken_words import NEGATORS, negated, words
from voice.sessions.model import FEELING_FAMILIES

__all__ = [
    "DATA_FILE",
    "NEGATORS",
    "Feeling",
    "Vocabulary",
    "load_vocabulary",
    "negated",
    "parse_intensity",
    "parse_vocabulary",
    "vague_intensity",
    "words",
]

DATA_FILE = paths.PACKAGE_DATA / "feelings.yaml"

_SPOKEN = re.compile(r"^[a-z']+( [a-z']+)*$")


@dataclass(frozen=True)
class Feeling:
    word: str
    family: str
    valence: float
    arousal: float

    def to_dict(self) -> dict[str, Any]:
        return {"word": self.word, "family": self.family, "valence": self.valence,
                "arousal": self.arousal}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feeling:
        return cls(str(data["word"]), str(data["family"]), float(data["valence"]),
                   float(data["arousal"]))


@dataclass(frozen=True)
class _Match:
    feeling: Feeling
    start: int
    length: int
    weak: bool  # an "I don't know" phrase: loses to any real feeling word


class Vocabulary:
    """The checked vocabulary; build it with :func:`load_vocabulary`."""

    def __init__(self, feelings: list[Feeling], forms: dict[str, list[str]],
                 unsure: Feeling, unsure_phrases: list[str], try_on: list[str],
                 practices: dict[str, Any], word_practice: dict[str, str]) -> None:
        self.feelings = feelings
        self._unsure = unsure
        self._try_on = try_on
        self._practices = practices
        self._word_practice = word_practice
        self._by_word = {f.word: f for f in feelings}
        self._index: dict[tuple[str, ...], tuple[Feeling, bool]] = {}
        self._spoken: list[str] = []
        for f in feelings:
            for form in [f.word, *forms.get(f.word, [])]:
                self._add(form, f, weak=False)
        for phrase in unsure_phrases:
            self._add(phrase, unsure, weak=True)
        self._longest = max(len(k) for k in self._index)

    def _add(self, form: str, feeling: Feeling, weak: bool) -> None:
        key = tuple(words(form))
        if key not in self._index:
            self._index[key] = (feeling, weak)
            self._spoken.append(form)

    def get(self, word: str) -> Feeling | None:
        return self._by_word.get(word)

    def _matches(self, text: str) -> list[_Match]:
        toks = words(text)
        found: list[_Match] = []
        for i in range(len(toks)):
            for length in range(min(self._longest, len(toks) - i), 0, -1):
                hit = self._index.get(tuple(toks[i:i + length]))
                if hit and not negated(toks, i):
                    found.append(_Match(hit[0], i, length, hit[1]))
                    break
        return found

    def lookup(self, text: str) -> Feeling | None:
        """The feeling named in ``text``: the longest phrase wins, then the earliest.

        A negated word ("not anxious") is skipped. "I don't know" and friends
        give the ``unsure`` feeling, but only when no feeling word is present.
        """
        found = self.locate(text)
        return found[0] if found is not None else None

    def locate(self, text: str) -> tuple[Feeling, int, int] | None:
        """Like :meth:`lookup`, with where the phrase stands: (feeling, first word, words)."""
        found = self._matches(text)
        strong = [m for m in found if not m.weak] or found
        if not strong:
            return None
        best = min(strong, key=lambda m: (-m.length, m.start))
        return best.feeling, best.start, best.length

    def phrases(self) -> list[str]:
        """Every spoken form, for the speech grammar."""
        return list(self._spoken)

    def families(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {family: [] for family in FEELING_FAMILIES}
        for f in self.feelings:
            out[f.family].append(f.word)
        return out

    def suggestions(self, n: int = 4) -> list[str]:
        """A few broad words to try on when someone is unsure."""
        return self._try_on[:n]

    @property
    def practices(self) -> dict[str, Any]:
        """The ``practices`` mapping of the data file (read by :mod:`voice.feelings.response`)."""
        return self._practices

    def own_practice(self, feeling: Feeling) -> str | None:
        """A session that fits this feeling better than its family's default, if any."""
        return self._word_practice.get(feeling.word)

    def said(self, phrase: str, text: str) -> bool:
        """``phrase`` is said in ``text``, word for word (spelling evened out)."""
        toks, key = words(text), words(phrase)
        return any(toks[i:i + len(key)] == key for i in range(len(toks)))


class _Checker:
    """Collects every problem in the data file so one run names them all."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def need(self, ok: bool, message: str) -> bool:
        if not ok:
            self.problems.append(message)
        return ok

    def spoken(self, form: Any, where: str) -> None:
        self.need(isinstance(form, str) and bool(_SPOKEN.match(form)),
                  f"{where}: {form!r} must be lowercase words (letters, apostrophes, spaces)")


def _number(value: Any, lo: float, hi: float) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and lo <= value <= hi)


def _build(data: Any) -> Vocabulary:
    check = _Checker()
    if not isinstance(data, dict) or not isinstance(data.get("feelings"), list):
        raise AttuneError(f"{DATA_FILE}: expected a mapping with a 'feelings' list")
    feelings: list[Feeling] = []
    forms: dict[str, list[str]] = {}
    word_practice: dict[str, str] = {}
    seen: set[str] = set()
    for n, item in enumerate(data["feelings"], 1):
        where = f"feeling {n}"
        if not check.need(isinstance(item, dict) and {"word", "family", "valence", "arousal"}
                          <= set(item), f"{where}: needs word, family, valence and arousal"):
            continue
        word = item["word"]
        check.spoken(word, where)
        check.need(word not in seen, f"{where}: {word!r} is listed twice")
        seen.add(word)
        check.need(item["family"] in FEELING_FAMILIES, f"{where}: unknown family "
                   f"{item['family']!r} (one of {', '.join(FEELING_FAMILIES)})")
        check.need(_number(item["valence"], -1, 1), f"{where}: valence must be -1 to 1")
        check.need(_number(item["arousal"], 0, 1), f"{where}: arousal must be 0 to 1")
        extra = item.get("forms", [])
        if check.need(isinstance(extra, list), f"{where}: forms must be a list"):
            for form in extra:
                check.spoken(form, where)
            forms[str(word)] = [str(f) for f in extra]
        if "practice" in item:
            word_practice[str(word)] = str(item["practice"])
        feelings.append(Feeling(str(word), str(item["family"]), float(item["valence"]),
                                float(item["arousal"])))
    unsure = data.get("unsure") or {}
    by_word = {f.word: f for f in feelings}
    check.need(unsure.get("feeling") in by_word, "unsure.feeling must name a listed feeling")
    for phrase in unsure.get("phrases", []):
        check.spoken(phrase, "unsure.phrases")
    try_on = data.get("try_on", [])
    for word in try_on:
        check.need(word in by_word, f"try_on: {word!r} is not a listed feeling")
    practices = data.get("practices") or {}
    check.need({"phrases", "strong", "numb", "tired", "families"} <= set(practices),
               "practices needs phrases, strong, numb, tired and families")
    if check.problems:
        raise AttuneError(f"{DATA_FILE}: {check.problems[0]}"
                          + (f" (and {len(check.problems) - 1} more)"
                             if len(check.problems) > 1 else ""))
    return Vocabulary(feelings, forms, by_word[unsure["feeling"]],
                      [str(p) for p in unsure.get("phrases", [])], [str(w) for w in try_on],
                      practices, word_practice)


def parse_vocabulary(text: str) -> Vocabulary:
    """Check and build a vocabulary from YAML text (tests feed broken copies here)."""
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise AttuneError(f"{DATA_FILE}: not valid YAML ({err})") from err
    return _build(data)


@functools.cache
def load_vocabulary() -> Vocabulary:
    try:
        text = DATA_FILE.read_text(encoding="utf-8")
    except OSError as err:
        raise AttuneError(f"{DATA_FILE}: cannot read the feeling vocabulary ({err})") from err
    return parse_vocabulary(text)

