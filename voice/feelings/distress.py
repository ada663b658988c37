"""Noticing acute distress right now: panic, breathlessness, overwhelm.

When someone says "I can't breathe", "I'm having a panic attack" or just
"help me", Attune answers with one warm line and starts the one-minute
calm-sos practice at once, without asking for a number first. This module
only decides whether a sentence is such a moment; crisis language (self-harm,
suicide) is :mod:`voice.feelings.crisis`'s job and is checked first.

Design, in the spirit of crisis.py: regular expressions over the normalized
words of :func:`voice.feelings.vocabulary.words`. Five things keep ordinary
speech from triggering:

* The person must be talking about themselves, now. States ("panicking",
  "shaking", "freaking out") need "I" or "I'm" before them, or must open the
  sentence or a clause ("Panicking.", "oh no, freaking out"), so "the kids are
  freaking out about the snow", "the dog is shaking off the water" and "she
  was, like, freaking out" cannot match. Body words need "my" ("my heart is
  racing", not "my phone's heart rate app"); "can't breathe" and "can't cope"
  must not follow "he", "she", "they" or "you". Past tense anecdotes ("I
  panicked when I saw the price", "I had a panic attack last year") and talk
  about panic ("how do I stop a panic attack") are not matched at all.
* What follows matters: "it's too much" only counts when nothing follows it
  but the end, "right now", "for me" and the like ("it's too much sugar" does
  not); "help me" only counts alone or with "please", "now" or another "help"
  ("help me wind down", "help me carry these bags" and "can you help me find my
  keys" are requests).
* A few idiom and everyday tails cancel a match ("shaking hands", "can't
  breathe through my nose", "going crazy with boredom", "going to pass out on
  the sofa", "spiralling costs").
* A plain denial right before the words is respected ("I'm not panicking",
  "I'm not having a panic attack, just tired"); a new clause ("no, I'm
  panicking") is not a denial.
* "If" or "when" before the speaker is a question or a habit, not now ("what
  should I do if I'm having a panic attack", "when I'm panicking, what
  helps?"); "what if I'm having a heart attack" is a fear now and counts.
  Reported speech ("she said nothing feels real"), something that causes it
  ("this jumper makes me feel like I can't breathe"), effort and cold ("my
  legs are shaking after leg day") and gladness ("freaking out, in a good
  way", "dizzy with excitement") do not count either.

Each kind is a family of statements, not a list of sentences. Panic: panic,
terror and dread ("I'm petrified", "this sense of doom", "my anxiety is
through the roof"). Breath: not getting air, suffocating, short of breath,
lungs that won't fill. Body: shaking (alone or with another state: "sweating
and shaking"), a racing or pounding heart, palpitations, "I think I'm having
a heart attack", a tight chest, dizzy, light headed or faint, legs giving
way, numb or tingling hands. Overwhelm: too much, can't cope, "I'm not
coping", falling apart or crumbling, the verge of a breakdown, breaking
point, drowning, everything crashing down, a head about to explode. Unreal:
nothing real or everything fake, far away, behind glass, watching myself or
my life like a film, a body that doesn't feel like mine, not knowing who or
where I am, not recognising myself, losing touch with reality. Help: a cry
for help alone, with "please", or with a reason that is itself distress
("help, I don't know what to do", "I need help, it's happening again").

Ordinary check-ins ("I feel anxious, maybe a six", "I'm feeling a bit
overwhelmed", "I'm stressed") never match: their words are not distress
words here. The few weaker words that are ("I'm so scared", "panicky", "I
need to calm down") do not count when the sentence carries a rating ("maybe
a six", "like an 8"), which makes it a check-in ("dizzy", "faint", "I'm not
coping" and "a sense of dread" are weaker words too); "a bit panicky" and "a
bit dizzy" are check-ins as well. Long input stays cheap: filler is matched
possessively, so no pattern can backtrack through a long run of words.

The patterns, one module per two kinds, are in ``distress_panic_breath``,
``distress_body_unreal`` and ``distress_overwhelm_help``, written with the pieces of
``distress_pieces``. The phrasings and near misses are tested in
tests/data/distress_phrases.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice.feelings.distress_body_unreal import BODY, UNREAL
from voice.feelings.distress_overwhelm_help import HELP, OVERWHELM
from voice.feelings.distress_panic_breath import BREATH, PANIC
from voice.feelings.distress_pieces import _ADV_WORDS, _MARK, _REPORTED
from voice.feelings.distress_spoken import DISTRESS_PHRASES as DISTRESS_PHRASES
from voice.feelings.vocabulary import words

KINDS = ("panic", "breath", "body", "overwhelm", "unreal", "help")


# What Attune says to the hard moment: one warm line, never a question about numbers.
REPLY_START = "I'm here with you. Let's slow things down together, right now."
REPLY_SWITCH = "I'm here with you. Shall we switch to one minute calm? Yes or no."
REPLY_BREATHE = "I'm here with you. Let's breathe slowly together: in, and a long breath out."


@dataclass(frozen=True)
class DistressMatch:
    phrase: str  # the words that matched, normalized
    kind: str  # one of KINDS


# Tried in this order; the first match wins.
_PATTERNS = (*PANIC, *BREATH, *BODY, *UNREAL, *OVERWHELM, *HELP)

_PUNCT = frozenset(".!?;,")
_DENIALS = frozenset({"not", "never", "don't", "doesn't", "didn't", "won't", "wouldn't",
                      "isn't", "wasn't", "ain't", "aren't", "no", "nor"})
# Between a denial and the words it denies: "not really having a panic attack".
# No pronouns: crossing "I" means a new clause ("no, I'm panicking").
_GAP_WORDS = """am is was be been being really actually just even feel feeling felt like
    having have had a an the that so too at all quite exactly currently totally completely
    literally going to gonna about starting getting bit little kind sort of any more longer
    anymore ever still right now freaking"""
_GAP = frozenset(_GAP_WORDS.split())
_SPEAKER = frozenset({"i", "i'm", "i've"})
_HYPOTHETICAL = frozenset({"if", "when", "whenever"})
_NUMBER_WORDS = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_RATING = re.compile(r"(?:\b(?:a|an|like|maybe|about|around|probably|at|solid|rating|"
                     r"say|it's|is) " + _NUMBER_WORDS + r"\b|\b" + _NUMBER_WORDS +
                     r" out of (?:ten|10)\b|# " + _NUMBER_WORDS +
                     r"(?= *(?:$|[.!?;,])))")


def _denied(toks: list[str], start: int) -> bool:
    """A denial governs the words at ``toks[start]``. Only those words: in "I'm not
    panicking, but my heart is racing" the racing heart still counts."""
    i = start - 1
    while i >= 0:
        tok = toks[i]
        if tok in _DENIALS:
            return True
        if tok not in _GAP:
            return False
        i -= 1
    return False


def _hypothetical(toks: list[str], start: int) -> bool:
    """A question or a habit, not now: "if" or "when" before the speaker ("what should I
    do if I'm having a panic attack", "when I'm panicking, what helps?"). "What if I'm
    having a heart attack" is a fear right now and still counts."""
    i = start - 1
    while i >= 0 and toks[i] in _ADV_WORDS:
        i -= 1
    if i < 1 or toks[i] not in _SPEAKER:
        return False
    return toks[i - 1] in _HYPOTHETICAL and toks[i - 2:i - 1] != ["what"]


def detect(text: str) -> DistressMatch | None:
    """The first words in ``text`` that say the speaker is in acute distress, or None."""
    toks: list[str] = []
    for tok in words(text):
        if tok in _PUNCT and (not toks or toks[-1] in _PUNCT):
            continue  # "Help me!!!" reads like "help me !", "... I can't" like "i can't"
        toks.append(tok)
    if not toks:
        return None
    marked = [_MARK]
    for i, tok in enumerate(toks):
        marked.append(tok)
        if (tok in _PUNCT and i + 1 < len(toks)
                and not (tok == "," and i and toks[i - 1] in _REPORTED)):
            marked.append(_MARK)
    toks = marked
    joined = " ".join(toks)
    rated = _RATING.search(joined) is not None
    for pattern in _PATTERNS:
        if (pattern.weak and rated) or (
                pattern.needs and not any(need in joined for need in pattern.needs)):
            continue
        for m in pattern.regex.finditer(joined):
            core_start, core_end = m.span("core")
            if pattern.unless and pattern.unless.match(joined[core_end:]):
                continue
            start = len(joined[:core_start].split())
            if pattern.negatable and _denied(toks, start):
                continue
            if _hypothetical(toks, start):
                continue
            return DistressMatch(m.group("core"), pattern.kind)
    return None


def is_distress(text: str) -> bool:
    return detect(text) is not None
