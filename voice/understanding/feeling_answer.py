"""A feeling said about oneself, and a reply to the question Attune just asked.

Part of the tolerant reading (:mod:`voice.understanding.tolerant`): "honestly i'm
really stressed out" is a check-in; "a solid seven" and "uh, no" answer a question.
"""

from __future__ import annotations

from typing import Any

from voice.feelings.vocabulary import load_vocabulary, parse_intensity
from voice.understanding.cues import colour_or_thing, hedged, rating_said
from voice.understanding.lexicon import (
    DEGREE,
    FEEL_LEAD,
    FIRST_PERSON,
    FIRST_PERSON_I,
    FUNCTION_WORDS,
    NO,
    NO_PHRASES,
    NUMBERS,
    WHEN,
    YES,
    YES_PHRASES,
    Words,
    about_self,
    ngrams,
)
from voice.understanding.reading import Reading

# Before "to" and a verb, these say one is willing: "i'm happy to drive".
WILLING = frozenset({"happy", "glad", "okay", "good", "fine", "alright"})


def read_check_in(words: Words, mode: str) -> list[Reading]:
    """A feeling said about oneself: "honestly i'm really stressed out", "calm, a two"."""
    text = " ".join(words)
    found = load_vocabulary().locate(text)
    if found is None:
        return []
    feeling, at, length = found
    back = at  # over "a bit more", "really so" to the word that makes it the speaker's
    while back > 0 and at - back < 5 and (words[back - 1] in DEGREE
                                          or words[back - 1] in FUNCTION_WORDS) and (
            words[back - 1] not in FEEL_LEAD):
        back -= 1
    # "i'm really tired", "i feel so much more at ease", "this is making me feel sad",
    # "i'm starting to feel settled": a lead, and the speaker just before it.
    lead = back > 0 and words[back - 1] in FEEL_LEAD and (
        words[back - 1] in FIRST_PERSON
        or any(w in FIRST_PERSON_I for w in words[max(0, back - 4):back - 1]))
    if not about_self(words, at + length) or ("how", "are", "you") in ngrams(words, 3) or (
            colour_or_thing(words, at)):
        return []  # "happy with the blue one", "i'm good thanks, how are you?"
    if feeling.word in WILLING and words[at + length:at + length + 1] == ("to",) and (
            words[at + length + 1:at + length + 2] not in ((), ("be",))):
        return []  # willing, not feeling: "i'm happy to drive", "i'm fine to walk"
    rest = words[at + length:]
    if rest[:1] in (("no",), ("nope",)) and load_vocabulary().locate(" ".join(rest)) is None:
        return []  # the word tried and turned down: "serene? no, that's six" (a crossword)
    first = all(w in FUNCTION_WORDS or w in DEGREE for w in words[:at])
    after = [w for w in words[at + length:] if w not in FUNCTION_WORDS
             and w not in DEGREE and w not in NUMBERS and w not in WHEN]
    alone = first and (len(after) <= 3 if mode == "answer" else not after)
    # Owned, the feeling may come with its reason, but not with a whole other topic
    # ("i'm fine, mum, honestly, i'll call you tomorrow").
    if not ((lead and len(after) <= 2) or alone):
        return []
    slots: dict[str, Any] = {"feeling": feeling.word}
    intensity = parse_intensity(text)
    if intensity is not None:
        slots["intensity"] = intensity
    return [Reading("check_in", slots, 0.8 if lead else 0.75, "check_in")]


def read_answer(words: Words) -> list[Reading]:
    content = [w for w in words if w not in FUNCTION_WORDS]
    text = " ".join(words)
    feeling = load_vocabulary().locate(text)
    number = parse_intensity(text)
    if feeling is not None and (feeling[1] == 0 or number is not None):
        return []  # "not okay, not really", "calm, a two maybe": a feeling, not a reply
    if number is not None and rating_said(words) and (  # "a solid seven", "maybe around six"
            len(content) <= 2 or hedged(words)):
        return [Reading("answer", {"intensity": number}, 0.85, "number")]
    said = words  # "uh huh" as said; "uh, no" without the "uh"
    while len(said) > 1 and said[0] in ("mm", "hmm", "um", "uh", "er", "oh", "well", "so") \
            and not any(said[:len(p)] == p for p in YES_PHRASES):
        said = said[1:]
    for value, ways, phrases in (("yes", YES, YES_PHRASES), ("no", NO, NO_PHRASES)):
        opens = (bool(said) and said[0] in ways) or any(said[:len(p)] == p for p in phrases)
        if opens and len(content) <= 4:
            # An answer to the question just asked outranks a command's keyword.
            return [Reading("answer", {"answer": value}, 0.95, "yes_no")]
    return []
