"""Small signs of who a sentence is for and what its words are doing, read by the
tolerant reader (:mod:`voice.understanding.tolerant`) and kept here so its rules stay short.
"""

from __future__ import annotations

from voice.understanding.lexicon import CONNECTORS, DEVICE_WORDS, FUNCTION_WORDS, NUMBERS, Words

# A sentence that opens with someone else as its subject is about them: "he's got the
# volume up too loud again", "she keeps skipping the adverts".
THIRD_SUBJECTS = frozenset({"he", "she", "they", "he's", "she's", "they're", "they've", "he'd",
                            "she'd", "they'd", "he'll", "she'll", "they'll"})
# "stop it a moment": stopping for a while is pausing.
A_WHILE = frozenset({"moment", "second", "seconds", "sec", "secs", "tick", "mo", "jiffy"})
# Words a request may trail after its closing cue ("... would do me good this afternoon").
TRAILING = frozenset({"please", "now", "thanks", "today", "tonight", "this", "afternoon",
                      "morning", "evening"})
# Around a rating: "I'd say about a six, maybe a seven".
HEDGES = frozenset({"say", "reckon", "guess", "around", "about", "maybe", "probably", "perhaps",
                    "roughly", "or", "solid", "like", "ish", "out", "of", "today", "tonight",
                    "honestly"})
POINTING = frozenset({"the", "that", "this", "those", "these", "which", "other"})


def about_someone_else(words: Words) -> bool:
    return bool(words) and words[0] in THIRD_SUBJECTS


def for_a_while(words: Words, after: int) -> bool:
    """A stop said with a short span after it ("you can stop it a moment")."""
    return any(w in A_WHILE for w in words[after:after + 4])


def closing_end(words: Words) -> int:
    """Where a closing cue may end: before up to three trailing words of time or thanks."""
    end = len(words)
    while end > 0 and len(words) - end < 3 and words[end - 1] in TRAILING:
        end -= 1
    return end


def rating_said(words: Words) -> bool:
    """The numbers in ``words`` may be a rating: not a count of things ("six eggs"), a
    channel ("channel three") or a pronoun ("that one")."""
    if any(w in DEVICE_WORDS for w in words):
        return False
    numbers = [i for i, w in enumerate(words) if w in NUMBERS or w.isdigit()]
    if not numbers:
        return False
    for i in numbers:
        if words[i] == "one" and i > 0 and (words[i - 1] in POINTING or (  # "the big one"
                i > 1 and words[i - 2] in POINTING and words[i - 1] not in FUNCTION_WORDS)):
            return False
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt and nxt not in FUNCTION_WORDS and nxt not in HEDGES and nxt not in NUMBERS and (
                not nxt.endswith("ly")):  # "ten, easily"
            return False
    return True


def hedged(words: Words) -> bool:
    """Nothing but numbers and hedges: "I'd say about a six, maybe a seven"."""
    return all(w in FUNCTION_WORDS or w in HEDGES or w in NUMBERS or w.isdigit() for w in words)


def colour_or_thing(words: Words, at: int) -> bool:
    """A feeling word that names a thing's look: "no, the blue one"."""
    return at > 0 and words[at - 1] in POINTING and words[at + 1:at + 2] == ("one",)


def time_of_a_chore(words: Words, at: int) -> bool:
    """A name that begins with "before" or "after" said after a thing is when to do that
    thing: "start the dishwasher before bed" (not "settle before bed")."""
    return words[at] in CONNECTORS and at > 1 and words[at - 1] not in FUNCTION_WORDS and (
        words[at - 2] in POINTING or words[at - 2] in ("a", "an", "my", "your", "his", "her"))
