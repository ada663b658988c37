"""The words the tolerant reading weighs: fillers, leads, numbers, and how words sound.

Kept apart from :mod:`voice.understanding.tolerant` so the rules there read as rules.
"""

from __future__ import annotations

import functools

import jellyfish

Words = tuple[str, ...]


def words_of(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words that carry no content of their own in a request: they neither make a sentence
# a command nor count against one.
FUNCTION_WORDS = frozenset(words_of(
    'a an the to me my it this that these those for some of with and or but can could would '
    "will you we i us just please little bit now do go let's is be on in at so maybe really "
    "am are was there here your our all up if what where when then than like i'm i'd i'll "
    "i've it's that's we're you're let by from too very quite kind sort gonna wanna get got "
    'have has had been being again think guess mean okay ok um uh oh well right yeah hey one '
    'more lot way something thing things bit any make last part about sorry whoa wow ah '
    "hmm mm oops from where rather tell show said actually want wanted need don't know read "
    'remind somewhere around roughly probably give pick choose them off out no shh helped '
    "even yet still what's what're where's how's there's here's its excuse terribly awfully "
    "ever nah yo attune mind isn't"))
# What a control may be said about ("skip the feet", "slow the pace down").
CONTROL_OBJECTS = frozenset(words_of(
    'pace speed voice volume sound part section step bit feet toes legs knees hips belly '
    'chest back shoulders arms hands neck face head jaw breath breathing counting count '
    'second sec seconds moment mo minute tick touch tad notch instructions instruction '
    'line sentence words'))
# How long a control may be for ("pause for a moment", "stop for now").
TIME_SPANS = frozenset(words_of(
    "second seconds sec secs moment moments mo minute minutes min mins tick bit while now "
    "today tonight little few couple break breather rest"))
# Where a command word goes when it is about going somewhere ("stop by the chemist").
PLACE_WORDS = frozenset(words_of("by at past round around into onto over through along across "
                                 "down up off"))
SESSION_WORDS = frozenset(words_of(
    'session exercise practice routine technique meditation guided guide thing one minute '
    'minutes breathing breath breathe breaths quick short little short long longer round '
    'again start begin question questions check in feeling feelings emotion emotions morning '
    'evening night lunchtime afternoon today tonight version'))
# Just before a feeling word, these make it about the speaker ("i'm really tired").
FEEL_LEAD = frozenset({"i'm", "im", "i've", "feel", "feeling", "felt", "am", "been", "getting"})
# Leads that name the speaker themselves; the others need "i" just before ("i feel").
FIRST_PERSON = frozenset({"i'm", "im", "feeling"})
FIRST_PERSON_I = frozenset({"i", "i've", "i'm", "me"})
WHEN = frozenset({"today", "tonight", "now", "moment", "morning", "evening", "lately",
                  "suppose", "reckon", "guess", "think", "out", "ten", "maybe", "about"})
DEGREE = frozenset({"wee", "really", "very", "so", "pretty", "quite", "super", "extremely",
                    "totally", "somewhat", "absolutely", "completely", "utterly", "kind", "sort",
                    "of", "a", "bit", "little", "just", "honestly", "much", "too", "terribly",
                    "proper", "awfully"})
# Small words a recognizer splits off a command word ("fast her", "quiet her").
SMALL_WORDS = frozenset({"her", "er", "a", "the", "is", "as", "us", "it", "done", "in", "on",
                         "to", "down", "up"})
YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "okay", "ok", "alright", "definitely",
                 "absolutely", "please", "aye", "mhm", "yea", "ya"})
NO = frozenset({"no", "nope", "nah", "not"})
YES_PHRASES = (("uh", "huh"), ("i", "think", "so"), ("that's", "right"), ("go", "on"),
               ("i", "guess", "so"), ("why", "not"), ("sounds", "good"))
NO_PHRASES = (("i", "don't", "think", "so"), ("not", "really"), ("rather", "not"),
              ("maybe", "later"), ("i'll", "pass"))
CONTROLS = frozenset({"pause", "resume", "stop", "repeat", "skip", "slower", "faster", "louder",
                      "quieter", "time_left", "extend"})
NUMBERS = {w: i for i, w in enumerate(words_of(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"))}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}


@functools.lru_cache(maxsize=65536)
def sound_of(text: str) -> str:
    """Metaphone of each word, run together: how the words sound, roughly."""
    return "".join(jellyfish.metaphone(w) for w in text.split())


# Words that begin a reason of its own after a request ("... before I go to sleep").
CONNECTORS = frozenset(words_of("before after because cause since while as if when until "
                                "then so though although cos"))
# Coming back after a pause: with one of these, "keep going" or "again" resumes the session
# ("okay I'm back, you can keep going") rather than asking for another round.
RETURNING = (("i'm", "back"), ("back", "now"), ("back", "again"), ("where", "were", "we"),
             ("left", "off"), ("where", "we", "stopped"), ("where", "i", "stopped"),
             ("where", "you", "stopped"), ("where", "you", "were"), ("pick", "up", "where"),
             ("unpause",), ("back", "to", "it"), ("all", "good", "now"))
# Said to a person, not to Attune ("turn it down, kids", "good morning, love").
VOCATIVES = frozenset(words_of(
    "kids love babe darling honey sweetheart sweetie everyone everybody guys grandma grandad "
    "granny mum mom mummy mommy dad daddy boy girl both doggy puppy"))
# The television, the radio or a phone call, named: a control said with one of these is for
# that device or caller ("skip the adverts", "go back, I missed the goal", "I can't hear
# you, you're breaking up"). Attune plays no such thing.
DEVICE_WORDS = frozenset(words_of(
    "telly tv television channel channels remote episode episodes film movie programme ads "
    "adverts advert commercials news radio song songs track tracks music video videos match "
    "goal ref referee signal reception postcode podcast playlist album verse verses chorus lyrics "
    "trailer trailers"))
DEVICE_PHRASES = (("breaking", "up"), ("cutting", "out"), ("bad", "line"), ("the", "line"),
                  ("call", "you", "back"), ("ring", "you", "back"))
# Words that go with one command and explain themselves there ("how does this work").
INTENT_WORDS = {
    "help": frozenset(words_of("work works working use using control understand commands say "
                               "ask words remember forget forgot")),
    "list_sessions": frozenset(words_of("list menu offer options available today now got "
                                        "have choose pick which sort kinds types you've "
                                        "remember forget forgot")),
    "louder": frozenset(words_of("hear hearing can't cannot barely hardly properly quiet speak "
                                 "talk")),
    "quieter": frozenset(words_of("loud noisy ears hurts hurting much speak talk")),
    "slower": frozenset(words_of("speak talk keep age")),
    "skip": frozenset(words_of("boring bored pointless")),
    "repeat": frozenset(words_of("clear missed catch heard quite distracted wandered drifted")),
    "faster": frozenset(words_of("speak talk")),
}
OTHERS = frozenset(words_of("you him her them everyone everybody your his their"))
DETERMINERS = frozenset(words_of("the a an this that these those my your his her our their all"))
# People a feeling may be about: "jealous of my sister", "cross with him".
PEOPLE = frozenset(words_of(
    "him her them everyone everybody people sister sisters brother brothers mum mom dad mother "
    "father parents husband wife partner boyfriend girlfriend friend friends boss colleague "
    "colleagues son daughter kids children family flatmate neighbour neighbours teacher"))


def about_self(words: Words, after: int) -> bool:
    """False for "happy with the blue one", "tired of this show": an opinion of a thing; and
    for "so happy for you": a feeling for someone else, said to them."""
    if words[after:after + 1] == ("for",) and words[after + 1:after + 2] and (
            words[after + 1] in OTHERS):
        return False
    if after < len(words) and words[after] in ("with", "of", "at"):
        rest = [w for w in words[after + 1:after + 3] if w not in DETERMINERS]
        return not rest or rest[0] in ("myself", "everything", "life", "things", "it") or (
            rest[0] in PEOPLE)  # "jealous of my sister", "angry at him": still my feeling
    return True


def ngrams(words: Words, longest: int = 6) -> dict[Words, int]:
    """Every run of up to ``longest`` words, and where it first starts."""
    out: dict[Words, int] = {}
    for n in range(1, longest + 1):
        for i in range(len(words) - n + 1):
            out.setdefault(words[i:i + n], i)
    return out


def minutes_said(words: Words) -> tuple[int | None, set[int]]:
    """A length in minutes said anywhere ("for five minutes", "ten minute"), and its words."""
    for i, w in enumerate(words):
        if w not in ("minute", "minutes", "min", "mins"):
            continue
        j, value = i - 1, None
        if j >= 0 and words[j] in NUMBERS:
            value = NUMBERS[words[j]]
            if j >= 1 and words[j - 1] in TENS:
                value, j = value + TENS[words[j - 1]], j - 1
        elif j >= 0 and words[j] in TENS:
            value = TENS[words[j]]
        elif j >= 0 and words[j] == "one":  # ("i need a minute": a while, not a length)
            value = 1
        if value is not None and 1 <= value <= 60:
            used = set(range(j, i + 1))
            if j >= 1 and words[j - 1] == "for":
                used.add(j - 1)
            return value, used
    return None, set()


