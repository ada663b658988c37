"""Noticing words that signal danger, and answering the way a caring person would.

Design: a missed crisis is worse than a needless one, so the patterns are
broad and anything unclear counts. Three things keep ordinary speech from
triggering: idioms never match (the patterns need "myself", "my life", "to
die" and so on, so "this traffic is killing me" or "my phone died" cannot),
a few accident and idiom tails are excluded ("cut myself shaving", "want to
die of embarrassment"), and a plain denial right before the words ("I would
never hurt myself", "I'm not going to kill myself") is respected. A denial
is only believed when nothing else is going on: "no, I want to die", "I
don't know if I want to live", "I won't hurt myself, but part of me wants
to" and "I don't want to hurt myself anymore" all still count.

The phrasings and near misses are tested in tests/data/crisis_phrases.yaml.
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass

from voice.feelings.vocabulary import words

KINDS = ("suicidal", "self_harm", "not_here", "hopeless")


@dataclass(frozen=True)
class CrisisMatch:
    phrase: str  # the words that matched, normalized
    kind: str  # one of KINDS


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    negatable: bool  # False when the phrase carries its own "not" ("don't want to live")
    unless: re.Pattern[str] | None  # idiom or accident tails that cancel the match


def _p(kind: str, pattern: str, negatable: bool = True, unless: str | None = None) -> _Pattern:
    return _Pattern(kind, re.compile(r"\b" + pattern + r"\b"), negatable,
                    re.compile(r"^ (?:" + unless + r")\b") if unless else None)


_ME = r"(?:myself|my self)"
_ACCIDENT = (r"shaving|cooking|chopping|playing|on (?:a|the|some)|by accident|accidentally|"
             r"at the gym|at work|lifting|running|falling|skiing|gardening|working out|"
             r"in the kitchen|with a knife while")
_LIVE = (r"(?:be alive|live|exist|be here|be around|go on|keep going|keep living|wake up|"
         r"be in this world|be on this earth|stay alive)")
# "I don't want to be here at this party", "... live in this town", "... wake up early".
# Times are not excluded: "I don't want to wake up tomorrow" counts.
_LIVE_UNLESS = (r"at|with|for|during|early|so early|before|alone|"
                r"near|there|to (?:work|school|the)|on (?:a|the|holiday|vacation|that)|"
                r"in (?:a|the|this|my|that) (?!world|life|body|planet)")

_PATTERNS = (
    _p("suicidal", r"(?:kill|killing|killed|kills) " + _ME,
       unless=r"laughing|working|at work|at the gym|with work|over work"),
    _p("suicidal", r"suicid(?:e|al)"),
    _p("suicidal", r"(?:end|ending|ended|take|taking|took) my (?:own )?life"),
    _p("suicidal", r"end(?:ing)? it all"),
    _p("suicidal", r"(?:want|wanted|going|ready|planning|plan|need|about) to end "
                   r"(?:it|things|everything)(?= *(?:$|[.!?;,]|now|tonight|today|soon|forever|"
                   r"for good|already))"),
    _p("suicidal", r"(?:think|thinking|thought) (?:about|of) ending (?:it|things|everything)",
       unless=r"with|between"),
    _p("suicidal", r"(?:want|wants|wanted|wanting|wish|ready|trying|deserve) to die",
       unless=r"of (?:embarrassment|boredom|laughter|laughing|cringe)|laughing"),
    _p("suicidal", r"(?:wish|hope|pray) (?:that )?i (?:could |would |will |might )?(?:just )?die"),
    _p("suicidal", r"(?:want|wanted|wanting|wish|rather|sooner) (?:to )?be dead",
       unless=r"than"),
    _p("suicidal", r"wish (?:that )?i (?:was|were) dead"),
    _p("suicidal", r"feel like dying|stop living"),
    _p("suicidal", r"(?:want|wants|wish) (?:it all|everything|my life|all of it) to end"),
    _p("suicidal", r"(?:rather|sooner) die", unless=r"than"),
    _p("suicidal", r"better off (?:dead|without me|if i (?:was|were|wasn't|weren't) "
                   r"(?:gone|dead|here|around|alive))"),
    _p("suicidal", r"better (?:place |world )?without me"),
    _p("suicidal", r"(?:hang|hanging|shoot|shooting|drown|drowning|poison|poisoning) " + _ME),
    _p("suicidal", r"overdos(?:e|ed|ing)"),
    _p("suicidal", r"(?:take|taking|took|swallow) all (?:of )?(?:my|the|these|those) "
                   r"(?:pills|tablets|meds|medication|medicine)"),
    _p("suicidal", r"jump(?:ing)? (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|balcony)"),
    _p("suicidal", r"(?:jump|step|throw myself) in front of (?:a|the) (?:train|bus|car|truck)"),
    _p("suicidal", r"slit(?:ting)? my wrists?"),
    _p("suicidal", r"(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|death|"
                   r"being dead|not being here|not existing|not waking up)"),
    _p("self_harm", r"(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt|"
                    r"injure|injuring|starve|starving|scratch|scratching|hit|hitting) " + _ME,
       unless=_ACCIDENT),
    _p("self_harm", r"self (?:harm|harming|injury|injure|injuring|mutilation)"),
    _p("self_harm", r"(?:cutting|cut|burning|burn) my (?:arms?|wrists?|legs?|skin|thighs?)"
                    r"(?: again)?", unless=_ACCIDENT),
    _p("self_harm", r"(?:started|start|been) cutting again|cutting again"),
    _p("self_harm", r"(?:want|wants|wanting|urge|urges|need) to (?:cut|burn)(?= *(?:$|[.!?;,]|"
                    r"again|so bad|really bad))"),
    _p("not_here", r"don't (?:really |even |ever )?(?:want|wish) to " + _LIVE,
       negatable=False, unless=_LIVE_UNLESS),
    _p("not_here", r"(?:not sure|don't know|don't think|unsure) (?:if |whether |that )?"
                   r"i (?:even |still |really )?(?:want|wish) to " + _LIVE,
       negatable=False, unless=_LIVE_UNLESS),
    _p("not_here", r"wish (?:that )?i (?:was|were) (?:never born|not born|not alive|not here|"
                   r"gone|never here)"),
    _p("not_here", r"wish (?:that )?i (?:wasn't|weren't) (?:alive|born|here|around)"),
    _p("not_here", r"wish (?:that )?(?:i|i'd) (?:had )?never been born"),
    _p("not_here", r"wish (?:that )?i (?:didn't|don't|could) (?:just )?(?:exist|not exist|"
                   r"disappear|vanish|stop existing|sleep forever|not wake up)"),
    _p("not_here", r"(?:wish|hope|pray) (?:that )?i (?:don't|won't|wouldn't|didn't|never) "
                   r"wake up"),
    _p("not_here", r"(?:want|wanted|going) to (?:disappear|vanish) (?:forever|for good|"
                   r"and never come back)"),
    _p("not_here", r"(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up"),
    _p("not_here", r"(?:want|wish|wishing|wanting) (?:i could |to )?(?:just )?sleep forever"),
    _p("not_here", r"not (?:going to )?be (?:here|around) (?:much longer|for long|anymore)",
       negatable=False),
    _p("not_here", r"never (?:want to )?wake up again"),
    _p("not_here", r"stop existing"),
    _p("not_here", r"won't be (?:here|around) (?:much longer|tomorrow|for long|anymore|"
                   r"any more)"),
    _p("not_here", r"(?:tired|sick|weary) of (?:living|being alive|life|existing|being here)"),
    _p("not_here", r"done with (?:life|living|being alive|existing)"),
    _p("not_here", r"why (?:am i|should i|bother|even) (?:even )?(?:alive|living|be alive|"
                   r"stay alive|keep living|go on|being alive)"),
    _p("hopeless", r"(?:no|not a|not any|there's no) (?:reason|point|purpose) (?:to|in|for) "
                   r"(?:live|living|being alive|go on|going on|keep going|stay alive|"
                   r"staying alive|life)", negatable=False),
    _p("hopeless", r"(?:what's|what is) the point (?:of|in) (?:living|life|being alive|"
                   r"going on|anything anymore)", negatable=False),
    _p("hopeless", r"nothing (?:left )?to live for", negatable=False),
    _p("hopeless", r"(?:isn't|not|is not|wasn't) worth (?:living|being alive|it anymore)",
       negatable=False),
    _p("hopeless", r"can't (?:go on|keep going|do this anymore|take (?:it|this) anymore|"
                   r"live like this|keep living)", negatable=False,
       unless=r"a |the |holiday|vacation|trip|with (?:the|this) (?:session|exercise|practice|"
              r"meeting|call)"),
    _p("hopeless", r"(?:no one|nobody) would (?:miss me|care if i (?:died|was gone|were gone|"
                   r"was dead|wasn't here|weren't here|disappeared))", negatable=False),
    _p("hopeless", r"(?:give|giving|given) up on (?:life|living|being alive)"),
    _p("hopeless", r"(?:wouldn't|won't|not) (?:even )?be missed", negatable=False),
    _p("hopeless", r"(?:not sure|doubt) (?:if |that )?(?:i'd|i would|anyone would) "
                   r"(?:be missed|miss me)", negatable=False),
    _p("hopeless", r"(?:no one|nobody) would (?:even )?notice if i (?:was|were|died|"
                   r"disappeared)", negatable=False),
)

# Between a denial and the words it denies: "not really going to", "never ever".
# No pronouns: crossing "I" means a new clause ("no I want to die").
_GAP_WORDS = """am is was would will could should do does did be been being going to want
    wanted wanting ever really actually seriously honestly truly feel feeling felt like plan
    planning intend intending try trying think thinking thought about of have had any at all
    even consider considering a an the that again plans plan intention intentions thoughts
    urge urges desire"""
_GAP = frozenset(_GAP_WORDS.split())
_DENIALS = frozenset({"not", "never", "don't", "doesn't", "didn't", "won't", "wouldn't",
                      "isn't", "wasn't", "ain't"})
# "no" only denies a noun: "I have no plans to kill myself", "no thoughts of suicide".
_NO_NOUNS = frozenset({"plans", "plan", "intention", "intentions", "thoughts", "thought",
                       "urge", "urges", "desire", "wish", "wishes"})
# After a denial, "but" with one of these means the denial is not the whole story.
_BUT_MORE = frozenset({"do", "might", "will", "sometimes", "part", "still", "did", "have",
                       "maybe", "am", "think", "worry", "could", "can't", "lately", "often"})
_SHORTHAND = {"kms": "kill myself", "unalive": "kill", "unaliving": "killing", "od": "overdose",
              "wanna": "want to"}


def _denied(toks: list[str], start: int) -> bool:
    i = start - 1
    while i >= 0:
        tok = toks[i]
        if tok in _DENIALS:
            return True
        if tok == "no":
            return toks[i + 1] in _NO_NOUNS
        if tok == "," and toks[i + 1:i + 2] == ["ever"]:
            i -= 1
            continue
        if tok not in _GAP:
            return False
        i -= 1
    return False


def _still_counts(toks: list[str], end: int) -> bool:
    """A denial with more to it: "... anymore", "... but part of me does"."""
    rest = toks[end:]
    if rest[:1] == ["anymore"]:  # "I don't want to hurt myself anymore": it is happening
        return True
    return any(tok == "but" and set(rest[j + 1:j + 4]) & _BUT_MORE
               for j, tok in enumerate(rest))


def detect(text: str) -> CrisisMatch | None:
    """The first words in ``text`` that signal danger, or None."""
    toks = [t for tok in words(text) for t in _SHORTHAND.get(tok, tok).split()]
    joined = " ".join(toks)
    for pattern in _PATTERNS:
        for m in pattern.regex.finditer(joined):
            if pattern.unless and pattern.unless.match(joined[m.end():]):
                continue
            start = len(joined[:m.start()].split())
            end = start + len(m.group(0).split())
            if pattern.negatable and _denied(toks, start) and not _still_counts(toks, end):
                continue
            return CrisisMatch(m.group(0), pattern.kind)
    return None


def is_crisis(text: str) -> bool:
    return detect(text) is not None


# Spoken phrasings for the speech grammar, so crisis language is heard rather
# than rejected as out of grammar. Every one is detected (tests check).
CRISIS_PHRASES: list[str] = [
    "i want to die", "i want to kill myself", "i'm going to kill myself",
    "i'm thinking about killing myself", "i've been thinking about suicide", "i feel suicidal",
    "i'm having suicidal thoughts", "i want to end my life", "i want to end it all",
    "i'm going to end it", "i want to hurt myself", "i've been hurting myself",
    "i cut myself", "i want to cut myself", "i've been cutting again",
    "i don't want to be here anymore",
    "i don't want to be alive", "i don't want to live anymore", "i don't want to wake up",
    "i'm not sure i want to live", "i wish i was dead", "i wish i wasn't alive",
    "i wish i'd never been born", "i'd be better off dead",
    "everyone would be better off without me",
    "there's no reason to live", "i have nothing to live for", "life isn't worth living",
    "i can't go on", "i can't do this anymore", "i can't take it anymore",
    "i want to disappear forever", "nobody would miss me", "i'm done with life",
    "i'm tired of living", "i'm going to take all my pills", "i want to overdose",
    "i'm thinking of ending things",
]


@dataclass(frozen=True)
class CrisisLine:
    region: str  # "US", "GB", "IE", "CA" or "" for anywhere else
    spoken: str  # how to reach help, written for the voice
    printed: str  # the same with numbers and addresses
    emergency_spoken: str
    emergency_printed: str


_US_EMERGENCY = ("If you are in danger right now, please call nine one one.",
                 "If you are in danger right now, call 911.")
_LINES = {
    "US": CrisisLine(
        "US", "In the US, you can call or text nine eight eight, any time, day or night.",
        "US: call or text 988 (988 Suicide & Crisis Lifeline), any time. "
        "Chat: https://988lifeline.org", *_US_EMERGENCY),
    "CA": CrisisLine(
        "CA", "In Canada, you can call or text nine eight eight, any time, day or night.",
        "Canada: call or text 988 (9-8-8 Suicide Crisis Helpline), any time. "
        "https://988.ca", *_US_EMERGENCY),
    "GB": CrisisLine(
        "GB", "You can call Samaritans, free, any time, on one one six, one two three.",
        "UK: call Samaritans free on 116 123, any time. https://www.samaritans.org",
        "If you are in danger right now, please call nine nine nine.",
        "If you are in danger right now, call 999."),
    "IE": CrisisLine(
        "IE", "You can call Samaritans, free, any time, on one one six, one two three.",
        "Ireland: call Samaritans free on 116 123, any time. https://www.samaritans.org",
        "If you are in danger right now, please call one one two, or nine nine nine.",
        "If you are in danger right now, call 112 or 999."),
    "": CrisisLine(
        "", "There is a free list of crisis lines for your country at find a helpline dot com.",
        "Find a free, confidential crisis line in your country: https://findahelpline.com",
        "If you are in danger right now, please call your local emergency number.",
        "If you are in danger right now, call your local emergency number."),
}
_ALIASES = {"UK": "GB", "USA": "US", "UNITED STATES": "US", "UNITED KINGDOM": "GB",
            "IRELAND": "IE", "CANADA": "CA", "NI": "GB"}


def resolve_region(region: str | None = None) -> str:
    """A region code from the argument, ``ATTUNE_REGION`` or the locale ("" if unknown)."""
    for candidate in (region, os.environ.get("ATTUNE_REGION"), _locale_region()):
        if candidate:
            code = candidate.strip().upper().replace("-", "_")
            code = _ALIASES.get(code, code)
            return code if code in _LINES else ""
    return ""


def _locale_region() -> str | None:
    # LANG=en_GB.UTF-8 -> GB. "C" and "POSIX" say nothing about where someone lives.
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", value)
            return match.group(1) if match else None
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        return None
    match = re.match(r"^[a-z]{2,3}_([A-Z]{2})", name)
    return match.group(1) if match else None


@dataclass(frozen=True)
class CrisisResponse:
    region: str
    spoken: str  # short, calm sentences for the voice
    printed: str  # the same, with numbers and web addresses
    practice: str = "grounding-54321"  # what "do a grounding practice together" starts


_OPENING = ("I'm really glad you said something. What you're feeling matters, and you matter. "
            "I'm only a small program, and I can't help with this on my own. "
            "Please reach out to someone who can help, right now.")
_OFFER_SPOKEN = ("If you'd like, we can do a grounding practice together while you reach out. "
                 "Just say, start grounding.")
_OFFER_PRINTED = ("If you'd like, we can do a grounding practice together while you reach out: "
                  "attune run grounding-54321")


def crisis_response(region: str | None = None) -> CrisisResponse:
    """What to say and show when someone may be in danger."""
    line = _LINES[resolve_region(region)]
    spoken = " ".join((_OPENING, line.spoken, line.emergency_spoken, _OFFER_SPOKEN))
    printed = "\n".join((_OPENING, "", line.printed, line.emergency_printed, "",
                         _OFFER_PRINTED))
    return CrisisResponse(line.region, spoken, printed)
