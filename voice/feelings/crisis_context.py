"""What is said around danger words that takes the danger out of them.

"I used to self harm but I'm doing really well now" is recovery told with pride; "I used
to self harm and the urge is back" is a relapse and stays crisis. "I can't go on like this
with the neighbours' music" is about the music; "I can't go on like this" stays crisis.
"""

from __future__ import annotations

import re

_PAST = re.compile(r"\b(?:(?:used to|years ago|when i was (?:younger|a teenager|a kid|at school)"
                   r"|(?:years|months|a year|a decade) since i(?: last)?|my old)(?: [\w']+){0,6}"
                   r"|grew up (?:thinking|believing|feeling)(?: [\w']+){0,10}"
                   r"|when i was (?:\d+|[a-z]+teen|twenty|thirty|forty|in my"
                   r" (?:teens|twenties|thirties)|at (?:uni|university|college))(?: [\w']+){0,6}"
                   r"|back in (?:uni|university|college|school|the day|my \w+)"
                   r"(?: [\w']+){0,6})$")
# Well now, said after a short time clause ("... when i was a teenager but i've been clean
# for five years") or after help that worked ("... but therapy really helped and i'm okay now").
_DOING_WELL = re.compile(
    r"^(?: [\w']+){0,6}? ?,? ?(?:(?:but|and|now) ){0,2}(?:(?:[\w']+ ){1,3}(?:helped|worked)"
    r"(?: a lot)? ,? ?(?:and|so) )?(?:(?:i'm|im|i am|i've been|ive been|i have been) (?:doing )?"
    r"(?:really |so |much |a lot |very |way |loads )?(?:well|better|fine|good|okay|ok|clean|"
    r"recovered|in recovery|glad (?:i'm |to be )?(?:still )?(?:here|alive))"
    r"|(?:i'm|im|i am|i've been) (?:[\w']+ ){1,3}(?:clean|sober|free)"  # "twenty years clean"
    r"|how (?:different|much better|much has changed)"
    # "... but i haven't for a decade", "i'm in a much better place now"
    r"|(?:i haven't|i have not|haven't) (?:since|(?:for|in) (?:over |more than |about |nearly )?"
    r"(?:a|\w+) (?:decade|years?|months?))"
    r"|not (?:anymore|any more|these days|for years)(?! but)"
    r"|(?:i'm|im|i am) (?:now )?in a (?:much |far |way |lot |so much )?better place"
    # "... and i'm honestly really proud of that", "i've got support now", "i'm learning now
    # that i matter", "i've not hurt myself in years", "i don't feel like that anymore"
    r"|(?:i'm|im|i am) (?:honestly |really |so |very )*proud"
    r"|(?:i've|ive|i have) got (?:support|help|a therapist|people)(?: now)?"
    r"|(?:i'm|im|i am) learning (?:now )?(?:that )?i matter"
    r"|(?:i've|ive|i have) not (?:[\w']+ ){0,2}(?:in|for) (?:years|months|ages|a long time"
    r"|a decade)"
    # "they're gone now", "it's all behind me"
    r"|(?:they're|they are|they've|it's|it is|that's|that is) (?:all |long )?(?:gone|over|passed"
    r"|behind me|in the past)(?: now)?)\b"
    # a long way on: "... and now i'm thirty five with a family and i'm glad i'm here"
    r"|^ ,? (?:and |but )?now (?:[\w']+ ){0,8}?(?:and )?(?:i'm|im|i am) (?:really |so |just )?"
    r"glad (?:i'm |to be )?(?:still )?(?:here|alive)\b")
# Help that changed it, said after the words: "..., therapy really changed that".
_HELP_CHANGED = re.compile(r"^(?: [\w']+){0,6} ,? ?(?:but |and |now )?(?:therapy|counselling"
                           r"|counseling|treatment|medication|the meds|my meds|my therapist"
                           r"|getting help|recovery) (?:really |has |have |totally |completely )*"
                           r"(?:changed|helped with|fixed) (?:that|it|things|everything)\b")
# The risk back in the same sentence: "... but the urge is back", "... but not tonight".
_BACK = re.compile(r"\b(?:again|urges?|back|tempted|tonight|relapse\w*|not|isn't|struggling"
                   r"|slipping|want to(?! (?:breathe|relax|calm|unwind|wind down|rest|sleep"
                   r"|learn)))\b")  # not "i just want to breathe"


# "... but not anymore": the "not" is recovery, not the risk back.
_NOT_ANYMORE = re.compile(r"\bnot (?:anymore|any more|these days)\b"
                          r"|\bnot (?:[\w']+ ){0,2}(?:in|for) (?:years|months|ages|a long time"
                          r"|a decade)\b|don't feel like that (?:anymore|any more)")


# The past said after the words, then help that worked: "i was suicidal years ago and
# therapy really helped me get through it".
_WAS = re.compile(r"\b(?:was|were|felt|had|used to|tried|attempted)(?: [\w']+){0,4}$")
_PAST_THEN_HELPED = re.compile(
    r"^ (?:(?:[\w']+ )?(?:years|months|ages|a long time) ago|when i was (?:younger|a teenager"
    r"|a kid|at school)|in the past) ,? ?(?:but|and) (?:[\w']+ ){1,3}(?:helped|worked|got me"
    r" through)\b")


# The time said after the words: "i tried to take my life when i was nineteen, i'm doing
# really well now", "i attempted suicide in 2015 and i'm in a good place now".
_TIME_AFTER = re.compile(r"^ (?:when i was (?:\d+|[a-z]+)|in (?:\d{4}|my teens|my twenties)"
                         r"|(?:[\w']+ )?years ago|as a (?:teenager|kid|student))")
_IN_A_GOOD_PLACE = re.compile(r"^ ?,? ?(?:and |but )?(?:now )?(?:i'm|im|i am) (?:in a (?:good"
                              r"|better|much better) place|doing (?:really |so |much )?(?:well"
                              r"|better|okay))"
                              r"|^ ?,? ?(?:and |but )?now i (?:volunteer|work|help)\b")


def recovered(before: str, after: str) -> bool:
    """Self-harm told as the past, followed by being well now and nothing of it coming
    back."""
    if _BACK.search(_NOT_ANYMORE.sub(" ", after)):
        return False
    if _WAS.search(before.rstrip()) and _PAST_THEN_HELPED.match(after):
        return True
    timed = _TIME_AFTER.match(after)
    if _WAS.search(before.rstrip()) and timed and _IN_A_GOOD_PLACE.match(after[timed.end():]):
        return True
    if _PAST.search(before.rstrip()) and _IN_A_GOOD_PLACE.match(after):
        return True
    return bool(_PAST.search(before.rstrip()) and (_DOING_WELL.match(after)
                                                   or _HELP_CHANGED.match(after)))


# Something outside the speaker is what they can't go on with (not "... with this pain",
# "... with my life", "... with the way things are").
_OUTSIDE = re.compile(
    r"^ (?:like this |like that )?,? ?(?:with|because of) (?:the|that|those|these|this|our|"
    r"their|his|her|all (?:the|this|that)) (?!(?:pain|hurt|feelings?|thoughts?|voices|life|"
    r"depression|anxiety|loneliness|emptiness|darkness|guilt|grief|shame|sadness|misery|way|"
    r"world|body|head|mind|urges?|illness)\b)")


_GO_ON = ("go on", "carry on", "keep going", "like this", "like that")


def outside_cause(said: str, after: str) -> bool:
    """``said`` is going on ("can't go on like this") and the words after it name an
    outside cause."""
    return said.endswith(_GO_ON) and _OUTSIDE.match(after) is not None


# Not the speaker's own danger: a machine doing it ("the servers committed suicide"), a job
# that sees it ("we see overdoses every weekend"), a letter a therapist asked for ("i wrote a
# goodbye letter to my grandmother, the grief counsellor suggested it").
_THING = re.compile(r"\b(?:servers?|computers?|laptops?|phones?|printers?|system|app|website"
                    r"|router|database|hard drive|code|pc|mac) (?:just |all |has |have )?"
                    r"(?:committed|commited|commits)$")
_AT_WORK = re.compile(r"\b(?:we|i|they) (?:see|saw|treat|treated|get|got|deal with|dealt with"
                      r"|handle|handled|admit|admitted|nurse|look after|care for|attend)"
                      r" (?:a lot of |lots of |loads of |so many |many |more |all the |endless )?$")
_ASKED_FOR = re.compile(r"\b(?:counsellor|counselor|therapist|psychologist|grief [\w']+"
                        r"|bereavement [\w']+|support group)\b(?: [\w']+){0,3} (?:suggested"
                        r"|recommended|told me to|asked me to|set (?:it|me))\b")


# Someone described: "a poet who died by suicide" (not "i'm a person who ...").
_SOMEONE_WHO = re.compile(r"(?<!\bi'm )(?<!\bim )(?<!\bam )(?<!\bwas )\b(?:a|an|the|this|that)"
                          r" [\w']+ (?:who|that) (?:[\w']+ ){0,2}$")
# A topic, not an act: "the overdose protocol", "overdose training".
_TOPIC = re.compile(r"^ (?:risk |awareness |first aid )?(?:storyline|plot|episode|scene|protocol"
                    r"|protocols|guidelines|training"
                    r"|policy|policies|kit|kits|ward|unit|figures|rates|statistics|awareness|prevention|course|leaflet)\b")


_ASKED_NO = re.compile(r"\basked (?:me )?(?:if|whether)\b")
_SAID_NO = re.compile(r"^(?: [\w']+){0,3} ,? ?(?:and )?i (?:said|told (?:him|her|them)) no\b")


def not_my_danger(before: str, said: str, after: str) -> bool:
    """``said`` is a thing's, a job's, someone described's or a therapy exercise's, or a
    topic, not the speaker's danger."""
    if _THING.search(before.rstrip()) or _SOMEONE_WHO.search(before.rstrip() + " "):
        return True
    if _ASKED_NO.search(before) and _SAID_NO.match(after):
        return True  # a question answered no
    if said in ("overdose", "suicide", "self harm") and _TOPIC.match(after):
        return True
    if said == "overdose" and (re.search(r"\b(?:caffeine|sugar|chocolate|coffee|carb|carbs|sweets"
                                         r"|candy|information|cuteness|sun|telly|tv) $", before)
                               or re.match(r"^ of (?:sugar|caffeine|chocolate|coffee|sweets"
                                           r"|cuteness|information)\b", after)):
        return True
    if said == "overdose" and re.match(r"^ risks? (?:with|of|from|if|when)\b", after):
        return True
    if said.endswith("s") and _AT_WORK.search(before.rstrip() + " "):
        return True
    return bool(re.search(r"\b(?:letters?|notes?)\b", said)) and bool(_ASKED_FOR.search(after))
