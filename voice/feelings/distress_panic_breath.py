"""Distress patterns of panic and of breath: "I'm panicking", "I can't catch my breath".

Part of :mod:`voice.feelings.distress`, which tries them in order (panic, breath, then the
other kinds) and applies denials and hypotheticals; the design notes are there.
"""

from __future__ import annotations

from voice.feelings.distress_pieces import (
    _ACUTE,
    _ADV,
    _ATTACK,
    _BREATHE_TAILS,
    _CLAUSE,
    _FILLER,
    _GLAD,
    _IM,
    _ME_ONLY,
    _MY,
    _NOT_CAUSED,
    _NOT_MILD,
    _NOT_THEM,
    _SELF,
    _START,
    _p,
    _then,
)

PANIC = (
    _p("panic", _SELF, r"(?:panicking|panicing)",
       unless=r"buying|selling|shoppers|buyers|investors|crowds?|people|passengers|fans|"
              r"residents|markets?|less|a (?:bit|little|lot) less|not as|(?:about|over) what to "
              r"(?:wear|say|cook|buy|get|eat|make|bring)"),
    # "Panic." as an answer, "panic, panic"; not "panic over", "panic buying".
    _p("panic", _START + r"(?:total |pure |full |such )?",
       r"panic" + _then(r"panic|right now|help|everywhere")),
    _p("panic", _SELF, _NOT_MILD + r"panicky", weak=True),
    _p("panic", r"\b(?:i'm|i am|i feel|i'm feeling|feeling|i'm getting|getting) " + _ADV,
       r"(?:panicked|panic stricken|panic struck|in a state of panic|"
       r"in (?:a |such a )?(?:full blown |total |complete |blind |full |real |proper )?"
       r"panic(?! (?:room|button|buying|mode)\b)|in (?:full |total )?panic mode)"),
    _p("panic", r"\bwhy ", r"(?:can't|can not|cannot) i (?:calm down|stop panicking|stop "
                           r"shaking|stop crying|stop this)"),
    _p("panic", _SELF, r"(?:having|getting|in|into|going into|in the middle of|mid|"
                       r"(?:about|going|gonna) to have) " + _ATTACK),
    _p("panic", _START + r"(?:(?:this is|it's|i think it's|i think this is|is this) )?",
       _ATTACK + _then(r"right now|now|coming|again|help|please|i think|oh|i can't|i'm|"
                       r"isn't it|is it|or")),
    _p("panic", r"\b(?:feel|feeling|felt like|there's|there is|having) " + _ADV,
       _ATTACK + r" (?:coming on|coming|starting|building|creeping up)"),
    _p("panic", _SELF, r"(?:starting|beginning|about|going|gonna|want) to (?:panic|freak out|"
                       r"lose it|hyperventilate|lose control|lose my mind)",
       unless=r"if|when|about|over|at|because"),
    _p("panic", r"\b(?:i )?(?:feel|feeling|there's|there is) (?:the |this |so much |such )?",
       r"panic (?:rising|building|coming|taking over|everywhere|in my chest|all over)"),
    _p("panic", r"\b(?:the|this|my) ", r"panic (?:is|won't|keeps|just keeps) (?:getting|"
                                       r"rising|building|taking over|stop|not stopping)",
       negatable=False, unless=r"better|less|easier|away|down|smaller|weaker"),
    _p("panic", _SELF, r"(?:freaking|freakin|flipping|wigging) (?:the (?:hell|heck|fuck) )?out",
       unless=r"the|my|his|her|their|them|him|everyone|everybody|people|less|" + _GLAD),
    _p("panic", _ME_ONLY, r"(?:so |totally |completely )?freaked out"),
    _p("panic", _IM, r"(?:terrified|petrified)",
       unless=r"of|about|for|that|to|at|when|by|if|someone|somebody|he|she|they|it|it'll|"
              r"you|we|the|my|spiders|heights|flying", weak=True),
    _p("panic", _IM, r"(?:so|really|very|too|absolutely|completely|totally) (?:scared|frightened)"
       + _then(_ACUTE), weak=True),
    _p("panic", _IM, r"(?:scared|frightened)(?= *(?:[.!?;,] ?(?:# )?)?(?:right now|help|please|"
                     r"i can't)\b)", weak=True),
    # Dread: "I've got this sense of doom", "such a feeling of dread".
    _p("panic", r"\b(?:this|a|an|such a|such an|overwhelming|awful|horrible|terrible) ",
       r"(?:sense|feeling) of (?:impending |total |complete )?(?:doom|dread)",
       unless=r"about|over|before|for|when|whenever|in (?:the|that|this) (?:film|book|show)",
       weak=True),
    # "My anxiety is through the roof right now."
    _p("panic", _MY, r"(?:anxiety|anxiety's|panic|fear) (?:is |'s )?(?:through the roof|"
                     r"off the charts|sky high|out of control)",
       unless=r"about|over|because|when|whenever|before|at (?:work|school)", weak=True),
    _p("panic", r"\b(?:i )?(?:feel|feeling|i'm in|i am in) ",
       r"(?:sheer|pure|total|complete|utter|blind|absolute) (?:panic|terror)" +
       _then(r"right now|now|and|i can't|help|oh|please")),
    _p("panic", _SELF, r"scared (?:out of my mind|out of my wits|to death|"
                       r"(?:and|but) i don't know why|of everything right now)",
       unless=r"of (?:the|spiders|heights)"),
    _p("panic", _SELF, r"(?:can't|can not|cannot|couldn't|won't) (?:calm|settle) "
                       r"(?:myself |my self |me )?down"),
    _p("panic", _SELF, r"(?:can't|can not|cannot) stop (?:the )?(?:panicking|panic|"
                       r"freaking out)"),
    _p("panic", r"\b(?:i )?" + _NOT_THEM,
       r"need to calm down (?:right now|right away|now|immediately|asap|please)", weak=True,
       needs="calm down"),
    _p("panic", r"(?:" + _CLAUSE + r"|\bplease )" + _FILLER + r"(?:i )?(?:just |really |so )*",
       r"need to calm down" + _then(r"i can't|i'm"), weak=True, needs="calm down"),
    _p("panic", r"\b(?:i )?(?:feel|feel like|think) (?:i'm |i am )?" + _ADV,
       r"(?:going to|gonna|about to) die",
       unless=r"of|if|when|laughing|from|before|for|without|to|in|at|on"),
    _p("panic", _ME_ONLY, r"(?:dying|going to die)" + _then(r"right now|help|please|i can't|"
                                                          r"i think|oh")),
)

BREATH = (
    _p("breath", r"\b" + _NOT_THEM + _NOT_CAUSED,
       r"(?:can't|can not|cannot|can barely|can hardly) (?:breathe|breath|breathe properly|"
       r"breathe right|get my breath|catch my breath|get a breath|get a (?:full|proper|deep|"
       r"good|decent|whole) breath|fill my lungs|get (?:enough )?air|"
       r"get any air|slow (?:my|down my) breathing|control my breathing|"
       r"take a (?:proper |full |deep )?breath)", unless=_BREATHE_TAILS, needs="can"),
    _p("breath", r"\bwhy ", r"(?:can't|can not|cannot) i (?:breathe|catch my breath|get "
                            r"(?:enough )?air)", unless=_BREATHE_TAILS, needs="can"),
    _p("breath", _SELF, r"(?:(?:a |such a |a really )?(?:hard|difficult|tough) time breathing|"
                        r"(?:trouble|difficulty|problems) breathing|hyperventilating|"
                        r"hyper ventilating|gasping for (?:air|breath)|"
                        r"struggling to breathe|fighting for (?:air|breath)|"
                        r"(?:can't|can not|cannot) stop hyperventilating)",
       unless=_BREATHE_TAILS),
    _p("breath", r"\b(?:it's|it is|i'm finding it) (?:so |really |getting |too )*",
       r"hard to breathe", unless=_BREATHE_TAILS),
    _p("breath", _MY, r"(?:(?:breathing|breath) (?:is|'s|keeps|won't|feels)|breathing's|"
                      r"breath's) (?:getting )?"
                      r"(?:so |really |too |all )?(?:fast|quick|shallow|short|out of control|"
                      r"ragged|weird|stuck|stop|slow down|tight|over the place)"),
    _p("breath", r"\bi'm ", r"breathing (?:so |really |way |too )*(?:fast|quickly|shallow)",
       unless=_BREATHE_TAILS),
    _p("breath", _SELF, r"losing control of my (?:breathing|breath)"),
    _p("breath", _MY, r"lungs (?:won't|can't|don't|aren't|will not|feel like they won't) "
                      r"(?:fill|work|open|expand|inflate|get enough)"),
    # "I'm suffocating", "it feels like I'm choking"; not "choking on my words".
    _p("breath", _SELF, r"(?:suffocating|choking)",
       unless=r"on|up|in (?:this|here|the|my)|with|under|back"),
    _p("breath", _SELF, _NOT_MILD + r"(?:so |really |very )?short of breath",
       unless=r"after|from|because|when|on the|climbing|running|walking|since|at the|with "
              r"(?:the|my|this)"),
    _p("breath", r"\b", r"(?:no|not enough|not getting enough|not getting any) air" +
       _then(r"in my lungs|i can't|help")),
)
