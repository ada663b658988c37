"""What Attune does with what it hears: commands, check-ins, offers, crisis.

The loop (:mod:`voice.assistant.listen`) owns time, devices and the session player; this
mixin decides what each heard utterance means in the moment and answers it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from voice.assistant.parts import (
    NOT_CAUGHT_GAP_S,
    OFFER_WAIT_S,
    Announcer,
    EventLog,
    Offer,
    heard_record,
)
from voice.audio.mic import SAMPLE_RATE as MIC_RATE
from voice.ears.base import Heard
from voice.engine.answers import normalize
from voice.engine.timeline import RATE
from voice.sessions.model import Ask

if TYPE_CHECKING:
    from voice.assistant.parts import Echo, ListenAnswers
    from voice.engine.player import Player

CONTROLS = frozenset({"pause", "resume", "stop", "repeat", "skip", "slower", "faster", "louder",
                      "quieter", "time_left"})
SOS = "calm-sos"  # the shortest steadying practice: where a hard moment goes at once
AGAIN_WINDOW_S = 30.0  # after calm-sos ends, "again" or "one more minute" starts it again
CRISIS_REPEAT_S = 600.0  # after the crisis reply, "repeat" says it again
WAKE_WINDOW_S = 8.0  # after a bare wake phrase, the next command needs none
WAKE_LIKENESS = 70  # rapidfuzz ratio of the opening words to the wake phrase
ASK_NUMBER_AFTER_S = 2.0
NEAR_MISS = 0.3  # a rejected command this confident was probably meant for Attune
# A rejected control this confident is taken when the moment makes it likely
# (see Conversation._as_expected).
EXPECTED_FLOOR = 0.4


class Conversation:
    """Mixed into :class:`voice.assistant.listen.Assistant`, which provides the state below."""

    player: Player | None
    answers: ListenAnswers | None
    offer: Offer | None
    announcer: Announcer
    echo: Echo
    log: EventLog
    library: Any
    journal: Any
    settings: Any
    asleep: bool
    last_not_caught: float
    attention_until: float
    ask_number_at: float | None
    matcher: Any
    # calm-sos to start once these words are said (time), and rounds asked for ahead
    start_after: tuple[str, float] | None = None
    again_pending: int = 0
    last_ended: tuple[str, float] | None = None
    # the crisis reply (when, words): "say that again" repeats it for someone who missed the
    # number with their eyes closed
    last_crisis: tuple[float, str] | None = None

    @property
    def t(self) -> float:
        raise NotImplementedError

    def local_time(self) -> datetime:
        """The local time now, by the loop's own clock (the time of day shapes a reply)."""
        raise NotImplementedError

    def emit(self, event: str, **details: Any) -> None:
        raise NotImplementedError

    def say(self, text: str) -> None:
        raise NotImplementedError

    def _mode(self) -> None:
        raise NotImplementedError

    def overlaps_own_speech(self, heard: Heard) -> bool:
        raise NotImplementedError

    def start_session(self, session_id: str, minutes: Any = None,
                      intro: str | None = None) -> None:
        raise NotImplementedError

    def _fade_and_drop(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------ hearing
    def on_heard(self, heard: Heard) -> None:
        if not heard.text and heard.intent is None:
            return
        if heard.intent not in (None, "crisis") and self._only_echo(heard):
            heard = replace(heard, intent=None, slots={}, reason="echo")
        heard = self._as_expected(heard)
        self.emit("heard", **heard_record(heard))
        if heard.intent == "crisis":
            self.crisis(heard)
            return
        if heard.intent == "distress":
            self.distress(heard)
            return
        if self.asleep:
            if heard.intent == "wake":
                self.asleep = False
                self.emit("awake")
                self.say("I'm here.")
                self._mode()
            return
        if heard.intent == "repeat" and self.player is None and self.last_crisis is not None and (
                self.t - self.last_crisis[0] <= CRISIS_REPEAT_S):
            self.emit("repeat", what="crisis")
            self.say(self.last_crisis[1])  # the line and the number, once more
            return
        if self.offer is not None and self.offer.kind == "switch":
            self._answer_offer(heard)  # "shall we switch to one minute calm?"
        elif self.player is not None:
            self._in_session(heard)
        elif self.offer is not None:
            self._answer_offer(heard)
        else:
            self._idle(heard)

    def _as_expected(self, heard: Heard) -> Heard:
        """A narrowly rejected control that the moment makes likely is taken.

        While a session is paused the room is quiet and only "resume" or "stop"
        make sense; after a question, only its answers. While Attune talks,
        someone the echo canceller hears talking over it is addressing Attune (a
        barge-in), and only the controls can be heard then. Either way the words
        must still parse as that control (or answer).
        """
        # A "self" drop means the words match what Attune is saying ("You can say pause
        # or stop"); the echo canceller can tell that a person said them too.
        said_over_self = heard.reason == "self" and not self._only_echo(heard)
        narrowly_missed = (heard.intent is None and heard.reason == "low-confidence"
                           and heard.confidence >= EXPECTED_FLOOR)
        if not (said_over_self or narrowly_missed):
            return heard
        if self.player is None:
            return self._expected_answer(heard, "barge-in" if said_over_self else "expected")
        if said_over_self:
            expected, why = CONTROLS, "barge-in"
        elif self.player.paused is not None:
            expected, why = frozenset({"resume", "stop"}), "expected"
        elif self.overlaps_own_speech(heard) and not self._only_echo(heard):
            expected, why = CONTROLS, "barge-in"
        else:
            return heard
        found = self._session_matcher().match(heard.text)
        if found is None or found.name not in expected:
            return heard
        return replace(heard, intent=found.name, slots=dict(found.slots), reason=why)

    def _expected_answer(self, heard: Heard, why: str) -> Heard:
        """Right after Attune asked "yes or no?" (or "how strong, zero to ten?"), a
        narrowly rejected answer of that kind is what it sounds like."""
        if self.offer is None:
            return heard
        if self.offer.kind == "intensity":
            from voice.feelings.vocabulary import parse_intensity

            fits = parse_intensity(heard.text) is not None
        else:
            fits = normalize(_YES_NO, heard.text).key in ("yes", "no")
        if not fits:
            return heard
        return replace(heard, intent="answer", reason=why)

    def _session_matcher(self) -> Any:
        if self.matcher is None:
            from voice.understanding.intents import default_matcher

            self.matcher = default_matcher("session")
        return self.matcher

    def _only_echo(self, heard: Heard) -> bool:
        """Heard while Attune talked, and the echo canceller heard nobody else."""
        if not self.overlaps_own_speech(heard):
            return False
        start, end = int(heard.start_s * MIC_RATE), int(heard.end_s * MIC_RATE)
        return not self.echo.canceller.near_talk(start, max(end, start + 1))

    def _in_session(self, heard: Heard) -> None:
        assert self.player is not None
        if self.answers is not None and self.answers.open.is_set() and heard.text and (
                heard.intent in (None, "check_in", "answer")
                and heard.reason in ("", "no-match")):
            self.answers.put(heard.text)
            return
        if heard.intent in CONTROLS:
            self.player.controls.send(str(heard.intent))
        elif heard.intent == "extend":
            self._extend()
        elif heard.intent == "help":
            self.say("You can say pause, resume, slower, faster, louder, quieter, repeat, "
                     "skip, how much time is left, or stop.")

    def _addressed(self, heard: Heard) -> bool:
        """With a wake phrase configured, idle commands must come with it (or just after)."""
        phrase = self._wake_phrase()
        if not phrase or heard.intent == "crisis":
            return True
        if heard.intent == "wake" or _likeness(heard.text, phrase, opening=True):
            self.attention_until = self.t + WAKE_WINDOW_S
            return True
        return self.t <= self.attention_until

    def _wake_phrase(self) -> str:
        return " ".join(str(self.settings["wake_phrase"].value or "").lower().split())

    def _idle(self, heard: Heard) -> None:
        if not self._addressed(heard):
            return
        intent = heard.intent
        phrase = self._wake_phrase()
        if intent is None and phrase and _likeness(heard.text, phrase, opening=False):
            intent = "wake"  # the wake phrase alone, as a transcriber wrote it
        if intent == "extend":
            ended = self.last_ended
            if ended is not None and ended[0] == SOS and self.t - ended[1] <= AGAIN_WINDOW_S:
                self.emit("extend", session=SOS, when="after")
                self.start_session(SOS)
        elif intent == "wake":
            # A soft tick, not words: "hey attune ... start a body scan" goes on at once.
            self.announcer.cue("hold")
            self.emit("attention")
        elif intent == "start_session":
            self.start_session(str(heard.slots["session"]), heard.slots.get("minutes"),
                               heard.slots.get("intro"))
        elif intent == "check_in":
            self.check_in(heard.slots)
        elif intent == "help":
            self.say("You can start a practice by name, like: start box breathing, or a body "
                     "scan. You can tell me how you feel, like: I feel anxious. Or ask: what "
                     "can I do?")
        elif intent == "list_sessions":
            titles = [s.title for s in self.library.by_category()]
            self.say("You can choose from: " + ", ".join(titles[:-1]) + ", and " + titles[-1]
                     + ".")
        elif intent is None and heard.reason == "low-confidence" and (
                heard.confidence >= NEAR_MISS) and not self.overlaps_own_speech(heard) and (
                self.t - self.last_not_caught > NOT_CAUGHT_GAP_S):
            # Addressed to Attune but not understood: say so once in a while. Words heard
            # while Attune was talking are most likely its own voice: no reaction.
            self.last_not_caught = self.t
            self.say("I didn't catch that. You can say help.")

    # ------------------------------------------------------------ check-ins
    def check_in(self, slots: dict[str, Any], intensity: Any = None) -> None:
        from voice.feelings.response import respond
        from voice.feelings.vocabulary import load_vocabulary
        from voice.journal.checkin import practice_title

        said = str(slots.get("feeling") or "")
        intensity = slots.get("intensity", intensity)
        if intensity is None and self.offer is None:
            # People often pause before the number ("anxious... maybe a six"): wait a
            # moment for it before asking.
            self.offer = Offer("intensity", None, self.t + ASK_NUMBER_AFTER_S + OFFER_WAIT_S,
                               dict(slots))
            self.ask_number_at = self.t + ASK_NUMBER_AFTER_S
            self._mode()
            return
        feeling = load_vocabulary().lookup(said) if said else None
        number = int(intensity) if intensity is not None else None
        reply = respond(feeling, number, said, at=self.local_time())
        suggested = reply.practice if reply.practice in self.library.sessions else None
        if self.journal is not None:
            self.journal.add_check_in(
                feeling=said or None, family=feeling.family if feeling else None,
                intensity=number, body=None, need=None,
                valence=feeling.valence if feeling else None,
                arousal=feeling.arousal if feeling else None, suggested=suggested,
                source="voice")
        self.emit("check_in", feeling=said or None,
                  family=feeling.family if feeling else None, intensity=number,
                  suggested=suggested, reply=reply.row)
        self.offer = None
        if suggested:
            self.say(f"{reply.text} {reply.offer(practice_title(suggested))}")
            self.offer = Offer("practice", suggested, self._after_words())
        else:
            self.say(reply.text)
        self._mode()

    def _answer_offer(self, heard: Heard) -> None:
        offer = self.offer
        assert offer is not None
        if heard.intent in ("start_session", "check_in") and offer.kind != "intensity":
            self.offer = None
            self._idle(heard)
            return
        if heard.intent is None and heard.reason != "no-match":
            return  # rejected sound: not an answer
        text = heard.text
        if offer.kind == "intensity":
            from voice.feelings.vocabulary import parse_intensity

            number = heard.slots.get("intensity", parse_intensity(text))
            if number is None:
                return
            slots = offer.intensity_for or {}
            self.offer = None
            self.ask_number_at = None
            self.check_in(slots, intensity=number)
            return
        answer = normalize(_YES_NO, text)
        if answer.key == "yes" and offer.session_id:
            self.offer = None
            self.start_session(offer.session_id)
        elif answer.key == "no" and offer.kind == "switch" and self.player is not None:
            self.offer = None
            self.say("Okay. We'll carry on, gently.")
            self.player.controls.send("resume")
            self._mode()
        elif answer.key == "no":
            self.offer = None
            self.say("That's okay. I'm here whenever you need me.")
            self._mode()

    def _after_words(self) -> float:
        queued = sum(a.size for _, a in self.announcer.queue) / RATE
        return self.t + queued + OFFER_WAIT_S

    # ------------------------------------------------------------ the hard moment
    def distress(self, heard: Heard) -> None:
        """Panic, can't breathe, too much: one warm line, then calm-sos at once.

        Nobody in distress is asked for a number first. While another practice plays
        it is paused and calm-sos offered in one short question; during calm-sos
        itself the words mean "stay with me": another round follows this one.
        """
        from voice.feelings import distress

        self.emit("distress")
        self.asleep = False
        self.announcer.clear()
        if SOS not in self.library.sessions:
            self.say(distress.REPLY_BREATHE)
            return
        if self.player is not None and self.player.session.id == SOS:
            self._extend()
            return
        if self.player is not None:
            self.player.controls.send("pause")
            self.say(distress.REPLY_SWITCH)
            self.offer = Offer("switch", SOS, self._after_words())
            self._mode()
            return
        self.offer = None
        self.ask_number_at = None
        self.say(distress.REPLY_START)
        self.start_after = (SOS, self._after_words() - OFFER_WAIT_S)

    def _extend(self) -> None:
        """"Again", "keep going", "one more minute" while a session plays."""
        assert self.player is not None
        if self.player.paused is not None:
            self.player.controls.send("resume")
        elif self.player.session.id == SOS:
            self.again_pending += 1
            self.emit("extend", session=SOS, when="during", rounds=self.again_pending)
        else:
            self.player.controls.send("repeat")

    # ------------------------------------------------------------ crisis
    def crisis(self, heard: Heard) -> None:
        from voice.feelings.crisis import crisis_response, detect

        if self.player is not None:
            self._fade_and_drop()
        self.announcer.clear()
        self.asleep = False
        region = str(self.settings["region"].value) or None
        response = crisis_response(region)
        match = detect(heard.text) or detect(heard.text, "answer")  # ("no point" when asked)
        transcripts = bool(self.settings["transcripts"].value)
        if self.journal is not None:
            self.journal.add_crisis_event(transcript=heard.text if transcripts else None)
        self.emit("crisis", kind=match.kind if match else "unknown", region=response.region)
        print(response.printed, flush=True)
        self.say(response.spoken)
        self.last_crisis = (self.t, response.spoken)
        practice = response.practice if response.practice in self.library.sessions else None
        self.offer = Offer("grounding", practice, self._after_words()) if practice else None
        self._mode()



_YES_NO = Ask("yes or no?", "yes_no")


def _likeness(text: str, phrase: str, opening: bool) -> bool:
    """``text`` is (or, with ``opening``, begins with) the wake phrase as a transcriber
    writes it ("Hey, Attune.") or mishears a name it never learned ("Pay at tune")."""
    said = re.sub(r"[^\w' ]+", " ", text.lower()).split()
    if not opening:
        return fuzz.ratio(" ".join(said), phrase) >= WAKE_LIKENESS
    return max((fuzz.ratio(" ".join(said[:n]), phrase)
                for n in range(1, len(phrase.split()) + 2)), default=0.0) >= WAKE_LIKENESS
