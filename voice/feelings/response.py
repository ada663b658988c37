"""What a check-in answers: pleasant or not, how strong, numbness, and the time of day.

One table (docs/journal.md, "What a check-in answers") decides the reply to a
feeling and the practice offered with it, for the typed check-in and the spoken
one alike. The reply reflects the person's own word first ("Lonely. Thank you
for telling me."), stays brief, and offers at most one practice in one short
question:

- pleasant feelings, at any strength, get a few words of savouring and nothing
  to fix;
- unpleasant and strong (a 7 or more, or a word like panicky or terrified) get
  the shortest steadying practice first;
- numbness gets eyes-open, outward grounding: for someone far away, closing
  the eyes and turning inward can take them further away;
- tiredness gets the wind-down only in the evening: at midday it is rest
  that is needed, not sleep.

The time is passed in (``at``) by the caller's own clock, so tests can run at
any hour. Crisis language never reaches here: the callers check it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from voice.feelings.vocabulary import Feeling, load_vocabulary

PLEASANT = ("joy", "calm")
_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten")
# One short question for a practice whose plain title would not say what it offers.
OFFERS = {
    "calm-sos": "Shall we take one minute to steady, together?",
    "grounding-54321": "Would you like to try five senses grounding, with your eyes open?",
}


@dataclass(frozen=True)
class Response:
    """The reply to a check-in: ``row`` names its row of the table in docs/journal.md."""

    row: str
    reflect: str  # the person's word (and number) given back, and thanks
    comment: str  # a few words for this row; may be empty
    practice: str | None  # a session id to offer, or None

    @property
    def text(self) -> str:
        return " ".join(t for t in (self.reflect, self.comment) if t)

    def offer(self, title: str) -> str:
        """The one short question that offers :attr:`practice` ("" when there is none).

        ``title`` is the practice's name as it reads mid-sentence ("self soothing").
        """
        if self.practice is None:
            return ""
        return OFFERS.get(self.practice, f"Would you like to try {title}?")


def said_number(n: int) -> str:
    """ "a seven", "an eight": a rating as it is said aloud."""
    word = _NUMBERS[n] if 0 <= n <= 10 else str(n)
    return ("an " if word[0] in "ae" else "a ") + word


def evening(at: datetime) -> bool:
    """From the evening until early morning, when rest means sleep (see feelings.yaml)."""
    tired = load_vocabulary().practices["tired"]
    return at.hour >= int(tired["evening_from"]) or at.hour < int(tired["day_from"])


def strong(feeling: Feeling, intensity: int | None) -> bool:
    """Unpleasant and strong: a high rating, or a word that is strong in itself."""
    rule = load_vocabulary().practices["strong"]
    if feeling.family not in rule["families"]:
        return False
    return ((intensity is not None and intensity >= int(rule["rating_at_least"]))
            or feeling.arousal >= float(rule["arousal_at_least"]))


def _phrase_practice(text: str) -> str | None:
    vocab = load_vocabulary()
    for practice, phrases in vocab.practices["phrases"].items():
        if any(vocab.said(phrase, text) for phrase in phrases):
            return str(practice)
    return None


def _choose(feeling: Feeling | None, intensity: int | None, text: str,
            at: datetime) -> tuple[str, str | None]:
    """(row, practice) by the order in feelings.yaml's ``practices``."""
    vocab = load_vocabulary()
    rules: dict[str, Any] = vocab.practices
    if feeling is None:
        found = _phrase_practice(text)
        return ("phrase", found) if found else ("unnamed", None)
    if feeling.family == "unsure":
        return "unsure", None
    if feeling.family in PLEASANT:
        return "pleasant", None
    if feeling.family == "numb":
        return "numb", str(rules["numb"])
    if strong(feeling, intensity):
        return "strong", str(rules["strong"]["practice"])
    found = _phrase_practice(text) or vocab.own_practice(feeling)
    if found:
        return "phrase", found
    if feeling.family == "tired":
        when = "evening" if evening(at) else "day"
        return f"tired-{when}", str(rules["tired"][when])
    chosen = rules["families"].get(feeling.family)
    return "mild", str(chosen) if chosen else None


_COMMENTS = {
    "pleasant": "That's good to hear. You might take a moment just to enjoy it.",
    "strong": "That sounds like a lot right now.",
    "numb": "That's okay to notice, just as it is.",
    "tired-day": "Even a short rest counts.",
}


def respond(feeling: Feeling | None, intensity: int | None, text: str = "", *,
            at: datetime) -> Response:
    """The reply and the practice for a check-in.

    ``text`` is everything else that was said (the body, the need): phrases in it
    can shape the suggestion. ``at`` is the local time of the check-in.
    """
    row, practice = _choose(feeling, intensity, text, at)
    if feeling is None:
        reflect = "Thank you for putting it into words."
    elif feeling.family == "unsure":
        reflect = "Not knowing is a real answer. Thank you for checking in."
    else:
        said = feeling.word[0].upper() + feeling.word[1:]
        if intensity is not None:
            said += f", {said_number(intensity)}"
        thanks = "" if row == "pleasant" else " Thank you for telling me."
        reflect = f"{said}.{thanks}"
    return Response(row, reflect, _COMMENTS.get(row, ""), practice)


def suggest_practice(feeling: Feeling | None, text: str = "", intensity: int | None = None,
                     *, at: datetime) -> str | None:
    """A session id that might fit, or None when nothing needs suggesting."""
    return respond(feeling, intensity, text, at=at).practice
