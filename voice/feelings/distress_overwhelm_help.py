"""Distress patterns of overwhelm and cries for help: "it's all too much", "please help me".

Part of :mod:`voice.feelings.distress`, which tries them in order (overwhelm, then help, after
the other kinds) and applies denials and hypotheticals; the design notes are there.
"""

from __future__ import annotations

from voice.feelings.distress_pieces import (
    _CLAUSE,
    _FILLER,
    _FILLER_BEFORE_HELP,
    _HELP_REASON,
    _HELP_TAIL,
    _ME_ONLY,
    _MY,
    _NOT_ASKED,
    _NOT_THEM,
    _SELF,
    _START,
    _START_BEFORE_HELP,
    _p,
    _then,
)

OVERWHELM = (
    # "it's too much", "it's all too much right now"; not "it's too much sugar" or "is it
    # too much?".
    # "it's too loud" and "that's too fast" are asking for the controls: of the senses,
    # only "everything is too loud" is the hard moment.
    *(_p("overwhelm", subject,
         r"(?:all |just |simply |way |far |so |much |getting |becoming )*too " + what +
         _then(r"right now|now|for me(?! to (?:carry|eat|drink|lift|pay|spend|buy)\b)|"
               r"to (?:handle|bear|take|cope|deal|manage|stand)|i can't|"
               r"and (?:i|too|it|everything)|all at once|at once|at the moment|today|tonight|"
               r"too|it's too|it's all|please|help|oh|again|inside|in my head"),
         negatable=False)
      for subject, what in (
          (r"\b(?:it's|it is|this is|this is all|it's all|it is all|that's all|it all) ",
           r"(?:much|overwhelming|intense)"),
          (r"\b(?:everything|everything's|everything is|all of it|all of this|all this) ",
           r"(?:much|overwhelming|intense|loud|bright|noisy|fast|big)"))),
    _p("overwhelm", _START, r"(?:all |way |just )*too much" +
       _then(r"right now|all at once|it's too much|i can't"), negatable=False),
    _p("overwhelm", r"\b(?:i )?" + _NOT_THEM,
       r"(?:can't|can not|cannot) (?:cope|handle (?:this|it|any of this|anything|everything)|"
       r"function|deal with (?:this|it|anything) right now|do anything|keep it together|"
       r"hold it together|take this|take (?:any|much) more(?: of (?:this|it))?)" +
       _then(r"anymore|any more|right now|now|at all|i can't|and|help|please|it's|everything|"
             r"with (?:this|it|any of (?:this|it)|everything)" +
             _then(r"right now|anymore|any more")), needs="can"),
    _p("overwhelm", _SELF, r"(?:can't|can not|cannot) stop (?:crying|sobbing|screaming)"),
    _p("overwhelm", _SELF, r"(?:crying|sobbing) (?:so hard|so much|and i can't stop|"
                           r"uncontrollably|and can't stop|my eyes out)"),
    _p("overwhelm", _SELF, r"(?:losing it|losing my mind|losing control|losing my grip|"
                           r"going crazy|going insane|going mad|going out of my mind|"
                           r"losing the plot)",
       unless=r"about|over|with|from|for|at|on|of|laughing|waiting|trying|looking|searching|"
              r"thinking|listening|watching"),
    _p("overwhelm", _SELF, r"(?:falling apart|coming apart|falling to pieces|"
                           r"coming undone|unravelling|unraveling|crumbling|breaking apart|"
                           r"going to pieces|imploding|"
                           r"spiralling|spiraling|spiralling out|spiraling out|"
                           r"spinning out(?: of control)?|"
                           r"having a (?:full blown |complete |total |massive |huge |proper |"
                           r"full on |bit of a |real )?(?:meltdown|breakdown|nervous breakdown|"
                           r"melt down|"
                           r"break down|mental breakdown|freak out|freakout))",
       unless=r"laughing|with laughter|of laughter|at the seams|costs?|prices?|debt|rents?|"
              r"bills?|inflation|numbers|stair|stairs|staircases?|downwards? into debt|"
              r"(?:about|over) (?:the|nothing|my|what)"),
    # Only said of oneself: "out of control wildfires", "breaking down the numbers".
    _p("overwhelm", _ME_ONLY, r"(?:breaking down|out of control|in a spiral|"
                              r"in a (?:really |very )?bad (?:way|state)|in a state|"
                              r"(?:so )?overwhelmed (?:that |and |, # )?i can't (?:think|"
                              r"breathe|cope|function|move|do this|handle|take|stop|calm)|"
                              r"completely overwhelmed right now|in crisis mode)",
       unless=r"laughing|with laughter|notebook|bound|the|a|an|this|that|it|them|"
              r"(?:about|over) (?:the|nothing|my|what)"),
    _p("overwhelm", _MY, r"(?:thoughts|mind|head|brain) (?:is |are |'s |keeps |keep )?"
                         r"(?:all )?(?:spiralling|spiraling|spinning out|out of control|"
                         r"in a spiral|exploding)"),
    _p("overwhelm", _MY, r"(?:head|brain|mind) (?:is |'s |feels like it's |feels like it is )?"
                         r"(?:going to|gonna|about to) (?:explode|burst|split)",
       unless=r"with|from|if|trying|when|over|at|because|thinking|listening|doing"),
    _p("overwhelm", r"\b", r"(?:everything|it all|the world|everything's|it's all) (?:is |'s |"
                           r"keeps |feels like it's |just )?(?:crashing|caving|falling|tumbling|"
                           r"coming) (?:down )?(?:on|in on|around) me",
       negatable=False, needs="me"),
    # On the edge of it: "I'm on the verge of a breakdown", "I'm at breaking point".
    _p("overwhelm", _ME_ONLY, r"(?:on the (?:verge|brink|edge) of|close to|about to have) "
                              r"(?:a )?(?:total |complete |full |full blown )?(?:breakdown|"
                              r"meltdown|panic attack|nervous breakdown|mental breakdown|"
                              r"collapse|losing it)"),
    _p("overwhelm", _ME_ONLY, r"(?:at|reached|hit|hitting|reaching|near|close to) (?:my |the |"
                              r"a )?breaking point",
       unless=r"with (?:this|the|that|these|those)|over (?:this|the|that)"),
    # "I feel like I'm drowning" (not "drowning in emails").
    _p("overwhelm", _SELF, r"drowning" + _then(r"right now|and|i can't|help|please|here|"
                                               r"in (?:it all|everything|this feeling|panic)")),
    # "I'm not coping at all": its own "not", and a rating makes it a check-in.
    _p("overwhelm", r"\b(?:i'm|i am) (?:just |really |so |honestly |totally |simply )*",
       r"not coping(?: (?:at all|well|anymore|any more))?" +
       _then(r"right now|now|at all|anymore|any more|and|i can't|help|please|today|tonight"),
       negatable=False, weak=True),
    _p("overwhelm", r"\b", r"(?:(?:the )?walls (?:are|'re|feel like they're|are all)|"
                           r"(?:everything|it all|the room) (?:is |keeps |feels like it's )?|"
                           r"everything's |it's all |the room's ) ?(?:closing|caving) in",
       negatable=False, unless=r"on (?:him|her|them|the)", needs="closing|caving"),
    _p("overwhelm", r"(?:" + _CLAUSE + r"|\bplease |\bjust |\bi want to |\bi need (?:you )?to |"
                    r"\bsomebody |\bsomeone |\bsomeone please )" + _FILLER,
       r"make (?:it|this|everything|it all|this all|the feeling|this feeling|the panic) "
       r"(?:all )?(?:stop|go away)" +
       _then(r"please|now|right now|i can't|help|oh|make"), negatable=False, needs="stop|away"),
    _p("overwhelm", r"\b(?:i )?" + _NOT_THEM + r"(?:just )?(?:want|need) ",
       r"(?:it|this|everything|it all|the feeling|this feeling|the panic) "
       r"(?:all )?to (?:stop|go away)" + _then(r"please|now|right now|i can't|help"),
       negatable=False, needs="stop|away"),
    _p("overwhelm", _SELF, r"(?:can't|can not|cannot) (?:make|get) (?:it|this|the panic|this panic|"
                           r"the feeling|this feeling|the fear|the thoughts|my thoughts|"
                           r"everything) (?:to )?(?:stop|go away|slow down)",
       needs="stop|away|slow"),
)

HELP = (
    # Alone, with "please", "now" or another "help", or with a reason that is itself
    # distress; never with a task ("help me wind down", "help me find my keys") or asked
    # of someone ("can you help me?"; bare "help" asks how Attune works).
    _p("help", r"(?:" + _START_BEFORE_HELP + r"|\bplease |\boh |\bgod |" + _NOT_ASKED +
               r"\b(?:somebody|someone|anybody|anyone) |\bhelp |\bjust |\bno |\bplease just )",
       r"help me" + _HELP_TAIL, negatable=False, needs="help"),
    _p("help", r"(?:" + _CLAUSE + r"|\boh |\bgod |\bjust |\bno )" + _FILLER_BEFORE_HELP +
       _NOT_ASKED,
       r"(?:please(?: please)*|someone|somebody|anyone|anybody|someone please|somebody please) "
       r"help"
       r"(?: me| us)?" + _HELP_TAIL, negatable=False, needs="help"),
    _p("help", r"\b", r"help (?:, # )?help(?: me)?" + _HELP_TAIL, negatable=False, needs="help"),
    _p("help", r"\bi ", r"(?:really |badly |urgently )?need (?:some )?help(?: (?:right )?now| "
                        r"please| here)" + _HELP_TAIL, needs="help"),
    _p("help", r"\bi ", r"(?:really |badly |urgently )need help" + _HELP_TAIL, needs="help"),
    # A bare "help" or "I need help" with a reason that is itself distress: "Help, I don't
    # know what to do", "I need help, it's happening again"; "please, I need help".
    _p("help", _START_BEFORE_HELP + r"(?:i )?", r"(?:(?:really |badly |urgently )?need "
                                                r"(?:some )?)?help" +
       r"(?= *[.!?;,] ?(?:# )?(?:" + _HELP_REASON + r"))", negatable=False, needs="help"),
    _p("help", r"\bplease (?:, # )?(?:i )?", r"(?:really |badly |urgently )?need (?:some )?help" +
       _HELP_TAIL, negatable=False, needs="help"),
)
