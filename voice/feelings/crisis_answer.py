"""Crisis told as the answer to one of Attune's questions ("how are you feeling?", "from zero
to ten, how strong is it?", "what do you need?", "what would support you?"), read by
:func:`voice.feelings.crisis_short.short_reply` in ``answer`` mode only.

To "what do you need?" the need named is death or an end: "dead", "not to exist", "an
ending", "an end. a real one", "not to be alive next year", "for it all to stop,
permanently", "for it to end. for me to end.", "a way out that's final", "permission to
finally die", "me not being alive", "to sleep forever", "gone. just gone. for good.",
"honestly, a gun", and to "what would support you?" "dying would.". A number or a mood with
what is behind it: "zero. its over tonight", "six. it's been a six since i bought the
blades", "zero, and i've written the letters already", "calm, because i know how i'm going
to do it now", "tired enough to go through with it this time", "nothing, i've already
decided". Said across a room these are about anything ("the match is over tonight", "i've
written the letters already, the wedding thank-yous"), so they count only as an answer.
Their twins stay out by what follows: "dead tired, but safe", "an end to this meeting", "for
the noise to stop", "a gun for the clay shoot", "a sandwich, honestly". Each is read as
lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END

_STOP = r"(?= *[.!?]* *$)"
# Where an answer or one of its parts begins.
_START = r"(?:^|[,.!?;] )(?:(?:honestly|just|really|um|erm|i guess|i think|maybe|simply) ,? )*"
_TIME = r"(?: (?:next year|anymore|any more|tomorrow|tonight|by \w+|soon|again))?"

_NEED = re.compile(
    _START + r"(?:"
    r"dead|death|to die|to be dead|gone(?: ,| \.)?(?: just gone)?(?: ,| \.)? (?:for good|forever)"
    r"|(?:not to|to not|never to) (?:exist|be (?:here|alive|around)|wake up)" + _TIME
    + r"|not (?:existing|being (?:here|alive))" + _TIME
    + r"|me not (?:being|existing)(?: alive| here| around)?" + _TIME
    + r"|an? (?:end|ending)(?: \. a real one| , a real one| for good| for real)?"
    r"|(?:permission|a reason|the courage|the guts|the nerve) to (?:finally )?(?:die|go|end it)"
    r"|(?:a|the|my) (?:gun|rope|noose|shotgun)"
    r"|(?:a|the) way out (?:that's|that is) (?:final|permanent|for good|forever)"
    r"|to (?:sleep|disappear|go away|vanish|be gone) (?:forever|for good|permanently|for ever)"
    r"|for (?:it|it all|everything|me|this|my life) to (?:stop|end|be over) ,? (?:permanently"
    r"|for good|forever|for ever)"
    r"|for me to (?:end|stop|be gone|not be here)"
    # to "what would support you?": "dying would."
    r"|(?:dying|death|being dead|not waking up|not existing|ending it) (?:would|will)(?: help"
    r"| support me| do it)?"
    r")" + END)
# What is behind a number or a mood.
_BEHIND = re.compile(
    r"\b(?:"
    r"(?:it's|its|it is|it'll (?:all )?be|itll (?:all )?be|it will (?:all )?be|it's all|all) over"
    r" (?:tonight|today|soon"
    r"|for good|after tonight)"
    r"|(?:since|because|now) i (?:bought|got|found|hid) (?:the|some|new|my) (?:blades|razor"
    r" blades|razors|rope|pills|tablets)"
    r"|(?:written|wrote|finished) (?:the|my) (?:letters|notes|note|letter|goodbyes|goodbye letters)"
    r"(?: already)?"
    r"|(?:know|decided|worked out|figured out) how (?:i'm going to|i'm gonna|i'll|i will|to) do"
    r" it(?: now)?"
    r"|(?:enough|ready) to go through with it(?: this time| tonight| now)?"
    r"|go through with it (?:this time|tonight)"
    r"|(?:nothing|no one|nobody) ,? (?:i've|i have) (?:already )?(?:decided|made up my mind"
    r"|made my decision)"
    r")" + _STOP)
# Enough wherever it is said: "tired enough to go through with it".
_ENOUGH = re.compile(r"\b(?:tired|sick|low|desperate|done) enough to (?:go through with it"
                     r"|do it|end it)" + END)


def answer_reply(text: str) -> str | None:
    """The words when ``text`` (lowercase words joined by spaces), said as an answer to one
    of Attune's questions, names death, an end or a means as what is needed, or a number
    or a mood with risk behind it."""
    for pattern in (_NEED, _BEHIND, _ENOUGH):
        found = pattern.search(text)
        if found is not None:
            return found.group(0).strip(" ,.!?;")
    return None
