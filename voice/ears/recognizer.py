"""Speech to intent, streaming: one interface, one module per recognizer.

A :class:`Recognizer` takes raw 16 kHz int16 PCM in any block size
(:meth:`~Recognizer.accept`) and returns :class:`Heard` events as soon as each
is decided. Inside, :class:`StreamingRecognizer` runs the same pipeline for
every backend: the endpointer (:mod:`voice.ears.endpoint`) finds each utterance in
30 ms frames, the backend decodes it while it is spoken, and the text matcher
(:mod:`voice.understanding.intents`) turns the words into an intent, which the backend's
confidence model accepts or rejects. Time is the stream position in samples,
never the wall clock, so a file and the microphone give the same answers.

:class:`Listener` pulls blocks from a :class:`~voice.audio.mic.Mic` and yields the
events; it can switch grammar between utterances ("idle", "session",
"answer", or "free" for open answers) and is told what Attune is saying, to ignore hearing itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np

from voice.audio.mic import pcm16_samples
from voice.ears import endpoint
from voice.ears.base import EARLY_INTENTS, FREE, Backend, Heard, Hypothesis, Recognizer
from voice.ears.deadline import Deadline
from voice.ears.denoise import load_denoiser
from voice.ears.fragments import JOIN_GAP_S, REJOINABLE, Piece, RecentAudio
from voice.understanding.grammar import Grammar
from voice.understanding.intents import Intent, Matcher, intents_data, load_grammar, normalize
from voice.understanding.understand import understand

log = logging.getLogger("voice.ears")

# A microphone is never digitally silent: its own noise sits around -70 to -60 dBFS.
# Files and virtual streams often are, and exact zeros between words throw the
# recognizer's running statistics (cepstral mean, room level, keyword spotter) off.
# A fixed, quiet noise floor under everything makes the two look alike.
# Measured on the quick eval split (refit with it): clean accuracy 41% -> 61%, 10 dB
# 18% -> 20%, 5 dB 12% -> 16%, false accepts 1.7% -> 2.2%. At -72 dBFS the gain
# was half; louder floors start to mask quiet speakers.
DITHER_DBFS = -65.0


class Dither:
    """Adds the same quiet noise floor for the same stream position (deterministic)."""

    def __init__(self, level_dbfs: float, period: int = 16000 * 3 + 7) -> None:
        rng = np.random.default_rng(20261126)
        spectrum = np.fft.rfft(rng.standard_normal(period))
        freqs = np.fft.rfftfreq(period, 1 / 16000)
        spectrum *= 1 / np.sqrt(np.maximum(freqs, 50.0))  # pink, like a room's own noise
        pink = np.fft.irfft(spectrum, period)
        pink *= 32768 * 10 ** (level_dbfs / 20) / np.sqrt(np.mean(pink ** 2))
        self._noise = np.round(pink).astype(np.int32)
        self._pos = 0

    def apply(self, pcm: bytes) -> bytes:
        if not pcm:
            return pcm
        x = pcm16_samples(pcm).astype(np.int32)
        idx = (self._pos + np.arange(x.size)) % self._noise.size
        self._pos = (self._pos + x.size) % self._noise.size
        return bytes(np.clip(x + self._noise[idx], -32768, 32767).astype("<i2").tobytes())


class StreamingRecognizer:
    """Endpointer -> backend -> text matcher -> confidence: the one pipeline."""

    def __init__(self, backend: Backend, grammar: Grammar | None = None, mode: str = "idle",
                 endpoint_config: endpoint.EndpointConfig | None = None,
                 early_silence_s: float = 0.15, stable_s: float = 0.6,
                 denoise: bool = True) -> None:
        self.backend = backend
        self.name = backend.name
        self._transcribes = bool(getattr(backend, "transcribes", False))
        # A transcribing backend's text goes through the understanding layer, which has
        # its own grammar: none is loaded here for it (0.1 s of a start), unless given.
        self._grammar = grammar
        self._matchers: dict[str, Matcher] = {}
        self.mode = mode
        self._next_mode = mode
        self._check_mode(mode)
        self._endpoint_config = endpoint_config or endpoint.EndpointConfig()
        self.early_silence_s = early_silence_s
        self.stable_s = stable_s
        self.speaking_words: tuple[str, ...] = ()
        self.deadline = Deadline()  # the one clock read: see voice.ears.deadline
        # The thread building the understanding side (load_recognizer), if still running.
        self.understanding: threading.Thread | None = None
        self._dither = Dither(DITHER_DBFS)
        # Like the room tracker, the noise suppressor follows one continuous room: it
        # is not reset between utterances or streams.
        self._denoiser = load_denoiser() if denoise else None
        self.start()

    @property
    def grammar(self) -> Grammar:
        if self._grammar is None:
            self._grammar = load_grammar()
        return self._grammar

    def _check_mode(self, mode: str) -> None:
        """KeyError for an unknown mode (a grammar decoder's matcher is built on the way)."""
        if self._transcribes and self._grammar is None:
            modes = intents_data()["modes"]
            if mode != FREE and mode not in modes:
                raise KeyError(f"unknown listening mode '{mode}'; known: {', '.join(modes)}")
            return
        self._matcher(mode)

    def _matcher(self, mode: str) -> Matcher:
        mode = "answer" if mode == FREE else mode  # open answers still hear "stop"
        if mode not in self._matchers:
            self._matchers[mode] = Matcher(self.grammar, mode)
        return self._matchers[mode]

    def _parse(self, text: str) -> Intent | None:
        """The text's intent in the current mode: a transcribing backend's free text goes
        through the whole understanding layer, a grammar decoder's through the templates."""
        if not text:
            return None
        if self._transcribes:
            return understand(text, "answer" if self.mode == FREE else self.mode)
        return self._matcher(self.mode).match(text)

    def start(self) -> None:
        self._ep = endpoint.Endpointer(self._endpoint_config)
        self._recent = RecentAudio(endpoint.SAMPLE_RATE)
        self._piece: Piece | None = None  # the last rejected utterance
        self._utt_start = 0
        self._partial = ""
        self._partial_since = 0

    def set_mode(self, mode: str) -> None:
        self._check_mode(mode)
        self._next_mode = mode
        if not self._ep.in_speech:
            self.mode = mode

    def speaking(self, text: str | None) -> None:
        """What Attune is saying right now (None: quiet); its own words are not commands."""
        self.speaking_words = tuple(normalize(text)) if text else ()

    def accept(self, pcm: bytes) -> list[Heard]:
        with self.deadline.working():
            return self._accept(pcm)

    def _accept(self, pcm: bytes) -> list[Heard]:
        out: list[Heard] = []
        if self._denoiser is not None:
            pcm = self._denoiser.apply(pcm)
        pcm = self._dither.apply(pcm)
        if self._transcribes:  # (only a transcribing backend hears a cut request again)
            self._recent.add(pcm)
        self.backend.background(pcm)
        for event in self._ep.events(pcm):
            heard = self._event(event)
            if heard is not None:
                out.append(heard)
        return out

    def finish(self) -> list[Heard]:
        with self.deadline.working():
            return [h for e in self._ep.finish() if (h := self._event(e)) is not None]

    def _event(self, event: endpoint.Event) -> Heard | None:
        if isinstance(event, endpoint.Started):
            self.mode = self._next_mode
            self._utt_start = event.sample
            self._partial, self._partial_since = "", event.sample
            if self.understanding is not None:
                # The first utterance waits for the understanding side (it needs it to be
                # read), so its work is never counted against that utterance's deadline
                # (the deadline reads the process's CPU time, every thread's, in a call).
                self.understanding.join()
                self.understanding = None
            self.backend.begin(self.mode)  # (may build the mode's search once: not counted)
            self.deadline.start()
            return None
        if isinstance(event, endpoint.Audio):
            self.backend.feed(event.pcm)
            self.deadline.heard(len(event.pcm) // 2)
            if self.deadline.passed():
                ended = self._ep.cut("deadline")
                return self._decide(ended) if ended else None
            return self._maybe_early() if self._ep.in_speech else None
        return self._decide(event)

    def _maybe_early(self) -> Heard | None:
        """Decide before the full trailing silence when the words are clearly complete."""
        silence = self._ep.silence_frames * endpoint.FRAME_S
        look = getattr(self.backend, "early_text", None)  # a transcribing backend's quick look
        text = look(silence) if look is not None else self.backend.partial()
        pos = self._ep.position
        if text != self._partial:
            self._partial, self._partial_since = text, pos
        if not text:
            return None
        stable = (pos - self._partial_since) / endpoint.SAMPLE_RATE
        quick = silence >= self.early_silence_s
        if not (quick or stable >= self.stable_s):
            return None
        parsed = self._parse(text)
        if parsed is None or (quick and not stable >= self.stable_s
                              and parsed.name not in EARLY_INTENTS):
            return None
        ended = self._ep.cut("early" if quick else "stable")
        return self._decide(ended) if ended else None

    def _decide(self, ended: endpoint.Ended) -> Heard:
        heard = self._judge(ended, self.backend.end(), self._utt_start)
        if heard.intent is not None or heard.reason not in REJOINABLE:
            self._piece = None
            return heard
        joined = self._rejoin(ended) if self._transcribes else None
        if joined is not None:
            self._piece = None
            return joined
        self._piece = Piece(self._utt_start, ended.sample, ended.speech_s)
        return heard

    def _rejoin(self, ended: endpoint.Ended) -> Heard | None:
        """The rejected utterance before this one and this one, decoded as one (see
        :mod:`voice.ears.fragments`); None unless that is understood and accepted."""
        piece, rate = self._piece, endpoint.SAMPLE_RATE
        if (piece is None or self._utt_start - piece.end > JOIN_GAP_S * rate
                or self.deadline.passed()):
            return None
        self.backend.begin(self.mode)
        self.backend.feed(self._recent.between(piece.start, ended.sample))
        whole = endpoint.Ended(ended.sample, ended.speech_end, ended.reason,
                               piece.speech_s + ended.speech_s)
        heard = self._judge(whole, self.backend.end(), piece.start)
        heard.features["joined"] = 1.0
        return heard if heard.intent is not None else None

    def _judge(self, ended: endpoint.Ended, hyp: Hypothesis, start: int) -> Heard:
        rate = endpoint.SAMPLE_RATE
        heard = Heard(hyp.text, None, {}, 0.0, ended.sample / rate, start / rate,
                      ended.speech_end / rate, "", self.name, dict(hyp.features))
        heard.features["endpoint_" + ended.reason] = 1.0
        if ended.reason == "deadline":  # decoding fell behind: give this one up
            log.warning("utterance at %.2f s given up: decoding took %.1f s longer than the audio",
                        heard.start_s, self.deadline.behind_s())
            heard.reason = "deadline"
            return heard
        if ended.speech_s < self._endpoint_config.min_speech_s and not (
                hyp.text and self._transcribes and self.mode in ("answer", FREE)):
            # (An answer is often one short word, "six", that the endpointer barely
            # counted as speech; a transcribing backend's confidence still judges it.)
            heard.reason = "too-short" if hyp.text else "no-speech"
            return heard
        parsed = self._parse(hyp.text)
        confidence, threshold = (0.0, 1.0) if parsed is None else self.backend.confidence(
            hyp, parsed.name)
        if parsed is None or confidence < threshold:
            # A second decode against the short controls alone, when the backend
            # has a reason to think one was said (PocketSphinx: its keyword spotter).
            ask = None if self.deadline.passed() else getattr(self.backend, "second_opinion", None)
            second: Hypothesis | None = ask() if ask is not None else None
            again = self._parse(second.text) if second is not None else None
            if second is not None and again is not None:
                c2, t2 = self.backend.confidence(second, again.name)
                if c2 >= t2:
                    hyp, parsed, confidence, threshold = second, again, c2, t2
                    heard.text = second.text
                    heard.features.update(second.features, second_pass=1.0)
        if not hyp.text:
            heard.reason = "no-speech"
            return heard
        if parsed is None:
            heard.reason = "no-match"
            return heard
        heard.confidence = confidence
        if confidence < threshold:
            heard.reason = "low-confidence"
        elif self._is_self(parsed.text):
            heard.reason = "self"
        else:
            heard.intent, heard.slots = parsed.name, dict(parsed.slots)
        return heard

    def _is_self(self, said: str) -> bool:
        words, spoken = said.split(), self.speaking_words
        n = len(words)
        return n > 0 and any(spoken[i:i + n] == tuple(words) for i in range(len(spoken) - n + 1))


class Listener:
    """Pulls audio from a microphone and yields :class:`Heard` events in order."""

    def __init__(self, mic: Any, recognizer: Recognizer) -> None:
        self.mic = mic
        self.recognizer = recognizer

    def set_mode(self, mode: str) -> None:
        self.recognizer.set_mode(mode)

    def speaking(self, text: str | None) -> None:
        hook = getattr(self.recognizer, "speaking", None)
        if hook is not None:
            hook(text)

    def __iter__(self) -> Iterator[Heard]:
        self.recognizer.start()
        while True:
            block = self.mic.read()
            if block is None:
                break
            yield from self.recognizer.accept(block)
        yield from self.recognizer.finish()

    def close(self) -> None:
        self.mic.close()
