"""Numpy building blocks shared by the networks Attune runs itself (the sentence encoder
in voice.feelings.sentence_encoder, Whisper's decoder in voice.ears.whisper_decoder)."""

from __future__ import annotations

import math

import numpy as np

Array = np.ndarray


def layer_norm(x: Array, gain: Array, bias: Array, eps: float) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: Array = (x - mean) / np.sqrt(var + eps) * gain + bias
    return out


def log_softmax(x: Array) -> Array:
    """Log-probabilities along the last axis."""
    x = x - x.max(-1, keepdims=True)
    out: Array = x - np.log(np.exp(x).sum(-1, keepdims=True))
    return out


def gelu(x: Array) -> Array:
    """The exact GELU, with erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7):
    numpy has no erf."""
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
            + 0.254829592) * t
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    out: Array = (0.5 * x * (1.0 + erf)).astype(np.float32)
    return out
