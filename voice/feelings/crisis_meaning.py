"""A learned backstop that reads what a sentence means, not only its words, asked after the
rules of :mod:`voice.feelings.crisis` and the word-feature model of
:mod:`voice.feelings.crisis_model` both said no.

Writers who never saw the rules keep saying it in ways no rule names (blind batches: 52-82%
caught before their round). The word-feature model generalizes only as far as words and
word pieces are shared. This one reads the sentence's embedding from
:mod:`voice.feelings.sentence_encoder` (all-MiniLM-L6-v2) with a small network (384 -> 64
ReLU -> 1), trained by ``tools/train_crisis_meaning.py`` on the same tune data, with its
threshold chosen by the same cross-validation across writers (near misses almost never,
requests and everyday talk never flagged out of fold).

It is asked only when the word-feature model already leans that way (its score at or above
the kept gate, -0.5 log-odds, chosen on blind batches; see tools/train_crisis_meaning.py):
the encoder costs 3-17 ms a sentence, and most sentences never reach it. The same guards
keep it out of other people's stories and idioms. When the encoder is not installed it says
no, and the rules and the word model stand alone (``attune doctor`` says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from voice.feelings import crisis_model, sentence_encoder

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "crisis-meaning.npz"
Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class MeaningModel:
    hidden_weights: npt.NDArray[np.float32]  # 384 x hidden
    hidden_bias: Vector
    out_weights: Vector
    out_bias: float
    threshold: float  # a score (log-odds) at or above it counts as crisis
    gate: float  # the word model's score below which this model is not asked

    def score_embedding(self, embedding: Vector) -> float:
        hidden = np.maximum(0.0, embedding @ self.hidden_weights + self.hidden_bias)
        return float(hidden @ self.out_weights) + self.out_bias


@lru_cache(maxsize=1)
def load(path: Path = WEIGHTS) -> MeaningModel:
    """The kept model (read once)."""
    with np.load(path) as data:
        return MeaningModel(data["hidden_weights"].astype(np.float32),
                            data["hidden_bias"].astype(np.float32),
                            data["out_weights"].astype(np.float32), float(data["out_bias"]),
                            float(data["threshold"]), float(data["gate"]))


def save(path: Path, model: MeaningModel) -> None:
    np.savez_compressed(path, hidden_weights=model.hidden_weights,
                        hidden_bias=model.hidden_bias, out_weights=model.out_weights,
                        out_bias=np.float64(model.out_bias),
                        threshold=np.float64(model.threshold), gate=np.float64(model.gate))


def available() -> bool:
    """The sentence encoder is installed and loads."""
    return sentence_encoder.shared() is not None


def says_crisis(text: str) -> bool:
    """The kept model finds ``text`` crisis: past the guards and the gate, at or above its
    threshold. False when the encoder is not installed."""
    toks = crisis_model.tokens(text)
    if not toks or crisis_model.ruled_out(toks):
        return False
    model = load()
    if crisis_model.load().score(text) < model.gate:
        return False
    encoder = sentence_encoder.shared()
    if encoder is None:
        return False
    return model.score_embedding(encoder.encode(text)) >= model.threshold
