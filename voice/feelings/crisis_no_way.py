"""Crisis patterns, third table: death as a way out or a relief, gone with nothing after it,
a burden who should go, the last word, no future and no hope, no way out, nobody noticing
if I died.

Read in order by :func:`voice.feelings.crisis.detect`, after the tables before it.
"""

from __future__ import annotations

from voice.feelings.crisis_pattern import CrisisPattern
from voice.feelings.crisis_pattern import rule as _p
from voice.feelings.crisis_words import DYE_UNLESS, IF_GONE, IF_GONE_ANY_TIME, WAY_OUT_UNLESS

NO_WAY: tuple[CrisisPattern, ...] = (
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
       unless=r"on|than|trying|fighting|for|in|with|" + DYE_UNLESS),
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
                   r"not being here|death)", unless=DYE_UNLESS),
    _p("not_here", IF_GONE + r"(?: [\w']+){0,2}? (?:it'd|it would|that'd|that would|it'll|"
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
                   r"(?:just )?(?:sleep|fall asleep|go to sleep) forever",
       unless=r"(?:on|at) (?:\w+days|weekends?|the weekend)"),  # a lie-in
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
                   r"myself)", negatable=False, unless=r"and taxes|" + DYE_UNLESS),
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
       unless=WAY_OUT_UNLESS),
    _p("hopeless", r"no (?:other )?(?:way out|escape)", negatable=False,
       unless=WAY_OUT_UNLESS + r"|from (?:the|this|that) (?!pain|feeling|feelings|hell|life|"
              r"misery|despair|darkness|loneliness|thoughts)"),
    _p("hopeless", r"only way (?:out|to (?:make (?:it|this|the pain|everything) stop|"
                   r"stop (?:the|this) pain|escape))", negatable=False, unless=WAY_OUT_UNLESS),
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
    _p("hopeless", IF_GONE_ANY_TIME + r"(?: [\w']+){0,3}?(?: ,)? (?:nobody|no one|noone|"
                   r"would anyone|would anybody|would they|would people|would it|who would|who'd|"
                   r"anyone would|people wouldn't|they wouldn't|it wouldn't|no one's|"
                   r"nobody's|does anyone|would my)(?: [\w']+){0,3}? (?:notice|care|miss|cry|"
                   r"realise|realize|matter)", negatable=False),
    _p("hopeless", r"(?:nobody|no one|noone|anyone|anybody|people|they|who|who'd|it|would it)"
                   r"(?: [\w']+){0,3}? (?:notice|care|miss me|cry|realise|realize|"
                   r"matter) " + IF_GONE, negatable=False),
    _p("hopeless", r"(?:give|giving|given|gave) up on (?:life|living|being alive|staying alive|"
                   r"everything|ever getting better|getting better|the future)"),
    _p("hopeless", r"(?:wouldn't|won't|not) (?:even )?be missed", negatable=False),
    _p("hopeless", r"(?:not sure|doubt) (?:if |that )?(?:i'd|i would|anyone would) "
                   r"(?:be missed|miss me)", negatable=False),
    _p("hopeless", r"(?:no one|nobody) would (?:even )?notice if i (?:was|were|died|"
                   r"disappeared)", negatable=False),
)
