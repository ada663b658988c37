"""Crisis patterns, fifth table: indirect phrasings of a sixth batch (going and not coming
back, goodbyes nobody knows are goodbyes, it all planned, a decision with nothing named,
the means in front of me, pills saved by not taking them, stepping off, death as the only
way, deserving pain, blades kept and scars opened).

Read in order by :func:`voice.feelings.crisis.detect`, after the tables before it.
"""

from __future__ import annotations

from voice.feelings.crisis_pattern import CrisisPattern
from voice.feelings.crisis_pattern import rule as _p
from voice.feelings.crisis_words import DYE_UNLESS, IF_GONE_ANY_TIME, SUBST, WANT

LATER: tuple[CrisisPattern, ...] = (
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
    _p("suicidal", r"(?:" + SUBST + r"|pill|knife|blade|razor|rope|gun|bottle of [\w']+)"
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
                   r"all of my) " + SUBST + r" (?:in front of me|lined up|counted out|laid out)"
                   r"(?= *(?:$|[.!?;,]|again|right now|now|tonight))"),
    _p("suicidal", r"(?:looked|looking|stared|staring|sat looking) at (?:the|my|all (?:the|my)) "
                   + SUBST + r" (?:for (?:an hour|hours|ages|so long|a long time|half the night)|"
                   r"all (?:night|evening)|again tonight)"),
    # Saved up by not taking them: "I've stopped taking my meds so I can save them all up".
    _p("suicidal", SUBST + r"(?: [\w']+){0,6}? (?:save|saving|stockpile|stockpiling|hoard|"
                            r"hoarding|stash|stashing|collect|collecting) (?:them|it|those|these)"
                            r"(?: all)?(?: up)?(?= *(?:$|[.!?;,]|for (?:later|tonight|when i)))",
       unless=r"in (?:the|a|my) (?:box|cupboard|drawer|cabinet|organi[sz]er)"),
    # Stepping off where it would be the end: "when I'm on the platform I think about just
    # stepping off".
    _p("suicidal", r"(?:platform|edge|ledge|bridge|roof|cliff|balcony|tracks|top floor)"
                   r"(?: [\w']+){0,8}? " + WANT + r"(?:step|stepping|jump|jumping|fall|falling|"
                   r"lean|leaning|go|going) (?:off|over|forward)(?= *(?:$|[.!?;,]))"),
    # Death as the only way: "the only way is to die", "the only option left is ending it".
    _p("hopeless", r"only (?:way|option|answer|solution|choice|way out|thing left)(?: left)?"
                   r"(?: for me)? (?:is|would be|'d be|seems to be|i can see is) (?:to )?"
                   r"(?:die|dying|death|suicide|kill myself|killing myself|end it|ending it|"
                   r"end my life|ending my life|not be here|not exist)",
       negatable=False, unless=DYE_UNLESS),
    # Being gone would be fine: "If I don't wake up tomorrow, that's fine by me".
    _p("not_here", IF_GONE_ANY_TIME + r"(?: [\w']+){0,2}?(?: ,)? (?:that's|that is|it's|it is|"
                   r"that'd be|that would be|it'd be|it would be) (?:totally |completely |"
                   r"honestly |just )?(?:fine|okay|ok|alright|good) (?:by|with) me|"
                   + IF_GONE_ANY_TIME + r"(?: [\w']+){0,2}?(?: ,)? (?:i'd|i would|i'll|i will|"
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
