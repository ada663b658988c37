"""Vosk (Kaldi): used when a Vosk model is installed or chosen.

Grammar mode gives the recognizer a runtime phrase list: every word the
current mode's templates can use, plus ``[unk]`` so unknown speech has
somewhere to go; the text matcher then keeps only sentences that parse.
Mode ``"free"`` decodes without a grammar, for open answers. Vosk's own
endpointing is not used: the shared endpointer decides where utterances end.

Known limits (vosk-api #741, #1339, #2041): ``[unk]`` is unreliable and some
models ignore it, and word confidences are often 1.0 for forced words, so
rejection here rests mostly on the grammar plus the text matcher.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from voice.ears.base import Hypothesis
from voice.errors import MissingDependency
from voice.understanding.grammar import Grammar

SAMPLE_RATE = 16000
UNKNOWN = "[unk]"
NO_MODEL = ("no Vosk model is installed; run 'attune models download vosk-small-en-us' "
            "(or use the built-in recognizer: --recognizer pocketsphinx)")


@functools.cache
def _model(path: str) -> Any:
    from vosk import Model, SetLogLevel

    SetLogLevel(-2)  # also hides "word missing in vocabulary" for [unk]
    return Model(path)


class VoskBackend:
    """Utterance decoding for :class:`voice.ears.recognizer.StreamingRecognizer`."""

    name = "vosk"

    def __init__(self, grammar: Grammar, model_path: str | Path | None = None,
                 phrases: list[str] | None = None, threshold: float = 0.6) -> None:
        try:
            import vosk  # noqa: F401
        except ImportError as err:
            raise MissingDependency("Vosk is not installed; pip install vosk") from err
        if not model_path or not Path(model_path).is_dir():
            raise MissingDependency(NO_MODEL)
        self.model = _model(str(model_path))
        self.grammar = grammar
        self.phrases = phrases  # an explicit phrase list replaces the grammar's words
        self.threshold = threshold
        self._recognizers: dict[str, Any] = {}
        self._rec: Any = None
        self._pieces: list[dict[str, Any]] = []

    def _phrases(self, mode: str) -> list[str] | None:
        if mode == "free":
            return None
        words = self.phrases if self.phrases is not None else sorted(self.grammar.words(mode))
        return [*words, UNKNOWN]

    def background(self, pcm: bytes) -> None:
        del pcm  # Vosk adapts per utterance (online i-vectors); nothing to track

    def begin(self, mode: str) -> None:
        from vosk import KaldiRecognizer

        rec = self._recognizers.get(mode)
        if rec is None:
            phrases = self._phrases(mode)
            rec = (KaldiRecognizer(self.model, SAMPLE_RATE) if phrases is None else
                   KaldiRecognizer(self.model, SAMPLE_RATE, json.dumps(phrases,
                                                                       ensure_ascii=False)))
            rec.SetWords(True)
            self._recognizers[mode] = rec
        else:
            rec.Reset()
        self._rec = rec
        self._pieces = []

    def feed(self, pcm: bytes) -> None:
        if self._rec.AcceptWaveform(pcm):  # Vosk closed a segment of its own: keep it
            self._pieces.append(json.loads(self._rec.Result()))

    def partial(self) -> str:
        text = str(json.loads(self._rec.PartialResult()).get("partial", ""))
        return " ".join(w for w in text.split() if w != UNKNOWN)

    def end(self) -> Hypothesis:
        self._pieces.append(json.loads(self._rec.FinalResult()))
        words = [w for piece in self._pieces for w in piece.get("result", [])]
        said = [str(w["word"]) for w in words]
        known = [w for w in words if w["word"] != UNKNOWN]
        text = " ".join(str(w["word"]) for w in known)
        if not words:  # no word timings: fall back to the plain text
            said = " ".join(str(p.get("text", "")) for p in self._pieces).split()
            text = " ".join(w for w in said if w != UNKNOWN)
        confs = [float(w.get("conf", 1.0)) for w in known] or [0.0]
        return Hypothesis(text, {"unknown": float(said.count(UNKNOWN)),
                                 "conf_mean": sum(confs) / len(confs),
                                 "conf_min": min(confs), "words": float(len(known))})

    def confidence(self, hyp: Hypothesis, intent: str) -> tuple[float, float]:
        del intent
        if hyp.features.get("unknown", 0.0) > 0:
            return 0.0, self.threshold
        return hyp.features.get("conf_min", 0.0), self.threshold
