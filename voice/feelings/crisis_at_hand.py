"""The means in hand, an act under way and its fresh marks, read by the backstop of
:mod:`voice.feelings.crisis_backstop` (a fourteenth writer's phrasings, round 15).

The means out again or held ("it's three in the morning and i've got the knife out
again", "stop stop ive got the knife", "there's a bottle of pills in my hand and i'm
counting them out", "nine, and i've got the pills right here"); pills taken or being taken
in a quantity that is the harm ("i just swallowed everything that was in the medicine
cabinet", "i took to many tabs", "i've got 2 boxes of paracetamol and i'm taking them
now", "i'm counting the tablets i'm about to take", "i took the pills before we started");
an attempt set up ("the hose through the car window", "stood on the chair with the belt
round my neck", "the rope i put up", "my plan is to crash the car"); cutting now or its
fresh marks ("im cutting right now", "i cut deeper than usual", "bleeding from where i
cut", "my wrists are still bleeding from earlier", "covered in fresh cuts", "the cuts i
made this morning", "pressing the blade into my leg"); urges told by the body ("my hands
want to go and find the razor", "get the knife and use it on myself"); losing the fight
("i don't think i can stop myself this time", "scared of what i'm going to do to myself",
"i can't promise i'll be safe tonight", "help me not hurt myself"); goodbye said to the app
or for the last time ("i'm saying goodbye to you, attune", "like it was the last time,
because it is"); not planning to wake up.

Their twins stay out by what follows or what the thing is for: "i've got the knife out
for the onions", "i cut my finger and it won't stop bleeding", "i'm cutting the grass right
now", "i took the pills the doctor gave me", "i'm saying goodbye to my sister at the
airport", "i can't stop myself eating biscuits". Each is read as lowercase words joined by
spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import triggered_clause_undenied

_PILLS = (r"(?:pills|tablets|tabs|meds|medication|painkillers|paracetamol|sleeping pills"
          r"|sleeping tablets|morphine|antidepressants|co codamol|ibuprofen|aspirin|antihistamines"
          r"|insulin)")
_BLADE = r"(?:razor|razors|blade|blades|razor blades?|knife|knives|scissors|box cutter)"
_BODY = (r"(?:arm|arms|leg|legs|wrist|wrists|thigh|thighs|skin|stomach|hips?|ankles?"
         r"|shoulders?)")
_I_HAVE = r"(?:i've|ive|i have|i) (?:just )?got"
_STOP = r"(?= *[.!?]* *$| [,.!?;])"
_NOW = r"(?:now|right now|tonight|again|at the moment)"

_AT_HAND = re.compile(
    r"\b(?:"
    # the means out again, or held with nothing else said of it
    + _I_HAVE + r" (?:the|a|my) " + _BLADE + r" (?:out )?(?:again|right here|in my hand)"
    r"|" + _I_HAVE + r" the " + _BLADE + _STOP
    + r"|(?:i've|ive|i have|i) (?:just )?got the " + _PILLS + r" (?:right )?(?:here|in my hand"
    r"|in front of me|next to me|with me)" + _STOP
    + r"|" + _PILLS + r" in my hand\b(?: [\w',]+){0,4} (?:counting|count) them"
    r"|(?:counting|counted|count) (?:out )?(?:the|my|all the|all my) " + _PILLS
    + r"(?: [\w',]+){0,2} (?:i'm|im|i am) (?:about to|going to|gonna) (?:take|swallow)"
    # pills taken or being taken as the harm
    r"|(?:swallowed|took|taken|downed|had) (?:everything|all|the lot|whatever was) (?:that was"
    r" |that's |i had )?(?:in|from) (?:the|my) (?:medicine|bathroom|kitchen) (?:cabinet"
    r"|cupboard|drawer)"
    r"|(?:took|taken|take|swallowed|had) (?:too|to|2|way too|far too) many (?:of (?:them|these"
    r"|those)|(?:of )?(?:my |the |these |those )?" + _PILLS + r")(?! open)"
    r"|(?:\d+|two|three|four|five|six|several|a few) (?:boxes|packets|packs|bottles|strips"
    r"|tubs) of " + _PILLS + r"\b(?: [\w',]+){0,4} (?:i'm|im|i am) (?:taking|swallowing"
    r"|having) them"
    r"|(?:can see|looking at|staring at) (?:the|my|all the|all my) " + _PILLS
    + r"\b(?: [\w',]+){0,6} (?:i'm|im|i am) (?:going to|gonna|about to) (?:take|swallow) them"
    r"(?: all| now| tonight)?" + _STOP
    + r"|(?:took|taken|swallowed) the " + _PILLS + r" (?:before|while|as) (?:we|you|this|the"
    r" session)"
    r"|^(?:stop |wait |pause |help )+(?:i |i've |ive )(?:took|taken|swallowed) the " + _PILLS
    + _STOP
    + r"|(?:already|just) (?:taken|took|swallowed) the " + _PILLS + r" and (?:i'm|im|i am)"
    r" (?:starting to |already )?(?:feel|feeling|getting) (?:\w+ )?(?:sleepy|drowsy|dizzy"
    r"|woozy|sick|weird|funny|numb)"
    r"|(?:taking|take|took|get|getting) (?:the|my) " + _PILLS + r" away from me"
    # an attempt set up
    r"|(?:hose|hosepipe|pipe|tube) (?:through|into|in|from) the (?:car window|car's window"
    r"|exhaust|car exhaust)"
    r"|(?:belt|rope|noose|ligature) (?:round|around|on) my neck"
    r"|(?:rope|noose) i (?:put|tied|hung|set) up(?: earlier| last night| today| this morning)?"
    + _STOP
    + r"|(?:plan|planning|decided|want) (?:is )?to crash (?:the|my) car"
    # cutting now, and its fresh marks
    r"|(?:i'm|im|i am) cutting (?:myself )?(?:right now|now|again|at the moment)" + _STOP
    + r"|(?:i|i've|ive) cut (?:myself )?(?:deeper|too deep|deep) (?:than|this time|again"
    r"|tonight)"
    r"|bleeding (?:[\w']+ ){0,4}(?:from )?where i cut(?: myself)?" + _STOP
    + r"|(?:cuts|marks|burns) i (?:made|did|gave myself)(?: this morning| last night| yesterday"
    r"| earlier| today)?" + _STOP
    + r"|(?:covered in|full of|got|have|some|more) (?:fresh|new|open) (?:cuts|wounds|burns)\b"
    r"|(?:fresh|new|open) (?:cuts|burns) on my " + _BODY
    + r"|my " + _BODY + r"\b(?: [\w',.]+){0,4} (?:still |are |is )*bleeding (?:from|since)"
    r" (?:earlier|this morning|last night|before|where)"
    r"|(?:pressing|pushing|digging|dragging|running) (?:the|a|my) " + _BLADE + r" (?:into"
    r"|across|along|over|against) my " + _BODY
    # urges told by the body
    + r"|(?:hands?|fingers|body|arms?)\b(?: [\w',]+){0,4} (?:want|wants|keep wanting|are"
    r" itching|itch|is itching) to\b(?: [\w',]+){0,6} (?:the|a|my) " + _BLADE
    + r"|(?:get|grab|find|fetch) (?:the|a|my) " + _BLADE + r" and use it on myself"
    # losing the fight
    r"|(?:can't|cannot|cant|don't think i can|not sure i can) stop myself (?:this time|tonight)"
    + _STOP
    + r"|(?:scared|afraid|frightened|terrified|worried) (?:of|about) what (?:i'm going to"
    r"|i'm gonna|im going to|i'll|i might|i may|i could|i will) do to myself"
    r"|(?:can't|cannot|cant|couldn't|won't) promise (?:i'll|i will|to|that i'll|you i'll)"
    r" (?:be|stay|keep) (?:myself )?safe"
    r"|help me (?:not|not to) (?:hurt|harm|kill|cut) myself"
    # goodbye said to the app, or for the last time
    r"|(?:i'm|im|i am) saying goodbye(?: to you| now| to you now)?(?: , attune| attune)?" + _STOP
    + r"|(?:the|my) last time ,? (?:because|cause|cos|coz) it (?:is|will be|was)" + END
    + r"|(?:not|never) planning (?:on|to) (?:wake|waking) up(?: tomorrow| again| in the morning)?"
    + END
    + r"|way out\b(?: [\w',]+){0,6} (?:got|have) (?:mine|it|one|my own) (?:all )?(?:planned"
    r"|sorted|worked out)"
    + r")")

_TRIGGER_WORDS = """got pills tablets tabs meds medication painkillers paracetamol morphine
    antidepressants counting counted count swallowed took taken downed had take hose
    hosepipe pipe tube belt rope cord cable noose scarf ligature tie plan planning going
    gonna decided cutting cut cuts marks burns fresh new open bleeding pressing pushing
    digging dragging running hand hands fingers body arm arms they get grab find fetch
    stop stop myself scared afraid frightened terrified worried promise help saying last
    co ibuprofen aspirin way antihistamines insulin"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def at_hand(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    return triggered_clause_undenied(_TRIGGERS, _AT_HAND, text)
