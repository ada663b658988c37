"""Warning signs of suicide as suicide-prevention guidance names them, read by the backstop
of :mod:`voice.feelings.crisis_backstop`.

Death as the only way out ("dying is the only door"), not caring whether one wakes, no
future, the others better off if I were dead, affairs and goodbyes put in order ("my
note", "a will ... before i go", "it's really goodbye"), means laid out ("the pills lined
up"), driving hoping to crash, a sudden calm after deciding, and self-harm acts beyond
cutting (head banging, ligatures round the neck, cutting too deep, thinking about cutting).
Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_means import first_undenied

_END = r"(?= *[.!?,]* *$| (?:and|but|so|now|tonight|today|again|already|anymore|lol)\b)"
_MEANS = (r"(?:knife|knives|blade|blades|razor|razors|razor blade|razor blades|pills|tablets"
          r"|rope|noose|gun|meds|painkillers|paracetamol)")

_SIGNS = re.compile(
    r"\b(?:"
    # death as the only way out
    r"(?:dying|death|killing myself|ending it|ending my life|suicide|to die|not being here)"
    r" (?:is|feels like|seems like|looks like|would be) (?:my |the )?only (?:door|way out|exit"
    r"|option|answer|escape|solution|choice|way|thing left)"
    # not caring whether one lives
    r"|(?:don't|dont|do not|wouldn't|won't) care (?:if|whether) i (?:wake up|live|die|don't wake"
    r"|never wake|make it|survive|crash)" + _END  # not "... live in the city"
    # no future left
    + r"|(?:can't|cannot|don't|dont) see (?:a|any) future(?: at all| for me| anymore| ahead)?"
    + _END
    + r"|(?:better|easier|happier) (?:off )?(?:for (?:everybody|everyone|everybody else"
    r"|everyone else|all|them|my \w+|the world) )?if i (?:am|was|were|just) (?:dead|gone|died)"
    # affairs and goodbyes in order
    r"|(?:written|wrote|writing|finished|left) my (?:suicide |goodbye |last |final )?note" + _END
    + r"|(?:will|affairs|things|everything|paperwork)(?: [\w',]+){0,8} (?:before i go|before i'm"
    r" gone|for when i'm gone)(?= *[.!?]* *$)"
    r"|(?:know|realise|realize) (?:it's|it is|it was|that it's) (?:really |actually |a real"
    r" |the (?:last|final) |my (?:last|final) )goodbye"
    r"|(?:won't|will not|wont) need to (?:[\w']+ ){1,2}me (?:anymore |any more )?(?:after|past"
    r"|beyond) (?:tonight|today|this week|tomorrow)"
    # the means laid out
    r"|" + _MEANS + r" (?:are |were )?(?:all )?(?:lined up|counted out|laid out|set out|ready)"
    r"(?! for (?:the|tomorrow|each|every|this|next|my|bed|work)\b)"  # not a week's doses
    r"|(?:got|have) (?:the|a|my) " + _MEANS + r" (?:next to|beside|by) me" + _END
    + r"|(?:drove|drive|driving|driven) (?:[\w']+ ){0,3}hoping (?:i'd|i would|to|i) (?:crash"
    r"|die|get killed|not make it|hit something)"
    # the calm of having decided
    r"|(?:already decided|made (?:my|the|up my) (?:decision|mind)|calm|at peace)(?: [\w',]+){0,6}"
    r" (?:it'll|it will|it's all going to|everything will|it's going to) (?:all )?be over"
    # self-harm acts beyond cutting
    r"|(?<!like )(?:bang|banging|banged|hit|hitting|smash|smashing) my head (?:against|on|off"
    r"|into) (?:the|a) (?:wall|floor|door)s? (?:when|till|until|to (?:feel|stop|calm|cope|make)"
    r"|so hard|on purpose)"
    r"|(?:tied|tying|tie|put|putting|wrapped|wrapping|pulled|pulling) (?:something|things|stuff"
    r"|a (?:belt|cord|cable|rope|ligature|lead|wire|scarf|tie)) (?:tight )?(?:round|around) my"
    r" neck(?! because it was cold)"
    r"|i (?:cut|cut myself|burned myself|burnt myself) (?:too|really|so|very) deep"
    r"|(?:keep|kept|can't stop|been|always) thinking about (?:cutting|self harming|hurting myself"
    r"|burning myself|overdosing)" + _END
    # short and non-native: "kill me please", "i think to die"
    + r"|^(?:please |just |someone |somebody )?kill me(?: please| now| already)?(?= *[.!?,]* *$)"
    r"|(?:think|thinking) to die"
    r"|^(?:i )?(?:feel |feels |feeling )?like (?:ending it(?: all)?|dying|not existing"
    r"|giving up on life)(?= *[.!?]* *$)"  # an answer to "what does it feel like?"
    r"|(?:no more|that's it|enough) ,? i'm (?:so |just )?done(?= *[.!?]* *$)"
    r")")


def warning_sign(text: str) -> str | None:
    """The words of a warning sign in ``text``, unless denied just before it."""
    return first_undenied(_SIGNS, text)
