"""Crisis said as risk taken on purpose, or asked of the assistant, read by the backstop of
:mod:`voice.feelings.crisis_backstop`.

Risks taken hoping not to survive ("i don't look when i cross the road anymore, hoping",
"drive really fast and hope i hit a tree", "walking on the train tracks to see if one
comes", "i step out in front of lorries"); a plan to step in front of something ("... so i
can step in front of it"); "what if i just ..." with a way of dying ("... didn't wake up",
"... stepped off the balcony", "... drove off the road on purpose"); and questions about
a way or a place ("which bridge is high enough to jump from", "who would find me if ...",
"help me die"). Their twins stay out: "i don't look at my phone when i cross the road",
"what if i don't wake up in time for my flight", "how do i end this exercise early".
Each is read as lowercase words joined by spaces.
"""

from __future__ import annotations

import re

from voice.feelings.crisis_afterlife import END
from voice.feelings.crisis_means import clause_undenied

_VEHICLE = r"(?:lorries|lorry|cars|car|traffic|buses|bus|trains|train|trucks|truck|a \w+)"
_HIGH = (r"balcony|roof|rooftop|bridge|ledge|cliff|edge|building|platform|car park|multi storey"
         r"|tower|block|top floor|window")

_RISK = re.compile(
    r"\b(?:"
    # risks taken hoping
    r"(?:don't|dont|do not|never|no longer|stopped|stop) (?:bother to |bothering to )?(?:look"
    r"|looking|check|checking) (?:when|before) (?:i )?(?:cross|crossing)(?! [\w']+ (?:safely"
    r"|carefully)\b)"
    r"|hope (?:that )?i (?:hit|crash into|smash into|plough into|drive into|go into) (?:a |the )?"
    r"(?:tree|wall|lorry|truck|bus|bridge|barrier|pillar|lamppost|lamp post|something|someone)"
    r"|(?:hope|hoping|wish|wishing|pray|praying)(?: that)? (?:one|it|a car|a lorry|something"
    r"|a train|a bus|a truck|someone) (?:hits|gets|kills|takes|runs over|runs) me"
    r"|(?:don't|dont|do not|wouldn't) care if (?:one|it|a car|a lorry|something|anything|a train"
    r"|a bus|a truck|they) (?:gets|hits|kills|takes|runs over) me"
    r"|(?:i|i've been|i keep|been|i'll|i just) (?:step|stepping|stepped|walk|walking|walked|run"
    r"|running|ran) (?:out )?(?:in front of|into) (?:the |oncoming )?" + _VEHICLE
    + r"|(?:walk|walking|walked|stand|standing|stood|sit|sitting|sat|lie|lying|lay|wait|waiting)"
    r" (?:on|along|across|between|by) (?:the )?(?:train |railway )?(?:tracks|rails|railway line"
    r"|line|level crossing) (?:to see if|hoping|waiting for|until|till)"
    r"|to see if (?:one|a train|a car|something|a lorry) (?:comes|hits|gets)"
    r"|so (?:that )?i (?:can|could) (?:step|jump|walk|lie down|throw myself|get) (?:out )?"
    r"(?:(?:in front of|under) (?:it|one|the next one|(?:the|a) (?:train|bus|lorry|car|truck"
    r"|traffic|tube|express))|off (?:it|the|a) (?:" + _HIGH + r"))\b"
    r"|(?:crash|crashed|crashing|swerve|swerved|veer|veered|(?:drive|drove|driving|driven|steer"
    r"|steered)(?: [\w']+){0,3} (?:off the road|into (?:a|the) \w+|off (?:a|the) \w+))"
    r"(?: (?!not\b)[\w']+){0,4} (?:on purpose|deliberately)"
    # what if i just ...
    r"|what if i (?:just )?(?:didn't|did not|don't|never|wouldn't) wake(?: up)?(?: again)?" + END
    + r"|what if i (?:just )?(?:stepped|step|jumped|jump|walked|walk|fell|threw myself|drove"
    r"|drive|crashed|swerved|went) (?:off|over|out of|from|into|in front of) (?:the |a |my )?"
    r"(?:" + _HIGH + r"|road|wall|tree|river|sea|traffic|train|lorry|bus|car)"
    r"|what if i (?:just )?(?:took|swallowed|take|swallow) (?:all|the whole|every)"
    r"|what if i (?:just )?(?:ended it|ended it all|wasn't here|was gone|disappeared for good"
    r"|stopped breathing|didn't come back|went to sleep forever)"
    # wishing for the end, and planning it
    r"|(?:wish|wished|hope|hoping|pray|praying)(?: that)? i(?:'d| would| could)? (?:never|not)"
    r" wake(?: up)?(?: again)?" + END
    + r"|wish (?:that )?(?:[\w']+ ){1,3}(?:would|could|will) (?:just )?(?:hurry up and )?"
    r"(?:kill me|finish me off|take me(?= *$| ,))" + END
    + r"|(?:planning|planned|plan|worked out|working out|figuring out|figured out|decided"
    r"|researching|researched|looked up|looking up) (?:how|when|where) (?:to|i'll|i will"
    r"|i'm going to|i'd) (?:die|end it|end my life|kill myself|go(?= *[.!?]* *$))" + END
    + r"|i (?:tried|attempted)(?: it)? (?:last \w+|before|once|twice|(?:a |two |three |\w+ )?"
    r"(?:weeks?|months?|years?) ago|in \w+)(?: [\w']+){0,2} ,? ?(?:and|but|so) (?:i'm going to"
    r"|i'm gonna|i'll|i will|i want to|i might|i'm planning to) (?:try|do it) again" + END
    # asked of the assistant
    + r"|(?:high|tall|far down|deep) enough to (?:jump from|jump off|die|kill (?:me|myself|you"
    r"|yourself|someone|a person)|not survive|be fatal)"
    r"|(?:how high|how far|how tall|how deep) (?:[\w']+ ){0,5}(?:to|before you|before i|so you"
    r"|so i) (?:die|don't survive|wouldn't survive|kill|be sure)"
    r"|who (?:would|will|'ll|'d|is going to|would be the one to) find (?:me|my body)"
    r"(?= *$| [,.!?;]| (?:if|when|after|in)\b)"
    r"|(?:^|please |can you |could you |will you |would you |just |someone )help me (?:to )?"
    r"(?:die|end it|end my life|kill myself|end it all)(?: please| now| already)?" + END
    + r")")
# A sentence with none of these words cannot match: the patterns are not tried.
_TRIGGER_WORDS = """
    look looking check checking hope hoping wish wishing pray praying care step stepping
    stepped walk walking walked run running ran stand standing stood sit sitting sat lie
    lying lay wait waiting see so drive drove driving driven crash crashed crashing
    swerve swerved steer steered veer veered what enough high far tall deep who help wish
    wished planning planned plan worked working figuring figured decided researching
    researched looked tried attempted"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def risk(text: str) -> str | None:
    """The words of one of these concepts in ``text``, unless denied just before them."""
    if _TRIGGERS.isdisjoint(text.split()):
        return None
    return clause_undenied(_RISK, text)
