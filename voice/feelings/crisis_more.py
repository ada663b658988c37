"""More kinds of crisis statement, kept apart from ``crisis`` so neither file grows too long.

Plain data: ``crisis`` compiles each entry with its own rules (a denial before the words
is respected unless ``negatable`` is False; ``unless`` tails and ``after`` accidents cancel
a match; ``own`` False lets the words name someone else). Written after a seventh writer's
phrasings (tuning only), each entry a kind of statement rather than one sentence:

* following a relative's suicide, said in many ways ("my dad did it and now I get why",
  "suicide runs in my family and I think I'm next", "I'll do what my mum did");
* can't carry on or do life anymore; trying again after an attempt; "I shouldn't be here";
* asking what is high enough or what it takes to die, pills with drink, the engine running
  in the garage, a day chosen, the means and a plan, everything needed to do it;
* not minding if I died, not caring whether I live or die, wanting it over, never wanting
  to feel anything again, hoping that's it for me;
* goodbyes to everyone, affairs sorted so nobody has to deal with it, things given away
  because I won't need them, gone by tomorrow, my last night, my last day on earth;
* finishing it or ending it tonight; slang: "top myself", "do myself in", "off myself",
  "kill me", "end myself", a bare "I want to dye".

Their twins stay out by a tail (a place, a task, a time with a reason) or by the sentence
ending where the danger does ("I'm finishing it tonight" counts, "finishing it tonight, the
jigsaw" does not: a comma and a thing after it name the task).
"""

from __future__ import annotations

from typing import Any

_REL = (r"(?:mum|mom|mother|dad|father|brother|sister|son|daughter|grandad|grandpa|grandma|"
        r"nan|gran|uncle|aunt|auntie|cousin|husband|wife|partner|boyfriend|girlfriend|"
        r"best friend|friend|twin|stepdad|stepmum|stepmom)")
# Someone who died by suicide, said plainly or as "did it".
_THEIR_SUICIDE = (r"(?:killed (?:himself|herself|themselves)|took (?:his|her|their) (?:own )?"
                  r"life|ended (?:his|her|their) (?:own )?life|died by suicide|committed suicide|"
                  r"hanged (?:himself|herself|themselves)|took an overdose|overdosed|"
                  r"suicide runs in (?:my|our|the) family|(?:he|she|they|my " + _REL + r") "
                  r"did it)")
# The speaker after them: "do the same", "I'm next", "now I get why", "want to as well".
_FOLLOW = (r"(?:do(?:ing)? the same(?: thing)?|go(?:ing)? the same way|head(?:ing)? the same "
           r"way|end up the same(?: way)?|follow(?:ing)? (?:him|her|them|in (?:his|her|their) "
           r"footsteps)|(?:am|i'm|i'll be|be) next|(?:get|understand|see) why|(?:want|wanna) to "
           r"(?:as well|too)|do what (?:he|she|they) did|join (?:him|her|them)|be with (?:him|her|"
           r"them))")
# Between "I" and what follows: any words but a denial ("I don't want to do the same").
_NOT_DENIED = r"(?: (?!(?:don't|won't|never|not|wouldn't|can't|couldn't|didn't)\b)[\w']+){0,5}?"
_END = r"(?= *(?:$|[.!?;]))"
_MEANS_HELD = (r"(?:rope|noose|belt|cord|pills|tablets|blade|razor|razor blade|knife|knives|gun|"
               r"shotgun)")
_END_COMMA = r"(?= *(?:$|[.!?;,]))"

# (kind, pattern, options for crisis_pattern.rule)
MORE: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("suicidal", _THEIR_SUICIDE + r"(?: [\w',]+){0,10}? (?:i|i'm|i'll|i'd|i've|me)"
                 + _NOT_DENIED + r" " + _FOLLOW, {"own": False}),
    ("suicidal", r"(?:my|his|her|their) (?:" + _REL + r"'?s?) suicide(?: [\w',]+){0,10}? (?:i|i'm|"
                 r"i'll|i'd|i've|me)" + _NOT_DENIED + r" " + _FOLLOW + r"|(?:my |our )?" + _REL
                 + r" (?:jumped|drowned|died that way|died like that|went that way)(?: [\w',]+)"
                 r"{0,10}? (?:i|i'm|i'll|i'd|i've|me)" + _NOT_DENIED + r" " + _FOLLOW, {}),
    ("suicidal", r"(?:i|i'm|i'll|i am|i will)" + _NOT_DENIED + r" do what my " + _REL
                 + r" did" + _END, {}),
    ("suicidal", r"(?:want|wanting|wish|ready|going) to (?:join|follow) my (?:late )?" + _REL
                 + r"(?: again)?(?: in heaven| up there| wherever (?:he|she|they) (?:is|are))?"
                 + _END, {}),
    ("suicidal", r"(?:be with|join) my (?:late )?" + _REL + r"(?: again)?(?: ,)? (?:he|she|they) "
                 r"(?:took|ended|killed) (?:his|her|their|himself|herself|themselves)", {}),
    # Can't carry on, can't do life.
    ("hopeless", r"can't (?:carry on|go on|keep going)(?: living)?(?: like this| anymore| any "
                 r"more)|can't (?:carry on|go on)" + _END + r"|can't (?:do|handle|cope with) "
                 r"(?:life|living|being alive|existing)(?: anymore| any more)?" + _END_COMMA,
     {"negatable": False}),
    # Trying again: "I've tried before and I think I'll try again."
    ("suicidal", r"(?:i've|i have) (?:tried|attempted)(?: it)? (?:before|once|twice|already)"
                 r"(?: [\w',]+){0,6}? (?:try|do it|attempt it) again", {}),
    ("not_here", r"(?:i|i really|i just) (?:shouldn't|should not) (?:even )?(?:be here|be alive|"
                 r"exist|be around|have been born)(?: anymore| any more| at all)?" + _END, {}),
    # Means: how high, what it takes, pills with drink, the engine in the garage.
    ("suicidal", r"(?:tallest|highest) (?:bridge|building|cliff|car park|multi storey|tower"
                 r"(?: block)?)s?(?: [\w']+){0,2}? (?:near me|around here|nearby|in town|near "
                 r"here|to jump)|(?:bridge|building|cliff|roof|drop|fall|car park|balcony|window)"
                 r"s? (?:is |are |would be |'s )?(?:high|tall) enough|how (?:high|far|long|much|"
                 r"many)(?: [\w']+){1,8}? to die(?! for)\b", {}),
    ("suicidal", r"(?:pills|tablets|painkillers|paracetamol|meds)(?: [\w']+){0,2}? and (?:a |"
                 r"some |the )?(?:bottle of |half a bottle of )?(?:vodka|whisky|whiskey|gin|rum|"
                 r"alcohol|booze|wine)" + _END_COMMA, {}),
    ("suicidal", r"garage(?: [\w']+){0,6}? (?:engine|motor) (?:running|on|still running)|"
                 r"(?:engine|motor) (?:running|on)(?: [\w']+){0,4}? garage|hose(?:pipe)?"
                 r"(?: [\w']+){0,4}? exhaust", {}),
    ("suicidal", r"(?:i've|i have|i) (?:chosen|picked|set|decided on|settled on) (?:a|the) "
                 r"(?:day|date|night|time)" + _END, {}),
    ("suicidal", r"(?:the )?means and (?:a |the |my )?plan|(?:a |the |my )?plan and the means|"
                 r"(?:got|have|bought|gathered|collected) everything (?:i need|i'll need|ready) "
                 r"to do it(?= *(?:$|[.!?;,]|tonight|now|today))", {}),
    # Not minding, not caring, wanting it over, never feeling again.
    ("not_here", r"if i (?:died|was dead|didn't wake up|never woke up|was gone)(?: [\w']+){0,2}?"
                 r"(?: ,)? i (?:wouldn't|would not|don't|do not) (?:mind|care)", {"negatable":
                                                                                   False}),
    ("hopeless", r"(?:care|matter|mind|bothered)(?: [\w']+){0,2}? (?:if|whether) i (?:live|"
                 r"survive|wake up) or (?:die|not)", {"negatable": False}),
    ("hopeless", r"(?:want|need|wish|wanting) (?:it|this|everything|my life|it all|the pain)"
                 r"(?: all)? (?:to be )?over(?: for good| forever| now)?" + _END, {}),
    ("hopeless", r"(?:don't|never) want to (?:feel|be able to feel) (?:anything|a thing|"
                 r"anything at all)(?: ever)? again|never want to feel anything(?: ever)? again|"
                 r"(?:go|be|stay) numb (?:forever|for good|for ever)", {"negatable": False}),
    ("not_here", r"(?:hoping|hope|pray|praying|wish|wishing) (?:that |this )?(?:that's|that is|"
                 r"it's|this is|it is) it for me", {}),
    # Goodbyes and last things.
    ("suicidal", r"(?:said|saying|say) (?:my )?goodbyes? to (?:everyone|everybody|all of them|"
                 r"my family|the kids|my kids|them all)(?: already| now)?" + _END, {}),
    ("suicidal", r"(?:affairs|things|stuff|everything)(?: [\w']+){0,3}? so (?:that )?(?:no one|"
                 r"nobody|they|my family|the kids) (?:has|have|will have|won't have|doesn't have|"
                 r"don't have|won't need) to (?:deal with|sort|clear|worry about|do)", {}),
    ("suicidal", r"(?:given|giving|gave|give) away(?: [\w',]+){1,6}? i (?:won't|will not|don't|"
                 r"wouldn't) (?:need|be needing) (?:them|it|any of it|those|that|anything)"
                 + _END, {"negatable": False}),
    ("not_here", r"(?:by|after) (?:tomorrow|tonight|the morning|morning|the weekend)(?: ,)? "
                 r"i'll (?:be )?(?:gone|dead|not be here|no longer be here)" + _END, {}),
    ("suicidal", r"(?:this|tonight|today) (?:will be|is going to be|is) my (?:very )?last "
                 r"(?:night|day)" + _END + r"|my (?:very )?last (?:day|night|week) "
                 r"(?:on earth|alive|on this earth|in this world)", {}),
    # Finishing it, ending it, tonight.
    ("suicidal", r"(?:i'm|i am|i'll|i will|going to) (?:just )?(?:finish|finishing|end|ending) "
                 r"it(?: all)?(?: (?:tonight|today|now|this week|this weekend|tomorrow|soon))?"
                 + _END + r"|(?:tonight|today) i(?: will| am going to|'m going to|'ll)? end it|"
                 r"it (?:all )?ends (?:tonight|today)" + _END, {}),
    # A second batch, said more indirectly.
    ("suicidal", r"(?:would|'d|will|could|might) be (?:so |much |a lot |far |way )?(?:simpler|"
                 r"easier|lighter|calmer|freer|fine|okay|alright)(?: for (?:everyone|them|her|him|"
                 r"all of them))? without me(?! (?:there|at|for|on|in|tonight|today|tomorrow|this|"
                 r"next|around (?:for|this|next|tomorrow)|for a (?:bit|while|day|week))\b)", {}),
    ("hopeless", r"(?:i'm|i am|i feel like i'm|i feel like i am|i'm only|i'm just) (?:just |only )?"
                 r"(?:taking up|wasting) (?:space|oxygen|air)" + _END_COMMA, {}),
    ("not_here", r"(?:easier|better|simpler|kinder|a relief)(?: for (?:everyone|everybody|them|all "
                 r"of us))? (?:if i|to) (?:just )?(?:not be here|not exist|not be around|not wake "
                 r"up|be gone|disappear|be dead|wasn't here|weren't here|didn't exist)"
                 + _END_COMMA,
     {}),
    ("suicidal", r"i (?:might|may) as well (?:just )?(?:be dead|end it|not be here|not exist|"
                 r"kill myself|give up on life|not bother living)", {}),
    ("suicidal", r"(?:pills|tablets|prescriptions?|meds|medication|paracetamol|painkillers)"
                 r"(?: [\w']+){0,4}? so (?:that )?i(?:'ve got| have| got| had) enough" + _END_COMMA
                 + r"|(?:bought|buying|buy|got|getting) (?:pills|tablets|paracetamol|painkillers|"
                 r"sleeping pills|aspirin|ibuprofen)(?: [\w']+)? (?:from|at|in) (?:two|three|four|"
                 r"five|several|lots of|loads of|different)(?: different)? (?:shops|chemists|"
                 r"pharmacies|stores|places|supermarkets)", {}),
    ("suicidal", r"(?:got|have|put|left|laid out|set out) (?:the|a|my) " + _MEANS_HELD
                 + r"(?: [\w']+){0,2}? (?:ready|out|waiting)" + _END + r"|(?:thinking|think|"
                 r"thought) about (?:the|that|a|my) " + _MEANS_HELD + r"(?: (?:in|under|on) "
                 r"(?:the|my) [\w']+| upstairs| downstairs)?" + _END + r"|" + _MEANS_HELD
                 + r"(?: [\w']+){0,5}? (?:and )?i keep (?:picking it up|holding it|looking at it|"
                 r"staring at it|touching it|taking it out|picking them up|looking at them)", {}),
    ("not_here", r"in case i'm (?:not here|gone|not around|dead|no longer here)(?: anymore)?"
                 + _END_COMMA, {}),
    ("suicidal", r"(?:will|wills)(?: [\w']+){0,3}? (?:and|,) (?:[\w']+ )?(?:written|wrote|"
                 r"writing|done|finished) (?:my |the )?(?:letters|notes|goodbyes)|(?:writing|"
                 r"written|wrote|write) (?:my|a|the) (?:very )?(?:last|final) (?:letter|note|"
                 r"message|words)(?: to (?:you|everyone|my family|my kids|them))?" + _END, {}),
    ("suicidal", r"(?:gave|given|giving|give) (?:away )?my (?:dog|dogs|cat|cats|pets?|rabbits?|"
                 r"budgie|parrot|horse)(?: [\w']+){0,4}?(?: ,)? (?:i|because i|as i) (?:won't|"
                 r"will not|can't|wouldn't) (?:be able to )?(?:look after|care for|take care of)",
     {"negatable": False}),
    ("hopeless", r"(?:tired|sick|fed up|exhausted|weary) of being (?:a|such a) (?:burden|drain)|"
                 r"(?:don't|do not) want to be (?:a|such a) burden (?:anymore|any more|to "
                 r"anyone|to anybody|to everyone|on anyone)", {"negatable": False}),
    ("not_here", r"(?:can't|don't|cannot) see myself (?:making it|being (?:here|around|alive)|"
                 r"living|surviving|lasting)(?: (?:to|until|till|past|through|for|by|at)(?: "
                 r"[\w']+){1,3})?" + _END + r"|(?:don't|do not) think i'll (?:be (?:here|around|"
                 r"alive)|make it|last|live) (?:for|to|until|till|by|at|past|through)(?: [\w']+)"
                 r"{1,3}" + _END, {"negatable": False}),
    ("self_harm", r"(?:went|cut|gone|going) (?:too|really|so|way too) deep(?= *(?:$|[.!?;,]|"
                  r"this time|again|tonight))", {}),
    ("suicidal", r"(?:taken|took|swallowed|had|necked|downed) (?:all|the whole lot of|every one "
                 r"of|all of|the whole (?:packet|box|bottle) of) (?:my |the |them |those )?"
                 r"(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills)",
     {"unless": r"for|this|today|with|at|before|after|like|as|on time|yet|already|earlier"}),
    ("suicidal", r"(?:when|once|after) i'm (?:dead|gone|not here|not around|no longer here)"
                 r"(?: ,)?(?: [\w']+){0,2}? (?:they'll|they will|everyone will|you'll|people will|"
                 r"she'll|he'll) (?:realise|realize|be sorry|miss me|understand|regret|notice|"
                 r"care)|(?:they'll|they will|everyone will|you'll|people will|she'll|he'll) "
                 r"(?:finally )?(?:realise|realize|be sorry|miss me|understand|regret it|notice|"
                 r"care)(?: [\w']+){0,3}? (?:when|once) i'm (?:dead|gone|not here)" + _END, {}),
    ("suicidal", r"(?:want|wish|hope|hoping|pray|praying)(?: that)? my heart (?:would |will |to |"
                 r"just )*(?:stop|stops|gives out|give out|gives up|give up)(?! (?:racing|pounding|"
                 r"beating so|hurting|fluttering|skipping|jumping|aching))", {}),
    ("not_here", r"(?:not|no longer) (?:scared|afraid|frightened) (?:of|to) (?:dying|die|death)"
                 r"(?: anymore| any more)?|made (?:my )?peace with (?:dying|death|not being here|"
                 r"the idea of dying)", {"negatable": False}),
    ("suicidal", r"(?:god|lord|jesus)(?: ,)? (?:please )?(?:just )?take me(?: now| home| away)?"
                 + _END_COMMA, {}),
    ("suicidal", r"(?:i|i'm|i'll|i want|i could|i might|going to|want to)(?: [\w']+){0,3}? "
                 r"(?:make|making) it (?:look|seem) like an accident|i (?:want|need) it to "
                 r"(?:look|seem) like an accident", {}),
    ("suicidal", r"sorry for everything(?: [.,!])? (?:goodbye|bye|farewell)|(?:don't|do not) "
                 r"worry about me (?:any ?more|ever again)(?: [.,!])? (?:goodbye|bye|farewell)",
     {"negatable": False}),
    ("suicidal", r"is it (?:selfish|wrong|painful|bad|a sin|cowardly|brave|okay|weak) to (?:kill "
                 r"yourself|commit suicide|end your (?:own )?life|take your (?:own )?life)", {}),
    # Slang and recognizer slips.
    ("suicidal", r"(?:top|topping|topped|end|ending|ended) (?:myself|my self)|(?:do|doing|did) "
                 r"(?:myself|my self) in(?! (?:the|a|an|my)\b)|(?:to|going to|should|could|might|"
                 r"just) (?:off|unalive) (?:myself|my self)|(?:i want|i wanted|i'm going|"
                 r"i am going|i feel like) (?:to )?kill me" + _END_COMMA
                 + r"|(?:going to|want to|need to) kill" + _END
                 + r"|un ?alive (?:myself|my self)|(?:kil|kilt) (?:myself|my self|my "
                 r"sell|my shelf)|kill my sell|(?:end|ending|take|taking) my (?:own )?live" + _END
                 + r"|want (?:to|too) dye"
                 + _END, {}),
)
