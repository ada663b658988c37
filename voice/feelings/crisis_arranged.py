"""The day chosen and arrangements made, a means in its place, and a sentence cut off at the
means, read by the backstop of :mod:`voice.feelings.crisis_backstop` (a fifteenth writer's
phrasings, round 16).

The day or the hour as the one ("that's the day i'm doing it", "i've picked thursday ... no
one to walk in on it", "so that's when", "i've decided it's tonight"), arrangements made
("i've made my arrangements", "it's all planned ... before i do it", "everything's in order
now for when i go", "i've arranged everything for saturday", "the plan i made, it's all
ready", "i've seen to that", "i've made my mind up" after a wish to be gone); not meaning to
be alive on a day ("not planning on still being alive on friday", "won't be here in the
morning", "my last night"); the means in its place ("the rope is over the beam", "a rope in
the barn i keep going out to look at", "the bottle of pills on my lap", "the edge of the
blade", "pressing the blade in", "lying on the railway line", "on the wrong side of the
railing", "parked up at the cliff top ... not sure i'm driving home", "in the car in the
garage with the door shut and the engine"); a sentence cut off at the means ("i've filled the
bath and i've got the razor and", "if i just step off the platform when the fast train").
Their twins stay out by what the day or the thing is for: "that's the day i'm doing the
shopping", "i've made my arrangements for the holiday", "the rope is over the beam for the
swing", "the bottle of pills on my lap is my vitamins". Each is read as lowercase words
joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import triggered_clause_undenied

_DAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow"
        r"|the weekend|this weekend|next week|the \d+(?:st|nd|rd|th)?)")
_BLADE = r"(?:razor|razors|blade|blades|knife|shotgun|gun|rifle|pistol)"
_PILLS = r"(?:pills|tablets|meds|painkillers|paracetamol|sleeping pills)"
_CUT_OFF = r"(?= *(?:and|when|with|the|it's|its|so)? *[.!?]* *$)"  # the sentence stops there

_ARRANGED = re.compile(
    r"\b(?:"
    # the day or the hour as the one
    r"that's (?:the day|when|the night|the time) (?:i'm|im|i am|i'll|i will) (?:doing|do) it"
    + END
    + r"|(?:so )?that's when" + _CUT_OFF
    + r"|(?:i've|ive|i have) (?:picked|chosen|set) " + _DAY + r"\b(?: [\w',.]+){0,14} (?:walk"
    r" in on|find|stop) (?:it|me)"
    r"|(?:decided|made up my mind|made my mind up) (?:that )?it's (?:tonight|tomorrow|today"
    r"|this weekend)" + END
    # arrangements made
    + r"|(?:i've|ive|i have) made (?:my|all my|the) (?:arrangements|preparations)" + END
    + r"|(?:it's|its|it is) all (?:planned|arranged|sorted|ready)\b(?: [\w',.]+){0,24}"
    r" (?:before i do it|when i do it|i do it)"
    r"|(?:everything's|everything is) in order\b(?: [\w']+){0,3} for when i (?:go|die|am gone"
    r"|i'm gone)"
    r"|(?:arranged|planned|sorted) everything for " + _DAY + END
    + r"|(?:go ahead|going ahead|get on) with the plan\b(?: [\w',.]+){0,4} (?:it's|its|it is)"
    r" (?:all )?ready"
    r"|much longer ,? (?:i've|ive|i have) seen to (?:that|it)"
    r"|(?:than a problem|be a memory|rather be gone|rather not be here)\b(?: [\w',.]+){0,3}"
    r" (?:i've|ive|i have) made (?:my mind up|up my mind|my decision)"
    # not meaning to be alive on a day
    r"|(?:not|never) planning (?:on|to) (?:still )?(?:be|being) (?:alive|here|around)"
    r"|(?:decided|know|sure) (?:that )?i (?:won't|will not|wont) be (?:here|alive|around) (?:in"
    r" the morning|by morning|tomorrow|by the weekend|after tonight)" + END
    + r"|(?:spend|spending) my last (?:night|day|evening)"
    # the means in its place
    + r"|(?:rope|noose|belt) (?:is|'s) (?:over|round|around|tied to|hanging from) the (?:beam"
    r"|banister|rafter|rafters|door|hook|loft hatch)" + END
    + r"|(?:rope|noose) in the (?:barn|shed|garage|loft)\b(?: [\w',]+){0,4} (?:look at|looking"
    r" at|keep going|thinking)"
    r"|(?:bottle|box|packet|pile) of " + _PILLS + r" (?:on|in) my (?:lap|hand|hands)" + END
    + r"|the edge of the " + _BLADE + END
    + r"|(?:pressing|pushing|digging) (?:the|a|my) " + _BLADE + r" in" + END
    + r"|(?:lying|laying|sitting|standing|stood|sat) (?:on|by) the (?:railway line|railway"
    r" track|tracks|train tracks|line)"
    r"|(?:on|at) the wrong side of the (?:railing|railings|barrier|fence|rail)"
    r"|(?:parked|sat|sitting|standing) (?:up )?(?:at|on) the (?:cliff top|clifftop|cliff edge"
    r"|edge)\b(?: [\w',.]+){0,6} (?:not sure|don't know if|dont know if) i'm (?:driving|going)"
    r" (?:home|back)"
    r"|in the garage with the (?:door|doors) (?:shut|closed|locked) and the engine"
    # cut off at the means
    r"|(?:filled|running|ran) the bath\b(?: [\w',]+){0,4} (?:got|have) the " + _BLADE
    + _CUT_OFF
    + r"|step (?:off|out in front of|in front of) (?:the|a) (?:platform|train|bus|lorry)"
    r"(?: when the (?:fast |express |next )?train)?" + _CUT_OFF
    + r"|(?:got|taken|took) my (?:dad's|grandad's|father's|husband's|own) (?:old )?(?:shotgun|gun"
    r"|rifle|pistol) out" + r"(?: of the (?:cabinet|safe|cupboard))?(?: and it's)?" + _CUT_OFF
    + r")")

_TRIGGER_WORDS = """that's i've ive i have decided made it's its everything's everything
    arranged planned sorted go going get much than be rather not never won't
    will wont spend spending know sure rope noose belt bottle box packet
    pile the pressing pushing digging lying laying sitting standing stood
    sat on at parked in filled running ran step got taken took"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def arranged(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    return triggered_clause_undenied(_TRIGGERS, _ARRANGED, text)
