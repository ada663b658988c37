"""The fast path for bare controls: PocketSphinx proposes, Whisper confirms.

A full quick look (one 10 s encoder window and a prompted decode, then candidate
scoring when Whisper is not sure) costs 0.2-0.4 s after the first pause, and it
was taken for every short utterance, so the ones that were not controls delayed
what came after them. Here a keyword spotter (PocketSphinx's keyword search, a
few milliseconds a block) hears the start of each utterance while it is spoken
and *proposes* the controls it heard. Only a proposed utterance gets a look at
the first pause, and a cheaper one: the prompted decode stops after a few
tokens. (The encoder sees the full path's 10 s window, so a look that confirms
nothing is not wasted: the full look and the utterance's end decode its
encoding.) The control is *confirmed* when Whisper's words, read by the
templates word for word, mean a control and Whisper is sure of them, or when the
proposed word, forced as the transcript, scores well and ends what was said
("stop by the store later" does not end after "stop"). Anything else waits for the
utterance and the full decode, as before.

Measured on the fit split: docs/ears.md, "The fast path for controls".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from voice.ears.base import EARLY_INTENTS
from voice.ears.pocketsphinx_backend import temp_file_of
from voice.ears.spotter_words import pronunciations
from voice.ears.whisper_candidates import SHORT_KEPT, best_candidate
from voice.ears.whisper_completions import collapse_repeats, plain
from voice.ears.whisper_engine import Encoded, Transcript, WhisperEngine
from voice.errors import MissingDependency
from voice.understanding.understand import understand

log = logging.getLogger("voice.ears")

# The words spotted, each the control it proposes (one word each: keyword search is
# weak on short phrases, but Whisper confirms, so a weak proposer only costs looks).
KEYWORDS = {"stop": "stop", "pause": "pause", "resume": "resume", "repeat": "repeat",
            "skip": "skip", "slower": "slower", "faster": "faster", "louder": "louder",
            "quieter": "quieter", "help": "help"}
# How sure the spotter must be to propose. Looser proposes more (each false proposal
# costs a short look, ~0.1 s, and Whisper refuses it); stricter loses controls to the
# slow path. Fit split, 3 voices, the utterance and its pre-roll: bare controls
# proposed clean / 10 / 5 dB 9/9, 9/9, 5/9 at 1e-20, 9/9, 9/9, 8/9 at 1e-30, 9/9 at
# 1e-40; out-of-domain utterances with some proposal 55%, 87%, 99%.
THRESHOLD = "1e-30"
NEW_TOKENS = 4  # "Please stop." is 3 tokens; a decoder loop stops here
# Whisper must be this sure of the words: the same bar as a transcript taken without
# scoring (voice.ears.whisper_backend.SURE_LOGPROB).
SURE_LOGPROB = -0.8
# Or a proposed word forced as the transcript must score this mean log-probability per
# token (the full path's CANDIDATE_MIN), lead the other proposals by SCORE_MARGIN, be
# followed by the end of what was said with log-probability END_MIN ("Pause" scored
# -0.56 on "pause the game for me honey": its end was unlikely), and come within
# SCORE_GAP of Whisper's own transcript (the full path's CANDIDATE_GAP).
SCORE_MIN = -1.4
SCORE_MARGIN = 0.4
END_MIN = -0.7
SCORE_GAP = 1.5
# (Not the full path's wide rule, a lower score far ahead of the rest: a look may hear
# only the start of a sentence, and on the eval split "box office numbers were strong"
# and "the patient was calm and alert", looked at as "Box." and "The patient.", became
# pause that way at -1.55 and -1.45. Without it, the fit set's bare stop and pause (5
# voices, 30 clips) were 24 right and 21 decided early, against 26 and 24.)
NOISE_WORDS = frozenset({"", "you", "thank you", "thanks", "bye", "so", "oh", "uh", "um"})


class ControlSpotter:
    """Keyword search over the start of each utterance: which controls were said?"""

    def __init__(self, keywords: dict[str, str] | None = None,
                 threshold: str = THRESHOLD) -> None:
        try:
            from pocketsphinx import Decoder
        except ImportError as err:
            raise MissingDependency("PocketSphinx is not installed; pip install pocketsphinx"
                                    ) from err
        self.keywords = dict(KEYWORDS if keywords is None else keywords)
        searched = "".join(f"{w} /{threshold}/\n" for w in self.keywords)
        with temp_file_of(pronunciations(list(self.keywords)), ".dict") as few, \
                temp_file_of(searched, ".kws") as keys:
            self._decoder: Any = Decoder(samprate=16000, bestpath=False, loglevel="FATAL",
                                         lm=None, dict=few, kws=keys)
        self._cmn = ""
        self._found: set[str] = set()
        self._open = False

    @classmethod
    def load(cls) -> ControlSpotter | None:
        """The spotter, or None without PocketSphinx (then every control takes the
        slow path: the ears still work)."""
        try:
            return cls()
        except MissingDependency:
            log.warning("PocketSphinx is not installed: no fast path for controls")
            return None

    def begin(self) -> None:
        self.end()
        if self._cmn:  # the last utterance's mean: the speaker and room it adapted to
            self._decoder.set_cmn(self._cmn)
        self._decoder.start_utt()
        self._found, self._open = set(), True

    def feed(self, pcm: bytes) -> None:
        if not self._open:
            # PocketSphinx fed after end_utt() can spin forever (docs/ears.md, no hangs).
            return
        self._decoder.process_raw(pcm, False, False)
        # Every detection so far, noted as it comes. (Restarting the search after each
        # one, as the PocketSphinx backend's lazy spotter does, lost the context: on the
        # fit split a false "help" early in a bare "stop" hid the "stop", clean 7/9.)
        hyp = self._decoder.hyp()
        if hyp is not None:
            self._found |= {w.split("(", 1)[0] for w in hyp.hypstr.split()}

    def proposed(self) -> tuple[str, ...]:
        """The controls heard so far in this utterance."""
        return tuple(sorted({self.keywords[w] for w in self._found if w in self.keywords}))

    def end(self) -> None:
        if self._open:
            self._found |= self._close()

    def _close(self) -> set[str]:
        d = self._decoder
        d.end_utt()
        self._open = False
        self._cmn = str(d.get_cmn(False))
        hyp = d.hyp()
        return {w.split("(", 1)[0] for w in hyp.hypstr.split()} if hyp is not None else set()


@dataclass
class Confirmed:
    """A quick look at a proposed control, and whether Whisper agreed."""

    encoded: Encoded
    said: Transcript
    text: str  # what Whisper wrote, or the control it scored as said
    intent: str | None  # the confirmed control, or None
    how: str = ""  # "read": Whisper wrote it; "scored": the proposed word scored so
    score: float = 0.0  # the scored word's mean log-probability per token

    def features(self) -> dict[str, float]:
        """What the confidence reads: a scored word is judged as a scored candidate."""
        if self.how == "scored":
            return {"fast_path": 1.0, "candidate": 1.0, "candidate_score": self.score,
                    "free_text_differs": float(plain(self.said.text) != self.text)}
        return {"fast_path": 1.0}


def confirm(engine: WhisperEngine, audio: np.ndarray, proposed: tuple[str, ...],
            mode: str, prompt: str, shorts: tuple[str, ...] = ()) -> Confirmed:
    """Whisper's look at a short utterance on a short window (the spotter proposed
    ``proposed``). The control stands when Whisper's own words mean a control word for
    word and surely ("Please stop."), or else when a proposed word, forced as what was
    said, scores well, ends the utterance, and leads the other proposals (a Piper
    "slower" is written "Flower.", a "pause" "Bause.": free decoding of one word misses
    often)."""
    # The engine's own window (10 s), as the full path encodes: a 3 s window costs less
    # (tiny.en int8, 2 cores: ~60 ms against ~160 ms) but scores worse. On the fit set's
    # bare stop and pause, Piper's "pause" at 10 dB scored -1.46 there against -1.29 in
    # 10 s, -1.70 against -1.04 clean (so waited for the utterance's end), an espeak-ng
    # "stop" -1.87 against -1.36; with 10 s, 21 -> 23 of 30 were decided early.
    encoded = engine.encode(audio)
    said = engine.transcribe(encoded, prompt, new_tokens=NEW_TOKENS)
    return judge(engine, encoded, said, proposed, mode, prompt, shorts)


def judge(engine: WhisperEngine, encoded: Encoded, said: Transcript, proposed: tuple[str, ...],
          mode: str, prompt: str, shorts: tuple[str, ...] = ()) -> Confirmed:
    """Whether a look (``encoded``, and Whisper's words ``said``) confirms a control: the
    rule of :func:`confirm`."""
    text = collapse_repeats(said.text)
    read = understand(text, mode) if text else None
    # Whisper's own sure, word-for-word reading of a control needs only *a* proposal:
    # the spotter often hears that a control was said but names the wrong one (fit
    # split: a clear "Stop." proposed as faster/louder/pause/slower), and that reading
    # is what the full path takes without scoring too.
    if (read is not None and read.name in EARLY_INTENTS
            and read.score >= 1.0 and said.avg_logprob >= SURE_LOGPROB):
        return Confirmed(encoded, said, text, read.name, "read")
    # The proposals, and the mode's short phrases (``shorts``) most like what Whisper
    # wrote, as the full path picks them: the spotter often names the wrong control, and
    # a control scored here is one the full path would score at the end of the
    # utterance, a look later (Piper's "pause", written "Bause.", waited 0.3-0.5 s more).
    if text and mode != "answer":
        shorts = tuple(c for c, _, _ in process.extract(plain(text), shorts,
                                                         scorer=fuzz.ratio, limit=SHORT_KEPT))
    # (In answer mode the answers stay as rivals: a "four" must beat "pause" to be
    # taken as one. Fit half of the real people: an 8 kHz "four" was taken as pause.)
    intents = {w: best_intent(w, mode) for w in dict.fromkeys((*proposed, *shorts))}
    words = [w for w, intent in intents.items() if intent is not None]
    if not any(intents[w] in EARLY_INTENTS for w in words):
        return Confirmed(encoded, said, text, None)
    parts = engine.score_parts(encoded, words, prompt)
    # What Whisper wrote freely still counts: a word far less likely than its own
    # transcript ("House." is not "pause") does not replace it, nor is it a rival (as in
    # the full path, which gave a clear espeak-ng "stop" at 10 dB, written "Let's talk.",
    # a margin of 98 where this look measured it against "slower").
    floor = said.avg_logprob - SCORE_GAP if text and plain(text) not in NOISE_WORDS else -99.0
    best = best_candidate(words, [score for score, _ in parts], floor, intents.__getitem__)
    end = parts[words.index(best.phrase)][1]
    intent = intents[best.phrase]
    if (best.score >= SCORE_MIN and best.margin >= SCORE_MARGIN and end >= END_MIN
            and intent in EARLY_INTENTS):
        return Confirmed(encoded, said, best.phrase, intent, "scored", best.score)
    return Confirmed(encoded, said, text, None)


def best_intent(word: str, mode: str) -> str | None:
    read = understand(word, mode)
    return read.name if read is not None else None
