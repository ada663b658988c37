"""Whisper ears: a free transcript biased to the mode, checked against the mode's phrases.

Each utterance goes through the encoder once (:mod:`voice.ears.whisper_engine`).
The decoder writes what it hears with a prompt that lists what the mode can mean
(numbers and feeling words in answer mode, the controls while Attune talks), and
the understanding layer (:func:`voice.understanding.understand.understand`) reads
that text. Short utterances are also scored against the mode's short phrases
("six", "stop", "yes") with the candidate as the decoder's forced prefix: free
decoding of one word misses often ("six" -> "Fix."), scoring rarely does.

Whisper writes text for noise ("you", "Thank you."), and out-of-domain speech is
transcribed confidently, so text alone never decides: ``no_speech_prob``, the mean
log-probability, the compression ratio, the candidate margin and the understanding
score go into :meth:`WhisperBackend.confidence`.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio.mic import pcm16_samples
from voice.ears.base import FREE, Hypothesis
from voice.ears.control_spotter import Confirmed, ControlSpotter, confirm
from voice.ears.whisper_candidates import (
    Best,
    best_candidate,
    candidate_floor,
    sayable,
    spelled_candidates,
    syllables,
)
from voice.ears.whisper_completions import collapse_repeats, has_number, intensity_completions
from voice.ears.whisper_completions import plain as _plain
from voice.ears.whisper_decoder import Context, WhisperDecoder
from voice.ears.whisper_engine import Encoded, Transcript, WhisperEngine, compression_ratio
from voice.ears.whisper_grammar import Automaton, GrammarSearch
from voice.ears.whisper_phrases import (
    CANDIDATES,
    NOISE_TEXTS,
    PROMPTS,
    build_modes,
    meaning_of,
)
from voice.understanding.intents import Intent
from voice.understanding.understand import understand, understanding_grammar

LOOK_AFTER_S = 0.15  # a pause this long after a short utterance gets a quick look
QUICK_S = 1.5  # how short (speech and pause so far) an utterance must be for it
REUSE_S = 0.45  # the look stands for the whole utterance if no more than this followed
SHORT_S = 1.6  # utterances up to this long are scored against the short phrases
SEARCH_S = 8.0  # utterances up to this long also get the grammar's likeliest sentences
SEARCHED = 3  # of them, scored as candidates
FOUND_LENGTH = 0.6  # their syllables, at least, for each of the free transcript's
SEARCH_MORE_TOKENS = 8  # their tokens, at most, beyond the free transcript's
BEAM = 4  # readings of a sentence the greedy decode did not make sense of
# A tolerant reading of recognized text needs more than typed text (0.7): on the fit
# split, "Could you open the window?" read as the wind-down (0.71) and a bare "Okay."
# as a check-in (0.75) were the clean false accepts; no right answer was under 0.8.
TOLERANT_MIN = 0.8
# A strict parse with this mean log-probability needs no scoring: on the fit split and
# the real people's fit half, taking it from -0.5 down to -1.0 changed no decision, and
# scoring is most of a sentence's wait (0.2-0.4 s).
SURE_LOGPROB = -0.8


@dataclass
class Look:
    """A look at a pause: the audio so far (``samples``) encoded and transcribed."""

    samples: int
    encoded: Encoded
    said: Transcript


class WhisperBackend:
    """Utterance decoding with Whisper for :class:`voice.ears.recognizer.StreamingRecognizer`."""

    transcribes = True  # the text is free: the understanding layer reads it

    def __init__(self, engine: WhisperEngine, name: str = "whisper",
                 prompts: dict[str, str] | None = None,
                 candidates: dict[str, list[str]] | None = None,
                 spotter: ControlSpotter | None = None, look_unproposed: bool = False,
                 grammar_search: bool = True) -> None:
        self.engine = engine
        self.grammar_search = grammar_search
        self._decoder: WhisperDecoder | None = None
        self._searches: dict[str, GrammarSearch | None] = {}
        self._searches_lock = threading.Lock()  # (built on the understanding thread)
        # The fast path (voice.ears.control_spotter): only what the spotter proposes gets
        # a (short) look at the first pause; ``look_unproposed`` also gives every other
        # short utterance the full quick look, as before the spotter.
        self.spotter = spotter
        self.look_unproposed = look_unproposed
        self.name = name
        self.prompts = PROMPTS if prompts is None else prompts
        self.candidates = CANDIDATES if candidates is None else candidates
        self._mode = "idle"
        self._blocks: list[bytes] = []
        self._samples = 0
        self._look: Look | None = None  # the last look at a pause
        self._looked = False  # this pause has had its quick look
        self._warming: threading.Thread | None = None  # the warm-up decode, until joined
        self._fast: Confirmed | None = None  # the look confirmed a proposed control
        # One thread for a sentence's grammar search beside its free decode.
        self._ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attune-search")

    @classmethod
    def load(cls, folder: Path, name: str = "whisper", english_only: bool = True,
             threads: int = 2, **options: Any) -> WhisperBackend:
        engine = WhisperEngine.load(folder, name, threads=threads, english_only=english_only)
        if "spotter" not in options:
            options["spotter"] = ControlSpotter.load()
        backend = cls(engine, name, **options)
        backend.warm()
        return backend

    def warm(self) -> None:
        """One decode of a quiet second, so the first real utterance is not the slow one.
        The decode runs on a thread, so listening starts 0.2-0.5 s sooner; the first
        utterance waits for it in :meth:`begin` (the endpointer hears 0.45 s of room
        before anything can start, so by then it is done)."""
        # Not a daemon: a process that exits while CTranslate2 decodes on a daemon thread
        # aborts ("terminate called without an active exception"; `attune hear` on silence).
        self._warming = threading.Thread(target=self._warm_decode, name="attune-whisper-warm")
        self._warming.start()

    def _warm_decode(self) -> None:
        self.engine.transcribe(self.engine.encode(np.zeros(16000, np.float32)))

    def build_understanding(self) -> None:
        """Each mode's understanding and candidate sentences (about 0.35 s) and grammar
        searches, built on the understanding thread once listening starts
        (voice.ears.understanding_ahead)."""
        build_modes()
        for mode in PROMPTS:
            self._search(mode)

    def _search(self, mode: str) -> GrammarSearch | None:
        """The mode's grammar search (None without the model's own file, or no grammar)."""
        with self._searches_lock:
            if mode not in self._searches:
                self._searches[mode] = self._build_search(mode)
            return self._searches[mode]

    def _build_search(self, mode: str) -> GrammarSearch | None:
        if not self.grammar_search or self.engine.folder is None:
            return None
        if self._decoder is None:
            self._decoder = WhisperDecoder.load(self.engine.folder / "model.bin")
            self._decoder.projection()  # (80 MB, made here rather than at the first score)
            self.engine.use_decoder(self._decoder)
        automaton = Automaton(understanding_grammar(), mode)
        return GrammarSearch(self._decoder, automaton, self.engine.tokens, self.engine.ends)

    def ready(self) -> None:
        """Wait for the warm-up decode (at most once): nothing is decoded before it ends."""
        if self._warming is not None:
            self._warming.join()
            self._warming = None

    # ------------------------------------------------------------------ Backend

    def begin(self, mode: str) -> None:
        self.ready()  # the first utterance after loading: the warm-up decode goes first
        self._mode = "answer" if mode == FREE else mode
        # The mode's search (and with it the numpy decoder that scores), before the
        # utterance's decoding deadline starts (the recognizer has usually joined the
        # understanding thread that built it: then this is a lookup).
        self._search(self._mode)
        self._blocks, self._samples = [], 0
        self._look, self._looked, self._fast = None, False, None
        if self.spotter is not None:
            self.spotter.begin()

    def feed(self, pcm: bytes) -> None:
        self._blocks.append(pcm)
        self._samples += len(pcm) // 2
        if self.spotter is not None and self._samples <= QUICK_S * 16000:
            self.spotter.feed(pcm)  # (past that, no fast path: the spotter rests)

    def early_text(self, silence_s: float) -> str:
        """At the first short pause after a short utterance, a quick look, so a bare
        "stop" is decided without waiting for the full trailing silence: what the spotter
        proposed gets a quicker look first (voice.ears.control_spotter.confirm), anything
        else one encode and one prompted decode. What it finds is kept for :meth:`end` if
        nothing more is said."""
        if silence_s < LOOK_AFTER_S:
            self._looked = False
            return ""
        if self._looked:
            if self._fast is not None:
                return self._fast.text
            return self._look.said.text if self._look is not None else ""
        self._looked = True
        if self._samples > QUICK_S * 16000:
            # (Not a longer one: its look would stand for the utterance, and a request's
            # weak last sound, the "t" of "maybe an eight", already passes for the pause.)
            return ""
        proposed = self.spotter.proposed() if self.spotter is not None else ()
        if proposed:
            look = confirm(self.engine, self._audio(), proposed, self._mode,
                           self.prompts.get(self._mode, ""),
                           tuple(self.candidates.get(self._mode, [])))
            if look.intent is not None:
                self._look = Look(self._samples, look.encoded, look.said)
                self._fast = look
                return look.text
            # A proposal Whisper did not confirm still gets the full look, on the same
            # encoding (the look's window is the full path's).
            return self._look_whole(look.encoded)
        if self.spotter is not None and not self.look_unproposed:
            return ""
        return self._look_whole(self.engine.encode(self._audio()))

    def _look_whole(self, encoded: Encoded) -> str:
        # (Only decoded: deciding here too, scoring and searching at every pause, was
        # more work than an utterance's decoding deadline allows once Attune speaks
        # over it; tests/test_listen.py with echo.)
        said = self.engine.transcribe(encoded, self.prompts.get(self._mode, ""))
        self._look = Look(self._samples, encoded, said)
        return said.text

    def background(self, pcm: bytes) -> None:
        pass

    def partial(self) -> str:
        return ""

    def _audio(self) -> np.ndarray:
        return pcm16_samples(b"".join(self._blocks)).astype(np.float32) / 32768.0

    def end(self) -> Hypothesis:
        if self._samples == 0:
            return Hypothesis("", {})
        (look, self._look), (fast, self._fast) = (self._look, None), (self._fast, None)
        if self.spotter is not None:
            self.spotter.end()
        ahead = None
        if look is not None and self._samples - look.samples <= REUSE_S * 16000:
            encoded, said = look.encoded, look.said  # only trailing silence came after it
        else:
            encoded = self.engine.encode(self._audio())
            ahead = self._search_ahead(encoded)
            said = self.engine.transcribe(encoded, self.prompts.get(self._mode, ""))
            fast = None  # (more than silence came after the look: it stands for nothing)
        self._blocks, self._samples = [], 0
        if fast is not None:  # a control the spotter proposed and Whisper confirmed
            feats = self._read(encoded, said)[1]
            feats.update(fast.features())
            return Hypothesis(fast.text, feats)
        return self._decide(encoded, said, ahead)

    def _search_ahead(self, encoded: Encoded) -> Future[list[tuple[str, float]]] | None:
        """A sentence's grammar search, started beside its free decode (CTranslate2 on its
        own threads, the search in numpy on one): most sentences need both, one after the
        other they were 0.25-0.45 s of the wait. Not for short utterances, which are
        mostly taken as written. Only the search's own bound on its steps holds, since
        the transcript's length is not known yet."""
        if not SHORT_S < encoded.seconds <= SEARCH_S:
            return None
        search = self._search(self._mode)
        if search is None:
            return None
        return self._ahead.submit(
            lambda: search.search(self._decoder_context(encoded), keep=SEARCHED))

    def _decide(self, encoded: Encoded, said: Transcript,
                ahead: Future[list[tuple[str, float]]] | None = None) -> Hypothesis:
        """What the utterance means: Whisper's transcript when the templates read it and
        Whisper is sure, else the best of the candidates by the fitted rule. (``ahead``:
        the grammar search, if already started; a search not needed is left to finish on
        its own.)"""
        text, feats, read, completions = self._read(encoded, said)
        if self._sure(said, read, completions):
            return Hypothesis(text, feats)  # the templates say it, and Whisper is sure
        search = (self._search(self._mode) if encoded.seconds <= SEARCH_S
                  and _plain(text) not in NOISE_TEXTS else None)  # (words, not noise)
        readings = [text]
        if read is None and encoded.seconds > SHORT_S and search is None:
            # A sentence the free decode got wrong somewhere: the beam's other readings.
            # (The grammar search finds what they were for: on the fit split without them
            # 96.5 / 82.5 / 63.2% against 96.5 / 80.7 / 63.2% with them, the same false
            # accepts, and one beam decode fewer.)
            prompt = self.prompts.get(self._mode, "")
            for rank, other in enumerate(self.engine.transcripts(encoded, prompt, BEAM, BEAM)):
                other_text = collapse_repeats(other.text)
                readings.append(other_text)
                again = understand(other_text, self._mode) if other_text else None
                if again is not None and again.score >= 1.0:  # another reading, word for word
                    feats.update(nbest_rank=float(rank), avg_logprob=other.avg_logprob,
                                 understood=again.score)
                    return Hypothesis(other_text, feats)
        candidates = self._candidates(readings, encoded.seconds, completions)
        if search is not None:
            # The grammar's own sentences likeliest in the audio: in noise the one said is
            # rarely among those spelled like the transcript (docs/ears.md).
            if ahead is not None:
                sentences = ahead.result()
            else:
                # (At most this many tokens: past that the beam only lengthens sentences
                # that end later, at 4-7 ms a token.)
                steps = said.tokens + SEARCH_MORE_TOKENS
                sentences = search.search(self._decoder_context(encoded), keep=SEARCHED,
                                          steps=steps)
            # Only sentences about as long as what Whisper wrote: the search also ends
            # sentences early ("stop" for "Stop the car at the corner.", "i feel
            # overwhelmed" for "... maybe an eight"), and Whisper often writes a full stop
            # after a first word that more words follow.
            # (Syllables, not words: "okay, that's enough" is 3 words for the 6 of
            # "Okay, you have to sit up.", but 5 syllables for 7.) A check-in whose
            # number Whisper misheard ("..., maybe in A.") has its completions: then
            # only sentences with a number ("i feel overwhelming" scored -0.87 there,
            # "... maybe an eight" -1.14).
            least = FOUND_LENGTH * syllables(text)
            found = [found for found, _ in sentences
                     if syllables(found) >= least and (not completions or has_number(found))]
            candidates = list(dict.fromkeys([*found, *candidates]))
        # (Only what can be said in the audio: the search also finds long sentences
        # likely in a short noisy burst.)
        candidates = [c for c in candidates if sayable(c, encoded.seconds)]
        if candidates:
            best = self._best_candidate(encoded, candidates,
                                        candidate_floor(text, said.avg_logprob))
            feats.update(candidate_score=best.score, candidate_margin=best.margin)
            if best.wins():
                feats["candidate"] = 1.0
                if _plain(text) != best.phrase:
                    feats["free_text_differs"] = 1.0
                    text = best.phrase
        return Hypothesis(text, feats)

    def _decoder_context(self, encoded: Encoded) -> Context:
        return self.engine.context(encoded, self.prompts.get(self._mode, ""))

    def _read(self, encoded: Encoded, said: Transcript
              ) -> tuple[str, dict[str, float], Intent | None, list[str]]:
        """The transcript as text and features, its reading, and its number completions."""
        text = collapse_repeats(said.text)
        feats = {"avg_logprob": said.avg_logprob, "no_speech_prob": said.no_speech_prob,
                 "compression": compression_ratio(text), "tokens": float(said.tokens),
                 "speech_s": encoded.seconds, "looped": float(text != said.text)}
        read = understand(text, self._mode) if text else None
        completions = intensity_completions(text, self._mode) if read is not None else []
        feats["understood"] = read.score if read is not None else 0.0
        return text, feats, read, completions

    @staticmethod
    def _sure(said: Transcript, read: Intent | None, completions: list[str]) -> bool:
        return (read is not None and read.score >= 1.0 and said.avg_logprob >= SURE_LOGPROB
                and not completions)

    def _candidates(self, readings: list[str], seconds: float, completions: list[str]
                    ) -> list[str]:
        """The mode's sentences nearest the transcript (or nearest any of the beam's
        readings of it), and its short phrases when the utterance is short."""
        shorts = self.candidates.get(self._mode, []) if seconds <= SHORT_S else []
        return spelled_candidates(readings, self._mode, shorts, completions)

    def _scores(self, encoded: Encoded, phrases: list[str]) -> list[float]:
        """Each phrase's mean log-probability per token, its end included."""
        return self.engine.score(encoded, phrases, self.prompts.get(self._mode, ""))

    def _best_candidate(self, encoded: Encoded, phrases: list[str], floor: float = -99.0
                        ) -> Best:
        return best_candidate(phrases, self._scores(encoded, phrases), floor,
                              lambda phrase: meaning_of(phrase, self._mode))

    def confidence(self, hyp: Hypothesis, intent: str) -> tuple[float, float]:
        f = hyp.features
        if _plain(hyp.text) in NOISE_TEXTS:
            return 0.0, 0.5
        if f.get("candidate"):
            # Scored against the mode's phrases: the score and the margin carry it.
            return min(1.0, 1.0 + f.get("candidate_score", -9.0) / 4), 0.5
        if f.get("compression", 0.0) > 2.4:
            return 0.0, 0.5  # a decoder loop
        if f.get("no_speech_prob", 0.0) > 0.6 and f.get("avg_logprob", 0.0) < -1.0:
            return 0.0, 0.5
        if f.get("understood", 1.0) < TOLERANT_MIN and intent not in ("crisis", "distress"):
            return 0.0, 0.5  # read with tolerance from text that may be misheard
        return float(np.clip(1.0 + f.get("avg_logprob", -9.0) / 2, 0.0, 1.0)), 0.35
