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
_END_COMMA = r"(?= *(?:$|[.!?;,]))"

# (kind, pattern, options for crisis._p)
MORE: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("suicidal", _THEIR_SUICIDE + r"(?: [\w',]+){0,10}? (?:i|i'm|i'll|i'd|i've|me)"
                 + _NOT_DENIED + r" " + _FOLLOW, {"own": False}),
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
    # Slang and recognizer slips.
    ("suicidal", r"(?:top|topping|topped|end|ending|ended) (?:myself|my self)|(?:do|doing|did) "
                 r"(?:myself|my self) in(?! (?:the|a|an|my)\b)|(?:to|going to|should|could|might|"
                 r"just) (?:off|unalive) (?:myself|my self)|(?:i want|i wanted|i'm going|i am going|"
                 r"i feel like) (?:to )?kill me" + _END_COMMA + r"|want (?:to|too) dye"
                 + _END, {}),
)
