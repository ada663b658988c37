"""The rule that lets a scored candidate phrase replace Whisper's free transcript.

A candidate is one of the mode's phrases, scored against the audio with the phrase
forced as the decoder's output (mean log-probability per token, its end included).
The numbers were fitted on the fit split (bench/fit_whisper.py), never the eval split.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from voice.ears.whisper_completions import plain
from voice.ears.whisper_phrases import NOISE_TEXTS, mode_sentences

# A candidate wins with this mean log-probability per token and this lead over the
# best candidate that means something else (bench/fit_whisper.py, fit split, 5 voices,
# 285 requests and 245 out-of-domain clips: -1.4/0.4 took clean 94.7% -> 97.9% against
# -1.2/0.6 at the same 4 false accepts; -1.6 let a fifth through).
CANDIDATE_MIN = -1.4
CANDIDATE_MARGIN = 0.4
# Or a lower score far ahead of every other meaning ("resume" over Attune's echoed voice
# at -1.42, 1.8 ahead): on the fit split one more 5 dB clip right, one more false accept.
CANDIDATE_WIDE_MIN = -1.6
CANDIDATE_WIDE_MARGIN = 1.5
# ... and never more than this below the free transcript's own mean log-probability
# (fit split, two recordings of it: clean 94.7 -> 96.5% and 96.8 -> 98.9%, nothing lost
# at 10 or 5 dB, false accepts the same; 1.0 lost 10 dB clips).
CANDIDATE_GAP = 1.5
# Each candidate costs about 20 ms to score (2 cores), so only the mode's short phrases
# and template sentences most like the transcript are scored: on the fit split, 3 and 5
# decide as all of them (9-17) did (bench/fit_whisper.py).
SHORT_KEPT = 3
NEAREST = 5
# A candidate must be sayable in the audio it would stand for: at most this many
# syllables, plus this many a second. On the fit split every utterance understood
# right had at least 2 syllables of room under that bound (fastest: "okay that's
# enough", 5 in 1.17 s); the search had read a 0.39 s "a large body of water" at 5 dB
# as "let's start the body scan" (6 syllables), a false accept.
SYLLABLES_ALWAYS = 2
SYLLABLES_PER_S = 6.0

_VOWEL_RUNS = re.compile(r"[aeiouy]+")
# Spelling rules English mostly follows (checked against PocketSphinx's CMU dictionary
# on the grammar's words: tests/test_whisper_candidates.py).
_NOT_LE = r"(?![^aeiouy]*[bcdfgkpstvz]le$)"  # (little, trouble: the l is a syllable)
_SILENT = [re.compile(p) for p in (
    rf"((^|[^aeiou])[aeiouy]|[aeiou]){_NOT_LE}[^aeiouy]+e$",  # time, breathe (not maybe)
    r"(?<![bcdfgkpstvz]l)(?<![aeiouytd])ed$",  # calmed, bored (not rested, settled)
    r"(?<![bcdfgkpstvz]l)(?<![aeiouysxzgc])es$",  # comes (not closes, boxes, troubles)
    r"[aeiouy][^aeiouy]e(ly|ful|less|ment|ness|some|sick)",  # lonely, hopeful, homesick
    r"^(some|every).",  # someone, everything
)]
_SPLIT = [re.compile(p) for p in (
    r"[aeiouy]ing",  # going, being, crying
    r"(?<![ctsxg])i[aou]",  # idea, curious (not nation, anxious)
    r"[bcdfghjklmnpqrstvwxz]ier",  # happier
    r"eo|ao|ua(?!r)|uo",  # chaos, video, actual
    r"[ds]nt$",  # couldn't, isn't (read without the apostrophe)
    r"[aeiou]y[aeiou](?![ds]$)",  # betrayal, annoyance (not annoyed)
    r"ire[ds]?$|(?<![yfp])our$",  # tired, our (not your)
)]


def _syllables_of(word: str) -> int:
    word = word.replace("'", "")
    runs = len(_VOWEL_RUNS.findall(word))
    runs -= sum(1 for rule in _SILENT if rule.search(word))
    runs += sum(1 for rule in _SPLIT if rule.search(word))
    return max(1, runs)


def syllables(text: str) -> int:
    """Roughly how many syllables ``text`` has when spoken."""
    return sum(_syllables_of(word) for word in plain(text).split())


def sayable(phrase: str, seconds: float) -> bool:
    """Whether ``phrase`` can be said in ``seconds`` of audio, even quickly."""
    return syllables(phrase) <= SYLLABLES_ALWAYS + SYLLABLES_PER_S * seconds


def candidate_floor(text: str, avg_logprob: float) -> float:
    """The least a candidate may score to replace the free transcript ``text``: a candidate
    far less likely than what Whisper wrote freely does not replace it ("House." at -0.25
    is not "pause" at -1.31). Nothing written, or Whisper's words for noise: no floor."""
    return avg_logprob - CANDIDATE_GAP if text and plain(text) not in NOISE_TEXTS else -99.0


@dataclass(frozen=True)
class Best:
    """The best candidate phrase, its score, and its lead over the best phrase of
    another meaning (scores under the floor counted as nothing; 9.0 when no phrase
    means anything else)."""

    phrase: str
    score: float
    margin: float

    def wins(self) -> bool:
        """Whether it replaces the transcript: surely and ahead, or lower but far ahead.
        (Measuring the wide rule's lead against what the rivals really scored, rather
        than against the floor, was tried in session 15: the fit split was the same,
        but Piper's bare "pause" at 10 dB, written "Bause.", scored -1.58 with every
        rival under the floor, and was then lost at the end of the utterance.)"""
        return ((self.score >= CANDIDATE_MIN and self.margin >= CANDIDATE_MARGIN)
                or (self.score >= CANDIDATE_WIDE_MIN and self.margin >= CANDIDATE_WIDE_MARGIN))


def best_candidate(phrases: Sequence[str], scores: Sequence[float], floor: float,
                   meaning: Callable[[str], object]) -> Best:
    """The best phrase of ``phrases`` by ``scores``, those under ``floor`` counted as -99."""
    floored = [s if s >= floor else -99.0 for s in scores]
    order = sorted(range(len(phrases)), key=lambda i: -floored[i])
    best = order[0]
    said = meaning(phrases[best])
    runner_up = next((i for i in order[1:] if meaning(phrases[i]) != said), None)
    margin = floored[best] - floored[runner_up] if runner_up is not None else 9.0
    return Best(phrases[best], float(floored[best]), float(margin))


def spelled_candidates(readings: Sequence[str], mode: str, shorts: Sequence[str],
                       completions: Sequence[str]) -> list[str]:
    """The mode's sentences nearest in spelling to the transcript (``readings[0]``) or to
    any other reading of it, the short phrases (``shorts``) most like it, and the
    check-in's number ``completions``."""
    likeness: dict[str, float] = {}
    for reading in dict.fromkeys(plain(r) for r in readings):
        for sentence, like, _ in process.extract(reading, mode_sentences(mode),
                                                 scorer=fuzz.ratio, limit=NEAREST):
            likeness[sentence] = max(like, likeness.get(sentence, 0.0))
    near = sorted(likeness, key=lambda c: -likeness[c])[:NEAREST]
    said = plain(readings[0])
    kept = list(shorts)
    if said and mode != "answer":
        # (Nothing written: every short phrase is as likely. An answer is mostly a
        # number misheard as a word that looks nothing like it: "six" as "Thanks.")
        kept = [c for c, _, _ in process.extract(said, kept, scorer=fuzz.ratio,
                                                 limit=SHORT_KEPT)]
    return list(dict.fromkeys([*kept, *completions, *near]))
