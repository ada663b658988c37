"""Crisis concepts about the means and the acts around them, read by the backstop of
:mod:`voice.feelings.crisis_backstop`.

Asking for a way to die ("the quickest way to kill yourself", "how much is too much to
survive"), holding a means now ("the knife in my hand", "the rope i bought"), an intent
to take someone's pills, self-harm as the way to cope ("i need to cut to calm down"),
wasting away on purpose, leaving things in order because "i won't be around", and the
others' relief if "i wasn't here". Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

_MEANS = r"(?:knife|knives|blade|blades|razor|razors|razor blade|pills|tablets|rope|noose|gun)"
_CUT = r"(?:cutting|cut myself|hurting myself|burning myself|harming myself|scratching myself)"

_CONCEPTS = re.compile(
    r"\b(?:"
    # asking for a way
    r"(?:quickest|quicker|fastest|easiest|best|surest|simplest|least painful|most painless"
    r"|painless|quiet|quietest) (?:way|ways|method|methods) (?:to|of) (?:kill(?:ing)? (?:yourself"
    r"|myself|oneself|urself)|die|dying|end (?:it|my life|your life|it all)|commit(?:ting)?"
    r" suicide|overdose)"
    r"|how (?:much|many) (?:[\w']+ ){0,6}(?:is |are |would be |do you need |does it take )?"
    r"(?:too (?:much|many) to survive|enough to (?:die|kill (?:me|myself|you|yourself|a person)"
    r"|not wake up|never wake up|end it))"
    # a means in the hand or in sight
    r"|(?:got|have|holding|hold|picked up|with) (?:the|a|my) " + _MEANS
    + r" in my hands?"
    r"|in the (?:bath|bathtub|tub) with (?:a|the|my) " + _MEANS
    + r"|(?:keep|kept|can't stop|been|sitting|sat) (?:looking|staring|glancing) at (?:the|a|my) "
    + _MEANS + r"(?= *[.!?,]* *$| (?:while|and|again|i|when|every|all|tonight|right|for)\b)"
    + r"|(?:the|a) (?:rope|noose|razor blades?|blades) (?:i|i've) (?:bought|got|hid|hidden"
    r"|tied|made|saved|kept)"
    # taking someone's or all the pills, meant
    r"|(?:going to|gonna|want to|wanna|planning to|about to|i'll|i will) (?:just )?(?:take"
    r"|swallow|down) (?:all|every one) (?:\d{2,} )?(?:of )?(?:my |the |[\w']+'s |[\w']+ [\w']+'s )"
    r"(?:[\w']+ )?(?:pills|tablets|meds|medication|painkillers|paracetamol|sleeping pills)"
    # self-harm as the way to cope
    r"|(?:need|needed|have|had|got) to (?:cut|burn myself|hurt myself|scratch myself)"
    r" (?:to|so i can|or i) (?:calm|cope|feel|get through|stop|numb|sleep|breathe)"
    r"|only thing that (?:helps|works|calms me(?: down)?|gets me through)"
    r"(?: [\w']+){0,2} is " + _CUT
    + r"|stop myself (?:from )?" + _CUT
    + r"|(?:urge|urges) to (?:cut|burn|scratch|hurt)"
    # skin scratched open
    r"|(?:scratch|scratching|scratched|pick|picking|picked|tear|tearing|rip|ripping)"
    r" (?:at )?my (?:skin|arms|legs|wrists) (?:open|raw|until it bleeds|till it bleeds)"
    # wasting away on purpose
    r"|(?:want|wanna|going|trying|hope|hoping) to (?:just )?(?:waste away|starve (?:to death"
    r"|myself))"
    r"|(?:haven't eaten|not eaten|not eating|stopped eating)(?: [\w']+){0,4} on purpose"
    # not around for the ones left behind
    r"|(?:won't|will not|wont|not going to|not gonna) be (?:around|here|alive) (?:to (?:look"
    r" after|take care of|feed|walk)|(?:tomorrow|after tonight|next week|by (?:tomorrow"
    r"|the weekend|morning))(?= *[.!?]* *$| anyway\b))"  # not "..., i'm on holiday"
    r"|(?:sent|wrote|written|writing|left|recorded) (?:[\w']+ ){0,4}(?:a |my )?(?:goodbye"
    r"|farewell) (?:message|letter|note|text|video|email)s?(?= *[.!?]* *$| (?:just in case"
    r"|in case|for when|for after)\b)"
    r"|if i (?:wasn't|weren't|was not|were not) (?:here|around|alive)(?: [\w',]+){0,3}"
    r" (?:nobody|no one|everyone|everybody|they|people|my family) (?:would|wouldn't|could)"
    # stepping in front of something, as a thought or a plan
    r"|(?:thinking about|think about|thought about|want to|wanna|going to|gonna|urge to"
    r"|tempted to|could just|might just|should just) (?:just )?(?:step|stepping|walk|walking"
    r"|jump|jumping|lie down|lying down|throw myself|throwing myself) (?:out )?in front of"
    # non-native and misheard: "i think to kill me tonight", "i want to and my life"
    r"|(?:i )?(?:think|plan|want|decide|decided|go) to kill me(?! (?:with|for)\b)"
    r"|(?:want|wanna|going|gonna) to and my (?:own )?life"
    r")")
_DENIAL = frozenset({"don't", "dont", "never", "not", "no", "wouldn't", "won't", "didn't"})


def first_undenied(pattern: re.Pattern[str], text: str) -> str | None:
    """The words of the first match of ``pattern`` in ``text`` not denied just before it
    ("i would never take all my pills")."""
    for m in pattern.finditer(text):
        if not _DENIAL.intersection(text[:m.start()].split()[-2:]):
            return m.group(0)
    return None


# Where a clause begins: a denial before one of these is about another clause ("the pain
# won't stop so i'm going to ...").
_CLAUSE_START = frozenset({",", ".", "!", "?", ";", "so", "but", "and", "because", "cause"})
_ACCIDENT = re.compile(r"^(?: [\w']+){0,3} (?:by accident|accidentally|by mistake)\b")


def clause_undenied(pattern: re.Pattern[str], text: str) -> str | None:
    """Like :func:`first_undenied`, looking further back (up to four words: "i'm not going
    to ...", "i would never ever ...") but not past the start of the clause, and not told as
    an accident just after ("i drank some bleach by accident")."""
    for m in pattern.finditer(text):
        before = text[:m.start()].split()[-4:]
        cut = max((i + 1 for i, tok in enumerate(before) if tok in _CLAUSE_START), default=0)
        if not _DENIAL.intersection(before[cut:]) and not _ACCIDENT.match(text[m.end():]):
            return m.group(0)
    return None


def triggered_clause_undenied(triggers: frozenset[str], pattern: re.Pattern[str],
                              text: str) -> str | None:
    """:func:`clause_undenied`, tried only when one of ``triggers`` (words every match needs
    one of) is among the words of ``text``."""
    if triggers.isdisjoint(text.split()):
        return None
    return clause_undenied(pattern, text)


def means(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied just before it."""
    return first_undenied(_CONCEPTS, text)
