"""Word groups shared by the crisis patterns (:mod:`voice.feelings.crisis_direct` and the
other tables): the speaker's "myself", accidents and sports, topics, what people take
too much of, being away, wishes, means and the ways out that are places.
"""

from __future__ import annotations

ME = r"(?:myself|my self)"
# "Myself" as a recognizer mishears it, only after killing and hurting verbs
# ("I want to kill my shelf"): "I cut my shelf to size" is woodwork.
ME_HEARD = r"(?:myself|my self|my shelf|mice elf|mice self)"
# Hurt at a sport is an injury: "I hurt myself at football on Saturday".
SPORT = (r"football|footy|rugby|hockey|netball|tennis|cricket|training|practice|rehearsal|"
          r"match|game|gym|yoga|pilates|boxing|karate|judo|swimming|cycling|dance class|"
          r"dancing|basketball|baseball|volleyball|squash|badminton|golf|athletics|parkrun|"
          r"the park|five a side|soccer|skate ?park|climbing wall")
ACCIDENT = (r"shaving|cooking|chopping|playing|laughing|on (?:a|the|some)|by accident|"
             r"(?:a|another|some)(?: [\w']+)? (?:slice|piece|bit|chunk|wedge|portion|sliver|"
             r"helping|share|sandwich|fringe)|"
             r"off from|loose|free|"
             r"accidentally|"
             r"at the gym|at work|lifting|running|falling|skiing|gardening|working out|"
             r"(?:at|during|in) (?:the |a |my )?(?:" + SPORT + r")|"
             r"in the kitchen|with a knife while|"
             r"with (?:a|the|my) [\w']+(?: [\w']+)? (?:by accident|by mistake|accidentally)")
# When it gets bad: "... for when it gets bad", "... if the urges come back".
GETS_BAD = (r"(?:it|things|i|everything|the urge|the urges|the thoughts)(?: [\w']+)? "
             r"(?:gets?|get|feel|feels|becomes?|comes?|come) (?:too |really |so )?(?:bad|worse|"
             r"too much|unbearable|like this|back|strong|dark)")
# An accident just before: "I fell off my bike and hurt myself", "slipped and cut myself".
FELL = (r"(?:fell|fall|falls|falling|tripped|trip|slipped|slip|crashed|stumbled|came off)"
         r"(?: [\w']+){0,5}? and(?: really| badly| properly)?")
# Suicide as a topic or as news: "a song about suicide", "a book about self-harm for my
# course", "there was a suicide on the line this morning".
TOPIC = (r"(?:songs?|films?|movies?|books?|documentar(?:y|ies)|articles?|podcasts?|shows?|"
          r"episodes?|lectures?|essays?|course|class|module|talks?|videos?|series|stor(?:y|ies)|"
          r"reports?|poems?|plays?|novels?|study|studies|paper|leaflets?|news|programmes?|"
          r"programs?|seminars?|assignment|project|presentation|research|chapter|campaign|"
          r"lesson|workshop)(?: (?:is|was|are|were|all|mostly|partly))? (?:about|on|regarding)|"
          r"there (?:was|were|has been|have been|is) (?:a|another|two|three|several|some)|"
          r"there's been (?:a|another)")
# ("I don't want to be a live anymore" is "alive" as a recognizer hears it.)
LIVE = (r"(?:be alive|live|exist|be here|be around|go on|keep going|keep living|wake up|"
         r"be in this world|be on this earth|stay alive|be a live(?! (?:in|show|music|band|"
         r"stream|broadcast|wire|gig|audience|recording|event)\b))")
# "I don't want to be here at this party", "... live in this town", "... wake up early".
# Times are not excluded: "I don't want to wake up tomorrow" counts.
LIVE_UNLESS = (r"at|with|for|during|early|so early|before|alone|"
                r"near|there|to (?:work|school|the)|on (?:a|the|holiday|vacation|that)|"
                r"in (?:a|the|this|my|that) (?!world|life|body|planet|pain|agony|misery|hell|"
                r"darkness|state|way|constant|kind of)")

# What people take too much of.
SUBST = (r"(?:pills|tablets|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|painkillers|"
          r"meds|medication|medicine|sleeping (?:pills|tablets)|antidepressants|insulin|codeine|"
          r"opioids|benzos|diazepam|co codamol|pain killers|prescriptions?|prescription pills)")
BODY = (r"(?:arms?|wrists?|legs?|skin|thighs?|stomach|belly|hips?|chest|face|hands?|fingers?|"
         r"knuckles|ankles?|feet|body|head)")
# Being away is only gone for good without a time or place after it: "... if I wasn't
# here when he gets home", "... if I disappeared for a week", "... if I'm not here at six".
AWAY_END = (r"(?! (?:when|while|until|till|by|at|during|on|for (?:a|an|the|this|that|one|two|"
             r"a few|dinner|lunch|tea|breakfast)|in (?:the|a|this|that) (?!world)|tomorrow|"
             r"tonight|today|this|next|later|yet|either|in time)\b)")


def if_gone(away_end: str) -> str:
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


IF_GONE = if_gone(AWAY_END)
# Followed by "nobody would notice", a time does not make it a plan for the week.
IF_GONE_ANY_TIME = if_gone("")
# "thinking about dying my hair", "okay with dying it blue".
DYE_UNLESS = (r"(?:my|her|his|your|their|the|some) (?:hair|clothes|jeans|shirt|dress|shoes|"
               r"fabric|wool|eggs|t shirt|top|fringe|roots|beard)|(?:it|them) (?:blue|red|"
               r"black|green|pink|purple|brown|blonde|a|another)")
# Dying of something that does not kill: "if I die of boredom in this meeting, ...".
DIE_OF = (r"(?:die|dying|died|dead) (?:of|from) (?:boredom|embarrassment|laughter|laughing|"
           r"cringe|shame)")
# Wishing, once or again and again: "I wish I was dead", "I keep wishing I was never born".
WISH = r"(?:wish|wishing|wished)"
# "rather be dead than feel like this" counts; "rather die than go to that party" does not.
THAN_IDIOM = (r"than (?!(?:feel|feeling|live|living|keep|go on|going on|carry on|carrying on|"
               r"be like this|be me|exist|existing|suffer|suffering|wake up|be alive|stay alive|"
               r"continue|hurt like this|be in (?:this|so much) pain|spend (?:another|one more)|"
               r"face (?:another|one more) day|another day|one more day)\b)")
# A wish, plan or thought before a means ("I keep thinking about driving into a wall");
# without one, "I drove into a ditch" is an accident.
WANT = (r"(?:want|wants|wanted|wanting|going|planning|plan|plans|planned|ready|tempted|urge|"
         r"urges|need|think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|imagine|"
         r"imagining|picture|picturing|dream|dreaming|considered|considering|consider|"
         r"could|should|might|i'll|i will|wish i could|how easy it would be|how easy it'd be) "
         r"(?:about |of |to |on )?(?:just )?")
MEANS = (r"(?:(?:drive|driving|crash|crashing|swerve|swerving|steer|steering)"
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
WAY_OUT_UNLESS = (r"of (?:the|this|that|our|my|a|here) (?!(?:pain|feeling|feelings|hell|life|"
                   r"mess|situation|hole|darkness|misery|despair|depression|loneliness|head|"
                   r"mind|body|thoughts|cycle|place|world|and|but|so|i|i'm|except|other than|"
                   r"apart from|besides|for me|for us|anymore|any more)\b|[.!?;,]|$)|"
                   r"is (?:the|a|by|past|down|up|over|via|through|to go through|round|around|"
                   r"on|at|left|right|that door|this way|that way)|(?:except|but) (?:the|"
                   r"through) (?:back|front|side|fire)|(?:sign|door|exit)")
