"""A recall-first backstop for crisis language, read after the precise patterns of
:mod:`voice.feelings.crisis` found nothing.

The precise patterns name each way of saying it; fresh phrasings keep finding new ways.
This reads by concept instead: a sentence about the speaker ("i", "me", "my") that holds
a strong risk concept (dying, killing or hurting oneself, ending it, not existing, being
gone, a burden, no reason to go on, goodbye for good) or a method word with a plan
("the pills i've saved", "the bridge tonight"), unless the concept is denied ("i don't
want to die") or is one of the idioms and near misses kept in the dev set ("dying to see
it", "this traffic is killing me", "dead tired", "kill time", a film, a game, a plant).
"""

from __future__ import annotations

import re

from voice.feelings.crisis_acts import acts
from voice.feelings.crisis_afterlife import afterlife
from voice.feelings.crisis_arranged import arranged
from voice.feelings.crisis_at_hand import at_hand
from voice.feelings.crisis_context import outside_cause, recovered
from voice.feelings.crisis_dose import dose
from voice.feelings.crisis_foretold import foretold
from voice.feelings.crisis_means import means
from voice.feelings.crisis_rehearsed import rehearsed
from voice.feelings.crisis_risk import risk
from voice.feelings.crisis_settled import settled
from voice.feelings.crisis_sideways import sideways
from voice.feelings.crisis_signs import warning_sign
from voice.feelings.crisis_taken import taken
from voice.feelings.crisis_told import told

# The speaker: the sentence must be about them.
_SELF = frozenset({"i", "i'm", "im", "i'd", "i've", "i'll", "me", "my", "myself", "mine"})

# Strong risk concepts, each enough on its own when said of oneself and when the clause
# ends with it: "i want to disappear" (not "... under a blanket"), "cut myself" (not "... on
# the fence"), "i want to die" (not "... my hair", "... of boredom").
_RISK = re.compile(
    r"\b(?:"
    r"(?:want|wanna|wish|ready|planning|plan|deserve|prefer|i'm going|im going|gonna|decided)"
    r" (?:\w+ ){0,2}(?:to )?(?:die|be dead|not exist|stop existing|not be here|not be alive"
    r"|never wake up|disappear|vanish|be gone|sleep forever|end it|end things|end everything"
    r"|end my life|finish it|kill myself|top myself|off myself|hurt myself|harm myself"
    r"|cut myself|cut again|burn myself|hit myself|starve myself|punish myself)"
    r"|kill(?:ing)? myself|end(?:ing)? (?:it all|my life|my own life|myself)"
    r"|finish(?:ing)? my (?:own )?life(?! story| coach| list| goals| plan| insurance)"
    r"|tak(?:e|ing) my (?:own )?life"
    r"|(?:i'm|im|i am|i've been|i have been|been|keep|started|start) (?:\w+ )?(?:cutting|burning"
    r"|hurting|harming|starving|hitting|scratching|punishing) myself"
    r"|(?:i'm|im|i am|feel|feeling|felt|i've been|been|i was) (?:so |really |very |pretty )?"
    r"suicidal|(?:my|thinking about|thought about|thoughts of|attempt(?:ed)?) suicide"
    r"|better off (?:without me|if i (?:was|were|wasn't|weren't) (?:here|around|alive|gone)"
    r"|with me gone)"
    r"|(?:i'm|im|i am|being) (?:just )?a burden"
    r"|(?:no|nothing to|no more) (?:\w+ )?(?:reason|point|will|purpose) (?:to|in|for) "
    r"(?:live|living|keep living|keep going|stay alive|go on|going on|carry on|carrying on"
    r"|being here|being alive|exist|existing)"
    r"|(?:don't|dont) want to (?:be alive|live|exist|be here anymore|go on|wake up)"
    r"|(?:can't|cannot) (?:go on|keep living|live like this|do this anymore|take it anymore)"
    r"|goodbye (?:forever|for good|for the last time)"
    r"|(?:won't|will not) be (?:here|around) (?:much longer|for much longer)"
    r"|(?:gone|dead) (?:for good|forever)"
    r"|(?:nobody|no one|noone) would (?:notice|care|miss me) if i (?:was|were|died|disappeared"
    r"|went|wasn't|weren't)"
    r"|(?:wish|wished) i (?:was|were|had) (?:never been born|dead|gone|not born|never existed)"
    r"|(?:wish|wished) i (?:wouldn't|won't|didn't) wake"
    r")\b")
# Said by way of a picture, a plan or a place: the denial words in these are part of the
# risk ("hope i don't start again", "i don't see myself getting old").
_PICTURED = re.compile(
    r"\b(?:"
    r"(?:think|thinking|fantasi\w+|dream\w*|obsess\w*) (?:about|of) (?:dying|death|not existing"
    r"|not being alive|being dead|ending it)"
    r"|(?:death|dying|not existing|not being alive|being dead) (?:sounds|seems|feels|would be)"
    r" (?:\w+ )?(?:peaceful|good|nice|like relief|easier|like a relief|calm)"
    r"|(?:asleep|sleep) and (?:just )?(?:not|never) (?:come back|wake up|wake)"
    r"|(?:tired|sick|done|finished) (?:[\w']+ |, ){0,8}(?:of|with) (?:living|being alive"
    r"|waking up|existing|life)"
    r"|(?:nothing|no one|nobody|nothing left) (?:left )?to (?:stay|live|stay alive) for"
    r"|no (?:wish|desire|will) to (?:carry on|go on)(?: living)?|no (?:wish|desire|will) to (?:live"
    r"|keep living|stay)"
    r"|(?:wish|will|desire) to carry on living|be with my late \w+|join my late \w+"
    r"|(?:when|if|after|once) i'm gone(?! (?:on|to|away|abroad|home|off|out)\b)"
    r"|if i (?:was|were) gone"
    r"|when i'm dead|after i die"
    r"|(?:night|day|time) to stop (?:fighting|living)|stop (?:fighting|trying to live"
    r"|breathing for good)|to stop walking"
    r"|(?:not|never) (?:planning on |going to |gonna )?(?:be|being) around (?:for|to see)"
    r"|(?:not|never) gonna make it to|not going to make it to"
    r"|(?:put up with|deal with|bother with|worry about) me (?:much|for much) longer"
    r"|(?:no future|can't picture myself|don't see myself|can't see myself) (?:[\w']+ ){0,3}"
    r"(?:still here|alive|getting old|growing old|old)"
    r"|(?:someone|anyone|they) to find me|before (?:anyone|someone) finds me"
    r"|only (?:still )?(?:here|alive) (?:because|for)"
    r"|(?:happier|better off|relieved) at my funeral|picturing my (?:own )?funeral"
    r"|hope i (?:don't|never) (?:start|wake up|wake|breathe) again"
    r"|ready to be (?:blown out|put out|switched off|gone)"
    r"|(?:plan|planning|planned) my (?:exit|way out|death|end|goodbye)"
    r"|(?:log off|logging off|check out|checking out|dip|leave|go|exit|sign off)(?: (?:of|from)"
    r" (?:this )?(?:life|world))?(?: permanently| for good| forever)"
    r"|(?:checking|check) out of (?:\w+ ){0,3}life"
    r"|free of this life|out of this life|close the book on my life"
    r"|(?:then|tonight) i'll do it|i'll do it tonight"
    r"|throw myself (?:down|off|in front|under)(?! on\b| onto\b| into\b)"
    r"|in front of a (?:lorry|bus|train|car|truck)"
    r"|(?:hope|wish|want|wanna|pray)(?: \w+){0,3} hit by a (?:bus|car|train|lorry|truck)"
    r"|crash(?:ing)? (?:the|my) car into"
    r"|tied (?:the|a) (?:rope|noose)|drinking (?:the )?bleach|in the bath with a (?:razor|blade"
    r"|knife)|used the (?:blade|razor) again"
    r"|(?:sitting|standing) on the (?:bridge |roof )?(?:bridge|ledge|edge|railing|railings|parapet"
    r"|roof)|(?:hurt|cut|burn|harm|hit) my (?:body|arms|legs|wrists|skin|thighs)"
    r"|make myself bleed|till (?:they|it|i) bleed|ending (?:at|that) all|be a life anymore"
    r")\b")
# Pictured concepts strong enough whatever follows them in the sentence.
_WHOLE = re.compile(
    r"\b(?:"
    # life as a book, a story or a fight, ending
    r"(?:close|closing|end|ending|finish|finishing|write|writing) (?:the )?(?:book|last chapter"
    r"|final chapter|story|last page|final page) (?:on|of) my (?:own )?(?:life|story)"
    r"|(?:last|final) chapter of my (?:life|story)"
    r"|(?:stop|stopped|done|finished) fighting (?:for good|to stay alive|to live|for my life)"
    # relief at my funeral
    r"|(?:happier|better off|relieved|lighter|glad|freer) (?:[\w']+ ){0,2}at my funeral"
    # not around at a future date, on purpose
    r"|(?:not|never|no) plan(?:ning|s)? (?:on|to) (?:be |being |stay |staying )?(?:around|here"
    r"|alive)(?= *[.!?,]* *$| (?:much |for much |any |for any )?(?:longer|anymore)| (?:for|to see"
    r"|by|at|until|on|after) (?:[\w']+ ){0,2}(?:birthday|christmas|new year|year|summer|winter"
    r"|spring|autumn|wedding|graduation|anniversary|exams?|results|holidays)\b)"
    r"|(?:not|never) (?:gonna|going to) make it to (?:[\w']+ ){1,3}(?:, )?(?:i mean (?:it|that)"
    r"|literally|for real|seriously|honestly)"
    r"|(?:won't|will not|wont) need (?:you|this|it|them|anything|any of (?:this|it)|my [\w']+)"
    r" (?:anymore |any more )?(?:after|past|beyond) (?:tonight|today|this week|tomorrow)"
    r"(?= *[.!]* *$)"
    # alive only for someone
    r"|only (?:still )?(?:alive|living|breathing|hanging on|holding on|staying alive) (?:because"
    r"|for|cause)|only still (?:here|around) (?:because|for|cause)"
    # thinking about dying all the time
    r"|all i (?:can |ever )?(?:think|thinking) about is (?:dying|death|being dead|killing myself"
    r"|ending it|not being here|not existing)"
    r"|(?:can't|cannot) stop thinking about (?:dying|killing myself|ending it|being dead)"
    # throwing oneself off, down or in front of something
    r"|(?:throw|throwing|fling|flinging|hurl|hurling) myself (?:off|down|in front of|under|out of"
    r"|from) (?!on\b|onto\b|into\b)"
    # up on the rail of a bridge or a roof
    r"|(?:sitting|standing|stood|sat|climbed|climbing) (?:on|over) (?:the|a) "
    r"(?:(?:bridge|roof|cliff|balcony) (?:rail|railing|railings|ledge|parapet|edge)|parapet"
    r"|ledge of the (?:bridge|roof|building|car park|multi storey))"
    # the others relieved when I am gone
    r"|(?:when|once|after) i'm (?:gone|dead|not here|not around)(?! (?:on|to|for|away|out|abroad"
    r"|back|home|off)\b)(?: ,)?(?: [\w']+){0,4} (?:finally"
    r"|get some peace|be relieved|be happier|be better off|be free)"
    r")")
# Said with no "i" at all: "tonight feels like the right night to stop fighting".
_UNSAID_SELF = re.compile(r"\b(?:right|perfect|good) (?:night|day|time|moment) to (?:stop fighting"
                          r"|end it|give up for good|say goodbye for good)\b")
# A clause may go on after the concept with these and still be about it.
_CLAUSE_OK = frozenset({"and", "but", "so", "because", "cause", "now", "tonight", "today",
                        "already", "anymore", "soon", "honestly", "really", "lol", "tbh",
                        "sometimes", "again", "forever", "for", "like", "or", "then", "when",
                        "if", "every", "all", "just", "more", "on", "is", "was", "i", "it",
                        "you", "to", "properly", "quietly", "alone", "myself", "too"})
_CLAUSE_OK_FOR = ("for good", "for ever", "for real", "for it", "for a while now")
# Fear of dying is panic, not wanting to die.
_FEAR = frozenset({"scared", "afraid", "frightened", "terrified", "worried", "like", "think",
                   "sure", "feel", "feels", "panic", "panicking", "heart"})
_DENIAL = frozenset({"don't", "dont", "never", "not", "no", "wouldn't", "won't", "haven't",
                     "hasn't", "didn't", "isn't", "without", "any", "stopped", "stop"})

# Method words count only with a plan or the intent around them.
_METHOD = re.compile(r"\b(?:pills|tablets|overdose|od|rope|noose|bridge|ledge|cliff|cliffs"
                     r"|roof|rooftop|tracks|train|gun|blade|blades|razor|razors"
                     r"|jump|jumping|hang|hanging|drown|car exhaust|bleach|edge|platform"
                     r"|multi storey|car park"
                     r"|tree|insulin|paracetamol)\b")
_PLAN = re.compile(r"\b(?:enough|saved|saving|stash|stashed|stockpil\w*|hoarding|"
                   r"planned|ready|final|last time|for good|on purpose|picked out"
                   r"|(?:trains|cars|traffic|lorries) (?:are |is )?(?:going|coming|passing"
                   r"|rushing) (?:so |really |very )?fast|long way down|how far down"
                   r"|water (?:looks|is) (?:so )?(?:cold|deep|dark)|my plan|keep thinking about"
                   r"|keep going back|can't stop thinking about"
                   r"|when everyone|how many|how high|how long it takes|how deep|high enough"
                   r"|strong enough|no one will find|nobody will find|note|letter|end it|make it"
                   r" stop|it all stop|over with|be over|to do it|do it tonight|do it soon"
                   r"|going to do it|gonna do it|then it's over|won't hurt|painless)\b")

# Idioms and near misses of the dev set, and the concept denied.
_IDIOM = re.compile(
    r"\b(?:dying (?:to|for|of (?:laughter|embarrassment|boredom|thirst|hunger))|die for (?:a|an|"
    r"some|one)|to die for|dead (?:tired|beat|on my feet|serious|good|easy|end|line)|deadline"
    r"|kill (?:time|for)|killing (?:time|it)|killed it|(?:is|was|are|were|it's|they're) killing "
    r"me|bored to death|scared to death|sick to death|death metal|over my dead body|(?:phone|"
    r"battery|laptop|plant|plants|fish|car|engine)\w* (?:is |has |had )?(?:died|dead|dying)"
    r"|jump (?:in|into|on|at|for|the queue|to conclusions|rope|start)|train (?:station|ticket"
    r"|journey|was|is|times|home|to work)"
    r"|(?:catch|missed|miss|get|got|take|on) the train(?! tracks| line)"
    r"|bridge (?:club|game|the gap)|burn(?:t|ed)? (?:the|my) (?:toast|dinner|tongue|hand on)"
    r"|cut (?:my|the) (?:hair|fringe|nails|losses)|cut myself shaving|hurt myself (?:at|playing|"
    r"lifting|falling|on|in) |hang (?:on|out|up|in there|the washing|the picture|a picture|it up)"
    r"|(?:sleep|lie in) forever (?:on|at) (?:\w+days|weekends?|the weekend)"
    r"|(?:won't|will not|wont|won't still) be (?:alive|around) to see (?:it|that|the day)"
    r"|through the roof|in the game|my character|the film|the movie|the book(?! on my)|the show)")


def idiom(text: str) -> bool:
    """``text`` (words joined as for :func:`backstop`) holds one of the idioms and near
    misses that take the danger out of a danger word ("dying to see it", "cut myself
    shaving", "kill time")."""
    return _IDIOM.search(text) is not None


_HARM = re.compile(r"\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|starve|starving"
                   r"|hit|hitting|scratch|scratching|punish|punishing) (?:myself|again)|self"
                   r"|cutting|cut to|skin|razor|blade|scratch\w*|too deep|on myself")


def backstop(text: str) -> tuple[str, str] | None:
    """The words that signal danger by concept in a first-person ``text`` (lowercase words
    as :func:`voice.feelings.vocabulary.words` read them, joined) and their kind
    ("self_harm" or "suicidal"), or None."""
    found = _concept(text)
    if found is None:
        return None
    end = text.find(found) + len(found)
    if recovered(text[:end], text[end:]):
        return None  # recovery told as the past: "years ago i was suicidal, now i'm well"
    return found, "self_harm" if _HARM.search(found) else "suicidal"


def _concept(text: str) -> str | None:
    toks = text.split()
    # Rounds 15 and 16 name their own twins; an idiom elsewhere in a long sentence ("the
    # train was late, ... i'll just take everything in the cupboard tonight") leaves them be.
    for concept in (at_hand, arranged, sideways):
        found = concept(text)
        if found is not None:
            return found
    if idiom(text):
        return None
    found = means(text)  # a way asked for, a means at hand, self-harm to cope
    if found is None:
        found = warning_sign(text)  # the signs prevention guidance names
    # faith and the dead, the body, risks, asking, what round 12's writer said sideways,
    # round 13's plans with their means and overdoses taken, round 14's deaths foretold,
    # acts with no danger word and overdoses told by count
    for concept in (afterlife, acts, risk, told, settled, taken, foretold, rehearsed, dose):
        if found is None:
            found = concept(text)
    if found is not None:
        return found
    if toks[:1] == ["like"] or toks[:2] in (["feel", "like"], ["feels", "like"],
                                            ["feeling", "like"]):
        toks = ["i", *toks]  # an answer to "what does it feel like?" is about the speaker
    if not _SELF.intersection(toks):
        unsaid = _UNSAID_SELF.search(text)
        return unsaid.group(0) if unsaid is not None else None
    for whole in _WHOLE.finditer(text):
        if not _DENIAL.intersection(text[:whole.start()].split()[-2:]):
            return whole.group(0)
    for m in _RISK.finditer(text):
        said = m.group(0)
        before = text[:m.start()].split()[-4:]
        if "so" in before:  # "the pain won't stop so i'm going to ...": another clause
            before = before[len(before) - before[::-1].index("so"):]
        inside = said.split()
        if said.startswith(("don't", "dont", "can't", "cannot")):
            inside, before = inside[1:], before[-1:]  # "i don't want to be alive" is the risk
        elif said.startswith(("no ", "nothing ")):
            inside = inside[1:]  # "there's no reason to keep living" is the risk
        if _DENIAL.intersection(before + inside) or not _clause_ends(text[m.end():]):
            continue
        if outside_cause(said, text[m.end():]):
            continue  # "can't go on like this with the neighbours' music"
        if _FEAR.intersection(before) and said.endswith(" die"):
            continue  # panic: "i'm scared i'm going to die" is distress
        return said
    for pictured in _PICTURED.finditer(text):
        if not _DENIAL.intersection(text[:pictured.start()].split()[-2:]) and _clause_ends(
                text[pictured.end():]):
            return pictured.group(0)
    method = _METHOD.search(text)
    if method is not None and _PLAN.search(text) and not _DENIAL.intersection(
            text[:method.start()].split()[-4:]):
        return method.group(0)
    return None


def _clause_ends(rest: str) -> bool:
    """Nothing more, punctuation, or a word that keeps the clause on the concept."""
    after = rest.split()
    if not after or not after[0][:1].isalnum():
        return True
    if after[0] == "for":
        return rest.strip().startswith(_CLAUSE_OK_FOR)
    return after[0] in _CLAUSE_OK
