"""Risk said sideways, in a story or a question, read by the backstop of
:mod:`voice.feelings.crisis_backstop` (a fifteenth writer's phrasings, round 16).

Something taken, told in passing ("i need to tell you i took something", "i took the whole lot
before bed", "a calm voice while the tablets kick in", "i'll just take everything in the
cupboard tonight", "planning to take my nan's pills"); marks and attempts told by the body ("my
arms sting because i cut them this morning", "a couple of cuts on my leg", "bleeding onto the
duvet", "hit my head against the wall ... till it bled", "where i tried last night and the rope
slipped", "i stopped eating and drinking ... so it'd all end"); the wish said with a picture
("let the river take me", "lying at the bottom of the quarry lake", "walking out into the
traffic", "i want it to stop beating", "the only place that feels safe is being dead",
"planning my own funeral", "rub myself out", "unsubscribe from being alive", "the world needs one
less of me", "take myself out before it takes me", "end things while i still can", "finished
with living", "don't stop till i'm gone", "for whoever finds me", "once i'm dead"); a plan
checked ("how high ... it's high enough", "if i'd survive the fall", "worked out which ... would
do it", "i've already got it planned", "made up my mind to die"); and questions about "someone"
that are the speaker ("if someone takes their own life", "someone like me died tonight", "if a
bloke wanted to go for good", "bleeding ... should they just let it"). Their twins stay out by
what they are about: "take myself out for dinner", "take everything in the cupboard to the
tip", "i took something for my headache", "my arms sting from the nettles". Each is read as
lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import triggered_clause_undenied

_PILLS = r"(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills)"
_BODY = r"(?:arm|arms|leg|legs|wrist|wrists|thigh|thighs|stomach|skin)"
_WATER = r"(?:river|sea|water|lake|current|tide|waves)"
_KIN = r"(?:nan's|nans|mum's|mums|mom's|moms|dad's|dads|gran's|grandma's|nana's|granny's)"

_SIDEWAYS = re.compile(
    r"\b(?:"
    # something taken, told in passing
    r"(?:need to|have to|got to|gotta|want to) tell you (?:that )?i (?:took|taken|have taken"
    r"|swallowed) something"
    r"|(?:took|taken|swallowed|downed) the (?:whole|entire) (?:lot|bottle|packet|box|strip)"
    r"(?: before bed| last night| tonight)?" + END
    + r"|while the " + _PILLS + r" (?:kick|kicks) in"
    r"|take (?:everything|all the pills|all the tablets|the lot) (?:in|from) the (?:cupboard"
    r"|cabinet|drawer)" + END
    + r"|(?:take|taking|took|steal|stealing|nick|nicking) (?:my )?" + _KIN + r" " + _PILLS
    # marks and attempts told by the body
    + r"|my " + _BODY + r"\b(?: [\w',]+){0,4} (?:cut|burned|burnt|scratched) them (?:this morning"
    r"|last night|earlier|again|today|yesterday)"
    r"|(?:done|made|did) (?:a )?(?:couple of|few|some|more) cuts on my " + _BODY
    + r"|(?:i'm|im|i am) bleeding (?:onto|on|all over|into) (?:the|my) (?:duvet|bed|sheets"
    r"|floor|carpet|sofa|pillow|towel)"
    r"|(?:hit|banged|hitting|banging) my head (?:against|on|off) the (?:wall|floor|door)\b"
    r"(?: [\w',]+){0,5} (?:till|until) (?:it|i) bled"
    r"|(?:from|where) i tried (?:last night|yesterday|earlier|this morning|before)"
    r"|the (?:rope|belt|noose) (?:slipped|snapped|broke)"
    r"|(?:stopped|stopping|stop) eating and drinking"
    # the wish said with a picture
    r"|let (?:it|the " + _WATER + r") take me" + END
    + r"|(?:lying|lie|be) at the bottom of the (?:[\w']+ )?" + _WATER
    + r"|(?:walking|walk|stepping|step|running|run) (?:out )?(?:into|in front of) (?:it|the"
    r" traffic|traffic|a car|a lorry|a bus)" + r"(?=.*\btraffic\b|.*\broad\b| *[.!?]* *$)"
    r"|(?:want|wish|need) (?:it|my heart) to stop beating"
    r"|only (?:[\w']+ ){0,4}(?:is|would be) (?:being dead|dying|death)" + END
    + r"|(?:planning|plan|planned) (?:my|your) own funeral"
    r"|(?:rub|wipe|erase|scrub) myself out"
    r"|(?:unsubscribe|resign|retire|opt out|log off|sign off) from (?:being alive|life|living"
    r"|existence|existing)"
    r"|(?:one less|one fewer) of me"
    r"|take myself out (?:before|first)"
    r"|end (?:things|it|my life|it all) while i (?:still )?can"
    r"|finished with (?:living|life|being alive)"
    r"|(?:don't |do not )?(?:stop )?(?:till|until) i'm (?:gone|dead)"
    r"|(?:for )?whoever finds me"
    r"|(?:once|after|when) i'm dead\b(?: [\w',]+){0,6} (?:won't|wont|will not) be long"
    # a plan checked
    r"|how high\b(?: [\w',]+){0,6} (?:it's|its|it is|is) high enough"
    r"|(?:if|whether) i(?:'d| would) survive (?:the|a) (?:fall|drop|jump)"
    r"|worked out (?:which|what|how much|how many)\b(?: [\w',]+){0,10} would do it"
    r"|(?:i've|ive|i have) (?:already )?got it (?:all )?planned" + END
    + r"|made (?:up )?my mind (?:up )?to die" + END
    # questions about "someone" that are the speaker
    + r"|if (?:someone|somebody|you|i) (?:takes?|took) (?:their|your|my) own life"
    r"|someone like me (?:died|dies|was gone|disappeared|wasn't here)"
    r"|(?:wanted|wants|want) to go for good"
    r"|(?:cut|cuts|cutting) too deep\b(?: [\w',]+){0,8} should (?:they|i|you) just let it"
    r"|(?:don't|do not|dont) want to be alive for (?:any more|anymore|another|one more)"
    r"|(?:switch|turn) (?:the lights? )?off on myself"
    r"|be with my (?:mum|mom|dad|mother|father|wife|husband|son|daughter|brother|sister|nan"
    r"|gran) again\b(?: [\w',]+){0,6} i know how to get there"
    # round 16's smaller kinds
    r"|(?:wrists|arms|wrist)\b(?: [\w',]+){0,8} (?:cutting|cut|slit|slitting|slicing) them"
    r"|(?:someone|somebody|you) (?:to )?(?:took|take|taking) the (?:pills|tablets|rope|gun"
    r"|shotgun|blades|razor|knife) (?:out of|away)"
    r"|" + _PILLS + r"\b(?: [\w',]+){0,6} before i (?:take|swallow) them"
    r"|before i do something (?:tonight|stupid|i can't take back)"
    r"|way out\b(?: [\w',]+){0,4} (?:i've|ive|i have) found (?:one|it|mine)"
    r"|(?:place|somewhere|spot) to do it\b(?: [\w',]+){0,6} (?:won't|wont|can't|will not|don't)"
    r" find me"
    r"|(?:calm|peace|peaceful|okay|ok|relieved|happy) (?:about|with) ending (?:it|things|my life)"
    r"|my body\b(?: [\w',]+){0,4} (?:it'll|itll|it will|will) be dead"
    r"|(?:car park|level \d+|roof|multistorey|multi storey|top floor)\b(?: [\w',]+){0,6}"
    r" (?:stood|standing|sat|sitting) on the edge"
    r"|(?:i'm|im) going to the (?:bridge|cliffs?|cliff edge|tracks|railway line|viaduct)"
    r"(?: tonight| now)?(?= *[.!?]* *$)"
    r"|(?:i'm|im) (?:on|at) the (?:bridge|cliff edge|cliff top|ledge|roof edge|edge) now\b"
    r"(?: [\w',]+){0,8} keep talking"
    r"|(?:sea|river|lake|water)\b(?: [\w',]+){0,8} (?:going to|gonna) walk in"
    # the lead's own twins-tested phrasings (session 12)
    r"|the last (?:check in|session|time|message) (?:you'll|you will) (?:get|hear) from me" + END
    + r"|(?:sat|sitting|sit|lay|lying) in the bath\b(?: [\w',]+){0,4} with the (?:blade|razor"
    r"|knife)"
    r"|(?:right|perfect) (?:night|day|time) to (?:finally )?go through with it"
    r"|stopped taking my (?:meds|pills|tablets|medication) and (?:started )?(?:saving|keeping"
    r"|hoarding|stockpiling) them"
    r"|how long it takes (?:and )?(?:whether|if) it hurts"
    r"|(?:kids|children|family|wife|husband|partner) (?:would|will|'d) be (?:fine|better off"
    r"|okay|ok|alright) with the (?:insurance|life insurance)"
    r"|leaning (?:a bit |a little |slightly )?further (?:each|every) (?:day|time|night)"
    r"|list of who gets what\b(?! for)"
    r"|passwords for (?:my )?\w+ so (?:she|he|they) can sort (?:things|everything|it all)"
    r"(?: out)? after" + END
    # a fresh-eyes review's phrasings
    + r"|(?:don't|dont|do not) think (?:i'll|ill|i will) be (?:around|here|alive) (?:much|for"
    r" much|a lot) longer"
    r"|(?:researching|looking up|googling|checking) which (?:bridge|building|cliff|car park"
    r"|tower|multistorey) is (?:the )?(?:highest|tallest)"
    r"|the last time (?:you'll|you will|you) (?:ever )?hear my voice"
    r"|my last one before i (?:go|leave|die)"
    r")")

_TRIGGER_WORDS = """need have got gotta want took taken swallowed downed while take taking
    steal stealing nick nicking my done made did i'm im i hit banged hitting
    banging from where the stopped stopping stop let lying lie be walking
    walk stepping step running run wish only planning plan planned rub wipe
    erase scrub unsubscribe resign retire opt log sign one take end finished
    till until for whoever once after when how if whether worked i've ive
    someone wanted wants bleeding wrists arms wrist somebody you pills
    tablets meds medication painkillers paracetamol before way place
    somewhere spot calm peace peaceful okay ok relieved happy last sat
    sitting sit lay right perfect stopped long kids children family husband
    partner leaning list passwords body car cut cuts cutting dont switch
    turn be level roof multistorey multi top sea river lake water don't do
    think researching looking googling checking"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def sideways(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied in their clause."""
    return triggered_clause_undenied(_TRIGGERS, _SIDEWAYS, text)
