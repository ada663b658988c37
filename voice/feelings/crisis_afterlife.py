"""Crisis said through faith, the dead and old age, read by the backstop of
:mod:`voice.feelings.crisis_backstop`.

Wanting to be with God or meet one's maker now, heaven being better than this, being done
"down here"; following, joining or going where someone who died is ("i should have gone with
her when she died", "i'm going to join my wife, i've made up my mind", "twenty two a day and
i'll be one of them"); a date or an occasion as the last ("new year's eve will be my last
one"); and a long life told as over with ("i've had my innings and i'd like it over with").
Their twins stay out: "closer to god this year", "heaven will be lovely one day but ...",
"learning to live without him", "i've had a good innings and i still love my garden".
Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_means import clause_undenied

# Nothing more, or a clause break, or a word that keeps the clause on the wish.
END = (r"(?= *$| [,.!?;]| (?:and|but|so|now|tonight|today|soon|already|anymore|too|for good"
       r"|i've|i'm|i)\b)")
_KIN = (r"(?:him|her|them|my (?:late )?(?:wife|husband|son|daughter|mum|mom|mother|dad|father"
        r"|boy|girl|partner|brother|sister|baby|child|friend|kids|children|family|squad|mates"
        r"|unit|nan|gran|grandad|grandma|grandpa|twin|fiance|fiancee|wee \w+))")
# Someone has died: "since mum died", "now he's gone" (not "gone to the shops").
_DEATH = re.compile(
    r"\b(?:died|dead|passed|death|grave|funeral|lost (?:him|her|them|my|the baby|our baby)"
    r"|miscarr\w*|lost (?:too many|so many|all|both|each|one|two|three) of my"
    r"|late (?:wife|husband"
    r"|son|daughter|mum|mom|dad)|(?:\w+'s|is|he has|she has|they have|they've) gone"
    r"(?! (?:to|on|out|away|off|home|abroad|back|for|shopping|up|down|in|into|over|round"
    r"|quiet)\b))")
# Made up one's mind, said around a wish to join someone.
_RESOLVE = re.compile(r"\b(?:made up my mind|decided|promised myself|i mean it|it's time"
                      r"|(?:got|have) it all planned(?: out)?|all planned out)\b")

_HEAVEN = re.compile(
    r"\b(?:"
    r"(?:want|wanna|ready|time|going|longing|long|need|praying|pray) (?:to )?(?:be with|go to"
    r"|go home to|go up to|meet|see|join) (?:god|jesus|the lord|my maker|my creator|heaven"
    r"|the angels)(?: [\w']+){0,2}? (?:now|tonight|today|soon|already|right now)" + END
    + r"|(?:ready|want|wanna|time|waiting) to meet my (?:maker|creator)"
    r"|(?:heaven|the afterlife|the other side|the next life|whatever comes next|death|being"
    r" dead) (?:has to|must|would|will|'d|could|can't|cannot|is going to) (?:be )?(?:better"
    r"|easier|kinder|nicer|more peaceful) than (?:this|here|living|life|all this)"
    r"|(?:heaven|the afterlife|the other side|the next life|death|being dead) (?:can't|cannot"
    r"|couldn't) be (?:any )?worse than (?:this|here|living|life|all this)"
    r"|(?:done|finished|had enough|no reason to stay|nothing left for me|nothing to stay for)"
    r" (?:here on earth|on this earth|in this world)" + END
    + r"|(?:god|heaven|lord|jesus|maker|angels)\b.* (?:done|finished|had enough) down here"
    + END
    + r")")
# Kept apart: they count only where someone has died or the mind is made up, and only
# where the clause ends ("join my wife tonight for dinner" is a plan).
_STOPS = r"(?= *$| [,.!?;]| (?:and|but|so|now|soon|i've|i'm)\b)"
_FOLLOW = re.compile(
    r"\b(?:"
    r"(?:want|wanna|going|gonna|planning|plan|ready|time|need|decided|longing|wish i could"
    r"|i'll|i will|like|how) (?:to |just )?(?:follow|join|go after|be with) " + _KIN
    + r"(?: again| soon| now| in heaven| up there)?" + _STOPS
    + r"|go (?:to )?where (?:he|she|they|my \w+) (?:is|are|went|has gone|have gone|'s gone)"
    + _STOPS + r"|(?:no reason|nothing) (?:left )?to stay(?: here| for| around)?" + _STOPS
    + r"|should(?:'ve| have) (?:gone|died|been taken)(?: too| with " + _KIN + r")?"
    r"(?= *$| [,.!?;]| (?:when|and|but|so|too|instead|over there|back then|that day|in that"
    r"|with them|with him|with her)\b)"
    r")")
_WAIT = re.compile(r"\bbe with " + _KIN + r" again ,? (?:i )?(?:don't|dont|do not|can't|cannot)"
                   r" (?:want to |bear to )?wait"
                   # missing someone, then joining them now: "... i'm going to join him tonight"
                   r"|\bbe with " + _KIN + r" again\b.* (?:join|follow|go to|be with) " + _KIN
                   + r" (?:tonight|today|soon|now|this week)" + END)
# Their number said ("twenty two a day") and "i'll be one of them".
_ONE_OF_THEM = re.compile(r"\b(?:a day|statistic|statistics|veterans|suicides)\b.*\bi'll be"
                          r" (?:one of them|the next one|next|another one|another statistic)"
                          + END)
# A date or an occasion as the last one.
_LAST = re.compile(
    r"\b(?:christmas|birthday|new year's eve|new year's|new year|easter|this year|this summer"
    r"|this winter|this spring|this autumn|this weekend|the anniversary|thanksgiving|diwali"
    r"|eid|hanukkah) (?:will|'ll|is going to|is gonna) be my (?:last|final)(?: one| ever)?" + END)
# A long life, and wanting it over.
_INNINGS = re.compile(r"\b(?:had my|had a good|had a long|had a full|had a) innings\b|\blived"
                      r" long enough\b")
_OVER_WITH = re.compile(r"\b(?:ready to go|want it (?:all )?over|like it (?:all )?over with"
                        r"|want to go now|time for me to go|ready for the end|done now)\b")
# A sentence with none of these words cannot match: the patterns are not tried.
_TRIGGER_WORDS = """
    god jesus lord maker creator heaven angels afterlife side life death dead here earth
    world follow join after with where stay should should've day last final innings
    enough next statistic statistics veterans suicides"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def afterlife(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied just before them."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    found = clause_undenied(_HEAVEN, text) or clause_undenied(_WAIT, text)
    if found is None and (_DEATH.search(text) or _RESOLVE.search(text)):
        found = clause_undenied(_FOLLOW, text)
    if found is None:
        found = clause_undenied(_ONE_OF_THEM, text) or clause_undenied(_LAST, text)
    if found is None and _INNINGS.search(text):
        found = clause_undenied(_OVER_WITH, text)
    return found
