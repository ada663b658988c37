"""The feeling vocabulary: finding a feeling, its strength and a practice in plain words.

The words live in ``voice/data/feelings.yaml`` (see the comments there); this
module reads and checks them once, then answers three questions for the
check-in, the ``check_in`` intent and ``ask: feeling`` steps: which feeling is
in this answer, how strong is it (0-10), and which practice might fit.
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
from voice.sessions.model import FEELING_FAMILIES

DATA_FILE = paths.PACKAGE_DATA / "feelings.yaml"

_SPOKEN = re.compile(r"^[a-z']+( [a-z']+)*$")
_TOKEN = re.compile(r"[a-z0-9']+|[.!?;,]")
# Typed shorthand becomes the words a speaker would say, so one table serves both.
_SHORTHAND: dict[str, tuple[str, ...]] = {
    "dont": ("don't",), "cant": ("can't",), "cannot": ("can't",), "wont": ("won't",),
    "im": ("i'm",), "ive": ("i've",), "isnt": ("isn't",), "didnt": ("didn't",),
    "doesnt": ("doesn't",), "wasnt": ("wasn't",), "wouldnt": ("wouldn't",),
    "couldnt": ("couldn't",), "arent": ("aren't",), "idk": ("i", "don't", "know"),
    "dunno": ("don't", "know"), "wanna": ("want", "to"), "gonna": ("going", "to"),
    "kinda": ("kind", "of"), "sorta": ("sort", "of"), "ok": ("okay",),
}
_JOIN_NOT = {"do": "don't", "can": "can't", "will": "won't", "does": "doesn't",
             "did": "didn't", "is": "isn't", "are": "aren't", "was": "wasn't",
             "would": "wouldn't", "could": "couldn't"}
NEGATORS = frozenset({"not", "never", "no", "don't", "doesn't", "didn't", "isn't", "aren't",
                      "wasn't", "weren't", "ain't", "won't", "wouldn't", "nor"})
# Words that may sit between a negator and a feeling: "not really that anxious".
# Pronouns are deliberately absent: "no, I'm anxious" starts a new clause.
_NEGATION_GAP = frozenset({"feel", "feeling", "felt", "very", "really", "that", "too", "so",
                           "particularly", "at", "all", "a", "bit", "super", "am", "be",
                           "being", "exactly", "quite", "even", "any", "more", "longer",
                           "overly", "remotely", "terribly", "as", "feels", "like", "ever"})


def words(text: str) -> list[str]:
    """Lowercase word tokens, with sentence punctuation kept as its own tokens."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[-_/]", " ", text)
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        tok = tok.strip("'") or tok
        if tok == "not" and out and out[-1] in _JOIN_NOT:
            out[-1] = _JOIN_NOT[out[-1]]  # "do not" reads like "don't"
            continue
        out.extend(_SHORTHAND.get(tok, (tok,)))
    return out


def negated(tokens: list[str], start: int, gap: frozenset[str] = _NEGATION_GAP,
            reach: int = 4) -> bool:
    """True when a negator governs the phrase starting at ``tokens[start]``."""
    i, skipped = start - 1, 0
    while i >= 0 and skipped <= reach:
        tok = tokens[i]
        if tok in NEGATORS:
            return True
        # A comma ends the clause ("no, I want ..."), except in "never, ever".
        if tok == "," and tokens[i + 1:i + 2] == ["ever"]:
            i -= 1
            continue
        if tok not in gap:
            return False
        i, skipped = i - 1, skipped + 1
    return False


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

    def practice_for(self, feeling: Feeling | None, text: str) -> str | None:
        toks = words(text)
        for practice, said in self._practices["phrases"].items():
            for phrase in said:
                key = words(phrase)
                if any(toks[i:i + len(key)] == key for i in range(len(toks))):
                    return str(practice)
        if feeling is None:
            return None
        if feeling.word in self._word_practice:
            return self._word_practice[feeling.word]
        high = self._practices["high_arousal"]
        if feeling.family in high["families"] and feeling.arousal >= high["at_least"]:
            return str(high["practice"])
        chosen = self._practices["families"].get(feeling.family)
        return str(chosen) if chosen else None


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
    check.need({"phrases", "high_arousal", "families"} <= set(practices),
               "practices needs phrases, high_arousal and families")
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


def suggest_practice(feeling: Feeling | None, text: str = "") -> str | None:
    """A session id that might fit, or None when nothing needs suggesting.

    The mapping lives in ``practices`` in feelings.yaml.
    """
    return load_vocabulary().practice_for(feeling, text)


# Intensity: "six", "6", "maybe a six", "like seven out of ten", "6.5", "6/10".
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
