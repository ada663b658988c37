"""PocketSphinx: grammar decoding plus a phone-loop check, the default recognizer.

Two decoders hear every utterance. One decodes against the JSGF grammar of
the current mode (built from ``voice/data/intents.yaml``), which forces any
speech onto *some* sentence Attune knows. The other decodes the same frames
with a free phone loop (``allphone``), the best any English sounds could
score. Where the grammar path is much worse than the phone loop, the words
were not what the grammar says: that margin (per word, overall, over the worst
quarter of the word frames, and over the whole utterance), plus a few shape
features (filler words the grammar had to use, stretched phones, silence inside
the words, how far the speech stands above the room) go into a logistic model
whose weights
``bench/fit_ears.py`` fits on generated speech and writes to
``voice/data/ears-pocketsphinx.json``.
"""

from __future__ import annotations

import collections
import contextlib
import json
import math
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from voice import paths
from voice.audio.mic import pcm16_samples
from voice.ears.base import EARLY_INTENTS, FREE, Hypothesis
from voice.errors import MissingDependency
from voice.understanding.grammar import Grammar, SlotList
from voice.understanding.intents import feeling_words

# Modes in which the speech grammar offers every spoken feeling form; elsewhere
# only the canonical feeling words (a 500-phrase list pulls background talk in).
FULL_FEELINGS_MODES = ("answer",)

PARAMS_FILE = paths.PACKAGE_DATA / "ears-pocketsphinx.json"
# A keyword spotter listens for the two commands that matter most. When it agrees
# with the grammar on a bare "stop" or "pause", the command is taken even if the
# rejection model, which has little evidence in one short word, doubts it. Alone,
# 1e-10 let none of 290 unrelated words through; needing the grammar's agreement
# too, 1e-20 catches more (quick eval split: stop/pause recall at 10 dB 44% -> 50%,
# 5 dB 28% -> 33%; all false accepts 1.4% -> 1.7%) and hears the clean "stop" that
# 1e-10 missed 60 s into a box breathing session.
SPOTTED = ("stop", "pause")
KWS_THRESHOLD = "1e-20"
RUNUP_SAMPLES = 16000  # audio the spotter hears before an utterance begins
SECOND_PASS_MODE = "speaking"  # the short controls (and crisis words) alone
# Narrower searches than PocketSphinx's defaults (beams 1e-48, wbeam 7e-29, topn 4):
# the two decoders that hear every utterance are most of the ears' cost. A frame with
# more than ``maxhmmpf`` active HMMs narrows the beams (default 30000, more than the
# largest grammar has); ``maxwpf`` caps the words ending per frame in the open-answer
# mode's language model. A minute of babble: 9.0 -> 6.4 s of CPU in answer mode, 18.5 ->
# 13.2 s in the open-answer mode (word error on twelve spoken answers 22.8 -> 23.9%).
GRAMMAR_SEARCH: dict[str, Any] = {"topn": 2, "beam": 1e-40, "pbeam": 1e-40, "wbeam": 1e-24,
                                  "maxhmmpf": 2000, "maxwpf": 20}
PHONE_SEARCH: dict[str, Any] = {"topn": 2}
FRAMES_PER_S = 100  # PocketSphinx's feature frame rate
FEATURES = ("margin", "margin_min", "margin_content", "margin_all", "margin_low", "phone_dist",
            "words", "fillers", "frames_per_phone", "sil_frac", "phone_rate", "speech_s",
            "snr_db", "one_short_word", "short_command", "is_check_in", "is_start_session")
# Used until bench/fit_ears.py has written a fitted model.
DEFAULT_PARAMS: dict[str, Any] = {
    "features": ["margin", "margin_min"],
    "mean": [0.0, 0.0], "std": [1.0, 1.0], "weights": [8.0, 2.0], "bias": 4.0,
    "threshold": 0.5, "intent_threshold": {},
    "decoder": {},
}


def intent_features(intent: str, feats: dict[str, float] | None = None) -> dict[str, float]:
    """What the parse claims matters too: long open-ended templates attract background
    talk, while one short word said alone ("stop") is rarely someone else's sentence."""
    feats = feats or {}
    alone = feats.get("words", 0.0) == 1.0 and feats.get("speech_s", 9.0) < 0.8
    return {"one_short_word": 1.0 if alone else 0.0,
            "short_command": 1.0 if intent in EARLY_INTENTS else 0.0,
            "is_check_in": 1.0 if intent == "check_in" else 0.0,
            "is_start_session": 1.0 if intent == "start_session" else 0.0}


def load_params(path: Path = PARAMS_FILE) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return dict(DEFAULT_PARAMS)


@contextlib.contextmanager
def temp_file_of(text: str, suffix: str) -> Iterator[str]:
    """A temporary file holding ``text`` (PocketSphinx reads some settings from files)."""
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False) as out:
        out.write(text)
    try:
        yield out.name
    finally:
        os.unlink(out.name)


def _add_pronunciation(decoder: Any, word: str, phones: str) -> None:
    """``word`` said as ``phones``: a new word, or another way to say a known one (the
    dictionary's own entry cannot be replaced; "sos" is "EH OW EH S" there)."""
    if decoder.lookup_word(word) is None:
        decoder.add_word(word, phones, False)
        return
    n = 1
    while (known := decoder.lookup_word(word if n == 1 else f"{word}({n})")) is not None:
        if known == phones:
            return
        n += 1
    decoder.add_word(f"{word}({n})", phones, False)


def _is_filler(word: str) -> bool:
    return word[:1] in "<[+(" or word == ""


def _edit_distance(a: list[str], b: list[str]) -> int:
    """Levenshtein distance between two phone sequences."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _int16(pcm: bytes) -> np.ndarray:
    return pcm16_samples(pcm).astype(np.int32)


def _is_digital_silence(samples: np.ndarray) -> bool:
    return samples.size == 0 or int(np.max(np.abs(samples))) <= 1


def _levels(samples: np.ndarray, frame: int = 480) -> list[float]:
    """Level in dBFS of each whole 30 ms frame."""
    n = samples.size // frame * frame
    if n == 0:
        return []
    x = samples[:n].astype(np.float64).reshape(-1, frame) / 32768.0
    return [float(v) for v in 10 * np.log10(np.mean(x * x, axis=1) + 1e-12)]


def _base(word: str) -> str:
    return word.split("(", 1)[0]  # "want(2)" -> "want"


class PocketSphinxBackend:
    """Utterance decoding for :class:`voice.ears.recognizer.StreamingRecognizer`."""

    name = "pocketsphinx"

    def __init__(self, grammar: Grammar, params: dict[str, Any] | None = None,
                 params_path: Path = PARAMS_FILE) -> None:
        try:
            from pocketsphinx import Decoder, get_model_path
        except ImportError as err:
            raise MissingDependency("PocketSphinx is not installed; pip install pocketsphinx"
                                    ) from err
        self.params = params or load_params(params_path)
        # lm=None: by default every Decoder loads the general language model (0.15 s
        # and ~65 MB each) that only the open-answer mode uses, and then lazily.
        options = {"samprate": 16000, "bestpath": False, "loglevel": "FATAL", "lm": None}
        self._grammar_decoder = Decoder(**options, **GRAMMAR_SEARCH,
                                        **self.params.get("decoder", {}))
        # The other three need a handful of words, not the 135,000-word dictionary.
        lookup = self._grammar_decoder.lookup_word
        with temp_file_of("".join(f"{w} {lookup(w)}\n" for w in ("a", *SPOTTED)), ".dict") as few:
            self._phone_decoder = Decoder(**options, **PHONE_SEARCH, dict=few)
            self._tracker = Decoder(**options, dict=few)
            self._spotter = Decoder(**options, dict=few)
        phone_lm = os.path.join(get_model_path(), "en-us", "en-us-phone.lm.bin")
        self._phone_decoder.add_allphone_file("phones", phone_lm)
        self._phone_decoder.activate_search("phones")
        # The room tracker hears each utterance and the second before it, with a
        # one-word search (cheap: RTF ~0.005), so its live cepstral mean follows the
        # speaker's level and the background around the words; each utterance starts
        # from it instead of a stale mean. Long quiet stretches are left out: a
        # minute of a quiet room would pull the mean far from any speech (a "stop"
        # after 20 s of a -65 dBFS floor was decoded "it's bad").
        self._tracker.add_jsgf_string("room", "#JSGF V1.0;\ngrammar room;\npublic <r> = a;\n")
        self._tracker.activate_search("room")
        self._tracker.start_utt()
        self._tracked = 0
        # The spotter hears an utterance with the second of audio before it (the
        # run-up that a cut-out word lacks), and only when a decision needs it: a
        # rejected first pass, or a bare "stop"/"pause" the model doubts. Most
        # utterances are settled without it (it costs an RTF of ~0.017 when it runs).
        with temp_file_of("".join(f"{w} /{KWS_THRESHOLD}/\n" for w in SPOTTED), ".kws") as keys:
            self._spotter.add_kws("spot", keys)
        self._spotter.activate_search("spot")
        self._runup: collections.deque[bytes] = collections.deque()
        self._spot_audio: list[bytes] = []  # the run-up and the utterance, as heard
        self._spot_runup = 0  # how many of those blocks are run-up
        self._utt_audio: list[bytes] = []
        self._utt_cmn = ""
        self._utt_phones: list[Any] = []
        self._runup_samples = 0
        # Frame levels (dB), of the room over the last 4 s and of the utterance: how far
        # the speech stands above the noise tells the model how much to trust margins.
        self._room: collections.deque[float] = collections.deque(maxlen=133)
        self._utt_levels: list[float] = []
        d = self._grammar_decoder
        for word, phones in grammar.pronunciations.items():
            _add_pronunciation(d, word, phones)
        self.grammar, self.dropped = grammar.restricted(lambda w: d.lookup_word(w) is not None)
        self._fillers = set(grammar.lead) | {w for t in grammar.tail for w in t.split()}
        self._modes: set[str] = set()
        self._active: str | None = None
        self._logmath = d.get_logmath()
        self._mean = np.asarray(self.params["mean"], dtype=np.float64)
        self._std = np.asarray(self.params["std"], dtype=np.float64)
        self._weights = np.asarray(self.params["weights"], dtype=np.float64)
        self._in_utt = False
        self._spotted: set[str] | None = set()

    def _activate(self, mode: str) -> None:
        d = self._grammar_decoder
        if mode not in self._modes:
            if mode == FREE:  # open answers: the general US English language model
                from pocketsphinx import get_model_path

                d.add_lm_file(mode, os.path.join(get_model_path(), "en-us", "en-us.lm.bin"))
            else:
                d.add_jsgf_string(mode, self.grammar.to_jsgf(mode, lists=self._speech_lists(mode)))
            self._modes.add(mode)
        if self._active != mode:  # (current_search() crashes before any search is active)
            d.activate_search(mode)
            self._active = mode

    def background(self, pcm: bytes) -> None:
        samples = _int16(pcm)
        if not _is_digital_silence(samples):  # zeros say nothing about the room
            self._room.extend(_levels(samples))
        if self._in_utt:
            self._track(pcm)
            self._spot_audio.append(pcm)
        else:
            self._runup.append(pcm)
            self._runup_samples += len(pcm) // 2
            while self._runup_samples - len(self._runup[0]) // 2 >= RUNUP_SAMPLES:
                self._runup_samples -= len(self._runup.popleft()) // 2

    def _track(self, pcm: bytes) -> None:
        if _is_digital_silence(_int16(pcm)):
            return  # zeros skew the mean
        self._tracker.process_raw(pcm, False, False)
        self._tracked += len(pcm) // 2
        if self._tracked >= 30 * 16000:  # keep the tracker's utterance bounded
            self._tracker.end_utt()
            self._tracker.start_utt()
            self._tracked = 0

    def spotted(self) -> set[str]:
        """What the keyword spotter hears in the last utterance and its run-up (once)."""
        if self._spotted is None:
            spotter, found = self._spotter, set()
            spotter.set_cmn(self._utt_cmn)
            spotter.start_utt()
            for block in self._spot_audio[:self._spot_runup]:
                spotter.process_raw(block, False, False)
            for block in self._spot_audio[self._spot_runup:]:
                spotter.process_raw(block, False, False)
                if spotter.hyp() is not None:  # note what it found, start clean
                    found |= self._end_spotting()
                    spotter.start_utt()
            self._spotted = found | self._end_spotting()
        return self._spotted

    def _end_spotting(self) -> set[str]:
        self._spotter.end_utt()
        hyp = self._spotter.hyp()
        return set(hyp.hypstr.split()) if hyp is not None else set()

    def _speech_lists(self, mode: str) -> dict[str, SlotList]:
        words = feeling_words()
        if mode in FULL_FEELINGS_MODES or not words or "feeling" not in self.grammar.lists:
            return {}
        full = self.grammar.lists["feeling"]
        return {"feeling": SlotList("feeling", [v for v in full.values
                                                if " ".join(v.words) in words])}

    def begin(self, mode: str) -> None:
        self._activate(mode)
        for block in self._runup:
            self._track(block)
        cmn = self._tracker.get_cmn(True)
        self._utt_cmn = cmn
        self._grammar_decoder.set_cmn(cmn)
        self._phone_decoder.set_cmn(cmn)
        self._grammar_decoder.start_utt()
        self._phone_decoder.start_utt()
        self._utt_audio = []
        self._spot_audio = list(self._runup)
        self._spot_runup = len(self._spot_audio)
        self._spotted = None
        self._runup.clear()
        self._runup_samples = 0
        self._utt_levels = []
        self._in_utt = True

    def feed(self, pcm: bytes) -> None:
        if not self._in_utt:
            # PocketSphinx fed after end_utt() can spin forever inside process_raw (its
            # feature buffer refuses the frames once its write position wraps).
            return
        self._utt_audio.append(pcm)
        self._utt_levels.extend(_levels(_int16(pcm)))
        self._grammar_decoder.process_raw(pcm, False, False)
        self._phone_decoder.process_raw(pcm, False, False)

    def partial(self) -> str:
        hyp = self._grammar_decoder.hyp()
        return str(hyp.hypstr) if hyp is not None else ""

    def end(self) -> Hypothesis:
        g, p = self._grammar_decoder, self._phone_decoder
        g.end_utt()
        p.end_utt()
        self._in_utt = False
        hyp = g.hyp()
        text = " ".join(_base(w) for w in (hyp.hypstr.split() if hyp else []))
        if not text:
            return Hypothesis("", {})
        self._utt_phones = list(p.seg() or [])
        return Hypothesis(text, self._with_snr(self._features(list(g.seg() or []),
                                                              self._utt_phones)))

    def _with_snr(self, feats: dict[str, float]) -> dict[str, float]:
        if feats:
            room = float(np.percentile(self._room, 20)) if self._room else -90.0
            speech = float(np.percentile(self._utt_levels, 90)) if self._utt_levels else room
            feats["snr_db"] = min(40.0, max(0.0, speech - room))
        return feats

    def second_opinion(self) -> Hypothesis | None:
        """The last utterance again, against the short controls alone, when the
        keyword spotter heard "stop" or "pause" in it but the full grammar found
        something else (in a quiet room a clear "stop" can come out "it's bad").
        Only a bare spotted word counts; the caller still applies the threshold."""
        spotted = self.spotted() & set(SPOTTED)
        if not spotted or not self._utt_audio:
            return None
        g = self._grammar_decoder
        previous = self._active
        # No set_cmn: the decoder's live mean has just adapted to this very utterance,
        # which is what a second look needs (a "pause" in pink noise that the first
        # pass, starting from the room's mean, could not finish is found this way).
        self._activate(SECOND_PASS_MODE)
        g.start_utt()
        g.process_raw(b"".join(self._utt_audio), False, True)
        g.end_utt()
        hyp = g.hyp()
        text = " ".join(_base(w) for w in (hyp.hypstr.split() if hyp else []))
        feats = self._features(list(g.seg() or []), self._utt_phones) if text else {}
        if previous is not None:
            self._activate(previous)
        if text not in spotted:
            return None
        return Hypothesis(text, self._with_snr(feats))

    def _log(self, value: float) -> float:
        return float(self._logmath.log(value)) if value > 0 else -1e7

    def _features(self, gsegs: list[Any], psegs: list[Any]) -> dict[str, float]:
        end = max([s.end_frame for s in gsegs] + [s.end_frame for s in psegs] + [0]) + 1
        fg, fp = np.zeros(end), np.zeros(end)
        for segs, frames in ((gsegs, fg), (psegs, fp)):
            for s in segs:
                a, b = max(0, s.start_frame), min(end - 1, s.end_frame)
                if b >= a:
                    frames[a:b + 1] = self._log(s.ascore) / (b - a + 1)
        words = [s for s in gsegs if not _is_filler(s.word)]
        if not words:
            return {}
        in_word = np.zeros(end, dtype=bool)
        per_word, content = [], []
        said: list[str] = []
        for s in words:
            a, b = max(0, s.start_frame), s.end_frame
            in_word[a:b + 1] = True
            margin = float(np.mean(fg[a:b + 1] - fp[a:b + 1])) if b >= a else 0.0
            per_word.append(margin)
            pron = (self._grammar_decoder.lookup_word(s.word) or "").split()
            said.extend(pron)
            if len(pron) >= 3:
                content.append(margin)
        phones = max(1, len(said))
        first, last = max(0, words[0].start_frame), words[-1].end_frame
        speech_frames = int(in_word.sum())
        speech_s = max(speech_frames, 1) / FRAMES_PER_S
        loop_phones = [s for s in psegs if not _is_filler(s.word) and s.word != "SIL"
                       and first <= s.start_frame <= last]
        heard = [s.word for s in loop_phones]
        diff = fg[in_word] - fp[in_word]
        low = np.sort(diff)[: max(1, diff.size // 4)]
        return {
            "margin": float(np.mean(diff)) / 100.0,
            "margin_all": float(np.mean(fg - fp)) / 100.0,  # with the lead/tail and pauses
            "margin_low": float(np.mean(low)) / 100.0,  # the worst quarter of the word frames
            "margin_min": min(per_word) / 100.0,
            "margin_content": min(content or per_word) / 100.0,
            "phone_dist": _edit_distance(said, heard) / max(len(said), len(heard), 1),
            "words": float(len(words)),
            "fillers": float(sum(1 for s in words if _base(s.word) in self._fillers)),
            "frames_per_phone": speech_frames / phones,
            "sil_frac": 1.0 - speech_frames / max(1, last - first + 1),
            "phone_rate": len(loop_phones) / speech_s,
            "speech_s": speech_s,
        }

    def confidence(self, hyp: Hypothesis, intent: str) -> tuple[float, float]:
        feats = dict(hyp.features)
        if not feats:
            return 0.0, 1.0
        feats.update(intent_features(intent, feats))
        x = np.asarray([feats.get(name, 0.0) for name in self.params["features"]])
        z = (x - self._mean) / np.where(self._std > 0, self._std, 1.0)
        score = float(z @ self._weights + float(self.params["bias"]))
        p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))
        threshold = float(self.params.get("intent_threshold", {}).get(
            intent, self.params["threshold"]))
        if (p < threshold and intent in SPOTTED and hyp.text.split() == [intent]
                and intent in self.spotted()):
            p = threshold  # the keyword spotter agrees on the bare command
        return p, threshold
