"""Endpointing: where an utterance starts and ends, in 30 ms frames.

Each frame gets a score: how far its energy in 16 bands between 200 Hz and
5 kHz stands above that band's background (a low percentile of the last few
seconds), averaged over the bands, so a steady fan, hum or rain raises the
background and stops counting as speech. A frame starts speech when the score
passes ``on_db`` and PocketSphinx's voice activity detector (WebRTC's) agrees;
inside an utterance a frame is speech while the score stays above ``off_db``
(hysteresis). Both thresholds also rise with the room: to a high percentile of
what the recent non-speech frames themselves scored, so talk and music in the
background (which score high all the time) do not open and hold utterances,
while steady noise leaves them as they are. Nothing starts before
``warmup_s`` of background has been heard. An utterance starts after
``start_frames`` speech frames among the last ``start_window`` (with
``preroll_s`` of audio before it, so the first phone is not cut) and ends
after ``end_silence_s`` without speech, or at ``max_utterance_s``.

With ``vad="silero"`` the Silero network (:mod:`voice.ears.silero`) decides
instead: a frame starts speech at probability ``silero_on`` and holds it down to
``silero_off``. ``vad="silero+bands"`` needs both the network and the band score
(WebRTC's detector is left out).

All positions are sample counts from the start of the stream.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from voice.ears.silero import SileroDetector

SAMPLE_RATE = 16000
FRAME_SAMPLES = 480  # 30 ms
FRAME_BYTES = FRAME_SAMPLES * 2
FRAME_S = FRAME_SAMPLES / SAMPLE_RATE
BACKGROUND_REFRESH_FRAMES = 5  # re-measure the room every 150 ms

_NFFT = 512
_WINDOW = np.hanning(FRAME_SAMPLES)
_FREQS = np.fft.rfftfreq(_NFFT, 1 / SAMPLE_RATE)
_BOUNDS = np.searchsorted(_FREQS, np.geomspace(200.0, 5000.0, 17))
_LO, _HI = int(_BOUNDS[0]), int(_BOUNDS[-1])
_EDGES = (_BOUNDS[:-1] - _LO).astype(np.intp)


@dataclass(frozen=True)
class EndpointConfig:
    vad_mode: int = 2  # 0 (loose) .. 3 (strict)
    on_db: float = 3.0  # band score that starts speech
    off_db: float = 1.5  # band score that keeps it going
    min_level_db: float = -65.0  # below this (dBFS) a frame is never speech
    background_s: float = 4.0
    background_percentile: float = 35.0  # what "quiet" means while in speech
    start_percentile: float = 50.0  # and before: higher resists babble and music
    start_frames: int = 3
    start_window: int = 5
    preroll_s: float = 0.27
    end_silence_s: float = 0.27
    max_utterance_s: float = 8.0
    min_speech_s: float = 0.12
    # Babble and music are speech-like: a plain band score fires on them all the time.
    # So the thresholds also rise above what the recent *non-speech* frames scored
    # (to start: ``noise_quantile`` of them, plus ``noise_margin_db``; to hold: see
    # ``hold_quantile``), which leaves them where they are in steady noise (fans, rain:
    # such frames score ~0) and lifts them in talk.
    noise_quantile: float = 90.0
    noise_margin_db: float = 1.0
    # Inside an utterance the room's own frames must almost never count as speech, or
    # a word's end waits for a run of quiet frames that their flicker keeps breaking
    # (a -65 dBFS room held a finished "stop" open for half a second).
    hold_quantile: float = 98.0
    hold_margin_db: float = 0.3
    warmup_s: float = 0.45  # background needed before anything can start
    vad: str = "bands"  # "bands" | "silero" | "silero+bands" (see the module's doc)
    silero_on: float = 0.5
    silero_off: float = 0.35


VADS = ("bands", "silero", "silero+bands")


@dataclass(frozen=True)
class Started:
    sample: int  # first sample of the utterance (including pre-roll)


@dataclass(frozen=True)
class Audio:
    pcm: bytes
    sample: int  # position of the first sample of ``pcm``


@dataclass(frozen=True)
class Ended:
    sample: int  # where the endpointer decided (stream position)
    speech_end: int  # end of the last speech frame
    reason: str  # "silence" | "max" | "stream", or a cut's: "early" | "stable" | "deadline"
    speech_s: float  # seconds of speech frames in the utterance


Event = Started | Audio | Ended


class Endpointer:
    """Feed any number of bytes with :meth:`feed`; get utterance events back."""

    def __init__(self, config: EndpointConfig | None = None) -> None:
        self.config = c = config or EndpointConfig()
        if c.vad not in VADS:
            raise ValueError(f"unknown vad {c.vad!r}; choose " + " or ".join(VADS))
        self._vad: Any = None
        if c.vad == "bands":  # WebRTC's detector only in today's start rule
            from pocketsphinx import Vad

            self._vad = Vad(c.vad_mode, SAMPLE_RATE, FRAME_S)
        self._uses_bands = "bands" in c.vad
        self._silero: SileroDetector | None = None
        if "silero" in c.vad:
            from voice.ears.silero import SileroDetector

            self._silero = SileroDetector()
        self.probability = 0.0  # Silero's, for the latest frame
        self._leftover = b""
        self.position = 0  # samples consumed so far
        self._bands: collections.deque[np.ndarray] = collections.deque(
            maxlen=max(10, int(c.background_s / FRAME_S)))
        self._quiet: collections.deque[bool] = collections.deque(maxlen=self._bands.maxlen)
        self._warmup = max(10, round(c.warmup_s / FRAME_S))
        self._background: tuple[np.ndarray, np.ndarray, float, float] | None = None
        self._since_refresh = 0
        self._smooth: collections.deque[tuple[float, float]] = collections.deque(maxlen=3)
        self._recent: collections.deque[bool] = collections.deque(maxlen=c.start_window)
        self._preroll: collections.deque[tuple[bytes, int]] = collections.deque(
            maxlen=max(1, round(c.preroll_s / FRAME_S)))
        self.in_speech = False
        self._hold, self._quiet_run = False, 0
        self.score = 0.0
        self.silence_frames = 0
        self._speech_frames = 0
        self._utt_frames = 0
        self._last_speech_end = 0

    def feed(self, pcm: bytes) -> list[Event]:
        return list(self.events(pcm))

    def events(self, pcm: bytes) -> Iterator[Event]:
        """Like :meth:`feed`, one frame at a time: a :meth:`cut` made while handling an
        event applies to the very next frame. (With a list for the whole block, the
        frames after an early decision still arrived as the utterance's audio, and
        PocketSphinx, fed after its utterance had ended, looped forever.)"""
        data = self._leftover + pcm
        whole = len(data) - len(data) % FRAME_BYTES
        self._leftover = data[whole:]
        for i in range(0, whole, FRAME_BYTES):
            yield from self._frame(data[i:i + FRAME_BYTES])

    def finish(self) -> list[Event]:
        """End of stream: hand over the partial last frame and close any utterance."""
        events: list[Event] = []
        tail, self._leftover = self._leftover, b""
        if self.in_speech:
            if tail:
                events.append(Audio(tail, self.position))
                self.position += len(tail) // 2
            events.append(self._end("stream"))
        else:
            self.position += len(tail) // 2
        return events

    def cut(self, reason: str = "cut") -> Ended | None:
        """Close the current utterance now (the recognizer decided early).

        No new utterance starts until a proper silence has passed: speech that
        runs on after an early decision is the rest of the same sentence, and
        must not be heard as a command of its own."""
        if not self.in_speech:
            return None
        self._hold, self._quiet_run = True, 0
        return self._end(reason)

    def _is_speech(self, frame: bytes) -> bool:
        x = np.frombuffer(frame, dtype="<i2").astype(np.float64) / 32768.0
        level = 10 * math.log10(float(np.mean(x * x)) + 1e-12)
        c = self.config
        speech = level >= c.min_level_db
        if self._silero is not None:
            self.probability = self._silero.feed(x)
            speech &= self.probability >= (c.silero_off if self.in_speech else c.silero_on)
        if self._uses_bands:
            speech &= self._band_speech(frame, x, level)
            self._quiet.append(not speech and not self.in_speech)
        return speech

    def _band_speech(self, frame: bytes, x: np.ndarray, level: float) -> bool:
        power = np.abs(np.fft.rfft(x * _WINDOW, _NFFT)) ** 2
        bands = 10 * np.log10(np.add.reduceat(power[_LO:_HI], _EDGES) + 1e-10)
        c = self.config
        score = start_score = 0.0
        on_db, off_db = c.on_db, c.off_db
        ready = len(self._bands) >= self._warmup
        if ready:
            if self._since_refresh <= 0 or self._background is None:
                self._background = self._measure_background()
                self._since_refresh = BACKGROUND_REFRESH_FRAMES
            self._since_refresh -= 1
            low, high, on_db, off_db = self._background
            score = float(np.mean(np.maximum(0.0, bands - low)))
            start_score = float(np.mean(np.maximum(0.0, bands - high)))
        self._bands.append(bands)
        self._smooth.append((score, start_score))
        smoothed = sum(s for s, _ in self._smooth) / len(self._smooth)
        smoothed_start = sum(s for _, s in self._smooth) / len(self._smooth)
        self.score = smoothed
        if level < c.min_level_db or not ready:
            speech = False
        elif self.in_speech:
            speech = smoothed > off_db
        else:
            speech = smoothed_start > on_db and (
                self._vad is None or bool(self._vad.is_speech(frame)))
        return speech

    def _measure_background(self) -> tuple[np.ndarray, np.ndarray, float, float]:
        """Band backgrounds and thresholds from the last few seconds.

        They drift slowly, so they are refreshed every few frames rather than
        every frame (the percentiles are most of the idle listening cost)."""
        c = self.config
        past = np.asarray(self._bands)
        low, high = np.percentile(past, [c.background_percentile, c.start_percentile], axis=0)
        on_db, off_db = c.on_db, c.off_db
        quiet = past[np.asarray(self._quiet)]
        if len(quiet) >= 10:  # how high the room's own frames score
            on_db = max(on_db, self._room_score(quiet, high, c.noise_quantile)
                        + c.noise_margin_db)
            off_db = max(off_db, self._room_score(quiet, low, c.hold_quantile)
                         + c.hold_margin_db)
        return low, high, on_db, off_db

    @staticmethod
    def _room_score(quiet: np.ndarray, background: np.ndarray, quantile: float) -> float:
        scores = np.mean(np.maximum(0.0, quiet - background), axis=1)
        return float(np.percentile(scores, quantile))

    def _frame(self, frame: bytes) -> list[Event]:
        start = self.position
        self.position += FRAME_SAMPLES
        speech = self._is_speech(frame)
        c = self.config
        if not self.in_speech and self._hold:
            self._quiet_run = 0 if speech else self._quiet_run + 1
            self._hold = self._quiet_run * FRAME_S < c.end_silence_s - 1e-9
            return []
        if not self.in_speech:
            self._preroll.append((frame, start))
            self._recent.append(speech)
            if sum(self._recent) < c.start_frames:
                return []
            self.in_speech = True
            self._recent.clear()
            frames = list(self._preroll)
            self._preroll.clear()
            if self._silero is not None and self._uses_bands:
                # Silero answers a chunk or two after the band score, so the onset's
                # frames went down as the room's; counted there, the voice itself
                # would raise the hold threshold and cut the next utterance short.
                for i in range(1, min(len(frames), len(self._quiet)) + 1):
                    self._quiet[-i] = False
            self._speech_frames = c.start_frames
            self._utt_frames = len(frames)
            self.silence_frames = 0
            self._last_speech_end = self.position
            first = frames[0][1]
            return [Started(first), Audio(b"".join(f for f, _ in frames), first)]
        self._utt_frames += 1
        out: list[Event] = [Audio(frame, start)]
        if speech:
            self._speech_frames += 1
            self.silence_frames = 0
            self._last_speech_end = self.position
        else:
            self.silence_frames += 1
        if self.silence_frames * FRAME_S >= c.end_silence_s - 1e-9:
            out.append(self._end("silence"))
        elif self._utt_frames * FRAME_S >= c.max_utterance_s:
            out.append(self._end("max"))
        return out

    def _end(self, reason: str) -> Ended:
        self.in_speech = False
        self.silence_frames = 0
        return Ended(self.position, self._last_speech_end, reason,
                     self._speech_frames * FRAME_S)
