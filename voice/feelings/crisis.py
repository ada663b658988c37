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

More kinds of statement, in the same spirit: ending it now or on a day ("I'm
ending it tonight", "planning to end it this weekend"), wanting out or for
good ("I want out of this life", "I want it all to stop, forever", "stay
asleep forever"), joining the dead ("be with my mum again in heaven"),
death as a relief or the only option ("dying would be a relief", "it would
be easier to die"), wishing something would hit me or that I don't survive,
the world after me ("if I was gone they could finally be happy", "they'd be
better off with the life insurance", "the best thing I can do is
disappear", "I'm a burden, I should just go"), last words ("this is my last
message", "you won't hear from me again", "tell my kids I loved them"), a
means in sight or kept ready ("looking at the tracks and thinking about
it", "a blade in my drawer for when it gets bad", "all my pills lined up"),
marks of self-harm ("scars from cutting", "words carved into my skin") and
more ways of having no future ("I have no future", "I don't think I can keep
living like this", "nothing left to live for").

Two guards keep other people's stories out. Someone else as the subject
("she said she wanted to die", "my neighbour overdosed", "he says he's
suicidal", "the character takes an overdose") does not count, unless the
words name the speaker too ("they'd be better off if I was gone", "part of
me wants to die"); "you" and "we" are not someone else, as they often mean
the speaker. An accident just before the words ("I fell off my bike and hurt
myself") is an accident like one just after. "I haven't hurt myself in
months" is a denial like "I don't", and "it's suicide to drive in this
snow", "suicide prevention" and "a suicide mission" are idioms and topics,
like "a song about suicide", "a book about self-harm for my course" and
"there was a suicide on the line this morning".

How people say it to a device late at night, in few words, counts too:
being done ("I'm so done", "I can't anymore", "I give up." with nothing
after), it all stopping ("I just want it all to stop"; "I just want it to
stop" alone is overwhelm, not danger), no point in tomorrow, means asked
about or at hand ("how many of these would it take", "would 30 paracetamol
be enough", "I've got 30 tablets here", "I'm at the train tracks"), plans and
the night ("I've made my plan", "tonight's the night", "I'm going to do it
tonight"), unsaid goodbyes ("they don't know it's goodbye", "thank you for
trying. goodbye", "who gets my dog when I'm gone"), self-harm said
indirectly ("I did the thing with the razor again", "I relapsed", "I want to
bleed"), being a burden to everyone, and how it is said later in life ("I
pray God takes me in my sleep", "I'm just waiting to die", "I've lived long
enough", "he's gone and I want to go too"). Their everyday twins stay out by
what follows them, a task, a time or a place: "I'm so done with this
homework", "I give up on this puzzle", "a plan for dinner", "tonight's the
night of the concert", "do it tonight after dinner", "the point of
tomorrow's meeting", "28 tablets here for the month", "she's gone to the
shops and I want to go too". Algospeak and mis-hearings count as the words
they stand for ("sewer slide", "kill my shelf", "want too die", "be a
live"); a misheard "myself" only after killing verbs ("cut my shelf" is
woodwork).

A third writer's phrasings added more of the same kinds: a plan said as how
and when ("I've decided how I'm going to do it, and when"), the means in front
of the speaker or looked at for long, or seen "differently", pills saved by not
taking them, stepping off a platform, death as the only way, being gone "fine by
me", fine without me ("everyone would cope fine if I wasn't around"), a pet
rehomed "so she'll be looked after", "tell my sister I'm sorry" with nothing
after, "you won't have to listen to me after tonight", the will "all in order
now", deserving pain, blades hidden, scars opened to bleed, following someone
who died by suicide, unsure about coming down from a roof, gone by next week,
and wishing said as "I keep wishing". Their twins stay out the same way: a
goodbye to a car, a farewell email to the team, "tell my sister I'm sorry I
missed her call", a skipping rope, "I'm on holiday next week", dying of boredom.

The phrasings and near misses are tested in tests/data/crisis_phrases.yaml.
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass

from voice.feelings.crisis_backstop import backstop
from voice.feelings.crisis_context import outside_cause, recovered
from voice.feelings.crisis_indirect import INDIRECT
from voice.feelings.crisis_more import MORE
from voice.feelings.crisis_self import first_person, untypo
from voice.feelings.crisis_short import short_reply
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
    after: re.Pattern[str] | None  # accidents just before that cancel it ("fell and ...")
    own: bool  # False when others are the subject by design ("my wife would get the insurance")


def _p(kind: str, pattern: str, negatable: bool = True, unless: str | None = None,
       after: str | None = None, own: bool = True) -> _Pattern:
    return _Pattern(kind, re.compile(r"\b" + pattern + r"\b"), negatable,
                    re.compile(r"^ (?:" + unless + r")\b") if unless else None,
                    re.compile(r"\b(?:" + after + r") $") if after else None, own)


_ME = r"(?:myself|my self)"
# "Myself" as a recognizer mishears it, only after killing and hurting verbs
# ("I want to kill my shelf"): "I cut my shelf to size" is woodwork.
_ME_HEARD = r"(?:myself|my self|my shelf|mice elf|mice self)"
# Hurt at a sport is an injury: "I hurt myself at football on Saturday".
_SPORT = (r"football|footy|rugby|hockey|netball|tennis|cricket|training|practice|rehearsal|"
          r"match|game|gym|yoga|pilates|boxing|karate|judo|swimming|cycling|dance class|"
          r"dancing|basketball|baseball|volleyball|squash|badminton|golf|athletics|parkrun|"
          r"the park|five a side|soccer|skate ?park|climbing wall")
_ACCIDENT = (r"shaving|cooking|chopping|playing|laughing|on (?:a|the|some)|by accident|"
             r"(?:a|another|some)(?: [\w']+)? (?:slice|piece|bit|chunk|wedge|portion|sliver|"
             r"helping|share|sandwich|fringe)|"
             r"off from|loose|free|"
             r"accidentally|"
             r"at the gym|at work|lifting|running|falling|skiing|gardening|working out|"
             r"(?:at|during|in) (?:the |a |my )?(?:" + _SPORT + r")|"
             r"in the kitchen|with a knife while")
# When it gets bad: "... for when it gets bad", "... if the urges come back".
_GETS_BAD = (r"(?:it|things|i|everything|the urge|the urges|the thoughts)(?: [\w']+)? "
             r"(?:gets?|get|feel|feels|becomes?|comes?|come) (?:too |really |so )?(?:bad|worse|"
             r"too much|unbearable|like this|back|strong|dark)")
# An accident just before: "I fell off my bike and hurt myself", "slipped and cut myself".
_FELL = (r"(?:fell|fall|falls|falling|tripped|trip|slipped|slip|crashed|stumbled|came off)"
         r"(?: [\w']+){0,5}? and(?: really| badly| properly)?")
# Suicide as a topic or as news: "a song about suicide", "a book about self-harm for my
# course", "there was a suicide on the line this morning".
_TOPIC = (r"(?:songs?|films?|movies?|books?|documentar(?:y|ies)|articles?|podcasts?|shows?|"
          r"episodes?|lectures?|essays?|course|class|module|talks?|videos?|series|stor(?:y|ies)|"
          r"reports?|poems?|plays?|novels?|study|studies|paper|leaflets?|news|programmes?|"
          r"programs?|seminars?|assignment|project|presentation|research|chapter|campaign|"
          r"lesson|workshop)(?: (?:is|was|are|were|all|mostly|partly))? (?:about|on|regarding)|"
          r"there (?:was|were|has been|have been|is) (?:a|another|two|three|several|some)|"
          r"there's been (?:a|another)")
# ("I don't want to be a live anymore" is "alive" as a recognizer hears it.)
_LIVE = (r"(?:be alive|live|exist|be here|be around|go on|keep going|keep living|wake up|"
         r"be in this world|be on this earth|stay alive|be a live(?! (?:in|show|music|band|"
         r"stream|broadcast|wire|gig|audience|recording|event)\b))")
# "I don't want to be here at this party", "... live in this town", "... wake up early".
# Times are not excluded: "I don't want to wake up tomorrow" counts.
_LIVE_UNLESS = (r"at|with|for|during|early|so early|before|alone|"
                r"near|there|to (?:work|school|the)|on (?:a|the|holiday|vacation|that)|"
                r"in (?:a|the|this|my|that) (?!world|life|body|planet|pain|agony|misery|hell|"
                r"darkness|state|way|constant|kind of)")

# What people take too much of.
_SUBST = (r"(?:pills|tablets|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|painkillers|"
          r"meds|medication|medicine|sleeping (?:pills|tablets)|antidepressants|insulin|codeine|"
          r"opioids|benzos|diazepam|co codamol|pain killers|prescriptions?|prescription pills)")
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
            r"never came back|left for good|left forever|went away (?:forever|for good|"
            r"for ever)|(?:was|were) gone (?:forever|for good))")
    return (r"if (?:i (?:just )?(?:died|killed myself|ended it(?: all)?|ended my life|"
            r"(?:was|were) (?:dead|never born|not alive)|(?:wasn't|weren't) (?:alive|born)|"
            r"didn't exist|never existed|stopped existing|didn't wake up|never woke up|"
            r"(?:don't|do not|never) wake up(?! (?:early|at|in time|on time|the|him|her|them|"
            r"you|everyone|my|before|until|till|for|too|late))|had never been born|"
            + away + away_end + r")|i'd (?:never been born|never existed|"
            r"died|not been born)|i'm dead|i'm (?:gone|not here|"
            r"not around|no longer here|no longer around)" + away_end + ")")


_IF_GONE = _if_gone(_AWAY_END)
# Followed by "nobody would notice", a time does not make it a plan for the week.
_IF_GONE_ANY_TIME = _if_gone("")
# "thinking about dying my hair", "okay with dying it blue".
_DYE_UNLESS = (r"(?:my|her|his|your|their|the|some) (?:hair|clothes|jeans|shirt|dress|shoes|"
               r"fabric|wool|eggs|t shirt|top|fringe|roots|beard)|(?:it|them) (?:blue|red|"
               r"black|green|pink|purple|brown|blonde|a|another)")
# Dying of something that does not kill: "if I die of boredom in this meeting, ...".
_DIE_OF = (r"(?:die|dying|died|dead) (?:of|from) (?:boredom|embarrassment|laughter|laughing|"
           r"cringe|shame)")
# Wishing, once or again and again: "I wish I was dead", "I keep wishing I was never born".
_WISH = r"(?:wish|wishing|wished)"
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
         r"could|should|might|i'll|i will|wish i could|how easy it would be|how easy it'd be) "
         r"(?:about |of |to |on )?(?:just )?")
_MEANS = (r"(?:(?:drive|driving|crash|crashing|swerve|swerving|steer|steering)"
          r"(?: my car| the car| it)? (?:into|off|in front of) (?:a |an |the )?(?:oncoming )?"
          r"(?:wall|tree|bridge|cliff|traffic|lorry|truck|bus|train|barrier|lamp ?post|pole|"
          r"river|lake|sea|ditch|road)(?! (?:district|side|front|way|station|stop|lane))|"
          r"(?:step|stepping|walk|walking|run|running|jump|jumping|throw myself|"
          r"throwing myself)(?: out)? (?:in front of|into) (?:a |the )?"
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
          r"without|tonight|now|today))|"
          # "I keep thinking about jumping.", "I want to jump": nothing after it.
          r"jump(?:ing)?(?= *(?:$|[.!?;,]|again|tonight|today|(?:off|from)(?! (?:the |a |that |"
          r"this )?(?:high |top |big )?(?:diving board|board|springboard|boat|pier|jetty|swing|"
          r"trampoline|sofa|bed|rocks|slide|wall|fence|stage|steps?|plane)\b)))|"
          # "... how easy it would be to step off the platform", "... let myself fall".
          r"(?:step|stepping|fall|falling|let myself fall|letting myself fall) (?:off|from) "
          r"(?:the|a) (?:platform|edge|ledge|bridge|roof|cliff|balcony)|"
          # "I'm thinking about using it on myself" (a knife, the gun).
          r"(?:use|using|turn|turning) (?:it|them|that|this|the knife|a knife|the blade|the gun|"
          r"a gun) on myself)")
# "no way out of this car park", "... of the contract": a place or a deal, not a life.
_WAY_OUT_UNLESS = (r"of (?:the|this|that|our|my|a|here) (?!(?:pain|feeling|feelings|hell|life|"
                   r"mess|situation|hole|darkness|misery|despair|depression|loneliness|head|"
                   r"mind|body|thoughts|cycle|place|world|and|but|so|i|i'm|except|other than|"
                   r"apart from|besides|for me|for us|anymore|any more)\b|[.!?;,]|$)|"
                   r"is (?:the|a|by|past|down|up|over|via|through|to go through|round|around|"
                   r"on|at|left|right|that door|this way|that way)|(?:except|but) (?:the|"
                   r"through) (?:back|front|side|fire)|(?:sign|door|exit)")

_BASE_PATTERNS = (
    _p("suicidal", r"(?:kill|killing|killed|kills) " + _ME_HEARD,
       unless=r"laughing|working|at work|at the gym|with work|over work"),
    # Not "it's suicide to drive in this snow", "suicide prevention", "a suicide mission".
    _p("suicidal", r"(?<!\bit's )(?<!\bthat's )(?<!\bit is )(?<!\bit'd be )(?<!\bit would be )"
                   r"(?<!\bthat would be )suicid(?:e|al)",
       unless=r"prevention|awareness|mission|missions|squad|bomber|bombers|bombing|bombings|"
              r"attack|attacks|doors|rates?|statistics|charity|charities|research|training|"
              r"run|runs|pass|to (?:drive|go|cycle|ride|walk|swim|play|try|climb|run)",
       after=_TOPIC),
    _p("suicidal", r"(?:end|ending|ended|take|taking|took) my (?:own )?life"),
    _p("suicidal", r"end(?:ing)? it all"),
    _p("suicidal", r"(?:want|wanted|going|ready|planning|plan|need|about|decided|decide|time|"
                   r"try|tried|trying|should|could) (?:just )?to end (?:it|things|everything)"
                   r"(?= *(?:$|[.!?;,]|now|tonight|today|soon|forever|for good|already|"
                   r"tomorrow|this (?:weekend|week|evening|morning|afternoon|time)|next week|"
                   r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                   r"my birthday)))"),
    _p("suicidal", r"(?:should|could|might|will|i'll|i'd) (?:just )?end (?:it|things|everything)"
                   r"(?= *(?:$|[.!?;,]|now|tonight|today|soon|forever|for good|already))"),
    _p("suicidal", r"(?:i'm|i am) (?:just |finally |really )?(?:going to )?ending (?:it|things|"
                   r"everything|it all)(?= *(?:$|[.!?;,]|now|tonight|today|soon|forever|"
                   r"for good))"),
    _p("suicidal", r"(?:think|thinking|thought) (?:about|of) (?:just |really |seriously )?ending "
                   r"(?:it|things|everything)",
       unless=r"with|between"),
    _p("suicidal", r"(?:want|wants|wanted|wanting|wish|ready|trying|deserve|plan|plans|"
                   r"planning|planned|decided|prepared|preparing|intend|intending) (?:to|too) "
                   r"(?:die|diy(?= *(?:$|[.!?;,])))",
       unless=r"of (?:embarrassment|boredom|laughter|laughing|cringe)|laughing|" + _DYE_UNLESS),
    _p("suicidal", r"i (?:should|ought to|need to|have to|must|might as well|may as well) "
                   r"(?:just |really |honestly )?die",
       unless=r"of|from|laughing|if|when|in (?:a|the)|before|trying|happy|old|rich"),
    _p("suicidal", r"(?:wish|wishing|hope|hoping|pray|praying) (?:that )?(?:i|i'd) "
                   r"(?:could |would |will |might )?(?:just )?die"),
    _p("suicidal", r"(?:want|wanted|wanting|wish|rather|sooner|deserve|deserves|deserved) "
                   r"(?:to )?be dead",
       unless=_THAN_IDIOM),
    _p("suicidal", _WISH + r" (?:that )?i (?:was|were) dead"),
    _p("suicidal", r"feel like dying|stop living"),
    _p("suicidal", r"feel like (?:ending|killing|finishing) (?:it all|it|everything|things|my life|"
                   r"myself)(?= *(?:$|[.!?;,]|now|tonight|today|for good|forever))"),
    _p("suicidal", r"(?:want|wants|wish) (?:it all|everything|my life|all of it) to "
                   r"(?:end|be over)"),
    _p("suicidal", r"(?:want|wants|wish|need) it (?:all )?to (?:end|be over)"
                   r"(?= *(?:$|[.!?;,]|now|tonight|today|already|for good|forever))"),
    # For good: "I want the lights to go out forever", "... my heart to stop for good".
    _p("suicidal", r"(?:want|wish|need|hope) (?:for )?(?:it all|everything|the lights|my life|"
                   r"my heart|all of it|the world|things|it) to (?:end|stop|go (?:out|dark|"
                   r"black|quiet)|be over)(?: [\w']+)?(?: ,)? (?:forever|for good|permanently|"
                   r"for ever)"),
    # Out of life: "I want out of this life", "I just want out."
    _p("suicidal", r"(?:want|need|wanted|wanting) (?:to get )?out(?: of (?:this|my) (?:life|"
                   r"world|existence)|(?= *(?:$|[.!?;,]|now|forever|for good)))"),
    # The easy way out, with a wish or thought before it.
    _p("suicidal", _WANT + r"(?:take|taking) the (?:easy|coward's|cowards|quick) way out"
                           r"(?= *(?:$|[.!?;,]|now|tonight|soon|again))"),
    # Joining the dead: "I just want to be with my mum again in heaven".
    _p("suicidal", r"(?:be with|join|see|meet|reunite with|be reunited with|go to|follow) "
                   r"(?:my [\w']+|him|her|them)(?: again)? (?:in heaven|on the other side|"
                   r"in the afterlife|up there|in the next life|wherever (?:he|she|they) "
                   r"(?:is|are|went))",
       unless=r"one day|someday|some day|when (?:it's|my) time|eventually|when i'm old"),
    _p("suicidal", r"(?:rather|sooner) die", unless=_THAN_IDIOM),
    _p("suicidal", r"better off without (?:a [\w']+ like me|someone like me|people like me)"),
    _p("suicidal", r"better off (?:dead|gone|without me|with me (?:dead|gone|out of the "
                   r"(?:way|picture))|not (?:here|alive|existing|being here|"
                   r"being alive|being around)|if i (?:was|were|wasn't|weren't) "
                   r"(?:gone|dead|here|around|alive))"),
    _p("suicidal", r"better (?:place |world )?without me"),
    # Being a burden: "they'd be happier if I wasn't around", "... fine when I'm gone".
    # ("okay if I'm not here" asks leave, so "okay", "fine" only with "when I'm gone").
    _p("suicidal", r"(?:better|happier|easier|simpler|relieved|free|freer|lighter|calmer|glad|"
                   r"happy|best|favour|favor|kinder|fairer|cheaper|quieter|relief|mercy|"
                   r"blessing)(?: off)?(?: [\w']+){0,3}? " + _IF_GONE),
    # ... and the other way round: "if I was gone they could finally be happy".
    _p("suicidal", _IF_GONE + r"(?: ,)?(?: [\w']+){0,4}? (?:be (?:happy|happier|free|freer|"
                              r"fine|okay|better off|relieved|at peace)|move on|finally "
                              r"(?:live|relax|breathe)|have (?:peace|a life|a chance))"),
    # Worth more dead: "my wife would be better off with the life insurance".
    _p("suicidal", r"worth more (?:to (?:them|my family|everyone|her|him) )?dead"),
    _p("suicidal", r"(?:better off|richer) (?:with )?(?:the|my) (?:life )?insurance(?: money|"
                   r" payout)?|(?:get|gets|have|collect|cash in) (?:the|my) insurance(?: money|"
                   r" payout)? (?:" + _IF_GONE + r"|when i(?:'m| am) (?:gone|dead)|when i die)|"
                   r"(?:get|gets|have|collect|cash in) (?:the|my) life insurance"
                   r"(?: money| payout)? (?:if|when|once|after) i", own=False),
    # "The best thing I can do for my family is disappear."
    _p("suicidal", r"(?:best|kindest|only|right|nicest|fairest) thing (?:[\w']+ ){0,6}?"
                   r"(?:is|would be|'d be) (?:to |for me to |if i |that i )?(?:just )?"
                   r"(?:disappear|disappeared|die|died|not be here|wasn't here|not exist|end it|"
                   r"ended it|kill myself|killed myself|be gone|was gone|leave forever|"
                   r"go away forever|go away for good)",
       unless=r"for a|from|off|for the weekend|for a while|with|between|there|here|on (?:a|that)|"
              r"now and"),
    _p("suicidal", r"(?:better|happier|easier|simpler|fine|okay|alright|relieved|free|freer|"
                   r"lighter|calmer|glad|happy|best|looked after|taken care of|provided for|"
                   r"cared for)(?: off)?(?: [\w']+){0,3}? (?:once|when|after) "
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
    _p("suicidal", r"(?:hang|hanging|shoot|shooting|drown|drowning|poison|poisoning) "
                   + _ME_HEARD),
    # "overdosed on chocolate" is too much of a treat
    _p("suicidal", r"overdos(?:e|ed|es|ing)",
       unless=r"on (?:the )?(?:chocolate|sugar|sweets|candy|cake|caffeine|coffee|junk food|netflix"
              r"|tv|telly|carbs|cheese|pizza|biscuits|cookies|crisps|chips|sun|sunshine)\b"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowed|swallowing) all (?:of )?(?:my|the|"
                   r"these|those) " + _SUBST,
       unless=r"this morning|in the morning|at (?:breakfast|lunch|dinner|bedtime)|"
              r"with (?:breakfast|lunch|dinner|food|my (?:breakfast|lunch|dinner|tea))|"
              r"on time|as (?:prescribed|usual|normal|told)|for (?:today|the day)|already|"
              r"(?:at once |together |in one go )?(?:because|since|as|like) (?:the |my )?(?:doctor|"
              r"gp|nurse|pharmacist|consultant)"),
    # Means and plans: a lot of pills, pills saved up, a rope, a gun, "how many would it take".
    _p("suicidal", r"(?:take|taking|took|taken|swallow|swallowed|swallowing|down|downed|"
                   r"neck|necked) (?:like |about |around |over |maybe |nearly |almost |"
                   r"at least |probably )?(?:a (?:whole |full )?(?:bottle|packet|box|handful|"
                   r"load|bunch|pile|pack|strip|lot)s? of|too many|loads of|lots of|dozens of|"
                   r"\d\d+|twenty|thirty|forty|fifty|a hundred|hundreds of)"
                   r"(?: of (?:my|the|these|those|[\w']+'s))?(?: [\w']+)? " + _SUBST,
       unless=r"a (?:day|week|morning|night)|every|each|per|daily|in total|for (?:my|the)|"
              r"twice|three times|as prescribed|by (?:accident|mistake)|accidentally"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowed|swallowing|down|downed) (?:my|the) "
                   r"(?:whole|entire|full) (?:prescription|supply|stash|bottle|packet|box|pack|"
                   r"strip|month's supply)",
       unless=r"to|back|in|into|with me|out|of antibiotics|course|as|on|for"),
    _p("suicidal", _SUBST + r"(?: [\w']+){0,8}? (?:thinking about|thought about|think about|"
                            r"tempted to|urge to|urges to|imagining|picturing|fantasi[sz]ing about|"
                            r"considering) (?:take|taking|swallow|swallowing) (?:them|it|the lot|"
                            r"all of them|them all)(?= *(?:$|[.!?;,]|all|at once|tonight|now))"),
    # All of them at once: "bought two boxes of paracetamol so I can take them all at once",
    # "I'm going to take every pill in the house", "all my pills lined up".
    _p("suicidal", _SUBST + r"(?: [\w']+){0,8}? (?:take|taking|swallow|swallowing|down|neck) "
                            r"(?:them|these|those|the lot|them all|all of them|every one|"
                            r"everything)(?: all)? (?:at once|in one go|at the same time|together)",
       unless=r"with (?:food|water|breakfast|lunch|dinner|a meal)|in the morning|every|each"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowing|swallowed) (?:every|each) (?:single )?"
                   r"(?:pill|tablet|painkiller|sleeping pill|capsule)(?= (?:in|i|we|left|"
                   r"there|that)\b)",
       unless=r"(?:in )?(?:the )?(?:morning|evening|day|week)|i'm (?:given|prescribed)|"
              r"(?:that|i) (?:the|my) (?:doctor|gp|nurse)"),
    _p("suicidal", r"(?:counted|counting|count|lined|lining|laid|laying|lay|set|gathered|"
                   r"gathering) (?:out |up )?all (?:of )?(?:my|the|these|those) " + _SUBST +
                   r"|all (?:of )?(?:my|the) " + _SUBST + r" (?:lined up|laid out|counted out)",
       unless=r"for (?:the|my|tomorrow|each|a)|into|in (?:the|my|a) (?:pill|dosette|box|"
              r"organi[sz]er)"),
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
    _p("suicidal", r"(?:how many|how much|enough) (?:[\w']+ ){0,2}?" + _SUBST +
                   r"(?: [\w']+){0,3}? "
                   r"(?:(?:(?:would|does|will|it'd|it'll) it take|it takes|it would take)"
                   r"(?= *(?:$|[.!?;,]|to (?:die|kill|"
                   r"overdose|not wake|never wake|end|od|do it)))|(?:would|will|to|it'd|it'll) "
                   r"(?:kill|die|end it|not wake|never wake|overdose|do it|be fatal|be lethal))"),
    _p("suicidal", r"(?:lethal|fatal|deadly) (?:dose|amount|overdose)"),
    _p("suicidal", r"(?:bought|buy|buying|got|getting|found|ordered|ordering) a rope|"
                   r"(?:bought|got|found|ordered) (?:the|some) rope",
       unless=r"for|to (?!hang)|out|off|back|up|down|round|around|swing|ladder|and (?:pegs|"
              r"a tent|a harness)"),
    _p("suicidal", r"(?:tie|tied|tying|made|make|making|bought|got|have) (?:a|the) noose|"
                   r"noose (?:is )?ready|(?:rope|noose|gun) (?:is |all )?ready(?= *(?:$|[.!?;,]|"
                   r"for (?:tonight|later|when)))"),
    _p("suicidal", r"(?:gun|pistol|revolver|barrel) (?:to|against|in) my (?:head|temple|mouth|"
                   r"chin)|blow(?:ing)? my (?:own )?brains out|(?:put|putting) a bullet "
                   r"(?:in|through) my (?:head|brain)", unless=_THAN_IDIOM),
    _p("suicidal", r"(?:bought|buy|buying|got|getting|loaded|load|loading|found|have|own|"
                   r"holding|held|hold|took out|taken out|got out|sitting with|staring at) "
                   r"(?:a|the|my|[\w']+'s|my [\w']+'s|a loaded) (?:gun|pistol|revolver|shotgun|"
                   r"firearm|rifle)",
       unless=r"for (?:hunting|the range|shooting|work|the farm|clay)|licence|license|"
              r"at the (?:fair|range)"),
    _p("suicidal", _WANT + _MEANS),
    # Where: "I found a good spot to jump from", "I know which bridge I'm going to use",
    # "I'm on the edge of the roof".
    _p("suicidal", r"(?:spot|place|bridge|building|cliff|ledge|roof|tower|car park|height) "
                   r"(?:to|i could|i can|i'll|i'm going to) jump (?:from|off)",
       unless=r"into|in (?:the|a)|with (?:a|the)"),
    _p("suicidal", r"(?:which|what) (?:bridge|building|cliff|tower|car park|multi storey|pills|"
                   r"tablets) (?:i'm going to|i'll|i will|i want to|i'd|to) (?:use|jump (?:off|"
                   r"from)|do it|hang)",
       unless=r"to (?:get|cross|go|drive|walk|reach)|tomorrow|today|to work|for|on|in|at"),
    _p("suicidal", r"(?:i'm|i am|i've been|standing|sitting|stood|sat) (?:right )?(?:on|at) "
                   r"(?:the|a) (?:edge|ledge|railing|parapet|wrong side) of (?:the|a|this|my) "
                   r"(?:roof|bridge|building|cliff|tower|car park|multi storey|overpass|flyover|"
                   r"tower block)"),
    # A means in sight: "looking at the train tracks and thinking about it".
    _p("suicidal", r"(?:tracks|railway|railway line|bridge|edge|drop|river|cliff|pills|tablets|"
                   r"rope|knife|blade|razor|gun|ledge|roof|balcony|traffic)(?: [\w']+){0,4}? "
                   r"(?:thinking about it|thought about it|thinking about doing it|wondering "
                   r"(?:what it would be like|how easy it would be)|how easy it would be)"),
    _p("suicidal", r"(?:standing|sitting|stood|sat) on (?:the|a|this) (?:bridge|ledge|railing|"
                   r"parapet)(?= *(?:$|[.!?;,]|for (?:an|a|hours|ages|the last)|right now|now|"
                   r"again|looking down|and (?:thinking|looking|wondering|i want|i can't)))"),
    _p("suicidal", r"(?:courage|guts|nerve|bottle|balls) to (?:end it|end (?:it all|things|"
                   r"everything|my life)|kill myself)|(?:wish i had|if i had|don't have|never "
                   r"had|lack) the (?:courage|guts|nerve|bottle|balls) to (?:do it|jump|go "
                   r"through with it)(?= *(?:$|[.!?;,]))"),
    _p("suicidal", r"(?:scared|afraid|worried|frightened|terrified) (?:that )?(?:i'm going to|"
                   r"i'll|i might|i could|i will|of what i'll|of what i might) do something"
                   r"(?: (?:stupid|drastic|bad|i can't take back))?(?= *(?:$|[.!?;,]|tonight|"
                   r"today|now))"),
    _p("suicidal", r"(?:want|wish|going|trying|try|could|plan|planning|how) to (?:stop my (?:own )?"
                   r"heart|make my heart stop)"),
    _p("suicidal", r"(?:" + _SUBST + r"|drink|drinking|drugs|using)(?: [\w']+){0,6}? until i "
                   r"(?:stop feeling|feel nothing|can't feel anything|stop breathing|die)"),
    _p("suicidal", r"(?:i'm saying|i'm going to say|i want to say|i need to say|time to say) "
                   r"goodbye to (?:everyone|everybody|my family|my kids|the world)(?: i love| i "
                   r"care about)?(?= *(?:$|[.!?;,]))"),
    _p("suicidal", r"(?:crash|crashed|crashing|swerve|swerved|swerving)(?: [\w']+){0,3}? "
                   r"(?:on purpose|deliberately|intentionally)"),
    _p("suicidal", r"(?:ways|how|best way|easiest way|quickest way|fastest way|painless way|"
                   r"painless ways|least painful way|surest way|simplest way) to (?:die|"
                   r"end it|end my life|do it painlessly|go painlessly|not wake up|hang|"
                   r"commit)(?= *(?:$|[.!?;,]|quickly|painlessly|fast|without|in|at|with|"
                   r"and|if))"),
    _p("suicidal", r"(?:to|let myself|just|i'd|i could|and) bleed out"),
    _p("suicidal", r"(?:know|knew|worked out|figured out|planned|plan|planning|decided|"
                   r"thought about|thinking about|picked|chosen|chose|wrote down|written down|"
                   r"writing down|imagined|imagining|rehearsed|rehearsing|pictured|picturing|"
                   r"researched|looked up) (?:exactly )?(?:how|when|"
                   r"where) (?:i'd|i would) do it", unless=r"if|differently|better|instead"),
    _p("suicidal", r"(?:picked|chosen|chose|scouted|picking|choosing) (?:out )?(?:a|the) "
                   r"(?:bridge|cliff|spot to jump|building to jump|place to (?:do it|jump|die))",
       unless=r"to cross|for|route|over|across|as|walk"),
    _p("suicidal", r"(?:collect|collected|collecting) (?:up )?(?:my |all my |some |the )?"
                   r"(?:pills|tablets|painkillers|"
                   r"paracetamol|sleeping pills)", unless=r"from|at|for"),
    _p("suicidal", r"(?:end|ending) (?:my|all (?:of )?my|this) suffering|put an end to (?:it all|"
                   r"my life|everything|myself|my suffering)"),
    # Goodbyes and putting things in order.
    _p("suicidal", r"this is (?:my )?(?:final |last )?goodbye",
       unless=r"to (?:the|my|our|this|that|your|his|her) (?:old |lovely |dear |beloved |"
              r"favourite |little )?(?!family|kids|children|friends|world|everyone|everybody|"
              r"life|loved ones|wife|husband|partner|mum|dad|mom|parents|sister|brother|son|"
              r"daughter)|for (?:now|the (?:summer|year|day|week|weekend|holidays|season))|"
              r"until|till|see you"),
    _p("suicidal", r"(?:goodbye|good bye|farewell) (?:letters?|notes?|messages?|videos?)|"
                   r"goodbye (?:texts?|voice notes?|voicemails?|recordings?)|"
                   r"goodbye (?:cruel )?world|goodbye forever|"
                   r"my (?:last|final) goodbyes?|(?:say|saying|said) goodbye to "
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
    # A note for the family, last words, "you won't hear from me again".
    _p("suicidal", r"(?:left|leave|leaving|wrote|written|writing|write) (?:(?:a|my|the|some) )?"
                   r"(?:last |"
                   r"final |goodbye )?(?:note|letter|letters|notes) (?:for|to) (?:my (?:family|"
                   r"kids|children|parents|wife|husband|partner|mum|mom|dad|sister|brother|"
                   r"loved ones|friends)|everyone|everybody|the kids|them all|each of them)"
                   r"(?: i (?:love|care about|know)| who (?:matters?|cares?))?"
                   r"(?= *(?:$|[.!?;,]|explaining|saying (?:sorry|goodbye|why|i'm sorry)|"
                   r"just in case|for when|for after|before i))"),
    _p("suicidal", r"(?:this is|these are|here's|here is) (?:my|the) (?:last|final) (?:message|"
                   r"words|post|text|video|call|time (?:we'll|you'll|i'll|we will|you will|"
                   r"i will) (?:ever )?(?:talk|speak|hear from me|see me|see each other))",
       unless=r"before|of the|for (?:today|tonight|now|this|the|a)|until|till|about|on|at|"
              r"in|from|this|today|tonight"),
    _p("suicidal", r"(?:won't|will not|never) (?:ever )?(?:hear from|see|talk to|speak to) me "
                   r"(?:again|ever again)",
       negatable=False, unless=r"until|till|for|before|after|this|today|tonight|on|at|in|"
                               r"like|unless|if"),
    _p("suicidal", r"by the time (?:[\w']+ ){1,3}?(?:reads?|hears?|finds?|sees?|gets?) (?:this|"
                   r"these|my (?:message|note|letter))(?: ,)? (?:i'll|i will) (?:already )?be "
                   r"(?:gone|dead|at peace|in heaven)"),
    _p("suicidal", r"(?:i'll|i will) be gone (?:forever|for good)",
       unless=r"after|when|once|because|to|from|in|if|since|as"),
    _p("suicidal", r"tell (?:my [\w']+|them|everyone|everybody|him|her|the kids|my family)"
                   r"(?: [\w']+){0,5}? (?:that )?i (?:loved|always loved|really loved|did love) "
                   r"(?:them|him|her|you|everyone|everybody|all of you|you all|them all)",
       after=_DIE_OF + r"(?: [\w',]+){0,6}?"),
    _p("suicidal", r"(?:say|saying|said|wanted to say|want to say) (?:goodbye|my goodbyes|bye)"
                   r"(?: to [\w']+(?: [\w']+)?)? (?:before i (?:die|do it|end it|go for good|"
                   r"go forever|leave for good|leave forever)|one last time|for the last time|"
                   r"forever|for good)"),
    _p("suicidal", r"(?:done|finished|had enough)(?: with (?:everything|it all|all of it|life|"
                   r"this|this life))?(?: ,)? (?:goodbye|farewell|bye forever|goodbye forever)"
                   r"(?= *(?:$|[.!?;,]|everyone|everybody|all|world))"),
    # (Not "I said my goodbyes to grandad at the hospice": a goodbye to someone else.)
    _p("suicidal", r"(?:said|saying|say|made|making|make) my (?:final |last )?goodbyes",
       unless=r"(?:to (?:[\w']+ ){1,3}?)?(?:at|before (?:he|she|they|it|we|the|my)|when "
              r"(?:he|she|they))|to (?:the|my) (?:team|colleagues|class|office|neighbours|"
              r"workmates|coworkers)|to everyone at|and (?:left|went|headed|got)"),
    _p("suicidal", r"(?:won't|will not) (?:have to )?(?:worry|deal|put up) (?:about|with) me "
                   r"(?:anymore|any more|much longer|for much longer|soon|after (?:tonight|"
                   r"today)|ever again)", negatable=False),
    _p("suicidal", r"won't be (?:a|any) (?:burden|problem|bother)(?: to (?:anyone|you|them|"
                   r"anybody))? (?:much longer|for much longer|for long|soon|after (?:tonight|"
                   r"today)|anymore|any more|ever again)", negatable=False),
    _p("suicidal", r"(?:wish|want|hope|need) (?:someone|somebody|something|anyone) (?:would |"
                   r"to |will |could )?(?:just )?kill me"),
    _p("suicidal", r"jump(?:ing)? (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|"
                   r"balcony)", after=r"bungee|bungy|base|cliff"),
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
                   r"(?:planning|planned|plan|imagining|picturing) my (?:own )?(?:funeral|death|"
                   r"suicide)"),
    # Self-harm, now or in the past ("I self-harmed last night", "I cut again").
    _p("self_harm", r"(?:hurt|hurting|hurts|harm|harming|harmed|harms|cut|cutting|burn|burning|"
                    r"burned|burnt|injure|injuring|injured|starve|starving|starved|scratch|"
                    r"scratching|scratched|hit|hitting) " + _ME,
       unless=_ACCIDENT, after=_FELL),
    _p("self_harm", r"self (?:harm|harming|harmed|harms|injury|injuries|injure|injured|"
                    r"injuring|mutilation|mutilate|mutilated|mutilating)", after=_TOPIC),
    _p("self_harm", r"(?:cutting|cut|burning|burn|burned|burnt) my (?:arms?|wrists?|legs?|skin|"
                    r"thighs?|stomach|hips?)(?: again)?", unless=_ACCIDENT),
    _p("self_harm", r"(?:started|start|been) cutting again|cutting again"),
    _p("self_harm", r"(?:been|started|start|keep|kept|stop|stopped|relapsed and|ended up|"
                    r"used to) cutting(?= *(?:$|[.!?;,]|again|lately|recently|every|more|"
                    r"but|when|since|myself))"),
    _p("self_harm", r"(?:want|wants|wanting|urge|urges|need|used|going|started|tempted|"
                    r"trying not|tried not) to (?:cut|burn|self harm)(?= *(?:$|[.!?;,]|again|"
                    r"so bad|really bad|but|when|myself|lately|every|is|are|keeps|won't|right now|"
                    r"tonight|and (?:i|i'm|i've|now|the urge|the urges|it)))"),
    # What I might do to myself: "I'm scared of what I might do to myself tonight".
    _p("self_harm", r"what i(?:'ll| will| might| could| may| would|'d)? do to myself"),
    # Punishing myself by it: "I want to punish myself by cutting", "I cope by cutting".
    _p("self_harm", r"(?:punish|punishing|punished) myself (?:by|with) (?:cutting|hurting|burning|"
                    r"starving|hitting|scratching|bleeding)|(?:cope|coping|deal|dealing) "
                    r"(?:with (?:it|things|this) )?by (?:cutting|self harming|burning myself|"
                    r"hurting myself)(?= *(?:$|[.!?;,]|again|myself))"),
    # Disappearing, felt like: "I feel like disappearing for good".
    _p("not_here", r"feel like (?:just )?(?:disappearing|vanishing|not existing|not being here|"
                   r"not waking up)(?= *(?:$|[.!?;,]|forever|for good|for ever|completely))"),
    _p("self_harm", r"i cut (?:again|last night|yesterday|today|this morning|tonight|earlier|"
                    r"this week|on the weekend)"),
    _p("self_harm", r"(?:cut|cutting|burn|burned|burnt|burning|hit|hitting|hurt|hurting|"
                    r"scratch|scratched|scratching|bit|bite|biting|punch|punched|punching|"
                    r"bruise|bruised|bruising|scald|scalded|scalding|starve|starved|starving) "
                    r"(?:" + _ME + r"|my (?:own )?" + _BODY + r")(?: [\w']+){0,3}? "
                    r"(?:on purpose|deliberately|intentionally)"),
    _p("self_harm", r"(?:make|made|making|makes) myself bleed"),
    # Marking the skin: "I carved words into my skin".
    _p("self_harm", r"(?:carved|carve|carving|etched|etching|scratched|scratching|cut|cutting|"
                    r"burned|burnt|burning) (?:[\w']+ ){0,3}?(?:into|in) my (?:skin|arms?|wrists?|"
                    r"legs?|thighs?|stomach|hands?|body)"),
    # Again and again: "I keep hitting my head against the wall" (not "... with this bug").
    _p("self_harm", r"(?:keep|kept|keeps|been|started|start|couldn't stop|can't stop) (?:hitting|"
                    r"banging|bashing|slamming) my (?:own )?head (?:against|on|into) (?:the|a) "
                    r"(?:wall|floor|door|desk|table)",
       unless=r"trying|over|with|about|because|for|all day|to"),
    _p("self_harm", r"do something (?:stupid |bad |drastic |silly )?to myself"),
    # Kept for when it gets bad: "I keep a blade in my drawer for when it gets bad".
    _p("self_harm", r"(?:blade|blades|razor|razors|razor blades?|knife|lighter)(?: [\w']+){0,5}? "
                    r"for (?:when|if) " + _GETS_BAD),
    _p("suicidal", r"(?:rope|gun|noose)(?: [\w']+){0,5}? for (?:when|if) " + _GETS_BAD),
    # Marks of it: "I've got scars from cutting".
    _p("self_harm", r"(?:scars|marks|cuts|burns) from (?:cutting|self harm|self harming|"
                    r"burning myself|hurting myself|when i (?:used to )?(?:cut|self harm|"
                    r"self harmed|hurt myself))"),
    _p("self_harm", r"(?:hit|hitting|punch|punching|punched|scratch|scratching|scratched|pick|"
                    r"picking|picked|bite|biting|bit|bang|banging|banged|cut|cutting|burn|"
                    r"burning|pull|pulling|pulled|rub|rubbing|rubbed|scrub|scrubbing|scrubbed|"
                    r"dig|digging|dug|squeeze|squeezing)(?: [\w']+){0,5}? (?:until|till|til) "
                    r"(?:(?:it|they|i|my [\w']+) (?:bled|bleeds|bleed|bleeding|bruised|"
                    r"bruises)|my (?:hand|hands|knuckles|fist|fingers|wrist|arm|nose|bones?) "
                    r"(?:broke|cracked|was broken|were broken|went numb|swelled up))"),
    _p("self_harm", r"(?:fresh|new|deep) (?:cuts|burns) (?:on|all over|up|along|across) my "
                    + _BODY, unless=r"from|after|because|when|while"),
    _p("self_harm", r"(?:hide|hiding|hid|cover|covering|covered)(?: up)? (?:my|the) "
                    r"(?:cuts|self harm)|(?:hide|hiding|hid|cover|covering)(?: up)? my scars"),
    _p("self_harm", r"(?:knife|blade|razor|razor blade|scissors|glass|shard) (?:to|against|on|"
                    r"across|over|into) my (?:wrists?|throat|neck|veins|arms?|skin|thighs?)"),
    _p("self_harm", r"(?:saved|saving|hid|hide|hidden|hiding|stashed|stashing|collect|"
                    r"collecting|collected|hoarding|hoarded|stockpiling|stockpiled) (?:away )?"
                    r"(?:some |a |my |the )?(?:new )?(?:razor blades|blades|blade)|"
                    r"(?:razor blades|blades) (?:[\w']+ )?(?:hidden|stashed|saved)"),
    _p("not_here", r"don't (?:really |even |ever )?(?:want|wish) to " + _LIVE,
       negatable=False, unless=_LIVE_UNLESS),
    _p("not_here", r"(?:not sure|don't know|don't think|unsure) (?:if |whether |that )?"
                   r"i (?:even |still |really )?(?:want|wish) to " + _LIVE,
       negatable=False, unless=_LIVE_UNLESS),
    _p("not_here", r"(?:want|wants|wanting|wish|wishing|need|rather|i'd like|would like|"
                   r"i'd love|would love) (?:to )?(?:just )?"
                   r"(?:not (?:exist|be alive|be here|be around|live|wake up|be in this world)|"
                   r"cease to exist|be gone|be nothing|stop being alive)",
       unless=_LIVE_UNLESS + r"|by|from|when|until|till|while"),
    _p("not_here", _WISH + r" (?:that )?i (?:was|were) (?:never born|not born|not alive|"
                   r"not here|gone|never here)"),
    _p("not_here", _WISH + r" (?:that )?i (?:wasn't|weren't) (?:alive|born|here|around)"),
    _p("not_here", _WISH + r" (?:that )?(?:i|i'd) (?:had )?never (?:been born|existed|lived|"
                   r"woken up|woke up)"),
    _p("not_here", _WISH + r" (?:that )?i (?:didn't|don't|could) (?:just )?(?:exist|not exist|"
                   r"disappear|vanish|stop existing|sleep forever|not wake up|cease to exist|"
                   r"not be here|not be alive|be gone forever)",
       unless=r"for (?!ever|good)|to (?:a|the|my|somewhere)|on (?:a|holiday|vacation)|into|"
              r"under|somewhere|with|from (?:work|school|this|that|the (?!world|earth))|"
              r"until|till|tonight|today|tomorrow|this (?:weekend|week|evening)|over|"
              r"in (?:a|the) (?:crowd|cabin|forest|woods)"),
    _p("not_here", r"(?:wish|wishing|hope|hoping|pray|praying)(?: [\w']+){0,3}? (?:that )?i "
                   r"(?:just |simply )?(?:don't|won't|wouldn't|didn't|never) wake up",
       unless=r"late|early|at|before|too|the (?!next|morning)|in the night|with|tired|grumpy|"
              r"hungover|"
              r"when|during|again (?:in|at)"),
    # Not surviving: "I hope I don't survive the surgery", "in case I don't make it
    # through tonight".
    _p("not_here", r"(?:hope|hoping|wish|wishing|pray|praying)(?: that)? i (?:just )?(?:don't|"
                   r"won't|never|wouldn't) (?:survive|make it|pull through|come back|recover)",
       unless=r"(?:the |this |my )?(?:exam|test|interview|week|meeting|party|wedding|day|"
              r"date|shift|match|game|trip|flight)|without|to (?:the|my|work)|in time|on time"),
    _p("not_here", r"i (?:don't|won't|never) (?:make it|survive|live) (?:through|past|until|till|"
                   r"to) (?:tonight|the night|the weekend|morning|tomorrow|the morning)"),
    # Something would hit me: "I wish a car would hit me", "... wouldn't mind if a bus hit me".
    _p("not_here", r"(?:wish|wishing|hope|hoping|pray|praying|wouldn't mind if|wouldn't care if|"
                   r"don't care if|wouldn't be sad if|be nice if|be good if|be okay if)"
                   r"(?: that)? (?:a|the|some|something|someone|somebody|an|one) (?:[\w']+ ){0,2}?"
                   r"(?:would |will |could |might |just )*(?:hit|hits|ran over|run over|runs over|"
                   r"knocked down|kill|kills|killed|crashed into) me",
       unless=r"up|back|with"),
    _p("not_here", r"(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:[\w']+ ){1,4}?and "
                   r"(?:just )?die",
       unless=r"of|laughing|happy|rich|old|peacefully|surrounded|in my (?:own )?bed|at|"
              r"in my sleep (?:at|aged|when)|at home"),
    # Death as a way out: "dying would be a relief", "it would be easier to die".
    _p("not_here", r"(?:dying|death|being dead|not being here|not existing|not waking up|to die|"
                   r"killing myself|ending it|ending my life|suicide) (?:would be|'d be|"
                   r"would feel|seems|seem|sounds|feels|looks|is starting to (?:look|sound|feel)|"
                   r"could be|must be)(?: like)? (?:such |a |so )?(?:relief|a relief|peaceful|"
                   r"a release|the answer|the only (?:option|way|answer|solution|way out|choice)|"
                   r"my only (?:option|way|choice)|the best option|easier|better|freedom|"
                   r"an escape|a mercy|a gift)"),
    _p("not_here", r"(?:a relief|relief|peaceful|a release|easier|better|a mercy|freedom|kinder) "
                   r"(?:just )?to (?:die|be dead|not wake up|not exist|stop existing|not be here)",
       unless=r"on|than|trying|fighting|for|in|with|" + _DYE_UNLESS),
    _p("not_here", r"(?:want|wanted|going) to (?:disappear|vanish) (?:forever|for good|"
                   r"and never come back)"),
    _p("not_here", r"(?:want|wanting|wish|wishing|need) (?:to|i could) (?:just )?(?:disappear|"
                   r"vanish)(?= *(?:$|[.!?;,]|forever|for good|for ever|completely|from (?:the|"
                   r"this) (?:world|earth|planet)|and never|and not|off the face|from "
                   r"existence|from everyone|and stop))"),
    _p("not_here", r"(?:leave|leaving|left|go from|depart|departing|exit|exiting|check out of) "
                   r"this (?:world|earth|planet|life)", unless=r"behind"),
    _p("not_here", r"check(?:ing)? out (?:for good|permanently|for ever|forever|of (?:life|"
                   r"this life|existence|the world))"),
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
    _p("not_here", r"(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up|(?:sleep|go to "
                   r"sleep|fall asleep) and stay asleep"),
    _p("not_here", r"(?:(?:so (?:that )?|until )i (?:don't|won't|wouldn't|never)|to not|"
                   r"to never|and not|and never|and just not) wake up(?= *(?:$|[.!?;,]|again|"
                   r"ever|tomorrow|forever))"),
    _p("not_here", r"(?:want|wish|wishing|wanting|i'd like|would like) (?:i could |to )?"
                   r"(?:just )?(?:sleep|fall asleep|go to sleep) forever"),
    _p("not_here", r"(?:stay|stayed|staying|be|remain|off|was|were) asleep (?:forever|for ever|"
                   r"for good|"
                   r"permanently)"),
    _p("not_here", r"not (?:going to )?be (?:here|around) (?:much longer|for long|anymore)",
       negatable=False),
    _p("not_here", r"never (?:want to )?wake up again"),
    _p("not_here", r"stop existing"),
    _p("not_here", r"won't be (?:here|around) (?:much longer|tomorrow|for long|anymore|"
                   r"any more|this time tomorrow|by (?:tomorrow|morning|the morning|tonight|"
                   r"the weekend|then)|after tonight)",
       # Away for a reason: "I won't be around tomorrow, I'm at my mum's."
       unless=r", (?:i'm|i am|we're|we are|i'll be|i've got|i have) (?:at|in|on|away|off|out|"
              r"working|visiting|staying|going|busy|got)|(?:at|in|on|for) (?:the|my|a|work|"
              r"school)"),
    # Gone, with nothing after it: "... because I won't be around."
    _p("not_here", r"(?:won't|will not) be (?:here|around)(?= *(?:$|[.!?;,]))"),
    _p("not_here", r"won't be alive",
       unless=r"to see|when|by|in|then|at that point|long enough|for (?!much longer|long)"),
    _p("not_here", r"(?:tired|sick|weary|exhausted|worn out|fed up|had enough) (?:of|from|by|"
                   r"with) "
                   r"(?:living|being alive|life|existing|being here|being me)",
       unless=r"in|with|here|there|at|near|on|off|out of|under|alone|abroad|away|so far|like a|"
              r"admin|insurance|hacks|coaching|drawing|on (?:a|my)"),
    _p("not_here", r"(?:tired|sick|exhausted|worn out|weary) of (?:fighting|trying|struggling|"
                   r"pretending)(?: [\w']+)? (?:to stay alive|to live|to keep going|to be alive|"
                   r"to survive|to exist|to keep living|for my life)"),
    _p("not_here", r"(?:hate|hating|hated|loathe|can't stand|can't bear|cannot bear|cannot "
                   r"stand) (?:being alive|existing|living|"
                   r"being me)",
       unless=r"in|here|there|with|at|near|so far|under|on|next|out of|off|alone|abroad|away"),
    _p("not_here", r"done with (?:life|living|being alive|existing)",
       unless=r"in|with|here|there|at|near|admin|insurance|hacks|coaching|drawing|on|off|"
              r"out of|under|alone|abroad|away"),
    _p("not_here", r"why (?:am i|should i|i should|would i|i'd|i would|bother|even|i even|"
                   r"i need to|do i) (?:even |keep |still )*(?:alive|living|be alive|live|"
                   r"stay alive|keep living|go on|being alive|exist|existing)",
       unless=r"here|there|in|with|at|near|on|like that|so far|alone|about|and|like (?:a|an|"
              r"that|the)|off"),
    _p("not_here", r"(?:don't|do not|never) belong (?:in this world|on this earth|"
                   r"on this planet|anywhere anymore|among the living)", negatable=False),
    _p("not_here", r"(?:i|me|i'm|i've|i'd)(?: [\w']+)? (?:shouldn't|should not|"
                   r"don't deserve to|do not deserve to|not meant to|"
                   r"wasn't meant to|was never meant to|never should have|should never have) "
                   r"(?:even )?(?:be alive|exist|existed|live|lived|been born|be born|be in this "
                   r"world|been alive)",
       negatable=False, unless=r"here|there|in|with|at|near|on|alone|like that|so far"),
    _p("hopeless", r"(?:no|not any|there's no|there is no) point (?:even )?(?:living|going on|"
                   r"carrying on|existing|staying alive|being alive|trying anymore|waking up)"
                   r"(?= *(?:$|[.!?;,]|anymore|any more|like this|now|at all))", negatable=False),
    _p("hopeless", r"(?:no|not a|not any|there's no) (?:reason|point|purpose) (?:to|in|for) "
                   r"(?:me )?(?:to )?(?:even )?(?:live|living|being alive|be alive|be here|exist|"
                   r"go on|going on|keep going|"
                   r"stay alive|staying alive|life|my life|existing|carrying on|carry on|"
                   r"waking up|(?:anything|any of it|it all) (?:anymore|any more))",
       negatable=False),
    _p("hopeless", r"(?:what's|what is|whats) (?:even |really |actually |just |honestly )?"
                   r"the (?:point|use|purpose) (?:of |in )?(?:me |even |my )?(?:living|life|"
                   r"being alive|going on|carrying on|existing|anything anymore|anything "
                   r"any more|trying anymore|waking up(?! (?:early|at|so early|before|on a|"
                   r"in time|for))|staying alive|it all anymore|any of it anymore|"
                   r"any of this anymore|my life|getting up anymore|keeping going|"
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
    _p("hopeless", r"(?:nothing|anything|no one|nobody|anyone|not much|nothing much) (?:left )?"
                   r"to live for", negatable=False),
    _p("hopeless", r"(?:there's|there is|there isn't|is there|isn't there|isn't) (?:no|any|a) "
                   r"point (?:anymore|any more)(?= *(?:$|[.!?;,]))|no point (?:in|to) (?:anything|"
                   r"any of it|it all|any of this)", negatable=False),
    _p("hopeless", r"(?:the world|nobody|no one|noone) (?:doesn't|does not|don't|wouldn't|won't|"
                   r"would not)? ?(?:need|needs|want|wants) me(?: (?:here|around|alive|anymore|"
                   r"any more))?(?= *(?:$|[.!?;,]))", negatable=False),
    _p("hopeless", r"can't live with myself", negatable=False, unless=r"if|when"),
    # A burden who should go: "I'm a burden, I should just go" ("I feel like a burden"
    # alone is a feeling, not a danger).
    _p("suicidal", r"burden(?: (?:[\w']+|,)){0,6}? (?:should|might as well|may as well|need to|"
                   r"have to) (?:just )?(?:go|leave|disappear|vanish|die|not be here|not exist|"
                   r"go away)(?= *(?:$|[.!?;,]|forever|for good))"),
    # Said as the last word: "I'm ready to go, I've had enough." (not "..., I can't cope").
    _p("hopeless", r"(?:i've|i have|i've just|i've really|i've truly) had enough(?: now)?"
                   r"(?= *(?:$|[.!?]))", negatable=False),
    _p("hopeless", r"(?:i've got|i have|i've) nothing left(?: for me| to give| to lose|"
                   r" anymore| any more)?(?= *(?:$|[.!?;,]))", negatable=False),
    _p("not_here", r"(?:don't think|not sure|doubt|don't know if) (?:that )?i'll (?:still )?"
                   r"(?:(?:be alive|be around|make it|survive|last)(?: much longer| long| until|"
                   r" till| to| through| past| next| by| another| the| tomorrow)|be here "
                   r"(?:much longer|"
                   r"for long|anymore|any more|(?:next|by) (?:week|month|tomorrow|christmas|"
                   r"the weekend)(?= *(?:$|[.!?]))))", negatable=False,
       unless=r"the (?:exam|interview|meeting|party|day|shift|week at work|journey|flight)|"
              r"without|in time|on time|to the (?:end of the|shop|station)"),
    _p("hopeless", r"(?:life|living|existing|being alive|everything|it all) (?:is|'s|feels|has "
                   r"become|feels like it's) (?:just |so |far |way )?too (?:painful|hard|much) "
                   r"to (?:keep going|go on|carry on|keep living|live|stay alive|bear|continue|"
                   r"keep on|go on living)",
       negatable=False),
    _p("hopeless", r"(?:don't think|not sure|doubt|don't know if|don't know how much longer|"
                   r"how much longer|don't see how|can't see how|don't know how) (?:that )?"
                   r"i (?:can|could|am going to|'m going to|will|'ll) (?:keep (?:living|going|"
                   r"doing this)|go on|carry on|survive|hold on|take this|do this)(?: like this|"
                   r" anymore| any more| much longer)?", negatable=False,
       unless=r"with|to|on|at|in|for|without (?!(?:him|her|them|my (?:wife|husband|partner|"
              r"mum|mom|dad|son|daughter|boy|girl|baby|child|kids|children|love|best friend)|"
              r"[\w']+ (?:now|anymore))\b)"),
    _p("hopeless", r"(?:i'm|i am|i'm just|i feel like|i feel like i'm) (?:such )?a (?:total |"
                   r"complete |fucking )?waste of (?:space|oxygen|air|skin|a life)",
       negatable=False),
    _p("hopeless", r"nothing (?:left )?for me (?:here )?(?:anymore|any more|in this world|"
                   r"in life)|nothing left for me(?: here| now)?(?= *(?:$|[.!?;,]))",
       negatable=False),
    # No future, no hope: "I have no future", "there's no hope left for me".
    _p("hopeless", r"(?:i have|i've got|i've) no (?:future|hope)(?: left)?(?: (?:for me|anymore|"
                   r"any more|at all))?(?= *(?:$|[.!?;,]))", negatable=False),
    _p("hopeless", r"(?:no|not any|isn't any) hope (?:left )?(?:for me|in my life)|(?:lost|"
                   r"given up) all hope", negatable=False,
       unless=r"in|at|with|to|when|on|of|for|that|passing|getting|winning|ever"),
    _p("hopeless", r"(?:life|my life|living|existence|my existence|being alive) (?:has|holds|had) "
                   r"no (?:meaning|point|purpose|value|joy)", negatable=False),
    _p("hopeless", r"(?:can't|cannot|don't|couldn't) (?:even )?(?:see|find|think of) (?:a|any|one|"
                   r"a single) (?:single |good )?(?:reason|point|purpose) (?:to|in|for) "
                   r"(?:me )?(?:even )?(?:live|living|being alive|be alive|be here|go on|going on|"
                   r"keep going|keep living|stay alive|staying alive|exist|existing|carry on|"
                   r"carrying on)",
       negatable=False),
    # Nothing but death: "no way out except dying", "no option other than ending it".
    _p("hopeless", r"(?:except|other than|apart from|besides|but|aside from) (?:dying|death|"
                   r"suicide|killing myself|ending it|ending my life|to die|to end it|to kill "
                   r"myself)", negatable=False, unless=r"and taxes|" + _DYE_UNLESS),
    _p("hopeless", r"(?:isn't|not|is not|wasn't) worth (?:living|being alive|it anymore)",
       negatable=False),
    _p("hopeless", r"can't (?:go on|keep going|do (?:this|it) (?:anymore|any more)|take "
                   r"(?:it|this) (?:anymore|any more)|"
                   r"live like this|keep living)", negatable=False,
       unless=r"a |the |to |at |in |into |through |up |down |back |out |outside |tomorrow|"
              r"holiday|vacation|trip|with (?:the|this) (?:session|exercise|practice|"
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
                   r"was dead|wasn't here|weren't here|disappeared))", negatable=False,
       unless=r"at|if i (?:don't|skip|leave|go)|for (?:a|an|the|one)|during|on (?:the|that|"
              r"this)|in (?:the|that|this) (?!world)"),
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
    # Said late at night, in few words. Done, as a whole state: "I'm so done", "I'm just so
    # done with all of it" (not "I'm done, thanks" or "I'm so done with this homework").
    _p("hopeless", r"(?:i'm|i am|im) (?:just |honestly |literally |really )*(?:so|completely|"
                   r"totally|utterly|fully|truly) done(?: with (?:it all|all of it|everything|"
                   r"all this|all of this|life|this life|the world|being me|trying|myself))?"
                   r"(?= *(?:$|[.!?;,]|now|anymore|any more|ngl|honestly|lol|like|tbh))",
       negatable=False),
    _p("hopeless", r"(?:i'm|i am|im) (?:just )?done with (?:it all|all of it|everything|"
                   r"this life|all of this|all this|the world|myself)(?: now| anymore)?"
                   r"(?= *(?:$|[.!?;,]|ngl|honestly|lol|like|tbh))", negatable=False),
    # ... "I can't anymore", "I can't keep doing this", "nothing matters anymore", "I give
    # up" (not "I can't cope anymore", which is overwhelm, or "I give up on this puzzle").
    _p("hopeless", r"i (?:just |really |honestly |simply )?(?:can't|cannot) (?:anymore|"
                   r"any more)(?= *(?:$|[.!?;,]))", negatable=False),
    _p("hopeless", r"can't keep (?:doing this|doing it|living|on living|on going|doing life)"
                   r"(?= *(?:$|[.!?;,]|anymore|any more|like this))", negatable=False),
    _p("hopeless", r"nothing (?:really |even )?matters (?:anymore|any more|to me anymore)",
       negatable=False),
    _p("hopeless", r"(?:i|i'm|i've|i just|i'm just) (?:just |finally |completely |totally )?"
                   r"(?:give|giving|given|gave) up(?: (?:[.,] )?on (?:everything|it all|all of it|"
                   r"myself|me|trying|the world|people))?(?= *(?:$|[.!?]))"),
    # It all stopping: "I just want it all to stop", "... everything to stop" (not "I want
    # the noise to stop", "... it all to stop buzzing"; "I just want it to stop" alone is
    # overwhelm).
    _p("suicidal", r"(?:want|wants|wanted|wish|need|needs) (?:for )?(?:it all|everything|"
                   r"all of it|all this|all of this|my life|life) to (?:just )?(?:stop|end|be over)"
                   r"(?= *(?:$|[.!?;,]|now|already|please|forever|for good|permanently|for ever|"
                   r"once and for all))"),
    _p("suicidal", r"(?:want|wish|need|hope) (?:for )?(?:this|the pain|all this|all of this|"
                   r"the suffering|my pain|my suffering) to (?:end|stop|be over)(?: [\w']+)?"
                   r"(?: ,)? (?:forever|for good|permanently|for ever)"),
    # No tomorrow: "I don't see the point of tomorrow", "what's the point of waking up"
    # (not "... of tomorrow's meeting", "... of waking up early").
    _p("hopeless", r"(?:what's|what is|whats|don't see|can't see|no longer see|there's no|"
                   r"there is no|no) (?:even |really |honestly |actually )?(?:the |any )?point "
                   r"(?:of|in|to) (?:even )?(?:tomorrow|another day|waking up|facing (?:tomorrow|"
                   r"another day)|(?:living|being alive|getting through) (?:another|one more) "
                   r"day)(?: (?:tomorrow|anymore|any more|each day|every day|in the morning))?"
                   r"(?= *(?:$|[.!?;,]))", negatable=False),
    # Means, asked about or at hand: "how many of these would it take", "would 30
    # paracetamol be enough", "the most painless way to go", "I've got 30 tablets here",
    # "I'm at the train tracks".
    _p("suicidal", r"how (?:many|much) (?:of )?(?:these|those|them|this|that)(?: [\w']+){0,2}? "
                   r"(?:would it take|will it take|it would take|does it take|it'd take|"
                   r"would kill me|to kill me|would kill you|to kill you)"
                   r"(?= *(?:$|[.!?;,]|to (?:die|kill|overdose|not wake|never wake|end it|"
                   r"do it|od)))"),
    _p("suicidal", r"(?:like |about |around |over |at least )?(?:\d\d+|twenty|thirty|forty|fifty|"
                   r"sixty|a hundred|hundreds of|a (?:whole |full )?(?:bottle|packet|box|pack|"
                   r"strip)s? of|all (?:of )?(?:my|these|those|the)) (?:[\w']+ )?" + _SUBST +
                   r" (?:be |is |are |would be |will be )?enough(?= *(?:$|[.!?;,]|to (?:die|"
                   r"kill|do it|end it|not wake|never wake|overdose|od)))"),
    _p("suicidal", r"(?:painless|least painful|most painless|peaceful|most peaceful|gentlest|"
                   r"quickest painless|quiet) (?:way|ways|method|methods) (?:to (?:go|die|do it|"
                   r"end it|end things|pass)|of (?:dying|going|ending it))"
                   r"(?= *(?:$|[.!?;,]|quickly|in|at|for|if|without))"),
    _p("suicidal", r"(?:i've got|i have|i've|i got|got) (?:like |about |around |over |"
                   r"at least )?(?:\d\d+|twenty|thirty|forty|fifty|sixty|a hundred|hundreds of|"
                   r"a (?:whole |full )?(?:bottle|packet|box|stash|pile|handful)s? of|loads of|"
                   r"all my|all of my) (?:[\w']+ )?" + _SUBST + r" (?:here|with me|in front of me|"
                   r"next to me|in my hand|on the (?:table|bed|desk|floor)|by the bed|ready|"
                   r"lined up|counted out)(?= *(?:$|[.!?;]|and (?:i|i'm|i've)|right now|now|"
                   r"tonight))"),
    _p("suicidal", r"(?:i'm|i am|i've been|i'm standing|i'm sitting|i'm sat|standing|sitting) "
                   r"(?:right )?(?:at|on|by|near|next to|beside) (?:the )?(?:train |railway |"
                   r"rail )?(?:tracks|railway line)(?= *(?:$|[.!?;,]|right now|now|again|"
                   r"tonight|and))"),
    # Plans, dates and the night: "I've made my plan", "I have a plan and a date",
    # "tonight's the night", "I'm going to do it tonight" (not "... a plan for dinner",
    # "tonight's the night of the concert", "... do it tonight after dinner").
    _p("suicidal", r"(?:i've|i have|i've got|i) (?:made|got|have|set|picked|chosen|written|"
                   r"finished|worked out|sorted|made up) (?:a|my|the) (?:plan|date)"
                   r"(?= *(?:$|[.!?;,]|now|ready|and (?:i (?:have|know|picked|chose|set)|a "
                   r"(?:date|time|place)|the (?:date|pills|rope|place|means))))"),
    _p("suicidal", r"(?:tonight|today)(?:'s| is) (?:the|my) (?:night|day)(?= *(?:$|[.!?;,]|"
                   r"i (?:do it|end it|go|die|kill myself|finally do it|finally end it|leave)))"),
    _p("suicidal", r"(?:i'm|i am|i'll|i will|im) (?:really |finally |actually )?(?:going to |"
                   r"gonna )?(?:do|doing) it (?:tonight|for real tonight)(?= *(?:$|[.!?;,]))"),
    # Putting things in order, unsaid goodbyes, last thanks: "who gets my dog when I'm
    # gone", "they don't know it's goodbye", "thank you for trying. goodbye".
    _p("suicidal", r"who (?:gets|will get|'ll get|should get|can have|will have|takes|will take|"
                   r"looks after|will look after|should look after|can look after|will care for) "
                   r"(?:my|the) [\w']+(?: [\w']+)? (?:when|after|once) (?:(?:i'm|i am) (?:gone|"
                   r"dead|not here|not around|no longer (?:here|around))" + _AWAY_END + r"|i die)"),
    _p("suicidal", r"(?:they|he|she|nobody|no one|none of them|my [\w']+) (?:don't|doesn't|"
                   r"didn't|won't) (?:even )?(?:know|realise|realize) (?:that )?(?:it's|it was|"
                   r"it is|this is|it'll be|this was|that was) (?:a |my |the )?(?:goodbye|"
                   r"last (?:time|goodbye))", own=False),
    _p("suicidal", r"(?:goodbye|farewell)(?: (?:[\w']+|[.,!])){0,8}? this is it(?= *(?:$|[.!?]))|"
                   r"this is it(?: [.,!])? (?:goodbye|farewell)|(?:thank you|thanks) for trying"
                   r"(?: to help(?: me)?)?(?: so hard)?(?: [.,!])? (?:goodbye|farewell|bye)"),
    # Self-harm said indirectly: "I did the thing with the razor again", "I relapsed. Cut
    # last night.", "I want to feel pain", "I want to bleed".
    _p("self_harm", r"(?:did|done|doing|do) (?:the|that|my) thing(?: again)?(?: [.,])? "
                    r"(?:with|using) (?:the|a|my) (?:razor|razors|blade|blades|knife|lighter|"
                    r"scissors|compass|sharpener|glass)"),
    _p("self_harm", r"(?:(?<![\w'] )|(?<=relapsed )|(?<=relapsed and )|(?<=and ))cut (?:again|"
                    r"last night|yesterday|today|this morning|tonight|earlier)"
                    r"(?= *(?:$|[.!?;,]|and|but))"),
    _p("self_harm", r"(?:i |i've |i have |i just )?relapsed(?: again)?(?= *(?:$|[.!?]|last night|"
                    r"tonight|today|yesterday|with (?:cutting|self harm|the blade|the razor)|"
                    r"on (?:self harm|cutting)))"),
    _p("self_harm", r"(?:want|wants|wanting|need|needing|urge|urges|desperate|crave|craving) "
                    r"to (?:feel (?:physical )?pain|bleed|see (?:myself )?bleed|see blood)"
                    r"(?= *(?:$|[.!?;,]|again|so bad|right now|now|tonight|on purpose))"),
    # Algospeak and mis-hearings: "sewer slide", "self delete".
    _p("suicidal", r"sewer ?slid(?:e|ing)|self (?:delete|deleting|deletion)",
       unless=r"from|the (?:app|account|post|photo|message)"),
    # A burden to everyone: "I'm a burden to everyone", "... on my children now" ("I feel
    # like a burden" alone is a feeling).
    _p("hopeless", r"(?:i'm|i am|i feel like|i feel like i'm|i've become|i feel) (?:just |such |"
                   r"only |nothing but |a |such a |nothing but a |just a )*(?:burden|drain) "
                   r"(?:to|on|for) (?:everyone|everybody|all of them|them all|my family|the people "
                   r"i love|people|my (?:kids|children|husband|wife|partner|parents|son|"
                   r"daughter|carers?|family))(?= *(?:$|[.!?;,]|now|anymore|any more))"),
    # Later in life: "I pray God takes me in my sleep", "I'm just waiting to die", "I've
    # lived long enough", "Harold's gone and I want to go and be with him".
    _p("suicidal", r"(?:pray|prays|praying|prayed|wish|wishing|hope|hoping|want|ready for|"
                   r"asking|ask|beg|begging) (?:(?:every|each) (?:night|day|morning) |at night )?"
                   r"(?:that )?(?:god|the lord|jesus|the good lord|"
                   r"death|the angels) (?:would |will |to |could |might |just )*(?:take|takes|"
                   r"call|calls|come for|comes for|collect|collects) me",
       unless=r"(?:home |in my sleep |to heaven )?(?:one day|someday|some day|when (?:it's|my) "
              r"time|eventually|when i'm old)|to (?!heaven|be with)|through|out of|under|back|"
              r"where|somewhere|by the hand|seriously"),
    _p("not_here", r"(?:just |only )?waiting (?:to die|for (?:death|the end|my time|god to take me|"
                   r"it all to end|it to be over))(?= *(?:$|[.!?;,]|now|at this point|really|"
                   r"honestly|anyway|here))"),
    _p("not_here", r"(?:i've|i have|i) (?:lived|been alive) (?:long enough|too long|more than "
                   r"long enough)(?= *(?:$|[.!?;,]|now|already|anyway))"),
    _p("suicidal", r"(?:died|passed|passed away|passed on|dead|lost (?:him|her|them)|gone(?= "
                   r"(?:and|now|,|\.|(?:[\w']+ |a few |many )?years|forever|for good)))"
                   r"(?: (?:[\w']+|,)){0,8}? (?:i|i'm|i'd) (?:just )?(?:want|wish i could|ready|"
                   r"would like|'d like|long|need) to (?:go (?:and )?(?:be with|join) (?:him|her|"
                   r"them)|go too|go as well|join (?:him|her|them)|be with (?:him|her|them)"
                   r"(?: again)?|follow (?:him|her|them))(?= *(?:$|[.!?;,]|now|already|so badly|"
                   r"soon))"),
    # Not wanting to be a person: "I don't want to be a person anymore".
    _p("not_here", r"don't (?:really |even )?want to be (?:a person|a human|human|a human being|"
                   r"me|myself)(?= *(?:$|[.!?;,]|anymore|any more))", negatable=False),
    # Fine without me: "everyone would cope fine if I wasn't around".
    _p("suicidal", r"(?:everyone|everybody|they|they'd|they'll|family|people|the kids|my [\w']+|"
                   r"the world|it) (?:would|'d|will|'ll|could) (?:[\w']+ ){0,2}?(?:fine|okay|"
                   r"alright|better|manage|cope|get by|be happier) (?:[\w']+ )?" + _IF_GONE),
    # A means seen in a new way: "I've been looking at the knives in the kitchen
    # differently", "I look at the bridge and wonder".
    _p("suicidal", r"(?:look|looking|looked|see|seeing|stare|staring|think about|thinking about) "
                   r"(?:at )?(?:the|my|those|these|all the) (?:knives|knife|pills|tablets|rope|"
                   r"bridge|tracks|railway|blades?|razors?|gun|medicine cabinet|balcony|window|"
                   r"cliffs?|river|motorway)(?: [\w']+){0,4}? (?:differently|in a different way|"
                   r"a different way|and (?:wonder|think about it|think about using))"
                   r"(?= *(?:$|[.!?;,]|now|lately|recently|these days))"),
    # Up high and not sure about coming down: "I'm on the roof and I don't know if I want
    # to come down".
    _p("suicidal", r"(?:don't know|not sure|don't think) (?:if |whether |that )?i (?:want to|can|"
                   r"will|'ll|should) (?:come|get|climb|step) (?:back )?down(?= *(?:$|[.!?;]|"
                   r"from here|off (?:this|the)))", negatable=False),
    # No way to keep going: "There's no way I can keep going."
    _p("hopeless", r"no way (?:i can|i could|i'm going to|i'll|i will) (?:keep going|go on|"
                   r"carry on|keep living|keep doing this|do this anymore|survive this|live like "
                   r"this)(?= *(?:$|[.!?]|like this|anymore|any more))", negatable=False),
    # A means fetched for tonight: "I'm getting the rope out of the shed tonight".
    _p("suicidal", r"(?:rope|noose|gun|pills|tablets|blade)(?: [\w']+){0,5}? (?:tonight|for "
                   r"tonight|later tonight)(?= *(?:$|[.!?]))",
       after=r"(?:skipping|jump|climbing|tow|washing|clothes|tent|boat|dog's|vitamin|"
             r"vitamins|antibiotic|my|hay fever|allergy)"),
    # Gone by a time: "I won't be here this time next week."
    _p("not_here", r"(?:won't|will not) be (?:here|around|alive) (?:this time )?(?:next "
                   r"(?:week|month|year)|by (?:next|the end of the) (?:week|month|year))"
                   r"(?= *(?:$|[.!?]))", negatable=False),
    # Following someone who died by suicide: "my dad killed himself and I'm going to do
    # the same".
    _p("suicidal", r"(?:killed (?:himself|herself|themselves)|took (?:his|her|their) own life|"
                   r"died by suicide|committed suicide|hanged (?:himself|herself|themselves)|"
                   r"overdosed)(?: [\w',]+){0,8}? (?:i|i'm|i'll|i'd)(?: [\w']+){0,3}? (?:do the "
                   r"same|go the same way|follow (?:him|her|them)|end up the same)", own=False),
    # Done living, goodbye and sorry, and "I want to dye. I mean die."
    _p("not_here", r"(?:i'm|i am|im) (?:so |just |really )?done (?:living|existing|being alive)"
                   r"(?= *(?:$|[.!?;,]|now|anymore))", negatable=False),
    _p("suicidal", r"(?:goodbye|bye|farewell) (?:everyone|everybody|all|world|all of you)"
                   r"(?: [.,!])? (?:i'm|i am) (?:so |really )?sorry"
                   r"(?= *(?:$|[.!?]|for everything))"),
    _p("suicidal", r"want to [\w']+(?: [.,])? i mean (?:die|be dead|kill myself|end it)"),
    # Said indirectly (a sixth batch): going and not coming back, not seeing myself here next
    # year, goodbyes nobody knows are goodbyes, it all planned, not facing another day, the
    # funeral written out, staring at the pills, a favour by dying, my pain ended for good,
    # the knife hidden under my pillow, time to go for good, wanting to stop breathing.
    _p("not_here", r"(?:want|need|going|ready) to (?:just )?(?:go|leave|walk away|walk out|"
                   r"disappear|run away|slip away) and (?:not|never) (?:come back|return|be seen)"),
    _p("not_here", r"(?:don't|can't|cannot|do not) (?:really )?(?:see|imagine|picture) myself "
                   r"(?:being )?(?:here|alive|around|living)(?: [\w']+){0,2}? (?:next "
                   r"(?:year|month|week|christmas|birthday)|much longer|for long|in a "
                   r"(?:year|month)|by (?:christmas|then|the summer|the end of))", negatable=False),
    _p("suicidal", r"(?:saying|said|say) (?:my )?(?:goodbyes?|bye) (?:to (?:[\w']+ ){1,2})?without "
                   r"(?:them|anyone|anybody|people|her|him|everyone) (?:knowing|realising|"
                   r"realizing|noticing)"),
    _p("suicidal", r"(?:it's all|everything's|everything is|it's) (?:all )?(?:planned|sorted|"
                   r"arranged|decided|worked out)(?: [,.])? i know (?:exactly )?(?:what|how|when) "
                   r"i'm going to do(?: it)?(?= *(?:$|[.!?]))"),
    _p("hopeless", r"(?:can't|cannot|couldn't) (?:face|bear|do|take|handle) (?:another|one more) "
                   r"(?:day|morning|night|week)(?: of (?:this|living|life|being (?:alive|me)))?"
                   r"(?= *(?:$|[.!?;,]|like this|anymore|any more|alive))", negatable=False),
    _p("suicidal", r"(?:written|wrote|writing|write|made|make|sorted|chose|chosen|picked|planned) "
                   r"(?:out |down )?(?:what i want (?:at|for) my funeral|the (?:songs|music|hymns) "
                   r"for my funeral|my funeral (?:wishes|plans|songs|music))"),
    _p("suicidal", r"(?:" + _SUBST + r"|pill|knife|blade|razor|rope|gun|bottle of [\w']+)"
                   r"(?: [\w']+){0,8}? (?:keep|kept|been|sat|sit|sitting|can't stop) "
                   r"(?:staring|looking|gazing) at (?:it|them)"),
    _p("suicidal", r"(?:doing|do|did) (?:everyone|everybody|them|the world|my family|my [\w']+|"
                   r"all of them) a (?:favour|favor) (?:by (?:dying|killing myself|disappearing|"
                   r"ending it|not being here)|if i (?:died|was gone|wasn't here|killed myself|"
                   r"disappeared|ended it))"),
    _p("suicidal", r"(?:end|stop|finish) (?:my|the|this|all (?:my|the|this)) (?:pain|suffering|"
                   r"misery)(?: once and)? (?:permanently|forever|for good|for ever|once and for "
                   r"all)"),
    _p("self_harm", r"(?:hide|hiding|hid|hidden|keep|keeping|kept) (?:a|the|my) (?:knife|blade|"
                    r"razor|razor blade|rope|gun|pills|tablets) (?:under|in|inside) (?:my|the) "
                    r"(?:pillow|bed|mattress|room|bedroom|drawer|bag|wardrobe)"),
    _p("suicidal", r"time for me to go(?: [.,!])? (?:for good|forever|for ever|permanently)"),
    _p("suicidal", r"(?:want|wish|going|need|wanting|trying) to (?:just )?stop breathing"
                   r"(?= *(?:$|[.!?;,]|forever|for good|now|tonight))"),
    # A decision with nothing named: "I've made up my mind, I'm going to do it."
    _p("suicidal", r"(?:made up my mind|my mind's made up|my mind is made up|i've decided|"
                   r"i have decided)(?: [,.])? (?:i'm|i am|i'll|i will) (?:really |finally |"
                   r"actually )?(?:going to |gonna )?(?:do|doing) it(?= *(?:$|[.!?]))"),
    # A plan said as how and when: "I've decided how I'm going to do it, and when".
    _p("suicidal", r"(?:decided|planned|worked out|figured out|picked|chosen|know|knew) "
                   r"(?:exactly )?(?:how|when|where) (?:i'm going to|i am going to|i'll|i will|"
                   r"i'd|i would) do it(?: [,.])?(?: and (?:when|where|how))?"
                   r"(?= *(?:$|[.!?;]))"),
    # The means in front of the speaker or looked at for long: "I've got the pills in front
    # of me", "I looked at the pills for an hour tonight".
    _p("suicidal", r"(?:i've got|i have|i've|i got|got|there's|there are) (?:the|my|all the|all my|"
                   r"all of my) " + _SUBST + r" (?:in front of me|lined up|counted out|laid out)"
                   r"(?= *(?:$|[.!?;,]|again|right now|now|tonight))"),
    _p("suicidal", r"(?:looked|looking|stared|staring|sat looking) at (?:the|my|all (?:the|my)) "
                   + _SUBST + r" (?:for (?:an hour|hours|ages|so long|a long time|half the night)|"
                   r"all (?:night|evening)|again tonight)"),
    # Saved up by not taking them: "I've stopped taking my meds so I can save them all up".
    _p("suicidal", _SUBST + r"(?: [\w']+){0,6}? (?:save|saving|stockpile|stockpiling|hoard|"
                            r"hoarding|stash|stashing|collect|collecting) (?:them|it|those|these)"
                            r"(?: all)?(?: up)?(?= *(?:$|[.!?;,]|for (?:later|tonight|when i)))",
       unless=r"in (?:the|a|my) (?:box|cupboard|drawer|cabinet|organi[sz]er)"),
    # Stepping off where it would be the end: "when I'm on the platform I think about just
    # stepping off".
    _p("suicidal", r"(?:platform|edge|ledge|bridge|roof|cliff|balcony|tracks|top floor)"
                   r"(?: [\w']+){0,8}? " + _WANT + r"(?:step|stepping|jump|jumping|fall|falling|"
                   r"lean|leaning|go|going) (?:off|over|forward)(?= *(?:$|[.!?;,]))"),
    # Death as the only way: "the only way is to die", "the only option left is ending it".
    _p("hopeless", r"only (?:way|option|answer|solution|choice|way out|thing left)(?: left)?"
                   r"(?: for me)? (?:is|would be|'d be|seems to be|i can see is) (?:to )?"
                   r"(?:die|dying|death|suicide|kill myself|killing myself|end it|ending it|"
                   r"end my life|ending my life|not be here|not exist)",
       negatable=False, unless=_DYE_UNLESS),
    # Being gone would be fine: "If I don't wake up tomorrow, that's fine by me".
    _p("not_here", _IF_GONE_ANY_TIME + r"(?: [\w']+){0,2}?(?: ,)? (?:that's|that is|it's|it is|"
                   r"that'd be|that would be|it'd be|it would be) (?:totally |completely |"
                   r"honestly |just )?(?:fine|okay|ok|alright|good) (?:by|with) me|"
                   + _IF_GONE_ANY_TIME + r"(?: [\w']+){0,2}?(?: ,)? (?:i'd|i would|i'll|i will|"
                   r"i'm) (?:honestly |totally |just )?(?:be )?(?:fine|okay|ok|alright|at peace|"
                   r"happy) with (?:that|it)", negatable=False),
    # Goodbyes: a pet rehomed so it is looked after, "tell my sister I'm sorry", "I just
    # wanted to say goodbye before I go", "you won't have to listen to me after tonight",
    # the will and everything in order.
    _p("suicidal", r"(?:given away|give away|giving away|gave away|rehomed|rehoming|rehome|found "
                   r"(?:a )?(?:new )?homes? for) my (?:cat|cats|dog|dogs|pets?|rabbits?|budgie|"
                   r"hamster|fish|birds?|parrot|horse|kitten|puppy)(?: [\w']+){0,3}? (?:so "
                   r"(?:she'll|he'll|they'll|it'll|she|he|they|it) (?:will )?be (?:looked after|"
                   r"taken care of|cared for|okay|alright|safe|loved)|before i (?:go|die|do it|"
                   r"leave for good)|for when i'm gone)",
       unless=r"when|while|because (?:we're|i'm|we are|i am) moving|as (?:we're|i'm) moving"),
    _p("suicidal", r"tell (?:my [\w']+|them|everyone|everybody|him|her|the kids|my family)"
                   r"(?: that)? (?:i'm|i am) (?:so |really |truly )?sorry"
                   r"(?= *(?:$|[.!?;]|for everything|for all of it|for all this))"),
    _p("suicidal", r"(?:i )?(?:just )?(?:wanted|want|needed|need) to say (?:goodbye|bye|my "
                   r"goodbyes)(?: to (?:you|everyone|everybody))? before i go(?= *(?:$|[.!?]))"),
    _p("suicidal", r"(?:won't|will not|never) (?:have to |need to )?(?:listen to|put up with|deal "
                   r"with|worry about|look after|hear from|bother with|see) me (?:after "
                   r"(?:tonight|today|this|tomorrow)|much longer|for much longer|ever again)"
                   r"(?= *(?:$|[.!?;,]))", negatable=False),
    _p("suicidal", r"(?:will|affairs|funeral|passwords|insurance|goodbyes?|letters)"
                   r"(?: (?:[\w']+|,)){0,6}? (?:it's|everything's|everything is|it is|all|things "
                   r"are|it's all) (?:all )?(?:in order|sorted|taken care of)(?: now| for them)?"
                   r"(?= *(?:$|[.!?]))"),
    # Deserving pain: "I deserve to be hurt, so I do it myself".
    _p("self_harm", r"(?:i|i've|i think i|i feel like i|i feel i|i know i) (?:really |just )?"
                    r"deserve(?:d)? (?:to (?:be hurt|hurt|suffer|feel pain|be in pain|bleed|be "
                    r"punished|get hurt)|(?:the )?pain)(?= *(?:$|[.!?;,]|so|and|for))",
       unless=r"for (?:eating|being late|forgetting|missing|that|this|the|my|not)"),
    # Blades kept, scars opened: "a razor blade hidden in my room", "picking at the scars
    # again, I want them to bleed".
    _p("self_harm", r"(?:razor blades?|blades?) (?:[\w']+ )?(?:hidden|stashed|saved|hid|tucked "
                    r"away)", unless=r"in (?:the|its) (?:handle|case|tool|sheath)"),
    _p("self_harm", r"(?:pick|picking|picked|reopen|reopening|reopened|open|opening|opened|"
                    r"scratch|scratching) (?:at )?(?:the|my|old) (?:scars|cuts)"
                    r"(?= *(?:$|[.!?;,]|again|on purpose|until))"),
    _p("self_harm", r"(?:want|wanted|wanting|need|needed|make|made|making) (?:them|it|my (?:arms?|"
                    r"skin|scars|cuts|wrists?|legs?|thighs?)|the (?:scars|cuts)) (?:to )?bleed"),
)
_PATTERNS = (*_BASE_PATTERNS,
             *(_p(kind, pattern, **options) for kind, pattern, options in (*MORE, *INDIRECT)))

# Between a denial and the words it denies: "not really going to", "never ever".
# No pronouns: crossing "I" means a new clause ("no I want to die").
_GAP_WORDS = """am is was would will could should do does did be been being going to want
    wanted wanting ever really actually seriously honestly truly feel feeling felt like plan
    planning intend intending try trying think thinking thought about of have had any at all
    even consider considering a an the that again plans plan intention intentions thoughts
    urge urges desire take taking commit committing attempt attempting having anything doing"""
_GAP = frozenset(_GAP_WORDS.split())
_DENIALS = frozenset({"not", "never", "don't", "doesn't", "didn't", "won't", "wouldn't",
                      "isn't", "wasn't", "ain't", "haven't", "hasn't", "hadn't"})
# "no" only denies a noun: "I have no plans to kill myself", "no thoughts of suicide".
_NO_NOUNS = frozenset({"plans", "plan", "intention", "intentions", "thoughts", "thought",
                       "urge", "urges", "desire", "wish", "wishes"})
# After a denial, "but" with one of these means the denial is not the whole story.
_BUT_MORE = frozenset({"tonight", "today", "now", "recently",  # a relapse: "... but tonight"
                       "do", "might", "will", "sometimes", "part", "still", "did", "have",
                       "maybe", "am", "think", "worry", "could", "can't", "lately", "often"})
# Someone else as the subject: "she wanted to die", "my neighbour overdosed", "he says
# he's suicidal". Not "you" or "we", which often mean the speaker.
_THEY_WORDS = """he she they he's she's they're they've he'd she'd they'd he'll she'll
    they'll his her their him them friend friend's mum mom dad mother father brother
    sister son daughter cousin aunt uncle nan gran grandma grandad grandpa grandmother
    grandfather neighbour neighbor colleague partner husband wife boyfriend girlfriend
    teacher student patient client man woman guy girl boy kid teenager teen person
    celebrity singer actor character soldier mum's dad's brother's sister's
    dog cat pet horse rabbit hamster puppy kitten budgie parrot plant plants flowers
    someone somebody anyone people"""
_THEY = frozenset(_THEY_WORDS.split())
_ANYONE = frozenset({"someone", "somebody", "anyone", "people"})
_I_AM = frozenset({"i'm", "im", "am", "i", "like", "feel"})
# Between that subject and the words: "she has been", "he says he", "my cousin nearly".
_THEY_GAP_WORDS = """who who's is was has had been be would just really also even always still
    a an takes took tried attempted died by
    apparently probably nearly almost once says said thinks keeps kept"""
_THEY_GAP = frozenset(_THEY_GAP_WORDS.split())
_SPEAKER = frozenset({"i", "i'm", "i'd", "i've", "i'll", "me", "my", "myself", "mine"})
_SHORTHAND = {"kms": "kill myself", "unalive": "kill", "unaliving": "killing", "od": "overdose",
              "wanna": "want to", "wana": "want to"}


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


def _someone_else(toks: list[str], start: int, end: int) -> bool:
    """The words are said of another person: "she wants to die", "my cousin overdosed",
    "he says he's suicidal". Never when they name the speaker ("they'd be better off
    if I was gone", "part of me wants to die")."""
    if _SPEAKER.intersection(toks[start:end]):
        return False
    i = start - 1
    while i >= 0 and toks[i] in _THEY_GAP:
        i -= 1
    if i >= 1 and toks[i] in _ANYONE and toks[i - 1] in _I_AM:
        return False  # "i'm someone who's suicidal" is the speaker
    return i >= 0 and toks[i] in _THEY


def detect(text: str, mode: str | None = None) -> CrisisMatch | None:
    """The first words in ``text`` that signal danger, or None; read as written and, when
    the speaker names themselves in the third person ("your user wants to die"), as "I".
    ``mode`` ("answer" when Attune just asked how the person is) lets a bare "no point"
    count."""
    text = untypo(text)
    mine = first_person(text)
    found = _detect(text)
    if found is None and mine is not None:
        found = _detect(mine)
    if found is None:  # by concept, for the ways of saying it no pattern names yet
        joined = " ".join(t for tok in words(mine or text)
                          for t in _SHORTHAND.get(tok, tok).split())
        said = backstop(joined)
        found = CrisisMatch(*said) if said is not None else None
        short = short_reply(joined, mode) if found is None else None
        found = CrisisMatch(short, "hopeless") if short is not None else found
    return found


def _detect(text: str) -> CrisisMatch | None:
    toks = [t for tok in words(text) for t in _SHORTHAND.get(tok, tok).split()]
    joined = " ".join(toks)
    for pattern in _PATTERNS:
        for m in pattern.regex.finditer(joined):
            if pattern.unless and pattern.unless.match(joined[m.end():]):
                continue
            if pattern.after and pattern.after.search(joined[:m.start()]):
                continue
            start = len(joined[:m.start()].split())
            end = start + len(m.group(0).split())
            if pattern.negatable and _denied(toks, start) and not _still_counts(toks, end):
                continue
            if pattern.own and _someone_else(toks, start, end):
                continue
            if recovered(joined[:m.end()], joined[m.end():]):
                continue
            if outside_cause(m.group(0), joined[m.end():]):
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
