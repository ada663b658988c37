"""Talk that sounds like a command but is said to someone else, or about some other thing.

The tolerant reader (:mod:`voice.understanding.tolerant`) finds a command's words
anywhere in a sentence; these general signs then set a reading aside: the speaker is
talking to a child, a pet or a caller ("not now darling, mummy's busy", "keep going,
nearly there"), counting down to something else ("five four three two one, happy new
year"), waking a person ("wake up, we're late"), or the command is about a third thing
("slow down on the stairs", "how much longer is the drive?", "go on then, one biscuit").
"""

from __future__ import annotations

from typing import Any

from voice.understanding.lexicon import (
    CONTROL_OBJECTS,
    CONTROLS,
    DETERMINERS,
    DEVICE_WORDS,
    FUNCTION_WORDS,
    NUMBERS,
    SESSION_WORDS,
    TIME_SPANS,
    VOCATIVES,
    Words,
    ngrams,
)

COUNTDOWN = ("five", "four", "three", "two", "one")
# What may follow a countdown that asks for the 5-4-3-2-1 exercise ("... grounding please").
COUNTDOWN_TAIL = FUNCTION_WORDS | SESSION_WORDS | frozenset(
    {"grounding", "exercise", "technique", "method", "game", "please", "thanks"})
# Cheering someone on or playing with a child: "nearly there", "push me again".
ENCOURAGING = (("nearly", "there"), ("almost", "there"), ("push", "me"), ("let's", "play"),
               ("well", "done"), ("good", "boy"), ("good", "girl"), ("you've", "got", "this"),
               ("you", "want", "to"), ("do", "you", "want"))
# The speaker is on a call: what they say is to the caller ("hang on, I'm on the phone").
ON_A_CALL = (("i'm", "on", "the", "phone"), ("i'm", "just", "on", "the", "phone"),
             ("another", "call"), ("on", "a", "call"), ("i'm", "on", "a", "call"),
             ("ring", "you", "back"), ("call", "you", "back"), ("speak", "to", "you", "later"),
             ("talk", "to", "you", "later"))
# Put off: "can i do the check-in later?" asks for nothing now.
LATER = (("later",), ("another", "time"), ("later", "on"))
# Said to people in the room: "stop it, the pair of you", "okay, see you at the shops".
ADDRESSING = (("of", "you"), ("you", "two"), ("you", "lot"), ("see", "you"), ("pass", "me"),
              ("yes", "chef"), ("be", "there", "in"), ("on", "my", "way"),
              ("be", "right", "there"), ("be", "right", "down"), ("be", "down", "in"),
              ("be", "up", "in"), ("be", "out", "in"))
# "Lost track", "keep track": the place in the session, not a song.
KEPT_TRACK = frozenset({"lost", "lose", "losing", "keep", "keeping", "kept"})
# Calming someone about a small thing: "calm down, it's only a scratch", "breathe, it's just a
# spider". Attune is never told a thing is only a thing.
SOOTHING = frozenset({"calm", "breathe", "relax", "shh", "shush", "easy", "settle"})
SMALL_THING = (("it's", "only"), ("it's", "just"))
# Names for a person said to them, besides the family words of the lexicon's VOCATIVES.
# ("mate" and "buddy" are said to Attune too: "speed it up, mate".)
CALLED = frozenset({"chef", "kiddo", "sir", "madam", "folks", "sleepyhead"})
# After a bare yes or no, words that still belong to the answer ("no thank you, not tonight").
ANSWER_TAIL = frozenset({"thank", "thanks", "tonight", "today", "lovely", "good", "fine",
                         "alright", "great", "course", "definitely", "ready", "ahead", "yet",
                         "not", "nice", "sounds", "like", "perfect", "cheers", "later",
                         "done", "finished", "sure", "bit", "mostly", "better", "worse"})
# The speaker repeating themself: "don't make me say it again", "no, i said the big one".
SPEAKER_SAYS = (("make", "me", "say"), ("i", "said"), ("let", "me", "say"))
# A statement about the world after a bare yes or no: "yes, it's on the counter".
PLACES = frozenset({"on", "in", "under", "at", "upstairs", "downstairs", "outside"})
# Where a control is about moving one's body: "slow down on the stairs".
LOCATIVES = frozenset({"on", "in", "at", "near", "around"})
# What may end a wake phrase: "wake up, please", "morning, i'm up".
WAKE_TAIL = frozenset({"attune", "please", "up", "awake", "morning", "wake", "hello", "hi"})
# The subject of a statement about someone or something else.
THIRD = frozenset({"the", "he's", "she's", "they're", "he", "she", "they", "it"})
THE = frozenset({"the", "this", "that", "your"})
# Where a thing is put: "put the square box on the top shelf" (not "in your body").
ON_TOP = frozenset({"on", "onto", "under", "behind"})
# A clause about someone else waking: "wake up, we're late", "morning, kettle's on".
OTHER_SUBJECTS = frozenset({"you're", "we're", "it's", "you", "we", "there's", "they're"})
# Imperatives to a child at bedtime: "go to sleep now, it's late".
TO_BED = (("go", "to", "sleep"), ("go", "to", "bed"), ("get", "to", "bed"), ("back", "to", "bed"))

# A group called by name, alone in its clause: "let's start again from the top, kids, one two
# three". Attune is one listener, never a group.
GROUP = frozenset({"kids", "guys", "everyone", "everybody", "children", "boys", "girls",
                   "folks", "lads", "ladies", "team", "class"})
# "Sleep on it": thinking a decision over, not a bedtime.
SLEEP_ON = (("sleep", "on", "it"), ("sleep", "on", "that"), ("sleep", "on", "this"))
# "One" as a thing, not a number: "the kettle's just boiled if you want one".
ONE_THING = frozenset({"want", "another", "the", "this", "that", "which", "each", "every",
                       "any", "big", "little", "new", "old", "have", "get", "got", "grab",
                       "take", "make", "fancy", "pick"})

# A warning to a person after a control: "stop! don't step in that puddle!".
WARNED = frozenset({"step", "touch", "run", "climb", "eat", "lick", "jump", "cross", "pull",
                    "throw", "drop", "hit", "bite", "splash", "put", "kick", "grab", "fall"})
# "No way" as surprise, not a no: "no way, that's amazing", "no way, you're joking".
SURPRISED = frozenset({"that's", "you're", "really", "seriously", "is", "did", "are", "he",
                       "she", "they"})


def _plain(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def for_someone_else(words: Words, intent: str, slots: dict[str, Any], mode: str,
                     breaks: frozenset[int], how: str = "") -> bool:
    """True when a tolerant reading ``intent`` of ``words`` is talk not meant for Attune.

    ``breaks``: the words after which the text had a comma or a full stop; ``how``: what
    kind of reading it is ("described": a session asked for by what it does)."""
    if how == "described" and _somewhere(words, breaks, ON_TOP):
        return True  # "put the square box on the top shelf"
    grams = ngrams(words)
    plain = [_plain(w) for w in words]
    if _group_called(words, breaks):
        return True  # "..., kids, one two three": said to the room
    if intent == "start_session" and (words[:2] in (("go", "and"), ("go", "to")) or (
            words[1:2] == ("your",) and words[0] not in FUNCTION_WORDS and "it's" in words)):
        return True  # "(go and) brush your teeth, it's bedtime": an order, and its reason
    if intent == "start_session" and (any(p in grams for p in ON_A_CALL) or any(
            p in grams for p in LATER)):
        return True  # "..., can i ring you back?": to a caller; "... later?": not now
    if intent == "start_session" and _checking_in_elsewhere(words):
        return True  # "i'll check in online tonight": a flight or a hotel
    if intent == "start_session" and slots.get("session") == "grounding-54321":
        return _countdown_to_something(words)
    if intent == "start_session" and slots.get("session") == "bedtime-wind-down":
        return any(words[:len(p)] == p for p in TO_BED) or any(p in grams for p in SLEEP_ON)
    if intent == "wake":
        return "attune" not in words and (_someone_waking(words, breaks) or any(
            w in CALLED for w in words) or _named(words, breaks))
    if words[:1] and words[0] in SOOTHING and any(p in grams for p in SMALL_THING):
        return True  # "calm down, it's only a scratch": said to a child
    if intent not in CONTROLS and intent not in ("answer", "help", "list_sessions", "check_in"):
        return False
    if intent in CONTROLS and _device_named(words):
        return True  # "pause the movie for me, i'll be right back": Attune plays no film
    if any(p in grams for p in ADDRESSING) or any(w in CALLED for w in words):
        return True
    if intent == "check_in":
        return False
    if any(w in VOCATIVES for w in plain) or any(p in grams for p in ON_A_CALL):
        return True  # "not now darling, mummy's busy"
    if intent in CONTROLS and any(p in grams for p in ENCOURAGING):
        return True
    if (intent == "repeat" or (intent == "answer" and slots.get("answer") is not None)) and (
            any(p in grams for p in SPEAKER_SAYS)):
        return True
    if intent in CONTROLS and _warned(words, breaks):
        return True
    if intent == "answer" and slots.get("answer") == "no" and _surprised(words, breaks):
        return True
    if intent == "answer" and "intensity" in slots:
        return _counting(words) or ("of", "them") in grams or ("of", "those") in grams or (
            slots["intensity"] == 1 and any(words[i] == "one" and words[i - 1] in ONE_THING
                                            for i in range(1, len(words))))
    if intent == "answer":
        return slots.get("answer") is not None and _about_a_thing(words, breaks)
    if intent == "help":
        return ("there's", "a") in grams or ("there's", "an") in grams  # "help! a spider"
    if intent == "list_sessions":
        return "our" in words or "their" in words or words[-2:] == ("got", "there")
    return (intent in ("resume", "extend") and _counted_things(words)) or _somewhere(
        words, breaks) or (
        intent == "time_left" and _another_thing_timed(words))


def _group_called(words: Words, breaks: frozenset[int]) -> bool:
    """A group's name said alone between pauses: "..., kids, ..." or "..., everyone"."""
    return any(w in GROUP and (i == 0 or i - 1 in breaks) and (i in breaks or i == len(words) - 1)
               and len(words) > 1 for i, w in enumerate(words))


def _device_named(words: Words) -> bool:
    """A film, a song or the telly is named ("skip the second verse"); not "lost track"."""
    return any(w in DEVICE_WORDS and not (w == "track" and i > 0 and words[i - 1] in KEPT_TRACK)
               for i, w in enumerate(words))


def _countdown_to_something(words: Words) -> bool:
    """"Five, four, three, two, one, happy new year!": counting down to something else."""
    for i in range(len(words) - len(COUNTDOWN) + 1):
        if words[i:i + len(COUNTDOWN)] == COUNTDOWN:
            return any(w not in COUNTDOWN_TAIL for w in words[i + len(COUNTDOWN):])
    return False


def _someone_waking(words: Words, breaks: frozenset[int]) -> bool:
    """"wake up, we're late", "morning, kettle's on", "is it morning yet"."""
    if words[:1] == ("is",):
        return True
    starts = sorted(b + 1 for b in breaks if b + 1 < len(words))
    return any(words[s] in OTHER_SUBJECTS or (words[s].endswith("'s") and words[s] != "let's")
               for s in starts)


def _named(words: Words, breaks: frozenset[int]) -> bool:
    """A greeting ending with a name: "good morning, vietnam!"."""
    last = max((b for b in breaks if b < len(words) - 1), default=-1)
    tail = words[last + 1:]
    return last >= 0 and len(tail) <= 2 and any(
        w not in FUNCTION_WORDS and w not in WAKE_TAIL for w in tail)


def _about_a_thing(words: Words, breaks: frozenset[int]) -> bool:
    """A yes or no followed by a statement about a thing: "yeah, the kids are in bed"."""
    first = min(breaks, default=len(words))
    rest = words[first + 1:]
    if len(rest) < 2:
        return False
    other = [w for w in rest if w not in FUNCTION_WORDS and w not in ANSWER_TAIL]
    return rest[0] in THIRD or (rest[0] == "it's" and rest[1] in PLACES) or len(other) >= 2


def _counting(words: Words) -> bool:
    """Three numbers in a row, up or down: "three, four, five, six... where was i?"."""
    values = [NUMBERS.get(w, -1) for w in words]
    return any(values[i] >= 0 and values[i + 1] - values[i] == values[i + 2] - values[i + 1]
               and abs(values[i + 1] - values[i]) == 1 and values[i + 2] >= 0
               for i in range(len(values) - 2))


def _counted_things(words: Words) -> bool:
    """A number of things, not of minutes: "go on then, one biscuit"."""
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if i > 0 and words[i - 1] in DETERMINERS:
            continue  # "not this one, skip it"
        if w in NUMBERS and nxt not in FUNCTION_WORDS and nxt not in TIME_SPANS and (
                nxt not in CONTROL_OBJECTS and nxt not in SESSION_WORDS and nxt not in NUMBERS):
            return True
    return False


def _somewhere(words: Words, breaks: frozenset[int],
               locatives: frozenset[str] = LOCATIVES) -> bool:
    """A control said of a place in the same breath: "slow down on the stairs" (not "hang
    on, someone's at the door", where the place is in the reason)."""
    first = min(breaks, default=len(words))
    for i, w in enumerate(words[:-2]):
        if i <= first and w in locatives and words[i + 1] in THE:
            thing = words[i + 2]
            if thing not in FUNCTION_WORDS and thing not in SESSION_WORDS and (
                    thing not in CONTROL_OBJECTS and thing not in TIME_SPANS):
                return True
    return False


def _another_thing_timed(words: Words) -> bool:
    """"How much longer is the drive?": the time left of something else."""
    for i, w in enumerate(words[:-1]):
        if w in ("the", "our", "your") and words[i + 1] not in SESSION_WORDS and (
                words[i + 1] not in TIME_SPANS and words[i + 1] != "time") and (
                words[i + 1] not in FUNCTION_WORDS and words[i + 1] not in CONTROL_OBJECTS):
            return True
    return False


def _warned(words: Words, breaks: frozenset[int]) -> bool:
    """A control, then a warning to a person: "stop! don't step in that puddle!"."""
    first = min(breaks, default=len(words))
    rest = words[first + 1:]
    return any(rest[i] in ("don't", "dont") and rest[i + 1] in WARNED
               for i in range(len(rest) - 1))


def _surprised(words: Words, breaks: frozenset[int]) -> bool:
    """"No way, that's amazing": surprise at news, not an answer."""
    first = min(breaks, default=len(words))
    return words[:2] == ("no", "way") and first + 1 < len(words) and (
        words[first + 1] in SURPRISED)


# Checking in somewhere, not with oneself: "i'll check in online tonight", "check in at the
# hotel", "check in for my flight".
TRAVEL = frozenset({"flight", "hotel", "airport", "trip", "train", "ferry", "desk", "reception",
                    "gate"})


def _checking_in_elsewhere(words: Words) -> bool:
    for i in range(len(words) - 2):
        if words[i:i + 2] == ("check", "in"):
            after = words[i + 2:i + 5]
            return after[:1] == ("online",) or (after[:1] in (("at",), ("for",)) and any(
                w in TRAVEL for w in after[1:]))
    return False
