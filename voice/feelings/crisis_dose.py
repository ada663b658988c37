"""An overdose told by its count, its time or its effect, and self-harm told small, read by
the backstop of :mod:`voice.feelings.crisis_backstop` (a thirteenth writer's phrasings,
round 14).

Counts and times: "took 2 boxes of paracetamol at 9", "i took 50 of them", "i took
everything in the medicine cabinet an hour ago", "i'm swallowing the rest of the pills",
"i've taken enough to make sure", "until i fall asleep for good", "maybe this night i take
all of them" (the pills named), "my hands are shaking from what i swallowed", "i'm not
planning to wake up from this one". Self-harm: "i just cut a bit", "i've cut deeper than
ever", "i cut to deep, there's a lot of blood", "my thighs are bleeding again from the
razor", "my wrists ... i want to cut them open", "part of me wants it to kill me", and the
second-language "i want to finish with the life", "i want to end my entire life", "i want
to delete my life". Their twins stay out by the object or
what follows: "i took 50 photos", "i took 2 boxes of paracetamol to my nan", "i took
everything out of the medicine cabinet to clean it", "i just cut a bit off the hem", "i
cut too deep into the cake", "my chin is bleeding from the razor", "i want to cut them
open" (no body named), "i want to finish with the life admin". Each is read as lowercase
words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied

_STOP = r"(?= *[.!?]* *$)"
_PILLS = (r"(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills"
          r"|sleeping tablets|morphine|antidepressants|ibuprofen|aspirin|codeine|insulin)")
# When it was taken: "at 9", "an hour ago", "this morning".
_WHEN = (r"(?: (?:at \d+(?: [ap]m)?|at (?:nine|ten|eleven|midnight|noon)|(?:an|a|one|two|half an)"
         r" (?:hour|hours|minutes|minute) ago|(?:\d+|twenty|thirty|ten|five) minutes ago"
         r"|this (?:morning|evening|afternoon)|earlier|last night|tonight|just now|already))?")
_NUMBER = r"(?:\d{2,}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred)"
_BODY = r"(?:arm|arms|leg|legs|wrist|wrists|thigh|thighs|skin|stomach|hips?|veins?)"

_DOSE = re.compile(
    r"\b(?:"
    # counts and times
    r"(?:took|taken|swallowed|downed|had) (?:\d+|two|three|four|five|six|a few|several|both)"
    r" (?:whole )?(?:boxes|packets|packs|strips|bottles|blister packs|tubs) of (?:" + _PILLS[3:-1]
    + r"|my [\w']+)" + _WHEN + END
    + r"|(?:took|taken|swallowed|downed) (?:all )?" + _NUMBER + r" (?:of them|of my " + _PILLS
    + r"|" + _PILLS[3:-1] + r")" + _WHEN + _STOP
    + r"|(?:took|taken|swallowed|downed|had) (?:everything|all|all the pills|the lot|whatever"
    r" was) (?:in|from) (?:the|my|our) (?:medicine (?:cabinet|cupboard|box|drawer)|bathroom"
    r" cabinet|first aid (?:box|kit)|pill box)" + _WHEN + END
    + r"|(?:swallowing|swallowed|downing|downed|swallow) the rest of (?:the|my) " + _PILLS
    + END
    + r"|(?:taken|took|had|swallowed) enough to (?:make sure|be sure|not wake up|never wake up"
    r"|finish it|kill me|end it)" + END
    + r"|(?:fall|falling|go|going|drift|drifting) (?:to sleep|asleep|off) for good\b"
    r"|(?:this night|tonight|maybe|perhaps)\b(?: [\w']+){0,3} (?:i|i'll|i will) (?:take|swallow"
    r"|drink) (?:all of them|them all|every one of them|all the " + _PILLS + r")" + END
    + r"|(?:shaking|shaky|sick|dizzy|drowsy|vomiting|throwing up|numb|woozy|racing|blurry"
    r"|heavy|slurring)\b(?: [\w']+){0,2} (?:from|after|because of) (?:what|everything|all the"
    r" (?:pills|tablets)) i (?:swallowed|took|have taken|'ve taken|downed)\b"
    r"|not (?:planning|going|gonna|intending) (?:on |to )?(?:wake|waking) up(?: from (?:this|it"
    r"|that)(?: one)?)?(?: again| ever)?" + _STOP
    # self-harm told small, or too deep
    + r"|(?:just|only) (?:cut|scratched|burned|burnt) (?:myself )?(?:a bit|a little(?: bit)?"
    r"|a tiny bit)" + END
    + r"|cut (?:deeper|too deep|so deep|really deep) (?:than ever|than before|than last time"
    r"|this time|tonight)"
    r"|i (?:cut|went|gone|go) (?:way |a bit |far )?(?:too|to) deep" + _STOP
    + r"|i (?:cut|went|gone) (?:way |a bit |far )?(?:too|to) deep\b(?: [\w']+){0,3} (?:lot of"
    r" blood|bleeding|won't stop)"
    r"|my " + _BODY + r" (?:is|are|'s|keep|won't stop|started) (?:[\w']+ )?bleeding (?:again )?"
    r"(?:from|because of|after) (?:the|my) (?:razor|blade|blades|cuts?|cutting)\b(?!.*\bshav)"
    r"|(?:want|wanna|going|gonna|urge|need) to (?:cut|slit|slice|open) (?:them|it|my " + _BODY
    + r") (?:open|up)" + END
    # wanting it to kill me; the life finished, said as a learner might
    + r"|(?:want|wants|wanted|hope|hoping|wish) (?:it|this(?: one)?|that(?: one)?|them|they)"
    r" (?:to|would|will|'d)"
    r" (?:kill|finish|end) me" + END
    + r"|(?:want|wanna|going|gonna|decided|ready|wish) to (?:finish|end|stop|close) (?:with )?"
    r"(?:the|this) life" + END
    + r"|(?:want|wanna|going|gonna|decided|ready|wish|plan|planning) to (?:end|delete) my"
    r" (?:entire |whole |whole entire )?life(?! story| coach| insurance| admin| plan| goals"
    r"| list)" + END
    + r")")
_CUT_OPEN = re.compile(r"^(?:want|wanna|going|gonna|urge|need) to (?:cut|slit|slice|open)"
                       r" (?:them|it) ")
_SKIN = re.compile(r"\b" + _BODY + r"\b")
_ALL_OF_THEM = re.compile(r"(?:this night|tonight|maybe|perhaps)\b.* (?:all of them|them all"
                          r"|every one of them)$")
_PILLS_SAID = re.compile(r"\b" + _PILLS + r"\b")

_TRIGGER_WORDS = """took taken swallowed downed had swallowing downing swallow enough fall
    falling go going drift drifting night tonight maybe perhaps shaking shaky sick dizzy
    drowsy vomiting throwing numb woozy racing blurry heavy slurring not just only cut
    went gone bleeding want wants wanted wanna hope hoping wish decided ready"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def dose(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    found = clause_undenied(_DOSE, text)
    if found is not None and _CUT_OPEN.match(found) and not _SKIN.search(text):
        return None  # "i want to cut them open": avocados, with no body named
    if found is not None and _ALL_OF_THEM.match(found) and not _PILLS_SAID.search(text):
        return None  # "maybe tonight i take all of them to the party": no pills named
    return found
