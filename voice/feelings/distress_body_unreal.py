"""Distress patterns of the body and of unreality: "my heart is racing", "nothing feels real".

Part of :mod:`voice.feelings.distress`, which tries them in order (after panic and breath)
and applies denials and hypotheticals; the design notes are there.
"""

from __future__ import annotations

from voice.feelings.distress_pieces import (
    _ADV,
    _CLAUSE,
    _COUCH,
    _END,
    _EXERTION,
    _FILLER,
    _GLAD,
    _ME_ONLY,
    _MY,
    _NICE,
    _NOT_MILD,
    _NOT_SAID,
    _SELF,
    _SHAKE_TAILS,
    _START,
    _UNREAL_TAILS,
    _p,
    _then,
)

BODY = (
    # Shaking, alone or with another state: "I'm sweating and shaking".
    _p("body", _SELF, r"(?:(?:sweating|sweaty|crying|sobbing|dizzy|sick|clammy|nauseous|"
                      r"overwhelmed|panicking|scared|terrified|freezing|cold) and )?"
                      r"(?:shaking|trembling|quaking|shaky and|twitching all over)",
       unless=_SHAKE_TAILS),
    _p("body", _SELF, r"(?:can't|can not|cannot) stop (?:my (?:hands?|legs?|body|knees|voice) "
                      r"(?:from )?)?(?:shaking|trembling)"),
    _p("body", _MY, r"(?:hands|legs|knees|arms|body|self|whole body|hand|voice) "
                    r"(?:are|is|'re|keep|keeps|won't stop|can't stop|just keep) "
                    r"(?:still |all )?(?:shaking|trembling|shaky|jelly|like jelly)",
       unless=_EXERTION),
    _p("body", _MY, r"(?:legs|knees) (?:are |keep |keeps )?(?:giving way|"
                    r"giving out|buckling|going from under me)",
       unless=r"after|from|since|because|on the|when"),
    # Dizzy or faint: "I feel dizzy and sick", "so light headed"; "a bit dizzy" is a check-in.
    _p("body", _SELF, _NOT_MILD + r"(?:dizzy|light headed|lightheaded|woozy)",
       unless=r"with|after|from|when|if|because|on|at|in the|whenever|every time|" + _GLAD,
       weak=True),
    _p("body", r"\b(?:i )?(?:feel|feeling|i'm feeling) (?:so |really |very |all )?", r"faint",
       unless=r"with|after|from|when|if|because|at|whenever|every time|hearted", weak=True),
    _p("body", _MY, r"(?:hands|fingers|arms|legs|feet|face|lips|body|toes|hand|arm|leg) "
                    r"(?:are |is |'re |'s |have |has |keep |keeps |feel |feels |went )?"
                    r"(?:all |so |really |completely |totally |gone |going )*(?:numb|tingly|"
                    r"tingling|pins and needles)",
       unless=r"from|because|after|in the|since|when|with the|at the|cold"),
    _p("body", r"\b(?:i'm |i am |i'm having |having |i've got |i have |getting |i'm getting )"
               + _ADV, r"(?:heart )?palpitations",
       unless=r"when|after|since|from|every|whenever|if|because|at night"),
    # "I think I'm having a heart attack" (not "you'll give me a heart attack").
    _p("body", _SELF, r"(?:having|going to have|about to have|gonna have) a heart attack",
       unless=r"if|when|at|over|because|about|every|watching|whenever|from"),
    _p("body", _MY, r"(?:heart rate|pulse|heart|heartbeat) (?:is |'s )?(?:through the roof|"
                    r"off the charts|sky high|crazy high)",
       unless=r"after|from|during|because|at the|when|on the"),
    _p("body", r"\b(?:my|the|i'm|i am) ",
       r"(?:hands? |legs? |knees? )?(?:won't|will not|can't|wont) stop (?:shaking|trembling)"),
    _p("body", r"(?:\bmy |" + _CLAUSE + r")" + _FILLER, r"(?:heart|heart's|heartbeat|pulse|chest) "
               r"(?:is |'s |keeps |won't stop |just keeps |feels like it's |feels like it is )?"
               r"(?:still |so |really |going )?(?:racing|pounding|hammering|thumping|"
               r"beating (?:so |really |too )?(?:fast|hard|out of my chest)|"
               r"going (?:so |really )?(?:fast|crazy|mad|a mile a minute)|"
               r"out of my chest|won't slow down|skipping|fluttering|exploding|bursting|"
               r"(?:going to|gonna|about to) (?:explode|burst|jump out)|(?:jumping|leaping|"
               r"beating) out of my chest)",
       negatable=False, unless=r"app|monitor|watch|rate|reading|tracker|in a good way|"
                               r"with (?:excitement|joy|love|happiness)|because i'm excited"),
    _p("body", _MY, r"(?:chest|throat) (?:is |'s |feels |keeps )?(?:so |really |all |"
                    r"getting |too )?(?:tight|tightening|closing|closing up|crushing|"
                    r"heavy and|being crushed|caving in)"),
    _p("body", r"\b(?:i've got|i have|there's|got) (?:a |this |such a )?(?:so |really )?",
       r"tight chest" + _then(r"and|i can't|help")),
    _p("body", r"\b", r"(?:everything|everything's|the room|the room's|the world|my head|"
                      r"it all|the floor) (?:is |'s |keeps |won't stop |just )?(?:all |"
                      r"still )?(?:spinning|tilting|swaying)",
       unless=r"from|with|over|about|after (?:the|that|a)|on (?:the|its)|round and round"),
    _p("body", _START + r"(?:all |just |still )?", r"spinning" + _END),
    _p("body", r"\b(?:i )?(?:feel|feel like|think|feel as if) (?:i'm |i am )?" + _ADV,
       r"(?:going to|gonna|about to) (?:(?:throw up|be sick|vomit) and )?(?:pass out|faint|"
       r"black out|collapse|keel over)",
       unless=_COUCH),
    _p("body", _ME_ONLY, r"(?:going to|gonna|about to) (?:pass out|faint|black out|collapse)",
       unless=_COUCH),
    _p("body", _SELF, r"(?:can't|cannot|can not) feel my (?:hands|fingers|feet|legs|face|arms|"
                      r"lips|body)" + _then(r"anymore|and|i'm|i can't|help|right")),
    _p("body", _SELF, r"(?:tingling|numb|shaking|trembling|sweating and shaking) all over"),
)

UNREAL = (
    _p("unreal", r"\b" + _NOT_SAID, r"(?:(?:nothing|nobody|nothing around me|none of this|"
                        r"none of it) (?:feels|seems|is|looks)|nothing's|nothing seems|"
                        r"nothing feels) "
                        r"(?:real|right now real)",
       negatable=False, unless=r"(?:in|on|about) (?:that|the|this|his|her|their|tv|films?|"
                               r"movies?|shows?|books?|games?|social media|instagram|tiktok|"
                               r"the internet|reality tv)|online"),
    # Not "it" or "this": "that feels unreal, what a goal", "this is fake news".
    _p("unreal", r"\b" + _NOT_SAID, r"(?:(?:everything|it all|the world|the room|things|everyone|"
                        r"everybody|my body|my hands|my voice) (?:feels?|seems?|looks?|"
                        r"sounds?)|(?:everything|the world|the room) is|everything's|"
                        r"it's all) (?:all |so |really |just |kind of |sort of |very |too )*"
                        r"(?:(?:strange|weird|flat|grey|gray|wrong|blurry|muffled|foggy|quiet) "
                        r"and )?"
                        r"(?:unreal|far away|far off|distant|foggy|dreamlike|like a dream|fake|"
                        r"artificial|staged|like a simulation|like a video game|plastic|"
                        r"like a stage set|two dimensional|"
                        r"like i'm dreaming|not real|like a film|like a movie|muffled|"
                        r"underwater|like i'm underwater|like it's not real|"
                        r"like it isn't real)",
       negatable=False, unless=_UNREAL_TAILS),
    _p("unreal", r"\b", r"(?:i feel|i'm|i am|i feel like i'm) (?:all |so |really |just |"
                        r"kind of |sort of |very |completely |totally )*(?:(?:numb|spaced out|"
                        r"foggy|weird|strange|dizzy) and )?(?:unreal|far away|far off|foggy|"
                        r"dreamlike|"
                        r"like i'm dreaming|not real|like i'm underwater|underwater)",
       negatable=False, unless=_UNREAL_TAILS),
    _p("unreal", r"\b(?:i )?", r"(?:don't|do not|dont) (?:feel|seem) (?:real|like i'm real|"
                               r"like i exist)" + _then(r"right now|anymore|any more|and|"
                                                        r"at all|i|i'm"),
       negatable=False),
    _p("unreal", r"\bi ", r"(?:feel|feel so|feel really) (?:unreal|not real|fake|far away|"
                          r"outside myself|outside my body|disconnected from (?:everything|"
                          r"my body|myself|reality))", unless=_NICE),
    _p("unreal", r"\b(?:i feel like|it feels like|it's like|feels like) ",
       r"(?:i'm|i am) (?:in a dream|dreaming|not here|not really here|in a film|in a movie|"
       r"underwater|behind glass|not (?:really )?(?:in the room|present|in the world|there|"
       r"in my head|in my own head))", negatable=False),
    _p("unreal", r"\b", r"(?:can't|cannot|can not) tell (?:what's|what is|whether anything is|"
                        r"if anything is|if this is|if i'm|whether i'm) (?:real|awake|dreaming)",
       negatable=False),
    _p("unreal", r"\b(?:feel|feels) like ", r"(?:(?:i'm|i am) (?:floating|drifting|fading|a ghost|"
                                            r"made of glass|not real)|a ghost)" +
       _then(r"and|i can't|right now|help|away|outside|above"), negatable=False),
    _p("unreal", _SELF, r"(?:zoning|spacing) out" + _then(r"and i can't (?:come back|snap out|"
                                                           r"stop|get back)|right now|help|"
                                                           r"completely")),
    # "I'm floating outside myself", "like I'm watching a movie of my life".
    _p("unreal", _SELF, r"(?:floating|drifting|hovering) (?:outside|above|out of|away from) "
                        r"(?:myself|my self|my body|everything)"),
    _p("unreal", r"\blike (?:i'm|i am) ", r"watching (?:myself|my self|my life|my own life|"
                                         r"everything|it all|the world|a (?:film|movie) of my "
                                         r"(?:own )?life)", negatable=False),
    _p("unreal", r"\b", r"watching (?:everything|the world|it all|life|myself) (?:through|from "
                        r"behind|behind) (?:a |the )?(?:window|glass|screen|fog|veil)",
       negatable=False),
    # "My body doesn't feel like mine", "my hands don't feel like my own".
    _p("unreal", _MY, r"(?:body|hands|face|voice|arms|legs|thoughts|reflection) (?:doesn't|"
                      r"don't|does not|do not) (?:feel|seem|look|sound) (?:like )?(?:mine|my own|"
                      r"real|part of me|it's mine|they're mine)",
       negatable=False, unless=r"on|in (?:the )?(?:recordings?|videos?|photos?)|when"),
    _p("unreal", r"\b", r"(?:don't|do not|dont) know who i am" +
       _then(r"right now|anymore|any more|and|help|i'm|i"), negatable=False),
    _p("unreal", r"\b", r"(?:don't|can't|do not|cannot) recogni[sz]e (?:myself|my (?:own )?"
                        r"(?:face|reflection|hands|body|voice|room|house|surroundings)|"
                        r"anything|where i am)",
       negatable=False, unless=r"in (?:old |that |the |those |my )?(?:photos?|pictures?|"
                               r"videos?)|with (?:this|that|my new|the new)|since|after"),
    _p("unreal", r"\b", r"(?:i'm|i am|i feel like i'm|like i'm) not (?:in|inside) my (?:own )?"
                        r"body", negatable=False),
    _p("unreal", r"\b", r"(?:out|outside) (?:of )?my (?:own )?body", negatable=False,
       unless=r"experience|shop|lotion|wash|spray|butter|oil|cream"),
    _p("unreal", r"\b", r"watching (?:myself|my self|my life|everything) (?:from|like|as if) "
                        r"(?:outside|above|far away|a distance|behind|a film|a movie)",
       negatable=False),
    _p("unreal", r"\b(?:i'm |i am |i feel |i feel so |feel |feeling )", r"(?:(?:numb|spaced out|"
                 r"weird|strange|empty|foggy) and )?(?:detached|"
                 r"disconnected|cut off) from (?:everything|reality|my body|myself|the world|"
                 r"my own body|it all|my surroundings|everyone)"),
    _p("unreal", _SELF, r"(?:dissociating|disassociating|derealizing|depersonalizing)"),
    _p("unreal", _SELF, r"(?:losing|lost) (?:touch|contact|my grip|my hold) (?:with|on) reality"),
    _p("unreal", r"\b", r"(?:don't|do not|dont) know where i am" +
       _then(r"right now|anymore|any more|it|everything|i'm|and|help"), negatable=False),
    _p("unreal", r"\b", r"(?:it all|everything) (?:looks|seems|feels|sounds) "
                        r"(?:so |really |all )?(?:strange|weird|wrong|fuzzy|blurry|off)" +
       _then(r"and (?:far|i|i'm|wrong|unreal)|right now|i don't|i can't"), negatable=False),
)
