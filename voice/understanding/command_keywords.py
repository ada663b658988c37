"""A short command's words anywhere in a sentence: "could you maybe stop", "wait, hold on".

Part of the tolerant reading (:mod:`voice.understanding.tolerant`). A command's phrase
(the ``keywords`` of intents.yaml) may stand anywhere; what else was said counts
against it. "stop by the store later" has "stop" but three words that are not about
Attune; "could you maybe stop" has none. A control with an object of its own ("skip
the ads", "turn up the radio") is someone else's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from voice.understanding.cues import about_someone_else, for_a_while
from voice.understanding.lexicon import (
    CONTROL_OBJECTS,
    CONTROLS,
    DETERMINERS,
    FUNCTION_WORDS,
    INTENT_WORDS,
    NUMBERS,
    PLACE_WORDS,
    RETURNING,
    SESSION_WORDS,
    TIME_SPANS,
    VOCATIVES,
    Words,
)
from voice.understanding.reading import Reading, about_a_device, longest_first, unexplained

# Just before a control's word, these make it a noun: "the repeat of that show", "a pause".
NOUN_BEFORE = frozenset({"the", "a", "an", "that", "this", "his", "her", "their", "your"})
# Said right after a command, these end it ("pause please, i need to blow my nose").
POLITE = frozenset({"please", "thanks"})
# After a command and "and", these begin what will follow if it is done: a warning.
THREAT_SUBJECTS = frozenset({"you're", "you'll", "there's", "there'll", "you", "there"})


class CommandKeywords:
    """Reads a sentence as one of the mode's short commands said among other words."""

    def __init__(self, tables: dict[str, Any], mode: str, intents: set[str]) -> None:
        self.mode = mode
        self.intents = intents
        self.keywords: dict[str, list[Words]] = {
            intent: sorted({tuple(k.split()) for k in ks}, key=longest_first)
            for intent, ks in (tables.get("keywords") or {}).items()
            if intent in intents}

    @staticmethod
    def _for_attune(words: Words, after: int, breaks: frozenset[int], used: set[int]) -> bool:
        """False when the command is about another thing said right after it ("skip the
        ads", "stop barking", "one more episode") with no pause between (a comma, a full
        stop) to part them. A command that ends with its length ("stop for a sec") or
        goes on with more of itself ("all good now, continue") is complete."""
        if after >= len(words) or after - 1 in breaks or after in used or (
                words[after - 1] in TIME_SPANS):
            return True
        if (words[after] == "for" or words[after] in PLACE_WORDS) and after + 1 < len(words):
            # "pause for a moment" is for Attune; "wait for me", "stop for petrol", "stop by
            # the chemist" and "keep going down this road" are not.
            span = words[after + 1]
            if span in DETERMINERS and after + 2 < len(words):
                span = words[after + 2]
            return span in TIME_SPANS or span in NUMBERS or (words[after] != "for" and (
                span in CONTROL_OBJECTS or span in FUNCTION_WORDS or span in ("end", "next")))
        if words[after] == "to" and after + 2 < len(words) and words[after + 1] in DETERMINERS:
            # "hold on to the rail", "go back to the start of the match": a thing, not a time.
            return words[after + 2] in TIME_SPANS or words[after + 2] in CONTROL_OBJECTS
        if words[after] == "and" and after + 1 < len(words) and words[after + 1] in THREAT_SUBJECTS:
            return False  # "say that again and you're grounded": a warning to a child
        nxt = words[after]
        if nxt in DETERMINERS and after + 1 < len(words) and after not in breaks:
            nxt = words[after + 1]  # ("pause that, someone's calling": "that" is the object)
        allowed = FUNCTION_WORDS | SESSION_WORDS | CONTROL_OBJECTS
        return nxt in allowed or nxt in DETERMINERS or nxt in NUMBERS

    def read(self, words: Words, grams: dict[Words, int], cost: float = 0.0,
                 breaks: frozenset[int] = frozenset()) -> list[Reading]:
        out: list[Reading] = []
        spans: list[tuple[int, int]] = []
        all_breaks = breaks
        for intent, phrases in self.keywords.items():
            if intent in CONTROLS and self.mode in ("idle", "asleep"):
                continue  # nothing is playing: a control word is someone else's talk
            if intent == "wake" and self.mode != "asleep":
                continue  # awake, only the wake phrase itself gets Attune's attention
            for phrase in phrases:
                at = grams.get(phrase, -1)
                if at < 0:
                    continue
                # "pause please i need to blow my nose": a please ends the command.
                end = at + len(phrase)
                breaks = all_breaks | ({end} if end < len(words) - 1 and words[end] in POLITE
                                       else frozenset())
                # "wait, wait, hold on": every word of this command is the command.
                used = {i + k for other in phrases for i in range(len(words) - len(other) + 1)
                        if words[i:i + len(other)] == other for k in range(len(other))}
                explained = SESSION_WORDS | CONTROL_OBJECTS | INTENT_WORDS.get(intent, frozenset())
                # Words in another clause ("pause, someone's at the door") are its reason.
                first = max((b + 1 for b in breaks if b < at), default=0)
                last = min((b for b in breaks if b >= at + len(phrase) - 1), default=len(words) - 1)
                extra = unexplained(words[first:last + 1], {i - first for i in used},
                                          explained)
                aside = unexplained(words, used | set(range(first, last + 1)), explained)
                takes_object = intent in ("pause", "resume", "stop", "skip", "extend", "louder",
                                          "quieter", "repeat")  # "turn up the radio" is not for us
                if intent in ("louder", "quieter") and words[end:end + 2] == ("for", "me"):
                    takes_object = False  # "that's a bit loud for me", not "wait for me"
                if (takes_object and not self._for_attune(words, end, breaks, used)) or (
                        intent in CONTROLS and len(phrase) == 1 and at > 0
                        and words[at - 1] in NOUN_BEFORE) or (
                        any(w in VOCATIVES for w in words)) or (
                        intent in CONTROLS and about_someone_else(words)) or (
                        intent in CONTROLS and about_a_device(  # not "lost track"
                            tuple(w for i, w in enumerate(words) if i not in used), grams)) or (
                        extra and intent in ("help", "list_sessions") and self.mode == "idle"):
                    break  # "skip the ads", "the repeat of it", "options for dinner"
                opening = all(w in FUNCTION_WORDS for w in words[:at])
                # A command said first may come with its reason ("pause, someone's at the
                # door"); a word in the middle of other talk needs the talk to be short.
                # A wrong pause costs a "resume"; other controls are held to more.
                each = (0.1 if intent == "pause" else 0.15) if opening else 0.2
                # A reason in another clause costs little for a pause (a wrong one costs a
                # "resume"); other controls said with other talk are more likely not for us.
                per_aside = 0.05 if intent == "pause" else 0.15
                score = 0.9 - cost - each * extra - per_aside * aside - (
                    0.05 if len(phrase) == 1 else 0.0) + (
                    0.01 * len(phrase))  # of two readings, the one that explains more words
                if intent == "wake" and "attune" in phrase:
                    score = max(score, 0.9 - cost)  # called by name: "attune, i can't sleep"
                if intent == "stop" and "pause" in self.intents and for_a_while(words, end):
                    intent = "pause"  # "you can stop it a moment"
                out.append(Reading(intent, {}, score, "keyword"))
                spans.append((at, end))
                break
        # A command inside a longer one is part of it: "slow" in "that's a bit slow".
        kept = [r for r, (a, e) in zip(out, spans, strict=True)
                if not any(a2 <= a and e <= e2 and e2 - a2 > e - a for a2, e2 in spans)]
        return _returning(kept, grams)


def _returning(readings: list[Reading], grams: dict[Words, int]) -> list[Reading]:
    """"Okay I'm back, you can keep going": more of the session after a pause is resuming it,
    as sure as the surer of the two readings."""
    extend = [r for r in readings if r.intent == "extend"]
    resume = [r for r in readings if r.intent == "resume"]
    if not extend or not resume or not any(p in grams for p in RETURNING):
        return readings
    best = max(r.score for r in extend + resume)
    return [replace(r, score=best) if r.intent == "resume" else r
            for r in readings if r.intent != "extend"]
