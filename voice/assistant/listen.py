"""``attune listen``: ears, engine and voice joined into one loop.

One thread, one clock: the microphone's sample count. For every block the
microphone delivers, the output advances by the same duration (the current
session's :class:`~voice.engine.player.Player`, plus anything the assistant says
itself), so a recording and a live room behave alike and the whole thing runs
in virtual time for tests. ``echo`` mixes what is played back into what is
heard, as a room without headphones would.

Idle, it waits for a session to start, a check-in, "help" or "what can I do";
in a session every control works by voice; crisis language and the hard moment
are answered at any time; after the bedtime wind-down it sleeps until woken.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np

from voice import config
from voice.assistant.conversation import Conversation
from voice.assistant.parts import (
    RETRY_S,
    STALL_S,
    Announcer,
    Echo,
    EventLog,
    ListenAnswers,
    Offer,
    mix_blocks,
    now_utc,
    sleep_real,
)
from voice.audio.mic import SAMPLE_RATE as MIC_RATE
from voice.audio.sinks import NullSink
from voice.ears.base import Heard
from voice.engine.fitting import intro_is_short, reminder_due
from voice.engine.player import BLOCK, Player
from voice.engine.timeline import RATE
from voice.errors import DeviceError
from voice.sessions.model import Session, with_bed, with_breath_tone, with_rating

SLEEP_AFTER = frozenset({"bedtime-wind-down"})
LIVE_LEAD = int(0.15 * RATE)


class CaptureSink(NullSink):
    """The player's sink inside the loop: keeps the last block for the mixer."""

    def __init__(self) -> None:
        super().__init__(RATE)
        self.last: Any = None

    def write(self, block: Any) -> None:
        super().write(block)
        self.last = block


class Assistant(Conversation):
    def __init__(self, *, mic: Any, recognizer: Any, sink: Any, speech: Any, library: Any,
                 events: EventLog, virtual: bool, echo: float = 0.0,
                 journal: Any = None, reopen_mic: Any = None,
                 started_at: datetime | None = None) -> None:
        self.mic, self.recognizer, self.sink = mic, recognizer, sink
        self.speech, self.library, self.log = speech, library, events
        self.virtual, self.journal, self.reopen_mic = virtual, journal, reopen_mic
        self.settings = config.load_settings()
        # The local time the loop started; with the mic's sample count it tells the time
        # of day, in virtual time as in a live room.
        self.started_at = started_at or datetime.now().astimezone()
        self.echo = Echo(echo)
        self.announcer = Announcer(speech.renderer.render)
        self.player: Player | None = None
        self.capture: CaptureSink | None = None
        self.player_started_s = 0.0
        self.session_started = now_utc()
        self.answers: ListenAnswers | None = None
        self.offer: Offer | None = None
        self.asleep = False
        self.attention_until = -1.0
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
        self.matcher: Any = None

    # ------------------------------------------------------------ time
    @property
    def t(self) -> float:
        return self.mic_pos / MIC_RATE

    def local_time(self) -> datetime:
        return self.started_at + timedelta(seconds=self.t)

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
                    pcm = self.echo.cancel(self.echo.mix_into(block, self.mic_pos),
                                           self.mic_pos)
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
        if self.start_after is not None and self.t >= self.start_after[1]:
            session_id, self.start_after = self.start_after[0], None
            self.start_session(session_id)
        if self.ask_number_at is not None and self.t >= self.ask_number_at:
            self.ask_number_at = None
            if self.offer is not None and self.offer.kind == "intensity":
                word = str((self.offer.intensity_for or {}).get("feeling") or "")
                said = f"{word[:1].upper()}{word[1:]}. " if word else ""
                self.say(f"{said}Thank you for telling me. How strong is it, from zero to ten?")
        if self.offer is not None and self.t > self.offer.until_s:
            if self.offer.kind == "switch" and self.player is not None:
                self.player.controls.send("resume")  # no answer: back to the practice
            self.offer = None
            self._mode()

    # ------------------------------------------------------------ modes
    def _mode(self) -> None:
        if self.asleep and self.player is None:
            mode = "asleep"  # only a wake phrase (and crisis language) until woken
        elif self.talking and self.offer is None and not (
                self.answers is not None and self.answers.open.is_set()):
            mode = "speaking"  # a tighter grammar while Attune's own voice plays
        elif self.offer is not None and self.offer.kind == "switch":
            mode = "answer"  # the practice is paused for "shall we switch?"
        elif self.player is not None:
            asking = self.answers is not None and self.answers.open.is_set()
            mode = "answer" if asking else "session"
        elif self.offer is not None:
            mode = "answer"
        else:
            mode = "idle"
        self.recognizer.set_mode(mode)

    # ------------------------------------------------------------ sessions
    def start_session(self, session_id: str, minutes: Any = None,
                      intro: str | None = None) -> None:
        if self.player is not None:
            self._end_session(stopped_by="replaced")
        session = self.library.get(session_id)
        self.player = build_session_player(self, session,
                                           float(minutes) if minutes else None, intro)
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
                _rating(variables.get("rating_before")), _rating(variables.get("rating_after")),
                pace=player.state.pace if self.settings["remember_pace"].value else None)
        self.last_ended = (player.session.id, self.t)
        if completed and self.again_pending and stopped_by is None:
            self.again_pending -= 1  # "one more minute" during calm-sos: another round
            self.start_session(player.session.id)
            return
        self.again_pending = 0
        if completed and player.session.id in SLEEP_AFTER:
            self.asleep = True
            self.emit("sleep")
        self._mode()

    def _fade_and_drop(self) -> None:
        """Crisis: what is playing stops now (a 300 ms fade), with no closing words."""
        self.fading = max(1, int(0.3 * RATE) // BLOCK)
        self.fade_total = self.fading


def build_session_player(assistant: Assistant, session: Session, minutes: float | None,
                         intro: str | None = None) -> Player:
    capture = CaptureSink()
    answers = ListenAnswers(lambda ask: assistant._mode(), assistant._mode)
    settings = assistant.settings
    session = with_breath_tone(with_rating(with_bed(session, str(settings["bed"].value)),
                                           bool(settings["rating"].value)),
                               str(settings["breath_tone"].value))
    pace = (assistant.journal.last_pace(session.id) if assistant.journal is not None
            and assistant.settings["remember_pace"].value else None)
    player = Player(session, assistant.speech, capture, minutes=minutes, answers=answers,
                    volume_db=float(assistant.settings["volume_db"].value), pace=pace or 1.0,
                    short_intro=intro_is_short(intro or str(settings["intro"].value),
                                               assistant.journal, session.id),
                    reminder=reminder_due(assistant.journal, now_utc()), exact=False,
                    loudness=float(settings["loudness_lufs"].value),
                    sleep_sound=str(settings["sleep_sound"].value))
    assistant.capture, assistant.answers = capture, answers
    return player


def _rating(value: str | None) -> int | None:
    return int(value) if value is not None and str(value).isdigit() else None
