"""An overdose taken or being taken, and self-harm told sideways, read by the backstop of
:mod:`voice.feelings.crisis_backstop` (a twelfth writer's phrasings, round 13).

Pills taken all at once, already ("now that i've taken them all", "i've taken all my
sleeping tablets", "i've taken what i need"), being swallowed now ("i've already started
swallowing them", "i have the pills. i'm taking them.", "keep talking while i take these
... when i die"), planning not to wake; a batch hoped to be the one that kills me;
self-harm as "the thing" or "the old habit" done again with a blade, legs marked with a
blade, blades kept to use on myself, going too deep on my arm, the razor at hand while
thinking of cutting. Their twins stay out by what follows or who does it: "i took them
all back to the shop", "i've taken all my tablets for today", "i did the thing again with
the razor, shaved my head", "i keep marking my legs with a pen", "the nurse went too deep
with the needle". Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied

_PILLS = (r"(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills"
          r"|sleeping tablets|morphine|antidepressants)")
_BLADE = r"(?:razor|razors|blade|blades|razor blades?|knife|scissors|compass)"
_BODY = (r"(?:arm|arms|leg|legs|wrist|wrists|thigh|thighs|skin|stomach|hips?|ankles?"
         r"|shoulders?)")
# Nothing more, or a clause break with no "for", "back", "to" after it.
_ALL_TAKEN_END = r"(?= *[.!?]* *$| [,.!?;]| (?:and|so|now|already|tonight)\b)"

_TAKEN = re.compile(
    r"\b(?:"
    # pills taken all at once
    r"(?:i've|i have|i) (?:just |already |now )?(?:taken|took|swallowed|downed|had)"
    r" (?:them all|all of them|the lot|every one of them|these all)" + _ALL_TAKEN_END
    + r"|(?:i've|i have|i) (?:just |already |now )?(?:taken|took|swallowed|downed) (?:all|every"
    r" one) (?:of )?(?:my|the) (?:\d+ )?(?:sleeping (?:pills|tablets)|painkillers|paracetamol"
    r"|morphine|antidepressants)" + _ALL_TAKEN_END
    + r"|(?:i've|i have|i) (?:just |already )?taken (?:what i need|what i needed|enough)"
    r"(?= *[.!?]* *$)"
    r"|(?:started|starting|begun|began|begin|already) (?:swallowing|downing) (?:them"
    r"|these|the pills|the tablets)" + END
    + r"|(?:have|got) (?:the|my|all the|all my|all of my) " + _PILLS + r" \. (?:i'm|im|i am)"
    r" (?:taking|swallowing|having) them(?: all| now| tonight)?(?= *[.!?]* *$)"
    r"|(?:while|whilst|as) i (?:take|swallow|down) (?:these|them|the pills|the tablets)"
    r"(?=.*\b(?:die|dying|dead|gone|end it)\b)"
    r"|(?:planning|plan|going|hoping|hope) (?:on |to )?(?:not|never) (?:waking|wake) up"
    r"(?: tomorrow| again| in the morning)?" + END
    # the batch, the dose that kills me
    + r"|(?:hope|hoping|pray|praying|wish) (?:[\w']+ ){0,3}(?:is|will be|'s) the one that"
    r" (?:kills|finishes|ends) me" + END
    # self-harm told sideways
    + r"|(?:did|done|doing|do) (?:the thing|it|that) again\b(?: [\w',]+){0,8} (?:with|using)"
    r" (?:the|a|my) " + _BLADE + r"(?!.*\bshav)(?: last night| this morning| yesterday)?" + END
    + r"|(?:marking|mark|marked|carving|scoring|scored|marking up) my " + _BODY
    + r" (?:with|using) (?:the|a|my) " + _BLADE
    + r"|(?:blade|blades|razor|razors|razor blades)\b(?: [\w',]+){0,10} (?:use|using|used)"
    r" (?:them|it) on myself"
    r"|(?:i|i've) (?:went|gone|go|cut|going) (?:way |a bit |far )?too deep (?:on|into|in)"
    r" my " + _BODY
    + r"|(?:thinking|think|thought) (?:about|of) cutting (?:them|it|myself|my " + _BODY + r")"
    r"(?: [\w',]+){0,3} (?:i've|i have) got (?:the|a|my) " + _BLADE + r" (?:here|right here"
    r"|with me|next to me|on me)"
    r")")

_TRIGGER_WORDS = """taken took swallowed downed had enough started starting begun began begin
    already have got while whilst as planning plan going hoping hope pray praying wish did
    done doing do marking mark marked carving scoring scored blade blades razor razors went
    gone go cut thinking think thought"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def taken(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    return clause_undenied(_TAKEN, text)
