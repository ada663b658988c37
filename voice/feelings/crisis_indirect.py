"""Crisis statements said indirectly, a sixth writer's kinds (tuning only), kept apart from
``crisis`` and ``crisis_more`` so no file grows too long. Same entry format as
``crisis_more.MORE``; each entry is a kind of statement, not one sentence:

* leaving "this life" or "this world", switching or shutting oneself off, the light going
  out inside; stopping being here; how peaceful or easy being dead would be;
* wanting to disappear or be swallowed up *for good* (without the permanence, "I want
  to disappear under the duvet" is a wish for a quiet weekend);
* not being a problem to anyone by a day or any more; going to the bridge or the cliffs
  when everyone is asleep;
* the will written, who gets what, and being ready now; why bother staying alive;
* messages to relay ("tell my mum I'm sorry and I love her"), a goodbye with an apology
  for how it ends.
"""

from __future__ import annotations

from typing import Any

_END = r"(?= *(?:$|[.!?;,]))"
_DAY = (r"(?:tomorrow|tonight|next week|the weekend|the end of the week|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|then|christmas|my birthday)")
_WANT = (r"(?:want|wanna|need|wish i could|'d like|would like|i'd like|just want|going|ready|"
         r"longing|long)")
_REL = (r"(?:mum|mom|mother|dad|father|brother|sister|son|daughter|kids|children|wife|husband|"
        r"partner|family|boyfriend|girlfriend|nan|gran|grandma|grandad|friends|best friend)")
_EASE = r"(?:peaceful|nice|easier|better|a relief|restful|quiet|lovely|good|calm)"
# "If I die of boredom in this meeting, tell my wife I loved her": a joke.
_JOKE_DEATH = (r"(?:die|dies|died|drop dead) (?:of|from) (?:boredom|embarrassment|laughter|"
               r"laughing|shame|cringe|hunger|exhaustion|old age)(?: [\w']+){0,6} ,?")
_PLACE = (r"(?:bridge|cliffs?|tracks|train tracks|railway(?: line)?|edge|roof|top floor|car park|"
          r"river|quarry|viaduct|motorway bridge)")

INDIRECT: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("not_here", r"(?:leave|leaving|exit|exiting|out the door of|out of the door of|check out "
                 r"of|checking out of|done with|finished with|say goodbye to|way out of) this "
                 r"(?:life|world)(?! (?:of|and into|for a|for the))", {}),
    ("not_here", r"(?:switch|turn|shut|power) (?:myself|me|my self) (?:off|down)(?: for good| "
                 r"forever| permanently| for ever)?" + _END + r"|(?:light|lights|fire|spark|"
                 r"candle)s? (?:is |are |'s )?(?:going|gone|went) out (?:inside|in) me", {}),
    ("not_here", _WANT + r" to (?:just )?stop (?:being (?:here|alive|around)|existing|living|"
                 r"breathing)" + _END, {}),
    ("not_here", r"(?:(?:would|'d|will|might) be (?:so |really |very )?" + _EASE + r"|" + _EASE
                 + r" (?:it )?(?:would|'d|will|might) be) (?:to be dead|to die|to not "
                 r"(?:wake up|be here|exist)|not to (?:wake up|be here|exist)|to be gone|to "
                 r"never wake up|if i (?:died|was dead|were dead|was gone|didn't wake up|never "
                 r"woke up))(?! (?:laughing|of|from|in|on|my|your|his|her|their|the|it|them)\b)",
     {}),
    ("not_here", r"(?:swallow me(?: up)?|i (?:want|wish|wanna|need|just want|could|'d like) "
                 r"to (?:just )?(?:disappear|vanish|fade away|fade out|evaporate|cease to exist|"
                 r"stop existing))(?: [\w']+){0,3}? (?:for good|forever|for ever|permanently)"
                 + _END, {}),
    ("not_here", r"(?:(?:by|after|from|come) " + _DAY + r"(?: ,)?|soon(?: ,)?) i (?:won't|will "
                 r"not|wont) be (?:a )?(?:problem|burden|bother|nuisance|worry|trouble) (?:for|"
                 r"to) (?:anyone|anybody|everyone|you|them|any of you)|i (?:won't|will not|wont) "
                 r"be (?:a )?(?:problem|burden|bother|nuisance|worry) (?:for|to) (?:anyone|"
                 r"anybody|you|them|any of you) (?:anymore|any more|much longer|for much "
                 r"longer|ever again)", {"negatable": False}),
    ("suicidal", r"(?:when|once|after|while) (?:everyone|everybody|they|the kids|the house|my "
                 + _REL + r")(?:'s| is| are|'re)? (?:asleep|in bed|out|gone|at work|at school)"
                 r"(?: ,)? i(?:'ll| will|'m going to| am going to|'m gonna) (?:go|drive|walk|"
                 r"head|get)(?: out| up| down)? (?:to|onto|on) (?:the )?" + _PLACE
                 + r"|i(?:'ll| will|'m going to| am going to|'m gonna) (?:go|drive|walk|head)"
                 r"(?: out| up| down)? to the " + _PLACE + r"(?: [\w']+){0,2}? (?:alone )?(?:one "
                 r"last time|for the last time|and (?:jump|end it|never come back))", {}),
    ("suicidal", r"(?:my will|who gets what|my affairs|my things|my stuff)(?: [\w',]+){0,8}? "
                 r"(?:i'm|i am) ready(?: now| to go)?" + _END, {}),
    ("hopeless", r"(?:bother|bothering) (?:to )?(?:staying alive|being alive|keeping myself "
                 r"alive|living|going on|carrying on|waking up|existing|stay alive|live|go on|"
                 r"carry on|exist)" + _END, {"negatable": False}),
    ("suicidal", r"tell (?:my |the )?" + _REL + r"(?: that)? i'm sorry(?: [\w',]+){0,4}? "
                 r"(?:i love|i loved|love) (?:her|him|them|you|all of you|you all)" + _END
                 + r"|tell (?:my |the )?" + _REL + r"(?: that)? i (?:loved|always loved) "
                 r"(?:her|him|them)" + _END, {"after": _JOKE_DEATH}),
    ("suicidal", r"sorry (?:it|things|everything|this) (?:had|has) to end (?:like this|this "
                 r"way|like that)" + _END + r"|(?:goodbye|bye|farewell) (?:cruel world|world|"
                 r"forever|for ever|everyone (?:i love|forever))" + _END, {}),
    # A second batch, written after the first round of changes.
    ("suicidal", r"voices? (?:tell|tells|telling|told|keep telling|keeps telling|say|says|saying)"
                 r"(?: me)? to (?:end it|end my life|kill myself|die|hurt myself|jump|do it|cut)",
     {}),
    ("not_here", r"(?:i'm not|i am not|i won't|i will not) (?:going to )?be (?:here|around|alive) "
                 r"(?:for|by|at|to see) (?:christmas|my birthday|the weekend|the summer|new "
                 r"year|the new year|next (?:week|month|year)|much longer|the end of the "
                 r"(?:week|month|year))" + _END, {"negatable": False}),
    ("suicidal", r"i keep (?:standing|going|sitting|walking|stepping) (?:on|at|near|to|up to) "
                 r"the edge|edge of the (?:platform|tracks) when the trains?", {}),
    ("suicidal", r"(?:wrote|written|writing|write|left|leaving) (?:letters|notes|a letter|a note)"
                 r" (?:to|for) (?:everyone|everybody|all the people|each of the people) i "
                 r"(?:love|care about)", {}),
    ("not_here", r"(?:so|until|till) (?:there's|there is|there'll be) nothing (?:left )?of me"
                 r"(?: left)?", {}),
    ("self_harm", r"(?:want|need|wanted|needed) to feel (?:physical )?pain" + _END
                  + r"|(?:hurt|hurting|harm|harming|punish|punishing|hurted) my (?:own )?body"
                  r"(?: on purpose)?" + _END
                  + r"|(?:me and|alone with) my (?:razor|blade|blades|lighter|compass) (?:again|"
                  r"tonight)", {}),
    ("hopeless", r"can't (?:do|handle|take|stand|bear) this life(?: anymore| any more)?" + _END,
     {"negatable": False}),
    ("not_here", r"(?:happier|better|better off|easier|fine|lighter) (?:with me|if i was|if i "
                 r"were|once i'm|when i'm) (?:gone|dead|out of the way|not around|not here)"
                 + _END, {}),
    ("suicidal", r"made (?:my )?peace(?: [\w',]+){0,4}? (?:i'm |i am )?ready to go" + _END
                 + r"|(?:said|saying|say) (?:my )?goodbyes? to my (?:dog|dogs|cat|cats|pets?|kids|"
                 r"children|mum|mom|dad|family|parents|friends)" + _END, {}),
    ("suicidal", r"(?:think|thinking|thought) about (?:jumping|falling|throwing myself|stepping "
                 r"off|driving off|stepping out)(?: [\w']+){0,6}? (?:bridge|cliff|platform|train|"
                 r"trains|roof|edge|balcony|motorway|traffic)", {}),
)
