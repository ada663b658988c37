"""Crisis patterns, fourth table: how it is said late at night in few words (done, can't
anymore, it all stopping, no tomorrow), means asked about or at hand, plans and the night,
unsaid goodbyes, self-harm said indirectly, algospeak, later in life, a means seen in a
new way, following someone who died by suicide.

Read in order by :func:`voice.feelings.crisis.detect`, after the tables before it.
"""

from __future__ import annotations

from voice.feelings.crisis_pattern import CrisisPattern
from voice.feelings.crisis_pattern import rule as _p
from voice.feelings.crisis_words import AWAY_END, IF_GONE, SUBST

FEW_WORDS: tuple[CrisisPattern, ...] = (
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
                   r"strip)s? of|all (?:of )?(?:my|these|those|the)) (?:[\w']+ )?" + SUBST +
                   r" (?:be |is |are |would be |will be )?enough(?= *(?:$|[.!?;,]|to (?:die|"
                   r"kill|do it|end it|not wake|never wake|overdose|od)))"),
    _p("suicidal", r"(?:painless|least painful|most painless|peaceful|most peaceful|gentlest|"
                   r"quickest painless|quiet) (?:way|ways|method|methods) (?:to (?:go|die|do it|"
                   r"end it|end things|pass)|of (?:dying|going|ending it))"
                   r"(?= *(?:$|[.!?;,]|quickly|in|at|for|if|without))"),
    _p("suicidal", r"(?:i've got|i have|i've|i got|got) (?:like |about |around |over |"
                   r"at least )?(?:\d\d+|twenty|thirty|forty|fifty|sixty|a hundred|hundreds of|"
                   r"a (?:whole |full )?(?:bottle|packet|box|stash|pile|handful)s? of|loads of|"
                   r"all my|all of my) (?:[\w']+ )?" + SUBST + r" (?:here|with me|in front of me|"
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
                   r"dead|not here|not around|no longer (?:here|around))" + AWAY_END + r"|i die)"),
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
                    r"scissors|compass|sharpener|glass)",
       unless=r"(?:, |to |for )?shav\w*"),  # "... with the razor, shaved my head"
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
                   r"alright|better|manage|cope|get by|be happier) (?:[\w']+ )?" + IF_GONE),
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
)
