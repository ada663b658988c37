"""``attune listen``: the assistant's loop (see :mod:`voice.assistant` for the parts).

Idle, it waits for a session to start, a check-in, "help" or "what can I do";
in a session every control works by voice; crisis language is answered at any
time; after the bedtime wind-down it sleeps until woken.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import config
from .answers import QueueAnswers, normalize
from .asr import Heard
from .assistant import (
    NOT_CAUGHT_GAP_S,
    OFFER_WAIT_S,
    RETRY_S,
    STALL_S,
    Announcer,
    Echo,
    EventLog,
    Offer,
    heard_record,
    mix_blocks,
    now_utc,
    sleep_real,
)
from .engine import BLOCK, Player
from .errors import DeviceError
from .mic import SAMPLE_RATE as MIC_RATE
from .session import Ask, Session
from .sinks import NullSink
from .timeline import RATE

CONTROLS = frozenset({"pause", "resume", "stop", "repeat", "skip", "slower", "faster", "louder",
                      "quieter", "time_left"})
SLEEP_AFTER = frozenset({"bedtime-wind-down"})
WAKE_WORDS = ("wake up", "good morning", "hello attune")
LIVE_LEAD = int(0.15 * RATE)
ASK_NUMBER_AFTER_S = 2.0
NEAR_MISS = 0.3  # a rejected command this confident was probably meant for Attune


class ListenAnswers(QueueAnswers):
    """Answers to a session's ``ask`` come from speech; the ears switch grammar for them."""

    def __init__(self, on_open: Any, on_close: Any) -> None:
        super().__init__()
        self._on_open, self._on_close = on_open, on_close

    def listen(self, ask: Ask) -> None:
        super().listen(ask)
        self._on_open(ask)

    def close(self) -> None:
        super().close()
        self._on_close()


class CaptureSink(NullSink):
    """The player's sink inside the loop: keeps the last block for the mixer."""

    def __init__(self) -> None:
        super().__init__(RATE)
        self.last: Any = None

    def write(self, block: Any) -> None:
        super().write(block)
        self.last = block


class Assistant:
    def __init__(self, *, mic: Any, recognizer: Any, sink: Any, speech: Any, library: Any,
                 events: EventLog, virtual: bool, echo: float = 0.0,
                 journal: Any = None, reopen_mic: Any = None) -> None:
        self.mic, self.recognizer, self.sink = mic, recognizer, sink
        self.speech, self.library, self.log = speech, library, events
        self.virtual, self.journal, self.reopen_mic = virtual, journal, reopen_mic
        self.settings = config.load_settings()
        self.echo = Echo(echo)
        self.announcer = Announcer(speech.renderer.render)
        self.player: Player | None = None
        self.capture: CaptureSink | None = None
        self.player_started_s = 0.0
        self.session_started = now_utc()
        self.answers: ListenAnswers | None = None
        self.offer: Offer | None = None
        self.asleep = False
        self.last_not_caught = -1e9
        self.mic_pos = 0  # samples at the mic rate: the loop's clock
        self.out_pos = 0  # samples at the output rate
        self.silent_s = 0.0
        self.mic_lost = False
        self.player_offset_s = 0.0
        self.fading = 0
        self.fade_total = 1
        self.spoke: list[tuple[float, float]] = []
        self.ask_number_at: float | None = None
        self.talking = False

    # ------------------------------------------------------------ time
    @property
    def t(self) -> float:
        return self.mic_pos / MIC_RATE

    def emit(self, event: str, **details: Any) -> None:
        self.log.emit(self.t, event, **details)

    def say(self, text: str) -> None:
        self.announcer.say(text)
        self.emit("said", text=text)

    # ------------------------------------------------------------ main loop
    def run(self) -> None:
        self.sink.open()
        self.emit("listening", recognizer=getattr(self.recognizer, "name", "?"))
        greeting = str(self.settings["greeting"].value)
        if greeting:
            self.say(greeting)
        try:
            while True:
                block = self._read_mic()
                if block is None:
                    break
                n = len(block) // 2 if block else int(0.1 * MIC_RATE)
                self._advance_output(self.mic_pos + n)
                if block:
                    pcm = self.echo.mix_into(block, self.mic_pos)
                    for heard in self.recognizer.accept(pcm):
                        self.on_heard(heard)
                self.mic_pos += n
                self._tick()
            for heard in self.recognizer.finish():
                self.on_heard(heard)
            # The microphone ended: let the session and any words finish.
            while self.player is not None or self.announcer.queue:
                self.mic_pos += int(0.1 * MIC_RATE)
                self._advance_output(self.mic_pos)
                self._tick()
        finally:
            if self.player is not None:
                self._end_session(stopped_by="exit")
            self.sink.close()
            self.emit("exit")

    def _read_mic(self) -> bytes | None:
        block: bytes | None
        try:
            block = self.mic.read()
        except DeviceError:
            block = b""
            self._reopen()
        if block:
            self.silent_s = 0.0
            if self.mic_lost:
                self.mic_lost = False
                self.emit("mic_back")
                self.say("I can hear you again.")
                if self.player is not None:
                    self.player.controls.send("resume")
        elif block is not None:
            self.silent_s += 0.1
            if self.silent_s >= STALL_S and not self.mic_lost:
                self.mic_lost = True
                self.emit("mic_lost")
                if self.player is not None:
                    self.player.controls.send("pause")
                self.say("I can't hear the microphone right now, so I've paused. "
                         "I'll keep trying.")
            sleep_real(0.1, self.virtual)
        return block

    def _reopen(self) -> None:
        if self.reopen_mic is None:
            return
        for wait in RETRY_S:
            sleep_real(wait, self.virtual)
            try:
                self.mic = self.reopen_mic()
                return
            except DeviceError:
                continue

    def _advance_output(self, mic_target: int) -> None:
        # Live, the speakers must always have a little audio queued beyond "now",
        # or they would run dry between microphone blocks.
        target = mic_target * RATE // MIC_RATE + (0 if self.virtual else LIVE_LEAD)
        while self.out_pos < target:
            session_block = self._player_block()
            n = session_block.size if session_block is not None else BLOCK
            words = self.announcer.block(n)
            out = mix_blocks(session_block, words) if session_block is not None else words
            try:
                self.sink.write(out)
            except DeviceError:
                self.emit("output_lost")
                if self.player is not None:
                    self.player.controls.send("pause")
                sleep_real(1.0, self.virtual)
            self.echo.add(out)
            self.out_pos += out.size
            speaking = self._speaking_now()
            self.recognizer.speaking(speaking)
            if speaking:
                self._own_speech(self.out_pos / RATE)
            if bool(speaking) != self.talking:
                self.talking = bool(speaking)
                self._mode()

    def _own_speech(self, t: float) -> None:
        """Remember when Attune itself was talking (in stream seconds)."""
        if self.spoke and t - self.spoke[-1][1] < 0.3:
            self.spoke[-1] = (self.spoke[-1][0], t)
        else:
            self.spoke.append((t - BLOCK / RATE, t))
        del self.spoke[:-50]

    def overlaps_own_speech(self, heard: Heard) -> bool:
        return any(a < heard.end_s + 0.2 and heard.start_s < b for a, b in self.spoke)

    def _speaking_now(self) -> str | None:
        if self.announcer.speaking:
            return self.announcer.speaking
        player = self.player
        if player is not None and player.mix.speech_busy_until(player.pos) > player.pos:
            return player.last_text
        return None

    def _player_block(self) -> Any:
        player = self.player
        if player is None or self.capture is None:
            return None
        self.capture.last = None
        if not player.step() or self.capture.last is None:
            if player.end is not None and player.pos >= player.end:
                self._end_session()
            return None
        block = self.capture.last
        if self.fading:
            ramp = np.linspace(self.fading / self.fade_total, (self.fading - 1) / self.fade_total,
                               block.size, dtype=np.float32)
            block = block * ramp
            self.fading -= 1
            if not self.fading:
                self._end_session(stopped_by="crisis")
        return block

    def _tick(self) -> None:
        if self.ask_number_at is not None and self.t >= self.ask_number_at:
            self.ask_number_at = None
            if self.offer is not None and self.offer.kind == "intensity":
                self.say("Thank you for telling me. How strong is it, from zero to ten?")
        if self.offer is not None and self.t > self.offer.until_s:
            self.offer = None
            self._mode()

    # ------------------------------------------------------------ modes
    def _mode(self) -> None:
        if self.talking and self.offer is None and not (
                self.answers is not None and self.answers.open.is_set()):
            mode = "speaking"  # a tighter grammar while Attune's own voice plays
        elif self.player is not None:
            asking = self.answers is not None and self.answers.open.is_set()
            mode = "answer" if asking else "session"
        elif self.offer is not None:
            mode = "answer"
        else:
            mode = "idle"
        self.recognizer.set_mode(mode)

    # ------------------------------------------------------------ hearing
    def on_heard(self, heard: Heard) -> None:
        if not heard.text and heard.intent is None:
            return
        self.emit("heard", **heard_record(heard))
        if heard.intent == "crisis":
            self.crisis(heard)
            return
        if self.asleep:
            if any(w in heard.text for w in WAKE_WORDS):
                self.asleep = False
                self.emit("awake")
                self.say("I'm here.")
            return
        if self.player is not None:
            self._in_session(heard)
        elif self.offer is not None:
            self._answer_offer(heard)
        else:
            self._idle(heard)

    def _in_session(self, heard: Heard) -> None:
        assert self.player is not None
        if self.answers is not None and self.answers.open.is_set() and heard.text and (
                heard.intent in (None, "check_in", "answer")
                and heard.reason in ("", "no-match")):
            self.answers.put(heard.text)
            return
        if heard.intent in CONTROLS:
            self.player.controls.send(str(heard.intent))
        elif heard.intent == "help":
            self.say("You can say pause, resume, slower, faster, louder, quieter, repeat, "
                     "skip, how much time is left, or stop.")

    def _idle(self, heard: Heard) -> None:
        intent = heard.intent
        if intent == "start_session":
            self.start_session(str(heard.slots["session"]), heard.slots.get("minutes"))
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

    # ------------------------------------------------------------ sessions
    def start_session(self, session_id: str, minutes: Any = None) -> None:
        if self.player is not None:
            self._end_session(stopped_by="replaced")
        session = self.library.get(session_id)
        self.player = build_session_player(self, session,
                                           float(minutes) if minutes else None)
        self.player_offset_s = self.out_pos / RATE
        self.player.on_event.append(self._player_event)
        self.session_started = now_utc()
        self.fading = 0
        self.player.start()
        self._mode()

    def _player_event(self, record: dict[str, Any]) -> None:
        details = {k: v for k, v in record.items() if k not in ("t", "event")}
        self.log.emit(self.player_offset_s + float(record["t"]), str(record["event"]),
                      **details)

    def _end_session(self, stopped_by: str | None = None) -> None:
        player, self.player, self.answers = self.player, None, None
        if player is None:
            return
        result = player.close()
        completed = bool(result.completed) and stopped_by is None
        variables = player.state.variables
        if self.journal is not None:
            self.journal.add_session(
                player.session.id, self.session_started, result.end / RATE / 60.0, completed,
                _rating(variables.get("rating_before")), _rating(variables.get("rating_after")))
        if completed and player.session.id in SLEEP_AFTER:
            self.asleep = True
            self.emit("sleep")
        self._mode()

    def _fade_and_drop(self) -> None:
        """Crisis: what is playing stops now (a 300 ms fade), with no closing words."""
        self.fading = max(1, int(0.3 * RATE) // BLOCK)
        self.fade_total = self.fading

    # ------------------------------------------------------------ check-ins
    def check_in(self, slots: dict[str, Any], intensity: Any = None) -> None:
        from .feelings import load_vocabulary, suggest_practice

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
        suggested = suggest_practice(feeling, said)
        if suggested not in self.library.sessions:
            suggested = None
        if self.journal is not None:
            self.journal.add_check_in(
                feeling=said or None, family=feeling.family if feeling else None,
                intensity=int(intensity) if intensity is not None else None, body=None,
                need=None, valence=feeling.valence if feeling else None,
                arousal=feeling.arousal if feeling else None, suggested=suggested,
                source="voice")
        self.emit("check_in", feeling=said or None,
                  family=feeling.family if feeling else None,
                  intensity=int(intensity) if intensity is not None else None,
                  suggested=suggested)
        words = f"{said}" + (f", {_number(intensity)} out of ten" if intensity is not None
                             else "")
        text = f"Thank you for telling me. {words.capitalize()}. I've noted it."
        self.offer = None
        if suggested:
            title = self.library.get(suggested).title
            self.say(text + f" Would you like to try {title.lower()}? You can say yes or no.")
            self.offer = Offer("practice", suggested, self._after_words())
        else:
            self.say(text)
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
            from .feelings import parse_intensity

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
        elif answer.key == "no":
            self.offer = None
            self.say("That's okay. I'm here whenever you need me.")
            self._mode()

    def _after_words(self) -> float:
        queued = sum(a.size for _, a in self.announcer.queue) / RATE
        return self.t + queued + OFFER_WAIT_S

    # ------------------------------------------------------------ crisis
    def crisis(self, heard: Heard) -> None:
        from .crisis import crisis_response, detect

        if self.player is not None:
            self._fade_and_drop()
        self.announcer.clear()
        self.asleep = False
        region = str(self.settings["region"].value) or None
        response = crisis_response(region)
        match = detect(heard.text)
        transcripts = bool(self.settings["transcripts"].value)
        if self.journal is not None:
            self.journal.add_crisis_event(transcript=heard.text if transcripts else None)
        self.emit("crisis", kind=match.kind if match else "unknown", region=response.region)
        print(response.printed, flush=True)
        self.say(response.spoken)
        practice = response.practice if response.practice in self.library.sessions else None
        self.offer = Offer("grounding", practice, self._after_words()) if practice else None
        self._mode()


def build_session_player(assistant: Assistant, session: Session, minutes: float | None) -> Player:
    capture = CaptureSink()
    answers = ListenAnswers(lambda ask: assistant._mode(), assistant._mode)
    player = Player(session, assistant.speech, capture, minutes=minutes, answers=answers,
                    volume_db=float(assistant.settings["volume_db"].value))
    assistant.capture, assistant.answers = capture, answers
    return player


_YES_NO = Ask("yes or no?", "yes_no")


def _rating(value: str | None) -> int | None:
    return int(value) if value is not None and str(value).isdigit() else None


def _number(n: Any) -> str:
    from .tts import number_to_words

    return number_to_words(int(n))
