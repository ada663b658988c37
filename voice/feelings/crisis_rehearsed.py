"""Risk told by what the person is doing, with no danger word, read by the backstop of
:mod:`voice.feelings.crisis_backstop` (a thirteenth writer's phrasings, round 14).

Rehearsing ("i practised with the belt last night", "practising how i'd tie it"),
researching ("which bridges round here don't have nets", "how high does a fall have to
be to be sure you die", "carbon monoxide ... asking because i've got the car"), the means
made ready ("out to the garage with the hose", "lining up the pills", "the knife ... i want
to use it"), picturing it ("all i see is me stepping off the platform"), working up to it
("working up the nerve to go over" with the cliff, "the drop i'm about to take" with the
bridge, "i should crash the car on the motorway"), the way worked out ("i'd rather die
than ..., and i've worked out how"), starving "until my heart stops", and being "done
living with it". Their twins stay out by a missing means or what follows: "i practised
with the band last night", "practising how i'd tie the bow tie for the wedding", "out to
the garden with the hose", "lining up the shot", "i can see myself stepping off the
plane in rome", "working up the nerve to ask her out", "i'll keep dancing until my heart
stops", "i've decided i'm done living with my parents". Each is read as lowercase words
joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied

_STOP = r"(?= *[.!?]* *$)"
_PILLS = (r"(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills"
          r"|sleeping tablets|morphine|antidepressants)")
_LIGATURE = r"(?:belt|rope|cord|cable|scarf|tie|noose|dressing gown cord|plastic bag|ligature)"
_HIGH = (r"(?:cliff|cliffs|bridge|bridges|edge|roof|rooftop|ledge|balcony|platform|tracks"
         r"|car park|multi storey|building|railing|rail|drop)")

_REHEARSED = re.compile(
    r"\b(?:"
    # rehearsing
    r"(?:practis|practic)(?:ed|ing|e) (?:with (?:the|a|my) " + _LIGATURE + r"\b"
    r"|how (?:i'd|i would|i'll|i will|to) (?:tie it|tie the (?:knot|noose|rope)|hang))"
    r"(?: again)?(?: last night| yesterday| this morning| tonight| every night)?" + END
    # researching a place or a way
    + r"|(?:bridges?|cliffs?|buildings?|car parks?|roofs?)\b(?: [\w']+){0,4} (?:don't|dont"
    r"|do not|doesn't|without|with no) (?:have )?(?:nets?|barriers?|fences?|railings?|cameras?"
    r"|anti jump)"
    r"|how (?:high|far|tall|deep|long|much|many)\b(?: [\w']+){0,8} (?:to be sure|to make sure"
    r"|so|that) (?:you|i|a person|someone) (?:die|dies|don't survive|won't survive"
    r"|doesn't survive)\b"
    r"|(?:carbon monoxide|exhaust fumes|car fumes)\b.* (?:asking because|asking for myself"
    r"|(?:i've|i have) got (?:the|a|my) car|i have (?:the|a|my) car)"
    # the means made ready
    r"|garage with (?:the|a) (?:hose|hosepipe|tube|pipe)\b"
    r"|(?:hose|hosepipe|tube|pipe) (?:to|on|onto|into|from) the exhaust"
    r"|(?:lining|line|lined|laying|laid|lay|setting|set) (?:up |out )?(?:all )?(?:the|my) "
    + _PILLS + r"(?: up| out)?(?= *[.!?]* *$| [,.!?;]| (?:while|and|now|tonight|on)\b)"
    r"|(?:knife|knives|blade|blades|razor|razors|gun|rope|" + _PILLS[3:-1] + r")\b"
    r"(?: [\w',]+){0,12} (?:i )?(?:want|wanna|going|gonna|need) to use (?:it|them)"
    r"(?: on myself| tonight| now)?" + _STOP
    # picturing it, working up to it
    + r"|(?:see|seeing|picture|picturing|imagine|imagining|visuali[sz]e|visuali[sz]ing)"
    r" (?:is )?(?:me|myself) (?:stepping|jumping|falling|walking|throwing myself) off (?:the|a)"
    r" (?:platform|bridge|roof|edge|ledge|cliff|balcony|building|car park)"
    r"|(?:nerve|courage|guts|bottle) to (?:go over|go off|jump off|step off|jump)"
    r"(?: the edge)?" + END
    + r"|(?:drop|jump|fall|plunge|leap) (?:i'm|im|i am) (?:about|going|gonna) to (?:take|make"
    r"|do)\b"
    r"|(?:i should|should just|i want to|i wanna|tempted to|urge to|thinking (?:of|about))"
    r" (?:just )?(?:crash|crashing|wreck|wrecking) (?:the|my) car"
    r"(?: (?:on|into|off) (?:the|a) [\w']+)?" + END
    # the way worked out, after a wish to die
    + r"|(?:die|dead|death|end it|kill myself)\b(?: [\w',]+){0,14} (?:i've|i have) (?:worked out"
    r"|figured out|planned|decided|sorted out) how" + _STOP
    # starving to death; done living with it
    + r"|until (?:my heart stops|i die|i'm dead|i disappear)\b"
    r"|(?:decided|made up my mind|know) (?:that )?(?:i'm|im|i am) done (?:living|with living"
    r"|with life|being alive)(?: with (?:it|this|the pain|this pain)| like this)?" + _STOP
    + r")")
# A high place said in the same sentence as the drop or the nerve; eating said with "until
# my heart stops".
_DROP = re.compile(r"(?:drop|jump|fall|plunge|leap) (?:i'm|im|i am) (?:about|going|gonna)"
                   r" to (?:take|make|do)|(?:nerve|courage|guts|bottle) to .*")
_HEART = re.compile(r"\buntil (?:my heart stops|i die|i'm dead|i disappear)\b")
_HIGH_PLACE = re.compile(r"\b" + _HIGH.replace("|drop)", ")") + r"\b")
_EATING = re.compile(r"\b(?:eat|eaten|eating|food|starv\w*|meals?)\b")

_TRIGGER_WORDS = """practised practising practise practiced practicing practice bridge bridges
    cliff cliffs building buildings parks roof roofs high far tall deep long much many monoxide
    fumes garage hose hosepipe tube pipe lining line lined laying laid lay setting set use see
    seeing picture picturing imagine imagining visualise visualize visualising visualizing
    nerve courage guts bottle drop jump fall plunge leap crash crashing wreck wrecking worked
    figured planned decided sorted until done"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def rehearsed(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    found = clause_undenied(_REHEARSED, text)
    if found is not None and _DROP.fullmatch(found) and not _HIGH_PLACE.search(text):
        return None  # "the leap i'm about to take with this job"
    if found is not None and _HEART.fullmatch(found) and not _EATING.search(text):
        return None  # "i'll keep dancing until my heart stops"
    return found
