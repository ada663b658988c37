"""A death foretold with a time, things arranged for after it, and messages left for
after, read by the backstop of :mod:`voice.feelings.crisis_backstop` (a thirteenth
writer's phrasings, round 14).

Foretold: "i'll be dead by friday. i've planned it.", "in an hour none of it will matter
because i'll be dead", "sunday is the day i end it", "i mean to end it before winter",
"i've made up my mind to die this weekend", "i won't be alive for them", "i won't be
around to need it next week", "i'm not going to be here by friday" (the sentence ending
there). Arranged for after: "passwords for my sister, for after i'm dead", "instructions
... for when i'm not here anymore", "remind my husband to water the plants after i'm
dead", "so there's no mess after i'm gone". Messages for after: "tell my sister i'm sorry
when she finds me", "for my mum to know i'm sorry, after", "it wasn't your fault, i just
couldn't stay", "the last voice i hear", "the last time i'll do this ... thank you for
everything", "so i'm not alone when i do it", "the note for the kids before i do it",
"stop me before i do it tonight", "people go somewhere after? i'm planning to find out
soon"; and "i don't think i can keep myself safe", "thinking about, you know, ending
things". Their twins stay out by what follows or what is missing: "i'll be dead by
friday if this deadline doesn't move", "my phone will be dead by friday", "tell my sister i'm
sorry when she finds out about the car", "i put the house in my brother's name for tax
reasons", "instructions for the babysitter for when i'm not here tonight", "the note
for the kids before i go to work". Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied

# The sentence ends here (or only a full stop, a plan or a decision follows).
_STOP = r"(?= *[.!?]* *$)"
_THEN = (r"(?= *[.!?]* *$| [.!;] (?:i've|i have|it's|its|i'm|i) (?:planned|decided|made|sorted"
         r"|got|mean|meant|written|all)\b)")
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A near time: tonight, a weekday, this weekend, in an hour, before winter.
_TIME = (r"(?:tonight|tomorrow(?: night| morning)?|today|this (?:weekend|week|evening|morning"
         r"|afternoon|month)|next (?:week|" + _DAY + r")|(?:on |by |this |next )?" + _DAY
         + r"|by (?:the weekend|morning|tomorrow|tonight|the end of the (?:week|month)|christmas"
         r"|my birthday)|in (?:an|a few|one|two|three|a couple of) (?:hour|hours|minutes|days)"
         r"|before (?:winter|summer|christmas|spring|autumn|the weekend|morning|my birthday"
         r"|the end of the (?:week|month|year)))")
_DIE = (r"(?:end it(?: all)?|end things|end my life|end myself|kill myself|die|take my (?:own )?"
        r"life|go)")
_GONE = r"(?:dead|gone|not here anymore|not around anymore|no longer here|not alive anymore)"
_WHO = r"(?:she|he|they|you|someone|somebody|anyone|mum|mom|dad|my [\w']+)"

_FORETOLD = re.compile(
    r"\b(?:"
    # dead by a time
    r"i'll be dead (?:by |before |in |on )?" + _TIME + _THEN
    + r"|" + _TIME + r"\b(?: [\w',]+){0,8} (?:because |cause |as |since )?i'll (?:already )?"
    r"be dead" + _STOP
    # the day named, the end meant with a time
    + r"|(?:is|'s) the (?:day|night|date) (?:i|i'll|i will|i'm going to|i'm gonna) " + _DIE + END
    + r"|(?:mean|intend|going|gonna|planning|plan|decided|made up my mind|ready|want) to "
    + _DIE + r" (?:on |by |this |next |at )?" + _TIME + END
    # not alive for what is booked
    + r"|(?:won't|will not|wont|not going to|not gonna) be alive (?:for|to need|to use|to go to)"
    r" (?:them|it|that|this|any of (?:it|them))(?: (?:next|after|on|by) [\w']+)?" + END
    + r"|(?:won't|will not|wont|not going to|not gonna) be (?:around|here) to (?:need|use)"
    r" (?:them|it|that|this|any of (?:it|them))(?: (?:next|after|on|by) [\w']+)?" + _STOP
    + r"|(?:not going to|not gonna|won't|will not) be (?:here|around|alive) (?:by|after|past)"
    r" " + _TIME + _STOP
    # arranged for after
    + r"|for (?:after|when) i'm " + _GONE + _STOP
    + r"|for after i'm gone"
    + r"|(?:remind|tell|ask|text|show) (?:[\w']+ ){1,8}after i'm (?:dead|gone)" + _STOP
    + r"|no (?:mess|fuss|trouble|problems?|paperwork|hassle|burden)(?: [\w']+){0,3} (?:after"
    r"|when|once) i'm (?:gone|dead)" + _STOP
    # messages for after
    + r"|(?:when|once|after|if) " + _WHO + r" (?:finds|find|found) me" + END
    + r"|(?:someone|somebody|anyone|you|them|they) to find me before it's too late"
    + r"|i'm sorry ,? (?:after|afterwards)" + _STOP
    + r"|(?:wasn't|isn't|was not|is not|not) your fault\b(?: [\w',]+){0,4} i (?:just )?"
    r"(?:couldn't|could not|can't|cannot) (?:stay|go on|carry on|keep going|do it anymore"
    r"|be here anymore)" + _STOP
    + r"|(?:last|final) (?:voice|thing|sound|words?|face|person) i(?:'ll| will)? (?:ever )?"
    r"(?:hear|see)" + _STOP
    + r"|last time i(?:'ll| will|'m going to)? (?:ever )?(?:do|hear|use|listen to|try)\b"
    r"(?: [\w',]+){0,8} (?:thank you|thanks) for everything"
    + r"|(?:i'm|im|i am|i won't be|i'm not) (?:not )?alone when i (?:do it|go|die)" + _STOP
    + r"|(?:note|notes|letter|letters|goodbyes?)\b(?: [\w']+){0,6} before i (?:do it|go"
    r"|end it)" + END
    + r"|stop me (?:before|from) (?:i )?(?:do|doing) (?:it|something stupid)(?: tonight)?"
    + _STOP
    + r"|(?:somewhere|heaven|afterlife|other side|after (?:we|you) die|what happens)\b.* (?:i'm"
    r"|i am) (?:planning|going|about|gonna) to find out(?: soon| tonight| myself| for myself"
    r"| first hand)" + _STOP
    # not safe with oneself; ending things, thought about through the fillers of speech
    + r"|(?:can't|cannot|can not|unable to|don't think i can|not sure i can|not able to) keep"
    r" myself safe"
    + r"|(?:thinking|thought|think) (?:about|of)\b(?: [\w',]+){0,4}? ending (?:things|it all"
    r"|everything)" + END
    # missing someone, and joining them: "to be with my wife again, i'm going to join her"
    + r"|be with (?:him|her|them|my [\w']+) again ,? (?:i'm|i am) (?:going to|gonna) (?:join"
    r"|follow) (?:him|her|them)" + _STOP
    + r")")

_TRIGGER_WORDS = """dead day night date mean intend going gonna planning plan decided mind
    ready want alive around here after when gone mess fuss trouble problems problem paperwork
    hassle burden finds find found sorry fault last time alone note notes letter letters
    goodbye goodbyes stop find again safe thinking thought think"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def foretold(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    return clause_undenied(_FORETOLD, text)
