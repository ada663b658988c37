"""Noticing acute distress right now: panic, breathlessness, overwhelm.

When someone says "I can't breathe", "I'm having a panic attack" or just
"help me", Attune answers with one warm line and starts the one-minute
calm-sos practice at once, without asking for a number first. This module
only decides whether a sentence is such a moment; crisis language (self-harm,
suicide) is :mod:`voice.feelings.crisis`'s job and is checked first.

Design, in the spirit of crisis.py: regular expressions over the normalized
words of :func:`voice.feelings.vocabulary.words`. Five things keep ordinary
speech from triggering:

* The person must be talking about themselves, now. States ("panicking",
  "shaking", "freaking out") need "I" or "I'm" before them, or must open the
  sentence or a clause ("Panicking.", "oh no, freaking out"), so "the kids are
  freaking out about the snow", "the dog is shaking off the water" and "she
  was, like, freaking out" cannot match. Body words need "my" ("my heart is
  racing", not "my phone's heart rate app"); "can't breathe" and "can't cope"
  must not follow "he", "she", "they" or "you". Past tense anecdotes ("I
  panicked when I saw the price", "I had a panic attack last year") and talk
  about panic ("how do I stop a panic attack") are not matched at all.
* What follows matters: "it's too much" only counts when nothing follows it
  but the end, "right now", "for me" and the like ("it's too much sugar" does
  not); "help me" only counts alone or with "please", "now" or another "help"
  ("help me wind down", "help me carry these bags" and "can you help me find my
  keys" are requests).
* A few idiom and everyday tails cancel a match ("shaking hands", "can't
  breathe through my nose", "going crazy with boredom", "going to pass out on
  the sofa", "spiralling costs").
* A plain denial right before the words is respected ("I'm not panicking",
  "I'm not having a panic attack, just tired"); a new clause ("no, I'm
  panicking") is not a denial.
* "If" or "when" before the speaker is a question or a habit, not now ("what
  should I do if I'm having a panic attack", "when I'm panicking, what
  helps?"); "what if I'm having a heart attack" is a fear now and counts.
  Reported speech ("she said nothing feels real"), something that causes it
  ("this jumper makes me feel like I can't breathe"), effort and cold ("my
  legs are shaking after leg day") and gladness ("freaking out, in a good
  way", "dizzy with excitement") do not count either.

Each kind is a family of statements, not a list of sentences. Panic: panic,
terror and dread ("I'm petrified", "this sense of doom", "my anxiety is
through the roof"). Breath: not getting air, suffocating, short of breath,
lungs that won't fill. Body: shaking (alone or with another state: "sweating
and shaking"), a racing or pounding heart, palpitations, "I think I'm having
a heart attack", a tight chest, dizzy, light headed or faint, legs giving
way, numb or tingling hands. Overwhelm: too much, can't cope, "I'm not
coping", falling apart or crumbling, the verge of a breakdown, breaking
point, drowning, everything crashing down, a head about to explode. Unreal:
nothing real or everything fake, far away, behind glass, watching myself or
my life like a film, a body that doesn't feel like mine, not knowing who or
where I am, not recognising myself, losing touch with reality. Help: a cry
for help alone, with "please", or with a reason that is itself distress
("help, I don't know what to do", "I need help, it's happening again").

Ordinary check-ins ("I feel anxious, maybe a six", "I'm feeling a bit
overwhelmed", "I'm stressed") never match: their words are not distress
words here. The few weaker words that are ("I'm so scared", "panicky", "I
need to calm down") do not count when the sentence carries a rating ("maybe
a six", "like an 8"), which makes it a check-in ("dizzy", "faint", "I'm not
coping" and "a sense of dread" are weaker words too); "a bit panicky" and "a
bit dizzy" are check-ins as well. Long input stays cheap: filler is matched
possessively, so no pattern can backtrack through a long run of words.

The phrasings and near misses are tested in tests/data/distress_phrases.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voice.feelings.vocabulary import words

KINDS = ("panic", "breath", "body", "overwhelm", "unreal", "help")


# What Attune says to the hard moment: one warm line, never a question about numbers.
REPLY_START = "I'm here with you. Let's slow things down together, right now."
REPLY_SWITCH = "I'm here with you. Shall we switch to one minute calm? Yes or no."
REPLY_BREATHE = "I'm here with you. Let's breathe slowly together: in, and a long breath out."


@dataclass(frozen=True)
class DistressMatch:
    phrase: str  # the words that matched, normalized
    kind: str  # one of KINDS


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]  # the group "core" holds the distress words themselves
    negatable: bool  # False when the phrase carries its own "not" ("i'm not in my body")
    unless: re.Pattern[str] | None  # idiom or everyday tails that cancel the match
    weak: bool  # does not count in a check-in with a rating ("i'm so scared, like a six")
    needs: tuple[str, ...]  # the regex is only tried when one of these is in the text


def _p(kind: str, lead: str, core: str, negatable: bool = True, unless: str | None = None,
       weak: bool = False, needs: str = "") -> _Pattern:
    regex = re.compile(lead + r"(?P<core>" + core + r")\b")
    return _Pattern(kind, regex, negatable,
                    re.compile(r"^ (?:" + unless + r")\b") if unless else None, weak,
                    tuple(needs.split("|")) if needs else ())


def _then(alts: str) -> str:
    """Lookahead: what follows is the end, a pause, or one of ``alts`` (whole words)."""
    return r"(?= *(?:$|[.!?;,]|(?:" + alts + r")\b))"


_END = r"(?= *(?:$|[.!?;,]))"


# Words allowed between the speaker and the state: "i'm just so totally freaking out",
# "i am really starting to panic", "i've been shaking all day". Denials are
# allowed too, so that "i'm not panicking" is found and then refused by _denied.
_ADV_LIST = """am just so really totally completely literally absolutely actually
    still now all kind sort of a bit little like seriously properly fully honestly truly very
    quite pretty full on um uh er oh god think feel feeling keep kept been not never no longer
    having beginning starting getting right already almost basically definitely genuinely
    suddenly again also even"""
_ADV_WORDS = frozenset(_ADV_LIST.split())
_ADV = r"(?:(?:" + "|".join(sorted(_ADV_WORDS)) + r") )*"
# Spoken filler at the start of a sentence or clause: "oh god, help me", "um panicking".
# Possessive (*+), so a long run of filler cannot make the search backtrack.
_FILLER_WORDS = (r"oh my god|um|uh|er|oh|god|no|okay|ok|so|and|now|honestly|omg|seriously|"
                 r"just|still|again|sorry|attune|hey")
_FILLER = r"(?:(?:" + _FILLER_WORDS + r"|help|please) )*+"
_FILLER_BEFORE_HELP = r"(?:(?:" + _FILLER_WORDS + r") )*+"
# The start of a sentence or clause. detect() marks these with "#" (never after a comma
# in reported speech: "she was, like, freaking out"), so that every pattern can begin
# with a plain word or "#" and the search stays fast.
_MARK = "#"
_CLAUSE = _MARK + " "
_REPORTED = frozenset({"like", "was", "were", "is", "are", "be", "says", "said"})
_START = _CLAUSE + _FILLER
_START_BEFORE_HELP = _CLAUSE + _FILLER_BEFORE_HELP
# Who is speaking: "i", "i'm", "i've", or nobody at all at the start of a sentence or a
# clause ("Panicking.", "help, i'm panicking", "oh no, freaking out").
_SELF = r"(?:\bi(?:'m|'ve)? |" + _CLAUSE + r")" + _FILLER + _ADV
_ME_ONLY = r"\bi(?:'m|'ve)? " + _ADV  # first person, never a bare clause
_IM = r"\b(?:i'm|i am) " + _ADV
_MY = r"\bmy (?:whole |entire )?"
# Not about someone else: "he can't breathe through his nose", "you need to calm down".
_NOT_THEM = (r"(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwe )(?<!\byou )(?<!\bit )"
             r"(?<!\bdog )(?<!\bcat )(?<!\bbaby )(?<!\bkids )(?<!\bhe just )"
             r"(?<!\bshe just )(?<!\bthey just )(?<!\byou just )")
# Not asked of someone: "can someone help me", "could somebody help me lift this".
_NOT_ASKED = r"(?<!\bcan )(?<!\bcould )(?<!\bwould )(?<!\bwill )(?<!\bcan't )"
# "a bit panicky" is a check-in, "so panicky i can't sit still" is not.
_NOT_MILD = (r"(?<!a bit )(?<!a little )(?<!slightly )(?<!kind of )(?<!sort of )"
             r"(?<!somewhat )(?<!mildly )(?<!a tad )(?<!a touch )")
# Short statements count when they end, or go on with words that keep them acute.
_ACUTE = (r"right now|now|again|here|at the moment|so bad|so much|really bad|and|but|i|i'm|"
          r"please|help|oh|for real|completely|anymore|any more")
# What may follow a cry for help: nothing, "please", another "help", or a few words that
# say why ("help me, i'm scared"); never a task ("help me wind down", "help me, i can't
# find the remote").
_HELP_NEXT = _then(r"help|please|me|somebody|someone|i")
# A reason that is itself distress: "i'm scared", "i can't breathe", "it's happening".
_HELP_REASON = (r"i'm (?:so |really |too |just )?(?:scared|frightened|terrified|not okay|not ok|"
                r"in trouble|panicking|freaking|losing it|shaking)\b|"
                r"i can't(?: do this| breathe| cope| stop)?" + _END + r"|"
                r"i don't know what to do\b|make it stop\b|"
                r"it's (?:really |so |very )?(?:bad|happening|getting worse|too much)\b")
_HELP_TAIL = (r"(?= *(?:[.!?;,] ?(?:# )?)?(?:$|(?:please|now|right now|help|somebody|someone|"
              r"anyone|"
              r"anybody|oh|god|oh god|attune|me|quick|fast)" + _HELP_NEXT + r"|" +
              _HELP_REASON + r"))")

_ATTACK = (r"(?:(?:a|an|another|some|some kind of|some sort of|what feels like a|"
           r"what i think is a) )?(?:(?:really|very|so|massive|huge|big|bad|full|blown|"
           r"full blown|full on|proper|real|horrible|awful|terrible|major|serious|little|mini|"
           r"small|bit of a) )*(?:panic|anxiety) attack")
_SHAKE_TAILS = (r"the|a (?!lot|bit|little)|an|less|it|them|him|her|his|their|your|our|this|"
                r"things|stuff|everything up|"
                r"that|these|those|off|out|up|hands|hand|my head|of|like crazy to|"
                r"with (?:laughter|laughing|excitement|anticipation|joy|happiness|glee|cold)|"
                r"from (?:the )?cold|because (?:of the|it's) cold|in the cold")
_BREATHE_TAILS = (r"(?:through|out of|with) (?:my|his|her|their|your|the|one) nose|"
                  r"in (?:this|these|that|those|here|the) "
                  r"(?:heat|jeans|dress|suit|mask|trousers|outfit|humidity|smoke|dust|pollen)|"
                  r"with (?:this|my|the) (?:cold|flu|mask|blocked nose|stuffy nose)|"
                  r"because of (?:my|the|this) (?:cold|flu|mask|nose)|for laughing|"
                  r"from laughing|i'm laughing so|when i laugh|underwater|under water|"
                  r"a word|after|since (?:the|my) (?:run|stairs|gym)|"
                  r"from (?:the|running|climbing)")
# Pleasantly unreal: "I feel unreal in a good way after that massage".
_NICE = (r"(?:, # )?in a good way|after (?:that|the|a|my) (?:massage|nap|sleep|holiday|spa|"
         r"swim)")
_UNREAL_TAILS = (r"news|story|show|film|movie|book|game|ending|price|deal|offer|review|to|"
                 r"for|from|of|about|at|in the|with|" + _NICE)
# "I'm going to pass out on the sofa after this": tired, not faint.
# Effort or cold, not distress: "my legs are shaking after leg day".
_EXERTION = (r"after (?:leg day|the gym|my run|the run|running|lifting|squats|a workout|my "
             r"workout|the workout|training|football|the race|the hike|the climb)|from (?:the "
             r"cold|cold|lifting|running|the gym|exercise|the workout)|with (?:cold|excitement)")
# Glad excitement: "I'm freaking out, in a good way!", "dizzy with excitement".
_GLAD = (r"(?:, # )?(?:in a good way|with (?:excitement|joy|happiness|anticipation)|"
         r"(?:because|cause) i'm (?:so )?excited)")
# Reported: "she said nothing feels real", "he says everything feels unreal".
_NOT_SAID = (r"(?<!\bsaid )(?<!\bsays )(?<!\bsay )(?<!\bthinks )(?<!\bfeels )(?<!\btold me )"
             r"(?<!\btells me )")
# Caused, so a complaint about a thing: "this jumper makes me feel like i can't breathe".
_NOT_CAUSED = r"(?<!\bmakes me feel like i )(?<!\bmake me feel like i )(?<!\bmade me feel like i )"
_COUCH = (r"on (?:the|my|a)|in (?:bed|front|the)|as soon as|the (?:minute|moment|second)|"
          r"tonight|later|after|once|when|watching|early|if|from|with|because|of")

_PATTERNS = (
    # ---- panic ----------------------------------------------------------------
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
    # ---- breath ---------------------------------------------------------------
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
    # ---- body -----------------------------------------------------------------
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
    # ---- unreal ---------------------------------------------------------------
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
    # ---- overwhelm ------------------------------------------------------------
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
    # ---- help -----------------------------------------------------------------
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

_PUNCT = frozenset(".!?;,")
_DENIALS = frozenset({"not", "never", "don't", "doesn't", "didn't", "won't", "wouldn't",
                      "isn't", "wasn't", "ain't", "aren't", "no", "nor"})
# Between a denial and the words it denies: "not really having a panic attack".
# No pronouns: crossing "I" means a new clause ("no, I'm panicking").
_GAP_WORDS = """am is was be been being really actually just even feel feeling felt like
    having have had a an the that so too at all quite exactly currently totally completely
    literally going to gonna about starting getting bit little kind sort of any more longer
    anymore ever still right now freaking"""
_GAP = frozenset(_GAP_WORDS.split())
_SPEAKER = frozenset({"i", "i'm", "i've"})
_HYPOTHETICAL = frozenset({"if", "when", "whenever"})
_NUMBER_WORDS = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_RATING = re.compile(r"(?:\b(?:a|an|like|maybe|about|around|probably|at|solid|rating|"
                     r"say|it's|is) " + _NUMBER_WORDS + r"\b|\b" + _NUMBER_WORDS +
                     r" out of (?:ten|10)\b|# " + _NUMBER_WORDS +
                     r"(?= *(?:$|[.!?;,])))")


def _denied(toks: list[str], start: int) -> bool:
    """A denial governs the words at ``toks[start]``. Only those words: in "I'm not
    panicking, but my heart is racing" the racing heart still counts."""
    i = start - 1
    while i >= 0:
        tok = toks[i]
        if tok in _DENIALS:
            return True
        if tok not in _GAP:
            return False
        i -= 1
    return False


def _hypothetical(toks: list[str], start: int) -> bool:
    """A question or a habit, not now: "if" or "when" before the speaker ("what should I
    do if I'm having a panic attack", "when I'm panicking, what helps?"). "What if I'm
    having a heart attack" is a fear right now and still counts."""
    i = start - 1
    while i >= 0 and toks[i] in _ADV_WORDS:
        i -= 1
    if i < 1 or toks[i] not in _SPEAKER:
        return False
    return toks[i - 1] in _HYPOTHETICAL and toks[i - 2:i - 1] != ["what"]


def detect(text: str) -> DistressMatch | None:
    """The first words in ``text`` that say the speaker is in acute distress, or None."""
    toks: list[str] = []
    for tok in words(text):
        if tok in _PUNCT and (not toks or toks[-1] in _PUNCT):
            continue  # "Help me!!!" reads like "help me !", "... I can't" like "i can't"
        toks.append(tok)
    if not toks:
        return None
    marked = [_MARK]
    for i, tok in enumerate(toks):
        marked.append(tok)
        if (tok in _PUNCT and i + 1 < len(toks)
                and not (tok == "," and i and toks[i - 1] in _REPORTED)):
            marked.append(_MARK)
    toks = marked
    joined = " ".join(toks)
    rated = _RATING.search(joined) is not None
    for pattern in _PATTERNS:
        if (pattern.weak and rated) or (
                pattern.needs and not any(need in joined for need in pattern.needs)):
            continue
        for m in pattern.regex.finditer(joined):
            core_start, core_end = m.span("core")
            if pattern.unless and pattern.unless.match(joined[core_end:]):
                continue
            start = len(joined[:core_start].split())
            if pattern.negatable and _denied(toks, start):
                continue
            if _hypothetical(toks, start):
                continue
            return DistressMatch(m.group("core"), pattern.kind)
    return None


def is_distress(text: str) -> bool:
    return detect(text) is not None


# Spoken phrasings for the speech grammar, so distress is heard rather than
# rejected as out of grammar. Every one is detected (tests check), and every
# word is in the pocketsphinx dictionary ("hyperventilating" is not, so it is
# left to the open-vocabulary recognizers).
DISTRESS_PHRASES: tuple[str, ...] = (
    "i'm panicking", "panicking", "i'm having a panic attack", "i think i'm having a panic attack",
    "i'm having an anxiety attack", "i can't calm down", "i'm freaking out", "i'm losing it",
    "i'm so scared", "i can't stop panicking",
    "i can't breathe", "i can't catch my breath", "i can't get enough air",
    "i can't slow my breathing down",
    "i'm shaking", "i can't stop shaking", "my hands are shaking", "i'm trembling",
    "my heart is racing", "my heart is pounding", "my chest is so tight",
    "everything is spinning", "the room is spinning", "i feel like i'm going to pass out",
    "it's too much", "it's too much right now", "it's all too much", "everything is too loud",
    "i can't cope", "i can't stop crying", "i'm spiralling", "i'm spiraling",
    "i'm falling apart", "i'm having a meltdown", "make it stop", "please make it stop",
    "the walls are closing in",
    "nothing feels real", "everything feels unreal", "i don't feel real",
    "i feel like i'm not in my body", "i don't know where i am",
    "help me", "please help me", "help me please", "somebody help me", "help help",
)
