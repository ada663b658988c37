"""Crisis patterns, first table: saying it straight (killing myself, suicide, wanting to die or
not to live), for good and out of life, joining the dead, being a burden and the world
after me, worth more dead, overdoses, means and plans, the place, a means in sight.

Read in order by :func:`voice.feelings.crisis.detect`, after the tables before it.
"""

from __future__ import annotations

from voice.feelings.crisis_pattern import CrisisPattern
from voice.feelings.crisis_pattern import rule as _p
from voice.feelings.crisis_words import (
    AWAY_END,
    DYE_UNLESS,
    IF_GONE,
    ME_HEARD,
    MEANS,
    SUBST,
    THAN_IDIOM,
    TOPIC,
    WANT,
    WISH,
)

DIRECT: tuple[CrisisPattern, ...] = (
    _p("suicidal", r"(?:kill|killing|killed|kills) " + ME_HEARD,
       unless=r"laughing|working|at work|at the gym|with work|over work"),
    # Not "it's suicide to drive in this snow", "suicide prevention", "a suicide mission".
    _p("suicidal", r"(?<!\bit's )(?<!\bthat's )(?<!\bit is )(?<!\bit'd be )(?<!\bit would be )"
                   r"(?<!\bthat would be )suicid(?:e|al)",
       unless=r"prevention|awareness|mission|missions|squad|bomber|bombers|bombing|bombings|"
              r"attack|attacks|doors|rates?|statistics|charity|charities|research|training|"
              r"run|runs|pass|to (?:drive|go|cycle|ride|walk|swim|play|try|climb|run)",
       after=TOPIC),
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
       unless=r"of (?:embarrassment|boredom|laughter|laughing|cringe)|laughing|" + DYE_UNLESS),
    _p("suicidal", r"i (?:should|ought to|need to|have to|must|might as well|may as well) "
                   r"(?:just |really |honestly )?die",
       unless=r"of|from|laughing|if|when|in (?:a|the)|before|trying|happy|old|rich"),
    _p("suicidal", r"(?:wish|wishing|hope|hoping|pray|praying) (?:that )?(?:i|i'd) "
                   r"(?:could |would |will |might )?(?:just )?die"),
    _p("suicidal", r"(?:want|wanted|wanting|wish|rather|sooner|deserve|deserves|deserved) "
                   r"(?:to )?be dead",
       unless=THAN_IDIOM),
    _p("suicidal", WISH + r" (?:that )?i (?:was|were) dead"),
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
    _p("suicidal", WANT + r"(?:take|taking) the (?:easy|coward's|cowards|quick) way out"
                           r"(?= *(?:$|[.!?;,]|now|tonight|soon|again))"),
    # Joining the dead: "I just want to be with my mum again in heaven".
    _p("suicidal", r"(?:be with|join|see|meet|reunite with|be reunited with|go to|follow) "
                   r"(?:my [\w']+|him|her|them)(?: again)? (?:in heaven|on the other side|"
                   r"in the afterlife|up there|in the next life|wherever (?:he|she|they) "
                   r"(?:is|are|went))",
       unless=r"one day|someday|some day|when (?:it's|my) time|eventually|when i'm old"),
    _p("suicidal", r"(?:rather|sooner) die", unless=THAN_IDIOM),
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
                   r"blessing)(?: off)?(?: [\w']+){0,3}? " + IF_GONE),
    # ... and the other way round: "if I was gone they could finally be happy".
    _p("suicidal", IF_GONE + r"(?: ,)?(?: [\w']+){0,4}? (?:be (?:happy|happier|free|freer|"
                              r"fine|okay|better off|relieved|at peace)|move on|finally "
                              r"(?:live|relax|breathe)|have (?:peace|a life|a chance))"),
    # Worth more dead: "my wife would be better off with the life insurance".
    _p("suicidal", r"worth more (?:to (?:them|my family|everyone|her|him) )?dead"),
    _p("suicidal", r"(?:better off|richer) (?:with )?(?:the|my) (?:life )?insurance(?: money|"
                   r" payout)?|(?:get|gets|have|collect|cash in) (?:the|my) insurance(?: money|"
                   r" payout)? (?:" + IF_GONE + r"|when i(?:'m| am) (?:gone|dead)|when i die)|"
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
                   r"(?:(?:i'm|i am) (?:dead|(?:gone|not here|not around)" + AWAY_END + r")|"
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
                   + ME_HEARD),
    # "overdosed on chocolate" is too much of a treat
    _p("suicidal", r"overdos(?:e|ed|es|ing)",
       unless=r"on (?:the )?(?:chocolate|sugar|sweets|candy|cake|caffeine|coffee|junk food|netflix"
              r"|tv|telly|carbs|cheese|pizza|biscuits|cookies|crisps|chips|sun|sunshine)\b"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowed|swallowing) all (?:of )?(?:my|the|"
                   r"these|those) " + SUBST,
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
                   r"(?: of (?:my|the|these|those|[\w']+'s))?(?: [\w']+)? " + SUBST,
       unless=r"a (?:day|week|morning|night)|every|each|per|daily|in total|for (?:my|the)|"
              r"twice|three times|as prescribed|by (?:accident|mistake)|accidentally"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowed|swallowing|down|downed) (?:my|the) "
                   r"(?:whole|entire|full) (?:prescription|supply|stash|bottle|packet|box|pack|"
                   r"strip|month's supply)",
       unless=r"to|back|in|into|with me|out|course|as|on|for|of (?:antibiotics|biscuits|crisps|"
              r"sweets|chocolates?|cookies|gum|chewing gum|mints|crackers|doughnuts|donuts|"
              r"jelly babies|cereal|nuts|raisins|tissues|wipes|nappies|seeds|cigarettes|fags)"),
    _p("suicidal", SUBST + r"(?: [\w']+){0,8}? (?:thinking about|thought about|think about|"
                            r"tempted to|urge to|urges to|imagining|picturing|fantasi[sz]ing about|"
                            r"considering) (?:take|taking|swallow|swallowing) (?:them|it|the lot|"
                            r"all of them|them all)(?= *(?:$|[.!?;,]|all|at once|tonight|now))"),
    # All of them at once: "bought two boxes of paracetamol so I can take them all at once",
    # "I'm going to take every pill in the house", "all my pills lined up".
    _p("suicidal", SUBST + r"(?: [\w']+){0,8}? (?:take|taking|swallow|swallowing|down|neck) "
                            r"(?:them|these|those|the lot|them all|all of them|every one|"
                            r"everything)(?: all)? (?:at once|in one go|at the same time|together)",
       unless=r"with (?:food|water|breakfast|lunch|dinner|a meal)|in the morning|every|each"),
    _p("suicidal", r"(?:take|taking|took|swallow|swallowing|swallowed) (?:every|each) (?:single )?"
                   r"(?:pill|tablet|painkiller|sleeping pill|capsule)(?= (?:in|i|we|left|"
                   r"there|that)\b)",
       unless=r"(?:in )?(?:the )?(?:morning|evening|day|week)|i'm (?:given|prescribed)|"
              r"(?:that|i) (?:the|my) (?:doctor|gp|nurse)"),
    _p("suicidal", r"(?:counted|counting|count|lined|lining|laid|laying|lay|set|gathered|"
                   r"gathering) (?:out |up )?all (?:of )?(?:my|the|these|those) " + SUBST +
                   r"|all (?:of )?(?:my|the) " + SUBST + r" (?:lined up|laid out|counted out)",
       unless=r"for (?:the|my|tomorrow|each|a)|into|in (?:the|my|a) (?:pill|dosette|box|"
              r"organi[sz]er)"),
    _p("suicidal", r"(?:saved|saving|stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|"
                   r"squirrell?ed|squirrell?ing|stockpile|hoard|stash|set aside|put aside|"
                   r"put by)(?: (?!for\b|money\b)[\w']+){0,2}? " + SUBST,
       unless=r"for (?:after )?(?:the|my) (?:operation|op|surgery|procedure|dentist|trip|"
              r"journey|flight|holidays?|recovery|hospital stay)"),
    _p("suicidal", SUBST + r"(?: [\w']+)? (?:saved|stashed|stockpiled|hoarded|put aside|put by|"
                            r"set aside)(?! (?:me|my|us|him|her|them|his|their|your|our|"
                            r"lives|life)\b)"),
    _p("suicidal", r"(?:stash|stockpile|hoard) of (?:[\w']+ )?" + SUBST),
    _p("suicidal", r"(?:hide|hiding|hid|hidden) (?:some |my |the |all (?:of )?(?:my|the) )?"
                   + SUBST,
       unless=r"(?:in|inside) (?:the |his |her |its |a )?(?:dog's|cat's|food|cheese|treat|"
              r"treats|peanut butter|ham|yoghurt|jam)|from (?:the )?(?:kids|children|"
              r"grandchildren|dog|cat)"),
    _p("suicidal", r"(?:how many|how much|enough) (?:[\w']+ ){0,2}?" + SUBST +
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
                   r"(?:in|through) my (?:head|brain)", unless=THAN_IDIOM),
    _p("suicidal", r"(?:bought|buy|buying|got|getting|loaded|load|loading|found|have|own|"
                   r"holding|held|hold|took out|taken out|got out|sitting with|staring at) "
                   r"(?:a|the|my|[\w']+'s|my [\w']+'s|a loaded) (?:gun|pistol|revolver|shotgun|"
                   r"firearm|rifle)",
       unless=r"for (?:hunting|the range|shooting|work|the farm|clay)|licence|license|"
              r"at the (?:fair|range)"),
    _p("suicidal", WANT + MEANS),
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
    _p("suicidal", r"(?:" + SUBST + r"|drink|drinking|drugs|using)(?: [\w']+){0,6}? until i "
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
)
