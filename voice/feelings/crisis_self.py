"""How a crisis statement is said, not what it says: typing slips, bare slang, and the
speaker naming themselves in the third person.

``crisis.detect`` reads every sentence as written and, when it differs, once more as
``first_person`` rewrites it, so the patterns need only the plain first-person wording.
"""

from __future__ import annotations

import re

# Slips of typing and of a recognizer that turn the danger words into non-words.
TYPOS = {"wnat": "want", "wnt": "want", "whant": "want", "watn": "want", "wan": "want",
         "suicidle": "suicidal", "sucidal": "suicidal", "suicidel": "suicidal",
         "suisidal": "suicidal", "suicidial": "suicidal", "sucidle": "suicidal",
         "suicidall": "suicidal", "sucide": "suicide", "suicde": "suicide", "suiside": "suicide",
         "myslef": "myself", "mysef": "myself", "msyelf": "myself", "myselff": "myself",
         "kil": "kill", "kiil": "kill", "kll": "kill", "dei": "die", "diee": "die",
         "rist": "wrist", "rists": "wrists"}
# Slang read as the words it stands for, once the sentence is split into words.
SHORTHAND = {"kms": "kill myself", "unalive": "kill", "unaliving": "killing", "od": "overdose",
             "wanna": "want to", "wana": "want to",
             # Scottish and northern English spellings of the danger words' neighbours
             "meself": "myself", "masel": "myself", "mysel": "myself", "cannae": "can't",
             "canny": "can't", "dae": "do", "tae": "to", "deid": "dead", "gonnae": "going to",
             "wantae": "want to", "dinnae": "don't", "didnae": "didn't", "wouldnae": "wouldn't"}
# A recognizer's split or near word for a danger word: "sue icide", "an over dose", "end my
# lie." (the sentence ending there: not "... lie-in").
_MISHEARD = re.compile(r"\b(?:(sue ?icide|sui cide|sooicide)|(over dose)(s?)"
                       r"|(end my (?:own )?)lie(?=[\s.!?,]*$))\b", re.IGNORECASE)


# Sound-alikes a recognizer writes in place of a danger word, read only where the danger
# word fits around them: "commit sue aside" (suicide), "kill my cell" (myself, not "... my
# cell phone"), "cut my rest" (wrist, not "... my rest short"), "the hole bottle" (whole).
_SOUND_ALIKES = (
    (re.compile(r"\b(commit(?:ted|ting)?|attempted|thoughts of|thinking (?:of|about)) (?:sue|soo"
                r"|sewer|sui|sooey) ?(?:a ?)?(?:side|sighed|sid|cide)\b", re.IGNORECASE),
     r"\1 suicide"),
    (re.compile(r"\b(kill|killing|hurt|hurting|harm|harming|top|topping|off|offing) (?:my|miss"
                r"|mis) (?:cell|sell|shelf|elf|self)\b(?! (?:phone|signal|service|battery|data|plan"
                r"|line|number|out|off|up))", re.IGNORECASE), r"\1 myself"),
    (re.compile(r"\b(cut|cutting|slit|slitting|slashed|slashing|sliced|slicing) my (?:rest|wrest"
                r"|risk|rist)(s?)\b(?! (?:day|days|short|period|break|time|stop|of)\b)",
                re.IGNORECASE), r"\1 my wrist\2"),
    (re.compile(r"\b(?:sue|soo|sewer|sooey) ?(?:a ?)?(?:side|sighed|cide) (?=(?:note|letter|attempt"
                r"|thoughts|plan)s?\b)", re.IGNORECASE), "suicide "),
    # letters and split words: "kay em ess" (kms), "no body will miss me" (nobody)
    (re.compile(r"\bkay em ess\b", re.IGNORECASE), "kms"),
    # "took an over those" (overdose), "better off dad" (dead)
    (re.compile(r"\ban over (?:those|dose|doze)\b", re.IGNORECASE), "an overdose"),
    (re.compile(r"\bbetter off dad\b", re.IGNORECASE), "better off dead"),
    (re.compile(r"\bno body (?=(?:will|would|cares|care|notices|would notice|is going to|wants"
                r"|loves|misses)\b)", re.IGNORECASE), "nobody "),
    (re.compile(r"\bhole (?=(?:bottle|packet|pack|box|strip|tub|jar|lot|supply|blister)s?\b)",
                re.IGNORECASE), "whole "),
)


def _heard_as(m: re.Match[str]) -> str:
    if m.group(1):
        return "suicide"
    if m.group(2):
        return "overdose" + m.group(3)
    return m.group(4) + "life"

# The speaker said to be someone else on purpose: "your user", "this person talking to you",
# or "she ..." with "and she is me" / "it's me" / "that's me" said alongside.
_NAMED_SELF = re.compile(r"\b(?:your user|the user|your owner|the person (?:talking|speaking) "
                         r"to you|this person(?: (?:talking|speaking) to you| here)?|the person "
                         r"here|the one (?:talking|speaking) to you|(?:this|the) (?:guy|girl"
                         r"|man|woman|lady|bloke|kid) (?:talking|speaking) to you|the (?:person"
                         r"|one|guy|girl) using (?:this|the) (?:app|thing|device|speaker)|"
                         r"someone here|somebody here|"
                         r"someone in this room|somebody in this room)\b")
_IS_ME = re.compile(r"\b(?:(?:and )?(?:it's|it is|that's|that is|she is|she's|he is|he's|they "
                    r"are|they're|that person is|the person is) (?:me|me actually|really me)|i'm "
                    r"talking about (?:me|myself)|i mean me|i'm the one|that someone is me)\b")
_THIRD = {"she": "i", "he": "i", "they": "i", "someone": "i", "somebody": "i",
          "her": "my", "his": "my", "their": "my", "herself": "myself", "himself": "myself",
          "themselves": "myself", "themself": "myself", "she's": "i'm", "he's": "i'm",
          "they're": "i'm", "she'll": "i'll", "he'll": "i'll", "they'll": "i'll",
          "she'd": "i'd", "he'd": "i'd", "they'd": "i'd",
          "doesn't": "don't", "wants": "want", "is": "am", "has": "have", "needs": "need",
          "keeps": "keep", "thinks": "think", "feels": "feel", "plans": "plan", "was": "was"}


def untypo(text: str) -> str:
    """Danger words back from their slips; a bare "unalive" ("unalive", "just unalive")
    is the slang for killing oneself."""
    out = re.sub(r"[\w']+", lambda m: TYPOS.get(m.group(0).lower(), m.group(0)), text)
    out = re.sub(r"\b(want|wanna|going|need|ready|deserve) 2 (?=die|kill|end|hurt|cut)", r"\1 to ",
                 out, flags=re.IGNORECASE)  # "i want 2 die"
    out = _MISHEARD.sub(_heard_as, out)
    # Scottish "the night" is tonight: "i'm gonnae end it the night"
    out = re.sub(r"\b(end it|do it|end things|end it all|go) the night\b", r"\1 tonight", out,
                 flags=re.IGNORECASE)
    for heard, meant in _SOUND_ALIKES:
        out = heard.sub(meant, out)
    return re.sub(r"\b(un ?alive)\b(?! (?:myself|my self|me|him|her|them|you|us|it|someone))",
                  r"\1 myself", out, flags=re.IGNORECASE)


def first_person(text: str) -> str | None:
    """``text`` with the speaker's third-person self turned back into "I", or None when the
    sentence does not name the speaker that way ("she wants to die" stays someone else)."""
    low = text.lower()
    named = _NAMED_SELF.search(low)
    if named is None and _IS_ME.search(low) is None:
        return None
    low = _NAMED_SELF.sub("i", _IS_ME.sub(" ", low))
    return re.sub(r"[\w']+", lambda m: _THIRD.get(m.group(0), m.group(0)), low)
