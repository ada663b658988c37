"""The pieces the distress patterns are written with: who is speaking, filler, what may follow.

Shared by :mod:`voice.feelings.distress` and its pattern modules
(``distress_panic_breath``, ``distress_body_unreal``, ``distress_overwhelm_help``) and by
nothing else, so the names keep their leading underscore: they are the distress rules'
own vocabulary, not an interface.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
