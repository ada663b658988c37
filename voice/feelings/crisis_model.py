"""A learned backstop for crisis language, read after every rule of
:mod:`voice.feelings.crisis` said no.

The rules name each way of saying it and catch every phrasing they were tuned on, but
people who never saw them keep finding new ways (blind batches: 77-87% caught before
tuning). This is a logistic regression over hashed features of the sentence, read the
way the rules read it (typing slips repaired, lowercase words and punctuation tokens,
slang such as "kms" spelled out): word unigrams and bigrams, and character 3- to
5-grams within each word (so "overdosing", "unaliving" or "self-harmed" share pieces
with the words the model saw). Each feature is hashed with CRC-32 into 2^18 buckets;
the weights (only the buckets training touched, as float16) live in
``voice/data/crisis-model.npz``, written by ``tools/train_crisis_model.py``, with the
threshold chosen there by cross-validation so that near misses are almost never flagged.

Inference is hashing and a sparse sum: well under a millisecond a sentence, no
dependency beyond numpy. The weights are read on first use.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

from voice.feelings.crisis_backstop import idiom
from voice.feelings.crisis_self import SHORTHAND, untypo
from voice.feelings.vocabulary import words

BITS = 18
BUCKETS = 1 << BITS
CHAR_GRAMS = (3, 4, 5)
WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "crisis-model.npz"


def tokens(text: str) -> list[str]:
    """``text`` as the crisis rules read it: slips repaired, lowercase word and
    punctuation tokens, slang spelled out."""
    return [t for tok in words(untypo(text)) for t in SHORTHAND.get(tok, tok).split()]


# A denial reaches to the end of its clause: "i don't want to die" reads "want", "die" as
# "~want", "~die", so the model can tell it from "i want to die".
_DENIALS = frozenset({"not", "never", "no", "don't", "dont", "doesn't", "didn't", "won't",
                      "wouldn't", "isn't", "wasn't", "aren't", "haven't", "hasn't", "hadn't",
                      "ain't", "nobody", "nothing", "can't", "cannot", "cant", "couldn't"})
_CLAUSE_END = frozenset({"but", "though", "although", "yet", "because", "cause"})


def denials_marked(toks: list[str]) -> list[str]:
    """Words after a denial, to the end of the clause, marked with "~"."""
    out: list[str] = []
    denied = False
    for tok in toks:
        if not tok[:1].isalnum() or tok in _CLAUSE_END:
            denied = False
        out.append("~" + tok if denied else tok)
        if tok in _DENIALS:
            denied = True
    return out


def _bucket(name: str) -> int:
    return zlib.crc32(name.encode()) & (BUCKETS - 1)


@lru_cache(maxsize=8192)
def _char_buckets(tok: str) -> frozenset[int]:
    """The buckets of a word's character n-grams (marked at its edges); words recur, so
    they are hashed once."""
    marked = f"<{tok}>"
    return frozenset(_bucket("c:" + marked[i:i + n])
                     for n in CHAR_GRAMS for i in range(len(marked) - n + 1))


def feature_buckets(toks: list[str]) -> npt.NDArray[np.int64]:
    """The sorted distinct buckets of a sentence's features: words and word pairs (with
    the sentence's start and end, denied words marked), and character n-grams within each
    word."""
    marked = denials_marked(toks)
    padded = ["<s>", *marked, "</s>"]
    out = {_bucket("w:" + tok) for tok in marked}
    out.update(_bucket(f"b:{a} {b}") for a, b in pairwise(padded))
    for tok in toks:
        if tok[:1].isalnum():
            out |= _char_buckets(tok)
    return np.array(sorted(out), dtype=np.int64)


def features(text: str) -> npt.NDArray[np.int64]:
    """The sorted distinct buckets of ``text``'s features."""
    return feature_buckets(tokens(text))


# The guards the rules keep, in the model's terms: a sentence about someone else with no
# word for the speaker ("she said she wanted to die"; "you" and "we" may mean the speaker),
# or one of the backstop's idioms ("dying to see it"), is never read by the model.
_SPEAKER = frozenset({"i", "i'm", "im", "i'd", "i've", "i'll", "me", "my", "myself", "mine",
                      "you", "you're", "your", "yourself", "we", "we're", "us", "our", "u"})
_OTHERS = frozenset({"he", "she", "they", "he's", "she's", "they're", "his", "her", "their",
                     "him", "them", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll"})


def ruled_out(toks: list[str]) -> bool:
    """The guards say no before the model is asked."""
    said = set(toks)
    if said & _OTHERS and not said & _SPEAKER:
        return True
    return idiom(" ".join(toks))


@dataclass(frozen=True)
class CrisisModel:
    weights: npt.NDArray[np.float32]  # one per bucket, zero where training never looked
    bias: float
    threshold: float  # a score (log-odds) at or above it counts as crisis

    def score(self, text: str) -> float:
        """The model's log-odds that ``text`` is crisis language."""
        return self._score(tokens(text))

    def _score(self, toks: list[str]) -> float:
        buckets = feature_buckets(toks)
        if not len(buckets):
            return -math.inf
        # Features are binary, scaled so every sentence has unit length (as in training).
        return float(self.weights[buckets].sum()) / math.sqrt(len(buckets)) + self.bias

    def probability(self, text: str) -> float:
        """How likely the model finds ``text`` to be crisis language, 0 to 1."""
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.score(text)))))

    def says_crisis(self, text: str) -> bool:
        """At or above the threshold, and not ruled out by the guards."""
        toks = tokens(text)
        return not ruled_out(toks) and self._score(toks) >= self.threshold


def save(path: Path, weights: npt.NDArray[np.float64], bias: float, threshold: float) -> None:
    """Only the nonzero buckets, as uint32 indices and float16 weights."""
    index = np.flatnonzero(weights).astype(np.uint32)
    np.savez_compressed(path, index=index, weight=weights[index].astype(np.float16),
                        bias=np.float64(bias), threshold=np.float64(threshold),
                        bits=np.int64(BITS))


@lru_cache(maxsize=1)
def load(path: Path = WEIGHTS) -> CrisisModel:
    """The model kept in ``voice/data`` (read once)."""
    with np.load(path) as data:
        if int(data["bits"]) != BITS:
            raise ValueError(f"{path}: weights for 2^{int(data['bits'])} buckets, not 2^{BITS}")
        weights = np.zeros(BUCKETS, dtype=np.float32)
        weights[data["index"].astype(np.int64)] = data["weight"].astype(np.float32)
        return CrisisModel(weights, float(data["bias"]), float(data["threshold"]))


def probability(text: str) -> float:
    """How likely the kept model finds ``text`` to be crisis language, 0 to 1."""
    return load().probability(text)


def says_crisis(text: str) -> bool:
    """The kept model, at its threshold and behind its guards, finds ``text`` crisis."""
    return load().says_crisis(text)

