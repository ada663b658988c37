"""The typed check-in, and kind words for a before/after rating.

The check-in asks four gentle questions (what am I feeling, how strong, how is
my body, what do I need), keeps the answers in the journal and offers one
practice that fits. Any answer can be skipped. "I don't know" is respected.
Crisis language at any prompt stops the check-in: the crisis response is
shown, a crisis event is logged, and nothing is recorded as a mood.

Input and output are injected (``ask`` and ``say``) so tests, the terminal
and later the voice loop can share one flow; so is the clock (``now``), since
the time of day shapes the suggestion for tiredness. What is answered and
suggested is :func:`voice.feelings.response.respond`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from voice.feelings import crisis
from voice.feelings.response import respond
from voice.feelings.response import said_number as _a
from voice.feelings.vocabulary import (
    Feeling,
    load_vocabulary,
    parse_intensity,
    vague_intensity,
)
from voice.journal.store import Journal

MAX_ANSWER = 500  # characters kept of a typed answer; a check-in is not a diary


def local_now() -> datetime:
    return datetime.now().astimezone()


def describe_change(before: int | None, after: int | None) -> str:
    """A kind sentence about a 0-10 rating before and after a practice.

    Better, the same and worse are all said without judgement; a feeling that
    grew is normal, not a failure. Empty when there is no "after" to speak of.
    """
    if after is None:
        return ""
    if before is None:
        return f"Right now it's {_a(after)}. Thank you for noticing."
    if after < before:
        return f"From {_a(before)} to {_a(after)}. It sounds like something eased a little."
    if after == before:
        return (f"Still {_a(after)}. That's okay. Staying with a feeling counts, "
                "even when it doesn't change.")
    return (f"From {_a(before)} to {_a(after)}. Sometimes a feeling gets stronger when we give "
            "it attention. That's okay. Go gently, and do whatever you need next.")


class CrisisStop(Exception):
    """Crisis language was typed; the check-in ends here."""

    def __init__(self, text: str) -> None:
        super().__init__("crisis language")
        self.text = text


@dataclass
class Answers:
    feeling: Feeling | None = None
    feeling_text: str | None = None  # the person's own words when no feeling word matched
    intensity: int | None = None
    body: str | None = None
    need: str | None = None

    def said_anything(self) -> bool:
        return any(v is not None for v in (self.feeling, self.feeling_text, self.intensity,
                                           self.body, self.need))


Ask = Callable[[str], "str | None"]  # returns None at end of input
Say = Callable[[str], None]


class CheckIn:
    """One typed check-in. :meth:`run` returns 0 (recorded, skipped, or stopped for care)."""

    def __init__(self, ask: Ask, say: Say, journal: Callable[[], Journal],
                 region: str | None = None, keep_transcripts: bool = False,
                 source: str = "text", now: Callable[[], datetime] = local_now) -> None:
        self._ask_raw, self._say = ask, say
        self._now = now
        self._journal = journal
        self._region = region
        self._keep_transcripts = keep_transcripts
        self._source = source
        self.answers = Answers()
        self.suggested: str | None = None

    def _ask(self, prompt: str) -> str | None:
        raw = self._ask_raw(prompt)
        if raw is None:
            return None
        text = " ".join(raw.split())[:MAX_ANSWER]
        if crisis.is_crisis(text):
            raise CrisisStop(text)
        return text or None

    def run(self) -> int:
        self._say("Let's check in. There are no right or wrong answers, and you can press "
                  "Enter to skip any question.\n")
        try:
            self._feeling()
            if self.answers.intensity is None:  # "anxious, maybe a six" said it already
                self._intensity()
            self.answers.body = self._ask("How is your body feeling? A few words is enough.\n> ")
            self.answers.need = self._ask(
                "What do you need right now? Maybe rest, comfort, connection, or quiet. "
                "Anything is fine, and so is \"I don't know\".\n> ")
        except CrisisStop as stop:
            self._crisis(stop.text)
            return 0
        self._record()
        return 0

    def _feeling(self) -> None:
        vocab = load_vocabulary()
        text = self._ask("What are you feeling right now? A word or a few is enough, and "
                         "\"I don't know\" is a real answer.\n> ")
        if text is None:
            return
        self.answers.intensity = parse_intensity(text)
        feeling = vocab.lookup(text)
        if feeling is not None and feeling.family == "unsure":
            words = ", ".join(vocab.suggestions(4))
            self._say("That's okay. Not knowing is a real answer.")
            tried = self._ask(f"If you like, try one of these on: {words}. Does one fit, even "
                              "a little? (Enter to leave it)\n> ")
            found = vocab.lookup(tried) if tried else None
            if found is not None and found.family != "unsure":
                feeling = found
                self._say(f"Thank you. {found.word.capitalize()} it is, for now.")
            else:
                self._say("That's fine. We'll leave it as not sure.")
        elif feeling is not None:
            self._say(f"{feeling.word[0].upper()}{feeling.word[1:]}. Thank you for noticing it.")
        else:
            self.answers.feeling_text = text
            self._say("Thank you for putting it into words.")
        self.answers.feeling = feeling

    def _intensity(self) -> None:
        text = self._ask("How strong is it, from 0 to 10? 0 is barely there, 10 is as strong "
                         "as it gets.\n> ")
        if text is None:
            return
        value = parse_intensity(text)
        unsure = load_vocabulary().lookup(text)
        if value is None and not (unsure is not None and unsure.family == "unsure"):
            # Ask once, then let it be: a number helps later, but it is not required.
            prompt = ("Thank you. If you had to put a number on it, from 0 to 10, what would it "
                      "be? A guess is fine.\n> " if vague_intensity(text) else
                      "A number from 0 to 10 is enough, or press Enter to skip.\n> ")
            again = self._ask(prompt)
            value = parse_intensity(again) if again else None
        self.answers.intensity = value

    def _crisis(self, text: str) -> None:
        response = crisis.crisis_response(self._region)
        self._say("")
        self._say(response.printed)
        with self._journal() as journal:
            journal.add_crisis_event(transcript=text if self._keep_transcripts else None)

    def _record(self) -> None:
        a = self.answers
        if not a.said_anything():
            self._say("Nothing to keep this time, and that's okay. Thank you for stopping by.")
            return
        said = " ".join(t for t in (a.feeling_text, a.body, a.need) if t)
        reply = respond(a.feeling, a.intensity, said, at=self._now())
        self.suggested = reply.practice
        f = a.feeling
        with self._journal() as journal:
            journal.add_check_in(
                feeling=f.word if f else a.feeling_text, family=f.family if f else None,
                intensity=a.intensity, body=a.body, need=a.need,
                valence=f.valence if f else None, arousal=f.arousal if f else None,
                suggested=self.suggested, source=self._source)
        self._say("\nThank you for checking in with yourself. It's kept in your private "
                  "journal ('attune history' shows it).")
        if reply.comment:
            self._say(reply.comment)
        if self.suggested:
            self._say(f"{reply.offer(practice_title(self.suggested))} "
                      f"You can run: attune run {self.suggested}")


def practice_title(session_id: str) -> str:
    """A session's title as it reads mid-sentence ("extended exhale breathing")."""
    try:
        from voice.sessions.library import load_library

        session = load_library().sessions.get(session_id)
    except Exception:  # the suggestion still stands without a pretty title
        session = None
    if session is None:
        return session_id.replace("-", " ")
    title = session.title[0].lower() + session.title[1:]
    if session.category == "breathing" and "breath" not in title:
        title += " breathing"
    if session.category in ("body-scan", "self-compassion", "wind-down"):
        title = "a " + title  # "a body scan", "a self compassion break"
    return title
