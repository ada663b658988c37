"""Crisis said in a few words: a whole reply, read by :func:`voice.feelings.crisis.detect`
when nothing longer matched.

Late at night, in answer to "how are you feeling?", a person may say only "can't anymore",
"over it. over life.", "done. for good." or "not wanting to be alive". These count in every
mode when they are the whole reply. "no point" (and "pointless") counts only as an answer:
said across a room it is about anything. Their twins stay out by being longer or other
words: "done. finished the whole body scan.", "can't complain", "meh", "i'm over it, let's
move on", "there's no point arguing with him".
"""

from __future__ import annotations

import re

from voice.feelings.crisis_answer import answer_reply

# Words that may come before or after the reply and leave it whole.
_SOFT = r"(?:(?:honestly|just|really|tbh|idk|like|so|i'm|im|i|um|erm|yeah|i guess|ngl) ,? ?)*"
_TAIL = r"(?: ,? ?(?:honestly|really|tbh|anymore|any more|now|at all|ngl|lol))*"

_WHOLE = re.compile(
    r"^" + _SOFT + r"(?:"
    r"(?:can't|cant|cannot) (?:anymore|any more|do it anymore|do it any more|keep going"
    r"|take it anymore|go on)"
    r"|(?:so )?over (?:it )?,? ?(?:\. )?(?:so )?over (?:life|living|being alive|existing)"
    r"|(?:so )?(?:over|done with|finished with) (?:life|living|being alive|existing)"
    r"|(?:done|finished|out) ,? ?(?:\. )?for good"
    r"|not wanting to (?:be alive|live|exist|be here|wake up|go on|be here anymore)"
    r"|(?:don't|dont|do not) want to (?:be alive|exist|wake up)"
    r")" + _TAIL + r"(?: [.!?])*$")
# Only as an answer: "no point" to "how are you feeling?" is hopelessness.
_ANSWER = re.compile(r"^" + _SOFT + r"(?:no point|pointless|what's the point|whats the point"
                     r"|there's no point|no point anymore|no point in anything|what's the use)"
                     + _TAIL + r"(?: [.!?])*$")


def short_reply(text: str, mode: str | None = None) -> str | None:
    """The words when ``text`` (lowercase words joined by spaces) is one of these replies;
    "no point" only when ``mode`` is "answer", and what a longer answer says is needed or
    lies behind it (:mod:`voice.feelings.crisis_answer`)."""
    if mode == "answer" and (said := answer_reply(text)) is not None:
        return said
    if len(text.split()) > 10:
        return None
    found = _WHOLE.search(text)
    if found is None and mode == "answer":
        found = _ANSWER.search(text)
    return found.group(0).strip(" .!?") if found is not None else None
