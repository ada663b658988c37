"""Noticing words that signal danger, and answering the way a caring person would.

Design: a missed crisis is worse than a needless one, so the patterns are
broad and anything unclear counts. Three things keep ordinary speech from
triggering: idioms never match (the patterns need "myself", "my life", "to
die" and so on, so "this traffic is killing me" or "my phone died" cannot),
a few accident and idiom tails are excluded ("cut myself shaving", "want to
die of embarrassment"), and a plain denial right before the words ("I would
never hurt myself", "I'm not going to kill myself") is respected. A denial
is only believed when nothing else is going on: "no, I want to die", "I
don't know if I want to live", "I won't hurt myself, but part of me wants
to" and "I don't want to hurt myself anymore" all still count.

Indirect signs count too, each written as a kind of statement rather than
as one sentence: means and plans ("I've got pills saved up", "I bought a
rope", "how many pills would it take"), goodbyes and putting things in order
("I've written my goodbye letters", "giving my things away"), being a burden
("they'd be happier if I wasn't around", "if I died nobody would notice"),
picturing death ("I keep picturing myself not being here"), no way out ("I
don't see any way out"), past self-harm ("I self-harmed last night") and
"I'd rather be dead than feel like this". Their idioms and everyday twins
stay out through the same tails ("rather be dead than go to that party",
"a rope for the tent", "no way out of this car park", "the only way out is
through", "giving my old clothes to charity") and two more guards: a way of
dying by car, train or water needs a wish or thought before it ("I keep
thinking about driving into a wall", but not "I drove into a ditch"), and
being away counts only without a time or place after it ("if I wasn't here",
but not "is it okay if I'm not here tomorrow").

The phrasings and near misses are tested in tests/data/crisis_phrases.yaml.
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass

from voice.feelings.vocabulary import words

KINDS = ("suicidal", "self_harm", "not_here", "hopeless")


@dataclass(frozen=True)
class CrisisMatch:
    phrase: str  # the words that matched, normalized
    kind: str  # one of KINDS


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    negatable: bool  # False when the phrase carries its own "not" ("don't want to live")
    unless: re.Pattern[str] | None  # idiom or accident tails that cancel the match


def _p(kind: str, pattern: str, negatable: bool = True, unless: str | None = None) -> _Pattern:
    return _Pattern(kind, re.compile(r"\b" + pattern + r"\b"), negatable,
                    re.compile(r"^ (?:" + unless + r")\b") if unless else None)


_ME = r"(?:myself|my self)"
_ACCIDENT = (r"shaving|cooking|chopping|playing|on (?:a|the|some)|by accident|accidentally|"
             r"at the gym|at work|lifting|running|falling|skiing|gardening|working out|"
             r"in the kitchen|with a knife while")
_LIVE = (r"(?:be alive|live|exist|be here|be around|go on|keep going|keep living|wake up|"
         r"be in this world|be on this earth|stay alive)")
# "I don't want to be here at this party", "... live in this town", "... wake up early".
# Times are not excluded: "I don't want to wake up tomorrow" counts.
_LIVE_UNLESS = (r"at|with|for|during|early|so early|before|alone|"
                r"near|there|to (?:work|school|the)|on (?:a|the|holiday|vacation|that)|"
                r"in (?:a|the|this|my|that) (?!world|life|body|planet)")

# What people take too much of.
_SUBST = (r"(?:pills|tablets|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|painkillers|"
          r"meds|medication|medicine|sleeping (?:pills|tablets)|antidepressants|insulin|codeine|"
          r"opioids|benzos|diazepam|co codamol|pain killers)")
_BODY = (r"(?:arms?|wrists?|legs?|skin|thighs?|stomach|belly|hips?|chest|face|hands?|fingers?|"
         r"knuckles|ankles?|feet|body|head)")
# Being away is only gone for good without a time or place after it: "... if I wasn't
# here when he gets home", "... if I disappeared for a week", "... if I'm not here at six".
_AWAY_END = (r"(?! (?:when|while|until|till|by|at|during|on|for (?:a|an|the|this|that|one|two|"
             r"a few|dinner|lunch|tea|breakfast)|in (?:the|a|this|that) (?!world)|tomorrow|"
             r"tonight|today|this|next|later|yet|either|in time)\b)")


def _if_gone(away_end: str) -> str:
    """The world without the speaker: "if I died", "if I wasn't around", "if I'm gone"."""
    away = (r"(?:disappeared|vanished|(?:was|were) (?:gone|not here|not around|"
            r"out of the picture)|(?:wasn't|weren't) (?:here|around|in the picture|"
            r"in (?:their|your|her|his|the|this|my family's) (?:lives|life|world|way))|"
            r"never came back|left for good|left forever)")
    return (r"if (?:i (?:just )?(?:died|killed myself|ended it(?: all)?|ended my life|"
            r"(?:was|were) (?:dead|never born|not alive)|(?:wasn't|weren't) (?:alive|born)|"
            r"didn't exist|never existed|stopped existing|didn't wake up|never woke up|"
            r"had never been born|" + away + away_end + r")|i'm dead|i'm (?:gone|not here|"
            r"not around|no longer here|no longer around)" + away_end + ")")


_IF_GONE = _if_gone(_AWAY_END)
# Followed by "nobody would notice", a time does not make it a plan for the week.
_IF_GONE_ANY_TIME = _if_gone("")
# "thinking about dying my hair", "okay with dying it blue".
_DYE_UNLESS = (r"(?:my|her|his|your|their|the|some) (?:hair|clothes|jeans|shirt|dress|shoes|"
               r"fabric|wool|eggs|t shirt|top|fringe|roots|beard)|(?:it|them) (?:blue|red|"
               r"black|green|pink|purple|brown|blonde|a|another)")
# "rather be dead than feel like this" counts; "rather die than go to that party" does not.
_THAN_IDIOM = (r"than (?!(?:feel|feeling|live|living|keep|go on|going on|carry on|carrying on|"
               r"be like this|be me|exist|existing|suffer|suffering|wake up|be alive|stay alive|"
               r"continue|hurt like this|be in (?:this|so much) pain|spend (?:another|one more)|"
               r"face (?:another|one more) day|another day|one more day)\b)")
# A wish, plan or thought before a means ("I keep thinking about driving into a wall");
# without one, "I drove into a ditch" is an accident.
_WANT = (r"(?:want|wants|wanted|wanting|going|planning|plan|plans|planned|ready|tempted|urge|"
         r"urges|need|think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|imagine|"
         r"imagining|picture|picturing|dream|dreaming|considered|considering|consider|"
         r"could|should|might|wish i could) (?:about |of |to |on )?(?:just )?")
_MEANS = (r"(?:(?:drive|driving|crash|crashing|swerve|swerving|steer|steering)"
          r"(?: my car| the car| it)? (?:into|off|in front of) (?:a |an |the )?(?:oncoming )?"
          r"(?:wall|tree|bridge|cliff|traffic|lorry|truck|bus|train|barrier|lamp ?post|pole|"
          r"river|lake|sea|ditch|road)(?! (?:district|side|front|way|station|stop|lane))|"
          r"(?:step|stepping|walk|walking|run|running)(?: out)? (?:in front of|into) (?:a |the )?"
          r"(?:oncoming )?(?:train|bus|car|lorry|truck|traffic|road|motorway)"
          r"(?! (?:station|stop|driver|depot|lane|company|shelter|park|works|way))|"
          r"(?:lie|lying|lay|laying)(?: myself)?(?: down)? (?:on|across) (?:the )?(?:railway |"
          r"train )?(?:tracks|railway line|line|road|motorway)|"
          r"(?:get|getting) (?:hit|run over) by (?:a|the) (?:car|bus|train|lorry|truck)"
          r"(?! (?:if|one day|crossing|when))|"
          r"jump(?:ing)? (?:off|from|out of) (?:a |the |my |this |that )?(?:bridge|building|roof|"
          r"rooftop|cliff|balcony|tower|tower block|car park|multi storey|ledge|window|"
          r"overpass|flyover|top floor|top of)|"
          r"(?:walk|walking|swim|swimming) (?:out )?into the (?:sea|ocean|river|lake|water)"
          r"(?= *(?:$|[.!?;,]|and (?:not|never|keep|just|disappear|drown|let)|until|forever|"
          r"without)))")
# "no way out of this car park", "... of the contract": a place or a deal, not a life.
_WAY_OUT_UNLESS = (r"of (?:the|this|that|our|my|a|here) (?!(?:pain|feeling|feelings|hell|life|"
                   r"mess|situation|hole|darkness|misery|despair|depression|loneliness|head|"
                   r"mind|body|thoughts|cycle|place|world|and|but|so|i|i'm)\b|[.!?;,]|$)|"
                   r"is (?:the|a|by|past|down|up|over|via|through|to go through|round|around|"
                   r"on|at|left|right|that door|this way|that way)|(?:except|but) (?:the|"
                   r"through) (?:back|front|side|fire)|(?:sign|door|exit)")

_PATTERNS = (
    _p("suicidal", r"(?:kill|killing|killed|kills) " + _ME,
       unless=r"laughing|working|at work|at the gym|with work|over work"),
    _p("suicidal", r"suicid(?:e|al)"),
    _p("suicidal", r"(?:end|ending|ended|take|taking|took) my (?:own )?life"),
    _p("suicidal", r"end(?:ing)? it all"),
    _p("suicidal", r"(?:want|wanted|going|ready|planning|plan|need|about|decided|decide|time|"
                   r"try|tried|trying|should|could) (?:just )?to end (?:it|things|everything)"
                   r"(?= *(?:$|[.!?;,]|now|tonight|today|soon|forever|for good|already))"),
    _p("suicidal", r"(?:should|could|might|will|i'll|i'd) (?:just )?end (?:it|things|everything)"
                   r"(?= *(?:$|[.!?;,]|now|tonight|today|soon|forever|for good|already))"),
    _p("suicidal", r"(?:think|thinking|thought) (?:about|of) ending (?:it|things|everything)",
       unless=r"with|between"),
    _p("suicidal", r"(?:want|wants|wanted|wanting|wish|ready|trying|deserve) to die",
       unless=r"of (?:embarrassment|boredom|laughter|laughing|cringe)|laughing"),
    _p("suicidal", r"(?:wish|wishing|hope|hoping|pray|praying) (?:that )?i (?:could |would |"
                   r"will |might )?(?:just )?die"),
    _p("suicidal", r"(?:want|wanted|wanting|wish|rather|sooner) (?:to )?be dead",
       unless=_THAN_IDIOM),
    _p("suicidal", r"wish (?:that )?i (?:was|were) dead"),
    _p("suicidal", r"feel like dying|stop living"),
    _p("suicidal", r"(?:want|wants|wish) (?:it all|everything|my life|all of it) to "
                   r"(?:end|be over)"),
    _p("suicidal", r"(?:rather|sooner) die", unless=_THAN_IDIOM),
    _p("suicidal", r"better off (?:dead|gone|without me|not (?:here|alive|existing|being here|"
                   r"being alive|being around)|if i (?:was|were|wasn't|weren't) "
                   r"(?:gone|dead|here|around|alive))"),
    _p("suicidal", r"better (?:place |world )?without me"),
    # Being a burden: "they'd be happier if I wasn't around", "... fine when I'm gone".
    # ("okay if I'm not here" asks leave, so "okay", "fine" only with "when I'm gone").
    _p("suicidal", r"(?:better|happier|easier|simpler|relieved|free|freer|lighter|calmer|glad|"
                   r"happy|best|favour|favor)(?: off)?(?: [\w']+){0,3}? " + _IF_GONE),
    _p("suicidal", r"(?:better|happier|easier|simpler|fine|okay|alright|relieved|free|freer|"
                   r"lighter|calmer|glad|happy|best)(?: off)?(?: [\w']+){0,3}? (?:once|when|after) "
                   r"(?:(?:i'm|i am) (?:dead|(?:gone|not here|not around)" + _AWAY_END + r")|"
                   r"i (?:die|kill myself))"),
    # ("you'll be fine without me" sends a child into school: "fine" only for everyone.)
    _p("suicidal", r"(?:(?:everyone|everybody|they|they'd|they'll|they're|family|world|people|"
                   r"kids|children|she|she'd|she's|he|he'd|he's|all|friends|parents|mum|dad|"
                   r"it'd|it would|things)(?: [\w']+){0,3}? (?:happier|easier|relieved|calmer|"
                   r"simpler|freer|lighter)|(?:everyone|everybody|world|people|everything|"
                   r"they'd|they'll)(?: [\w']+){0,3}? (?:fine|okay|alright)) (?:off )?without me",
       unless=r"for|at|on|this|tonight|today|tomorrow|while|until|till|during|next|when|if|"
              r"there"),
    _p("suicidal", r"(?:hang|hanging|shoot|shooting|drown|drowning|poison|poisoning) " + _ME),
    _p("suicidal", r"overdos(?:e|ed|ing)"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowed|swallowing) all (?:of )?(?:my|the|"
                   r"these|those) (?:pills|tablets|meds|medication|medicine)",
       unless=r"this morning|in the morning|at (?:breakfast|lunch|dinner|bedtime)|"
              r"with (?:breakfast|lunch|dinner|food|my (?:breakfast|lunch|dinner|tea))|"
              r"on time|as (?:prescribed|usual|normal|told)|for (?:today|the day)|already"),
    # Means and plans: a lot of pills, pills saved up, a rope, a gun, "how many would it take".
    _p("suicidal", r"(?:take|taking|took|taken|swallow|swallowed|swallowing|down|downed|"
                   r"neck|necked) (?:a (?:whole |full )?(?:bottle|packet|box|handful|load|bunch|"
                   r"pile|pack|strip|lot)s? of|too many|loads of|lots of|dozens of|\d\d+|twenty|"
                   r"thirty|forty|fifty|a hundred|hundreds of)(?: [\w']+)? " + _SUBST,
       unless=r"a (?:day|week|morning|night)|every|each|per|daily|in total|for (?:my|the)|"
              r"twice|three times|as prescribed"),
    _p("suicidal", r"(?:saved|saving|stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|"
                   r"squirrell?ed|squirrell?ing|stockpile|hoard|stash|set aside|put aside|"
                   r"put by)(?: (?!for\b|money\b)[\w']+){0,2}? " + _SUBST),
    _p("suicidal", _SUBST + r"(?: [\w']+)? (?:saved|stashed|stockpiled|hoarded|put aside|put by|"
                            r"set aside)(?! (?:me|my|us|him|her|them|his|their|your|our|"
                            r"lives|life)\b)"),
    _p("suicidal", r"(?:stash|stockpile|hoard) of (?:[\w']+ )?" + _SUBST),
    _p("suicidal", r"(?:hide|hiding|hid|hidden) (?:some |my |the |all (?:of )?(?:my|the) )?"
                   + _SUBST,
       unless=r"(?:in|inside) (?:the |his |her |its |a )?(?:dog's|cat's|food|cheese|treat|"
              r"treats|peanut butter|ham|yoghurt|jam)|from (?:the )?(?:kids|children|"
              r"grandchildren|dog|cat)"),
    _p("suicidal", r"(?:how many|how much|enough) (?:[\w']+ )?" + _SUBST + r"(?: [\w']+){0,3}? "
                   r"(?:(?:would|does|will|it'd|it'll) it take(?= *(?:$|[.!?;,]|to (?:die|kill|"
                   r"overdose|not wake|never wake|end|od|do it)))|(?:would|will|to|it'd|it'll) "
                   r"(?:kill|die|end it|not wake|never wake|overdose|do it|be fatal|be lethal))"),
    _p("suicidal", r"(?:lethal|fatal|deadly) (?:dose|amount|overdose)"),
    _p("suicidal", r"(?:bought|buy|buying|got|getting|found|ordered|ordering) a rope|"
                   r"(?:bought|got|found|ordered) (?:the|some) rope",
       unless=r"for|to (?!hang)|out|off|back|up|down|round|around|swing|ladder|and (?:pegs|"
              r"a tent|a harness)"),
    _p("suicidal", r"(?:tie|tied|tying|made|make|making|bought|got|have) (?:a|the) noose|"
                   r"noose (?:is )?ready"),
    _p("suicidal", r"(?:gun|pistol|revolver|barrel) (?:to|against|in) my (?:head|temple|mouth|"
                   r"chin)|blow(?:ing)? my (?:own )?brains out|(?:put|putting) a bullet "
                   r"(?:in|through) my (?:head|brain)", unless=_THAN_IDIOM),
    _p("suicidal", r"(?:bought|buy|buying|got|getting|loaded|load|loading|found|have|own) "
                   r"(?:a|the|my|dad's|my dad's|a loaded) (?:gun|pistol|revolver|shotgun|"
                   r"firearm)",
       unless=r"for (?:hunting|the range|shooting|work|the farm|clay)|licence|license|"
              r"at the (?:fair|range)"),
    _p("suicidal", _WANT + _MEANS),
    _p("suicidal", r"(?:crash|crashed|crashing|swerve|swerved|swerving)(?: [\w']+){0,3}? "
                   r"(?:on purpose|deliberately|intentionally)"),
    _p("suicidal", r"(?:ways|how|best way|easiest way|quickest way|fastest way|painless way|"
                   r"painless ways|least painful way|surest way|simplest way) to (?:die|"
                   r"end it|end my life|do it painlessly|go painlessly|not wake up|hang|"
                   r"commit)(?= *(?:$|[.!?;,]|quickly|painlessly|fast|without|in|at|with|"
                   r"and|if))"),
    _p("suicidal", r"(?:to|let myself|just|i'd|i could|and) bleed out"),
    _p("suicidal", r"(?:know|knew|worked out|figured out|planned|plan|planning|decided|"
                   r"thought about|thinking about|picked|chosen|chose) (?:exactly )?(?:how|when|"
                   r"where) (?:i'd|i would) do it", unless=r"if|differently|better|instead"),
    _p("suicidal", r"(?:picked|chosen|chose|scouted|picking|choosing) (?:out )?(?:a|the) "
                   r"(?:bridge|cliff|spot to jump|building to jump|place to (?:do it|jump|die))",
       unless=r"to cross|for|route|over|across|as|walk"),
    _p("suicidal", r"(?:collect|collected|collecting) (?:up )?(?:pills|tablets|painkillers|"
                   r"paracetamol|sleeping pills)", unless=r"from|at|for"),
    _p("suicidal", r"(?:end|ending) (?:my|all (?:of )?my|this) suffering|put an end to (?:it all|"
                   r"my life|everything|myself|my suffering)"),
    # Goodbyes and putting things in order.
    _p("suicidal", r"(?:goodbye|good bye|farewell) (?:letters?|notes?|messages?|videos?)|"
                   r"goodbye (?:cruel )?world|goodbye forever|this is (?:my )?(?:final |last )?"
                   r"goodbye|my (?:last|final) goodbyes?|(?:say|saying|said) goodbye to "
                   r"(?:everyone|everybody|the world|my family|my kids|my children|my friends) "
                   r"(?:one last time|for the last time|forever|for good|before i (?:die|go|do "
                   r"it))|(?:letters?|notes?|messages?) (?:to (?:everyone|everybody|my [\w']+|"
                   r"each of them|them all) )?saying goodbye"),
    _p("suicidal", r"(?:giving|give|given|gave|gives) (?:away )?(?:all )?(?:of )?my "
                   r"(?:things|stuff|belongings|possessions|favourite things|precious things)"
                   r"(?: away)?",
       unless=r"to (?:charity|the charity|a charity|oxfam|the tip)|before (?:i|we) (?:move|"
              r"moving|go travelling|emigrate)|because (?:i'm|we're) (?:moving|emigrating|"
              r"downsizing)|since (?:i'm|we're) moving|for (?:the|our|my) move|on (?:ebay|"
              r"vinted|facebook|freecycle)|when (?:i|we) (?:moved|move|left|emigrated)|"
              r"after|last (?:year|month|week)|years ago|ages ago"),
    _p("suicidal", r"won't (?:be needing|need) (?:them|it|any of (?:it|this|them|my stuff)|"
                   r"my (?:things|stuff|belongings)|anything) (?:where i'm going|much longer|"
                   r"for much longer|after (?:tonight|tomorrow|today|this week)|soon)"),
    _p("suicidal", r"(?:put|putting|get|getting|got|sort|sorting|sorted) my affairs in order"),
    _p("suicidal", r"(?:won't|will not) (?:have to )?(?:worry|deal|put up) (?:about|with) me "
                   r"(?:anymore|any more|much longer|for much longer|soon|after (?:tonight|"
                   r"today)|ever again)", negatable=False),
    _p("suicidal", r"won't be (?:a|any) (?:burden|problem|bother)(?: to (?:anyone|you|them|"
                   r"anybody))? (?:much longer|for much longer|for long|soon|after (?:tonight|"
                   r"today))", negatable=False),
    _p("suicidal", r"(?:wish|want|hope|need) (?:someone|somebody|something|anyone) (?:would |"
                   r"to |will |could )?(?:just )?kill me"),
    _p("suicidal", r"jump(?:ing)? (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|"
                   r"balcony)"),
    _p("suicidal", r"(?:jump|step|throw myself) in front of (?:a|the) (?:train|bus|car|truck)"),
    _p("suicidal", r"(?:throw|throwing|threw) myself (?:off|from|out of|under|in front of)"),
    _p("suicidal", r"(?:slit|slitting|slash|slashing|cut|cutting) my (?:wrists?|throat)",
       unless=_ACCIDENT),
    _p("suicidal", r"(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|death|"
                   r"being dead|not being here|not existing|not waking up)",
       unless=_DYE_UNLESS + r"|of (?:my|her|his|a|the)"),
    # Picturing it: "I keep picturing myself not being here", "imagining my funeral".
    _p("suicidal", r"(?:picture|pictures|picturing|pictured|imagine|imagines|imagining|imagined|"
                   r"visuali[sz]e|visuali[sz]ing|visuali[sz]ed|fantasi[sz]e|fantasi[sz]es|"
                   r"fantasi[sz]ing|fantasi[sz]ed|daydream|daydreaming|daydreamed|dream|"
                   r"dreaming|dreamed|dreamt|think|thinking|thought|thoughts|obsessing|obsess) "
                   r"(?:about |of )?(?:(?:myself |me )?(?:not being (?:here|around|alive)|"
                   r"being dead|being gone|not existing|dying|not waking up|my (?:own )?"
                   r"(?:death|funeral|suicide)|being in a coffin|no longer being here|"
                   r"not being in the world|disappearing forever|ending my life|ending it)|"
                   r"(?:myself|me) (?:dead|gone forever|in a coffin))",
       unless=_DYE_UNLESS + r"|with (?:him|her|them)"),
    _p("suicidal", r"(?:come|came|go|turn up|show up) to my funeral|"
                   r"(?:planning|planned) my (?:own )?funeral"),
    # Self-harm, now or in the past ("I self-harmed last night", "I cut again").
    _p("self_harm", r"(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt|"
                    r"injure|injuring|starve|starving|scratch|scratching|hit|hitting) " + _ME,
       unless=_ACCIDENT),
    _p("self_harm", r"self (?:harm|harming|harmed|harms|injury|injuries|injure|injured|"
                    r"injuring|mutilation|mutilate|mutilated|mutilating)"),
    _p("self_harm", r"(?:cutting|cut|burning|burn|burned|burnt) my (?:arms?|wrists?|legs?|skin|"
                    r"thighs?|stomach|hips?)(?: again)?", unless=_ACCIDENT),
    _p("self_harm", r"(?:started|start|been) cutting again|cutting again"),
    _p("self_harm", r"(?:been|started|start|keep|kept|stop|stopped|relapsed and|ended up|"
                    r"used to) cutting(?= *(?:$|[.!?;,]|again|lately|recently|every|more|"
                    r"but|when|since|myself))"),
    _p("self_harm", r"(?:want|wants|wanting|urge|urges|need|used|going|started|tempted|"
                    r"trying not|tried not) to (?:cut|burn|self harm)(?= *(?:$|[.!?;,]|again|"
                    r"so bad|really bad|but|when|myself|lately|every))"),
    _p("self_harm", r"i cut (?:again|last night|yesterday|today|this morning|tonight|earlier|"
                    r"this week|on the weekend)"),
    _p("self_harm", r"(?:cut|cutting|burn|burned|burnt|burning|hit|hitting|hurt|hurting|"
                    r"scratch|scratched|scratching|bit|bite|biting|punch|punched|punching|"
                    r"bruise|bruised|bruising|scald|scalded|scalding|starve|starved|starving) "
                    r"(?:" + _ME + r"|my (?:own )?" + _BODY + r")(?: [\w']+){0,3}? "
                    r"(?:on purpose|deliberately|intentionally)"),
    _p("self_harm", r"(?:make|made|making|makes) myself bleed"),
    _p("self_harm", r"(?:hit|hitting|punch|punching|punched|scratch|scratching|scratched|pick|"
                    r"picking|picked|bite|biting|bit|bang|banging|banged|cut|cutting|burn|"
                    r"burning)(?: [\w']+){0,5}? until (?:it|they|i|my [\w']+) (?:bled|bleeds|"
                    r"bleed|bleeding|bruised|bruises)"),
    _p("self_harm", r"(?:fresh|new|deep) (?:cuts|burns) (?:on|all over|up|along|across) my "
                    + _BODY, unless=r"from|after|because|when|while"),
    _p("self_harm", r"(?:hide|hiding|hid|cover|covering|covered)(?: up)? (?:my|the) "
                    r"(?:cuts|self harm)|(?:hide|hiding|hid|cover|covering)(?: up)? my scars"),
    _p("self_harm", r"(?:knife|blade|razor|razor blade|scissors|glass|shard) (?:to|against|on|"
                    r"across|over|into) my (?:wrists?|throat|neck|veins|arms?|skin|thighs?)"),
    _p("self_harm", r"(?:saved|saving|hid|hide|hidden|hiding|stashed|stashing) (?:away )?"
                    r"(?:some |a |my |the )?(?:new )?(?:razor blades|blades|blade)|"
                    r"(?:razor blades|blades) (?:[\w']+ )?(?:hidden|stashed|saved)"),
    _p("not_here", r"don't (?:really |even |ever )?(?:want|wish) to " + _LIVE,
       negatable=False, unless=_LIVE_UNLESS),
    _p("not_here", r"(?:not sure|don't know|don't think|unsure) (?:if |whether |that )?"
                   r"i (?:even |still |really )?(?:want|wish) to " + _LIVE,
       negatable=False, unless=_LIVE_UNLESS),
    _p("not_here", r"(?:want|wants|wanting|wish|wishing|need|rather) (?:to )?(?:just )?"
                   r"(?:not (?:exist|be alive|be here|be around|live|wake up|be in this world)|"
                   r"cease to exist|be gone|be nothing|stop being alive)",
       unless=_LIVE_UNLESS + r"|by|from|when|until|till|while"),
    _p("not_here", r"wish (?:that )?i (?:was|were) (?:never born|not born|not alive|not here|"
                   r"gone|never here)"),
    _p("not_here", r"wish (?:that )?i (?:wasn't|weren't) (?:alive|born|here|around)"),
    _p("not_here", r"wish (?:that )?(?:i|i'd) (?:had )?never been born"),
    _p("not_here", r"wish (?:that )?i (?:didn't|don't|could) (?:just )?(?:exist|not exist|"
                   r"disappear|vanish|stop existing|sleep forever|not wake up|cease to exist|"
                   r"not be here|not be alive|be gone forever)"),
    _p("not_here", r"(?:wish|wishing|hope|hoping|pray|praying) (?:that )?i (?:don't|won't|"
                   r"wouldn't|didn't|never) wake up"),
    _p("not_here", r"(?:want|wanted|going) to (?:disappear|vanish) (?:forever|for good|"
                   r"and never come back)"),
    _p("not_here", r"(?:want|wanting|wish|wishing|need) (?:to|i could) (?:just )?(?:disappear|"
                   r"vanish)(?= *(?:$|[.!?;,]|forever|for good|for ever|completely|from (?:the|"
                   r"this) (?:world|earth|planet)|and never|and not|off the face|from "
                   r"existence|from everyone|and stop))"),
    _p("not_here", r"(?:leave|leaving|left|go from|depart|departing|exit|exiting|check out of) "
                   r"this (?:world|earth|planet|life)", unless=r"behind"),
    _p("not_here", r"(?:wouldn't|won't|don't|not|nobody would|no one would|nobody'd|"
                   r"no one'd|nobody will|no one will) (?:even )?(?:mind|care) if i (?:died|die|"
                   r"didn't wake up|never woke up|don't wake up|never wake up|got hit|was hit|"
                   r"was killed|got killed|crashed|was dead|were dead|wasn't here|"
                   r"stopped existing|disappeared)", negatable=False),
    _p("not_here", r"(?:wouldn't mind|wouldn't care about|okay with|ok with|fine with|"
                   r"at peace with|welcome|ready for) (?:dying|being dead|not waking up|"
                   r"not being here|death)", unless=_DYE_UNLESS),
    _p("not_here", _IF_GONE + r"(?: [\w']+){0,2}? (?:it'd|it would|that'd|that would|it'll|"
                   r"that'll|it will) (?:honestly |probably |just )?be (?:a relief|for the best|"
                   r"no loss|no great loss|a blessing|a mercy|easier|better)",
       negatable=False),
    _p("not_here", r"(?:hope|hoping|wish|wishing|pray|praying) (?:that )?(?:i |i'd )(?:get |"
                   r"got |would get |could get |just get |was |were )?(?:hit by (?:a|the) (?:car|"
                   r"bus|train|lorry|truck|van|meteor|asteroid|lightning)|run over|killed|"
                   r"knocked down)|(?:hope|hoping|wish|wishing|pray|praying) (?:that )?"
                   r"(?:something (?:would |will |could )?(?:kill|kills|killed) me|(?:the|this|"
                   r"my) (?:plane|car|train|bus|flight) (?:crashes|would crash|will crash|"
                   r"goes down))"),
    _p("not_here", r"(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up"),
    _p("not_here", r"(?:(?:so (?:that )?|until )i (?:don't|won't|wouldn't|never)|to not|"
                   r"to never|and not|and never|and just not) wake up(?= *(?:$|[.!?;,]|again|"
                   r"ever|tomorrow|forever))"),
    _p("not_here", r"(?:want|wish|wishing|wanting) (?:i could |to )?(?:just )?(?:sleep|"
                   r"fall asleep|go to sleep) forever"),
    _p("not_here", r"not (?:going to )?be (?:here|around) (?:much longer|for long|anymore)",
       negatable=False),
    _p("not_here", r"never (?:want to )?wake up again"),
    _p("not_here", r"stop existing"),
    _p("not_here", r"won't be (?:here|around) (?:much longer|tomorrow|for long|anymore|"
                   r"any more)"),
    _p("not_here", r"won't be alive",
       unless=r"to see|when|by|in|then|at that point|long enough|for (?!much longer|long)"),
    _p("not_here", r"(?:tired|sick|weary) of (?:living|being alive|life|existing|being here)"),
    _p("not_here", r"done with (?:life|living|being alive|existing)"),
    _p("not_here", r"why (?:am i|should i|bother|even) (?:even )?(?:alive|living|be alive|"
                   r"stay alive|keep living|go on|being alive)"),
    _p("not_here", r"(?:don't|do not|never) belong (?:in this world|on this earth|"
                   r"on this planet|anywhere anymore|among the living)", negatable=False),
    _p("not_here", r"(?:i|me|i'm|i've|i'd)(?: [\w']+)? (?:shouldn't|should not|"
                   r"don't deserve to|do not deserve to|not meant to|"
                   r"wasn't meant to|was never meant to|never should have|should never have) "
                   r"(?:even )?(?:be alive|exist|existed|live|lived|been born|be born|be in this "
                   r"world|been alive)",
       negatable=False, unless=r"here|there|in|with|at|near|on|alone|like that|so far"),
    _p("hopeless", r"(?:no|not a|not any|there's no) (?:reason|point|purpose) (?:to|in|for) "
                   r"(?:me )?(?:even )?(?:live|living|being alive|go on|going on|keep going|"
                   r"stay alive|staying alive|life|existing|carrying on|carry on|"
                   r"waking up|(?:anything|any of it|it all) (?:anymore|any more))",
       negatable=False),
    _p("hopeless", r"(?:what's|what is|whats) (?:even |really |actually |just |honestly )?"
                   r"the (?:point|use|purpose) (?:of |in )?(?:me |even |my )?(?:living|life|"
                   r"being alive|going on|carrying on|existing|anything anymore|anything "
                   r"any more|trying anymore|waking up|staying alive|it all anymore|any of it "
                   r"anymore|any of this anymore|my life|getting up anymore|keeping going|"
                   r"being in this world)", negatable=False),
    _p("hopeless", r"(?:don't|can't|cannot|no longer) see (?:the|any) point (?:anymore|"
                   r"any more|in anything|of anything|in (?:living|life|going on|carrying on|"
                   r"existing|being alive|staying alive|trying anymore|any of it|it all)|of "
                   r"(?:living|life|going on|carrying on|existing|being alive|staying alive|"
                   r"it all|any of it))", negatable=False),
    _p("hopeless", r"(?:life|living|my life|existing|my existence|being alive|existence) "
                   r"(?:is|feels|seems|has become|has been) (?:so |completely |totally |just |"
                   r"utterly )?(?:pointless|meaningless|worthless|hopeless|unbearable)",
       negatable=False),
    _p("hopeless", r"nothing (?:left )?to live for", negatable=False),
    _p("hopeless", r"nothing (?:left )?for me (?:here )?(?:anymore|any more|in this world|"
                   r"in life)|nothing left for me(?= *(?:$|[.!?;,]))", negatable=False),
    _p("hopeless", r"(?:isn't|not|is not|wasn't) worth (?:living|being alive|it anymore)",
       negatable=False),
    _p("hopeless", r"can't (?:go on|keep going|do this anymore|take (?:it|this) anymore|"
                   r"live like this|keep living)", negatable=False,
       unless=r"a |the |holiday|vacation|trip|with (?:the|this) (?:session|exercise|practice|"
              r"meeting|call)"),
    # No way out: "I don't see any way out", "the only way out", "no way out except dying".
    _p("hopeless", r"(?:don't|can't|cannot|couldn't|doesn't|won't|never) (?:see|find|have|"
                   r"get) (?:a|any|another|other) (?:other )?way out", negatable=False,
       unless=_WAY_OUT_UNLESS),
    _p("hopeless", r"no (?:other )?(?:way out|escape)", negatable=False,
       unless=_WAY_OUT_UNLESS + r"|from (?:the|this|that) (?!pain|feeling|feelings|hell|life|"
              r"misery|despair|darkness|loneliness|thoughts)"),
    _p("hopeless", r"only way (?:out|to (?:make (?:it|this|the pain|everything) stop|"
                   r"stop (?:the|this) pain|escape))", negatable=False, unless=_WAY_OUT_UNLESS),
    _p("hopeless", r"(?:can't|cannot|don't|couldn't) (?:see|imagine|picture) (?:a|any|my|"
                   r"myself having a|myself in the) future", negatable=False,
       unless=r"with|in (?:this|that|the|it)|for (?:us|this|that|it|them|him|her|the)|"
              r"together|here|at"),
    _p("hopeless", r"(?:no|not any|don't have a|don't have any) future for me",
       negatable=False, unless=r"here|in|at|with"),
    _p("hopeless", r"(?<!make me )(?<!makes me )(?<!made me )"
                   r"(?:lost|losing|lose|no|no longer have|don't have) (?:the |my |all )?"
                   r"(?:will|reason) to live", negatable=False,
       unless=r"(?:after|during|in|at|with|over|listening|watching|reading|waiting|sitting|"
              r"because of|on) "),
    _p("hopeless", r"(?:no one|nobody) would (?:miss me|care if i (?:died|was gone|were gone|"
                   r"was dead|wasn't here|weren't here|disappeared))", negatable=False),
    _p("hopeless", r"(?:no one|nobody|noone|not one person|not a single person|no one's|"
                   r"nobody's)(?: would| will| is going to| going to| even| really|'d)* (?:even )?"
                   r"(?:miss me|notice i'm gone|notice i was gone|mourn me|cry for me)",
       negatable=False, unless=r"at|if i (?:don't|skip|leave|go)|for (?:a|an|the|one)"),
    _p("hopeless", r"(?:who would|who'd|would anyone|would anybody|does anyone|does anybody|"
                   r"would they|will anyone) (?:even |really |actually )?(?:miss me|mourn me|"
                   r"notice i'm gone|notice i was gone|care if i (?:lived|live|died|die))",
       unless=r"if i (?:left|leave|quit|moved|move|go|went)|at|when i (?:leave|go|move)"),
    _p("hopeless", r"(?:care|cares|cared|caring) (?:if|whether) i (?:live|lived|living) or "
                   r"(?:die|died|dying)"),
    # "If I died tonight nobody would notice", "would anyone care if I disappeared".
    _p("hopeless", _IF_GONE_ANY_TIME + r"(?: [\w']+){0,3}?(?: ,)? (?:nobody|no one|noone|"
                   r"would anyone|would anybody|would they|would people|would it|who would|who'd|"
                   r"anyone would|people wouldn't|they wouldn't|it wouldn't|no one's|"
                   r"nobody's|does anyone|would my)(?: [\w']+){0,3}? (?:notice|care|miss|cry|"
                   r"realise|realize|matter)", negatable=False),
    _p("hopeless", r"(?:nobody|no one|noone|anyone|anybody|people|they|who|who'd|it|would it)"
                   r"(?: [\w']+){0,3}? (?:notice|care|miss me|cry|realise|realize|"
                   r"matter) " + _IF_GONE, negatable=False),
    _p("hopeless", r"(?:give|giving|given|gave) up on (?:life|living|being alive|staying alive|"
                   r"everything|ever getting better|getting better|the future)"),
    _p("hopeless", r"(?:wouldn't|won't|not) (?:even )?be missed", negatable=False),
    _p("hopeless", r"(?:not sure|doubt) (?:if |that )?(?:i'd|i would|anyone would) "
                   r"(?:be missed|miss me)", negatable=False),
    _p("hopeless", r"(?:no one|nobody) would (?:even )?notice if i (?:was|were|died|"
                   r"disappeared)", negatable=False),
)

# Between a denial and the words it denies: "not really going to", "never ever".
# No pronouns: crossing "I" means a new clause ("no I want to die").
_GAP_WORDS = """am is was would will could should do does did be been being going to want
    wanted wanting ever really actually seriously honestly truly feel feeling felt like plan
    planning intend intending try trying think thinking thought about of have had any at all
    even consider considering a an the that again plans plan intention intentions thoughts
    urge urges desire"""
_GAP = frozenset(_GAP_WORDS.split())
_DENIALS = frozenset({"not", "never", "don't", "doesn't", "didn't", "won't", "wouldn't",
                      "isn't", "wasn't", "ain't"})
# "no" only denies a noun: "I have no plans to kill myself", "no thoughts of suicide".
_NO_NOUNS = frozenset({"plans", "plan", "intention", "intentions", "thoughts", "thought",
                       "urge", "urges", "desire", "wish", "wishes"})
# After a denial, "but" with one of these means the denial is not the whole story.
_BUT_MORE = frozenset({"do", "might", "will", "sometimes", "part", "still", "did", "have",
                       "maybe", "am", "think", "worry", "could", "can't", "lately", "often"})
_SHORTHAND = {"kms": "kill myself", "unalive": "kill", "unaliving": "killing", "od": "overdose",
              "wanna": "want to"}


def _denied(toks: list[str], start: int) -> bool:
    i = start - 1
    while i >= 0:
        tok = toks[i]
        if tok in _DENIALS:
            return True
        if tok == "no":
            return toks[i + 1] in _NO_NOUNS
        if tok == "," and toks[i + 1:i + 2] == ["ever"]:
            i -= 1
            continue
        if tok not in _GAP:
            return False
        i -= 1
    return False


def _still_counts(toks: list[str], end: int) -> bool:
    """A denial with more to it: "... anymore", "... but part of me does"."""
    rest = toks[end:]
    if rest[:1] == ["anymore"]:  # "I don't want to hurt myself anymore": it is happening
        return True
    return any(tok == "but" and set(rest[j + 1:j + 4]) & _BUT_MORE
               for j, tok in enumerate(rest))


def detect(text: str) -> CrisisMatch | None:
    """The first words in ``text`` that signal danger, or None."""
    toks = [t for tok in words(text) for t in _SHORTHAND.get(tok, tok).split()]
    joined = " ".join(toks)
    for pattern in _PATTERNS:
        for m in pattern.regex.finditer(joined):
            if pattern.unless and pattern.unless.match(joined[m.end():]):
                continue
            start = len(joined[:m.start()].split())
            end = start + len(m.group(0).split())
            if pattern.negatable and _denied(toks, start) and not _still_counts(toks, end):
                continue
            return CrisisMatch(m.group(0), pattern.kind)
    return None


def is_crisis(text: str) -> bool:
    return detect(text) is not None


# Spoken phrasings for the speech grammar, so crisis language is heard rather
# than rejected as out of grammar. Every one is detected (tests check).
CRISIS_PHRASES: list[str] = [
    "i want to die", "i want to kill myself", "i'm going to kill myself",
    "i'm thinking about killing myself", "i've been thinking about suicide", "i feel suicidal",
    "i'm having suicidal thoughts", "i want to end my life", "i want to end it all",
    "i'm going to end it", "i want to hurt myself", "i've been hurting myself",
    "i cut myself", "i want to cut myself", "i've been cutting again",
    "i don't want to be here anymore",
    "i don't want to be alive", "i don't want to live anymore", "i don't want to wake up",
    "i'm not sure i want to live", "i wish i was dead", "i wish i wasn't alive",
    "i wish i'd never been born", "i'd be better off dead",
    "everyone would be better off without me",
    "there's no reason to live", "i have nothing to live for", "life isn't worth living",
    "i can't go on", "i can't do this anymore", "i can't take it anymore",
    "i want to disappear forever", "nobody would miss me", "i'm done with life",
    "i'm tired of living", "i'm going to take all my pills", "i want to overdose",
    "i'm thinking of ending things", "i have pills saved up", "i bought a rope",
    "i've written my goodbye letters", "i'm giving my things away",
    "nobody would notice if i died", "everyone would be happier if i wasn't here",
    "they'd be better off without me", "i don't see any way out", "i'd rather be dead",
    "i self harmed", "what's the point of living", "i keep thinking about not being here",
    "i just want to disappear", "i've lost the will to live",
]


@dataclass(frozen=True)
class CrisisLine:
    region: str  # "US", "GB", "IE", "CA" or "" for anywhere else
    spoken: str  # how to reach help, written for the voice
    printed: str  # the same with numbers and addresses
    emergency_spoken: str
    emergency_printed: str


_US_EMERGENCY = ("If you are in danger right now, please call nine one one.",
                 "If you are in danger right now, call 911.")
_LINES = {
    "US": CrisisLine(
        "US", "In the US, you can call or text nine eight eight, any time, day or night.",
        "US: call or text 988 (988 Suicide & Crisis Lifeline), any time. "
        "Chat: https://988lifeline.org", *_US_EMERGENCY),
    "CA": CrisisLine(
        "CA", "In Canada, you can call or text nine eight eight, any time, day or night.",
        "Canada: call or text 988 (9-8-8 Suicide Crisis Helpline), any time. "
        "https://988.ca", *_US_EMERGENCY),
    "GB": CrisisLine(
        "GB", "You can call Samaritans, free, any time, on one one six, one two three.",
        "UK: call Samaritans free on 116 123, any time. https://www.samaritans.org",
        "If you are in danger right now, please call nine nine nine.",
        "If you are in danger right now, call 999."),
    "IE": CrisisLine(
        "IE", "You can call Samaritans, free, any time, on one one six, one two three.",
        "Ireland: call Samaritans free on 116 123, any time. https://www.samaritans.org",
        "If you are in danger right now, please call one one two, or nine nine nine.",
        "If you are in danger right now, call 112 or 999."),
    "": CrisisLine(
        "", "There is a free list of crisis lines for your country at find a helpline dot com.",
        "Find a free, confidential crisis line in your country: https://findahelpline.com",
        "If you are in danger right now, please call your local emergency number.",
        "If you are in danger right now, call your local emergency number."),
}
_ALIASES = {"UK": "GB", "USA": "US", "UNITED STATES": "US", "UNITED KINGDOM": "GB",
            "IRELAND": "IE", "CANADA": "CA", "NI": "GB"}


def resolve_region(region: str | None = None) -> str:
    """A region code from the argument, ``ATTUNE_REGION`` or the locale ("" if unknown)."""
    for candidate in (region, os.environ.get("ATTUNE_REGION"), _locale_region()):
        if candidate:
            code = candidate.strip().upper().replace("-", "_")
            code = _ALIASES.get(code, code)
            return code if code in _LINES else ""
    return ""


def _locale_region() -> str | None:
    # LANG=en_GB.UTF-8 -> GB. "C" and "POSIX" say nothing about where someone lives.
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", value)
            return match.group(1) if match else None
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        return None
    match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", name)
    return match.group(1) if match else None


@dataclass(frozen=True)
class CrisisResponse:
    region: str
    spoken: str  # short, calm sentences for the voice
    printed: str  # the same, with numbers and web addresses
    practice: str = "grounding-54321"  # what "do a grounding practice together" starts


_OPENING = ("I'm really glad you said something. What you're feeling matters, and you matter. "
            "I'm only a small program, and I can't help with this on my own. "
            "Please reach out to someone who can help, right now.")
_OFFER_SPOKEN = ("If you'd like, we can do a grounding practice together while you reach out. "
                 "Just say, start grounding.")
_OFFER_PRINTED = ("If you'd like, we can do a grounding practice together while you reach out: "
                  "attune run grounding-54321")


def crisis_response(region: str | None = None) -> CrisisResponse:
    """What to say and show when someone may be in danger."""
    line = _LINES[resolve_region(region)]
    spoken = " ".join((_OPENING, line.spoken, line.emergency_spoken, _OFFER_SPOKEN))
    printed = "\n".join((_OPENING, "", line.printed, line.emergency_printed, "",
                         _OFFER_PRINTED))
    return CrisisResponse(line.region, spoken, printed)
