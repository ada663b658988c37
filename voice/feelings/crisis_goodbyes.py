"""Crisis patterns, second table: goodbyes and putting things in order, notes and last words,
picturing it, self-harm now or in the past and its marks, what I might do to myself, not
surviving, wishing something would hit me.

Read in order by :func:`voice.feelings.crisis.detect`, after the tables before it.
"""

from __future__ import annotations

from voice.feelings.crisis_pattern import CrisisPattern
from voice.feelings.crisis_pattern import rule as _p
from voice.feelings.crisis_words import (
    ACCIDENT,
    BODY,
    DIE_OF,
    DYE_UNLESS,
    FELL,
    GETS_BAD,
    LIVE,
    LIVE_UNLESS,
    ME,
    TOPIC,
    WISH,
)

GOODBYES: tuple[CrisisPattern, ...] = (
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
       after=DIE_OF + r"(?: [\w',]+){0,6}?"),
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
       unless=ACCIDENT),
    _p("suicidal", r"(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|death|"
                   r"being dead|not being here|not existing|not waking up)",
       unless=DYE_UNLESS + r"|of (?:my|her|his|a|the)"),
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
       unless=DYE_UNLESS + r"|with (?:him|her|them)"),
    _p("suicidal", r"(?:come|came|go|turn up|show up) to my funeral|"
                   r"(?:planning|planned|plan|imagining|picturing) my (?:own )?(?:funeral|death|"
                   r"suicide)"),
    # Self-harm, now or in the past ("I self-harmed last night", "I cut again").
    _p("self_harm", r"(?:hurt|hurting|hurts|harm|harming|harmed|harms|cut|cutting|burn|burning|"
                    r"burned|burnt|injure|injuring|injured|starve|starving|starved|scratch|"
                    r"scratching|scratched|hit|hitting) " + ME,
       unless=ACCIDENT, after=FELL),
    _p("self_harm", r"self (?:harm|harming|harmed|harms|injury|injuries|injure|injured|"
                    r"injuring|mutilation|mutilate|mutilated|mutilating)", after=TOPIC),
    _p("self_harm", r"(?:cutting|cut|burning|burn|burned|burnt) my (?:arms?|wrists?|legs?|skin|"
                    r"thighs?|stomach|hips?)(?: again)?", unless=ACCIDENT),
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
                    r"(?:" + ME + r"|my (?:own )?" + BODY + r")(?: [\w']+){0,3}? "
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
                    r"for (?:when|if) " + GETS_BAD),
    _p("suicidal", r"(?:rope|gun|noose)(?: [\w']+){0,5}? for (?:when|if) " + GETS_BAD),
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
                    + BODY, unless=r"from|after|because|when|while"),
    _p("self_harm", r"(?:hide|hiding|hid|cover|covering|covered)(?: up)? (?:my|the) "
                    r"(?:cuts|self harm)|(?:hide|hiding|hid|cover|covering)(?: up)? my scars"),
    _p("self_harm", r"(?:knife|blade|razor|razor blade|scissors|glass|shard) (?:to|against|on|"
                    r"across|over|into) my (?:wrists?|throat|neck|veins|arms?|skin|thighs?)"),
    _p("self_harm", r"(?:saved|saving|hid|hide|hidden|hiding|stashed|stashing|collect|"
                    r"collecting|collected|hoarding|hoarded|stockpiling|stockpiled) (?:away )?"
                    r"(?:some |a |my |the )?(?:new )?(?:razor blades|blades|blade)|"
                    r"(?:razor blades|blades) (?:[\w']+ )?(?:hidden|stashed|saved)"),
    _p("not_here", r"don't (?:really |even |ever )?(?:want|wish) to " + LIVE,
       negatable=False, unless=LIVE_UNLESS),
    _p("not_here", r"(?:not sure|don't know|don't think|unsure) (?:if |whether |that )?"
                   r"i (?:even |still |really )?(?:want|wish) to " + LIVE,
       negatable=False, unless=LIVE_UNLESS),
    _p("not_here", r"(?:want|wants|wanting|wish|wishing|need|rather|i'd like|would like|"
                   r"i'd love|would love) (?:to )?(?:just )?"
                   r"(?:not (?:exist|be alive|be here|be around|live|wake up|be in this world)|"
                   r"cease to exist|be gone|be nothing|stop being alive)",
       unless=LIVE_UNLESS + r"|by|from|when|until|till|while"),
    _p("not_here", WISH + r" (?:that )?i (?:was|were) (?:never born|not born|not alive|"
                   r"not here|gone|never here)"),
    _p("not_here", WISH + r" (?:that )?i (?:wasn't|weren't) (?:alive|born|here|around)"),
    _p("not_here", WISH + r" (?:that )?(?:i|i'd) (?:had )?never (?:been born|existed|lived|"
                   r"woken up|woke up)"),
    _p("not_here", WISH + r" (?:that )?i (?:didn't|don't|could) (?:just )?(?:exist|not exist|"
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
              r"when|during|again (?:in|at)|(?:this|that|so) (?:early|late)"),
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
)
