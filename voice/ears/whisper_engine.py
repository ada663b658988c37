"""Whisper in CTranslate2, used directly: features, one encoder pass, decoding, scoring.

faster-whisper pads every utterance to 30 s of features, so a one-word command
costs as much encoder work as half a minute of speech. Here the audio is padded
to :data:`WINDOW_S` (10 s) instead: on tiny.en int8 the encoder costs a quarter
as much (~100 ms against ~400 ms on 2 cores) for the same word error (7.9% against
7.3% on 42 clips). Shorter padding makes the decoder loop on repeated tokens.

Work per utterance is bounded by construction: the encoder sees at most 30 s,
and every decode has a ``max_length``, so nothing here can run away.
"""

from __future__ import annotations

import functools
import math
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice.ears.whisper_decoder import Context, WhisperDecoder

SAMPLE_RATE = 16000
HOP = 160
N_FFT = 400
WINDOW_S = 10.0  # encoder input for utterances up to this long (see the module doc)
MAX_S = 30.0  # Whisper's own window: longer audio keeps its last 30 s
FRAMES_PER_S = 50  # encoder output frames per second of audio
TAIL_FRAMES = 50  # kept after the utterance when candidates are scored
MAX_NEW_TOKENS = 48  # a spoken request is never longer; a looping decoder stops here


@functools.cache
def _mel_filters(n_mels: int) -> np.ndarray:
    """Slaney-style mel filters, as Whisper (librosa) computes them."""
    fft_freqs = np.fft.rfftfreq(n=N_FFT, d=1.0 / SAMPLE_RATE)
    mels = np.linspace(0.0, 45.245640471924965, n_mels + 2)
    freqs = 200.0 / 3 * mels
    min_log_mel = 1000.0 / (200.0 / 3)
    log_region = mels >= min_log_mel
    freqs[log_region] = 1000.0 * np.exp(np.log(6.4) / 27.0 * (mels[log_region] - min_log_mel))
    ramps = freqs.reshape(-1, 1) - fft_freqs.reshape(1, -1)
    fdiff = np.diff(freqs)
    lower = -ramps[:-2] / fdiff[:-1, None]
    upper = ramps[2:] / fdiff[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (freqs[2:n_mels + 2] - freqs[:n_mels]))[:, None]
    return weights.astype(np.float32)


@functools.cache
def _hann() -> np.ndarray:
    return np.hanning(N_FFT + 1)[:-1].astype(np.float32)  # periodic, as torch.hann_window


def log_mel(audio: np.ndarray, n_mels: int = 80, frames: int | None = None) -> np.ndarray:
    """Whisper's log-mel features [n_mels, frames] of float32 audio at 16 kHz.

    The audio is zero-padded to ``frames`` * 10 ms first (as Whisper pads to 30 s),
    so the features of the padding are those of silence.
    """
    if frames is not None:
        want = frames * HOP
        audio = audio[-want:] if audio.size > want else np.pad(audio, (0, want - audio.size))
    x = np.pad(audio.astype(np.float32), N_FFT // 2, mode="reflect")
    n = 1 + (x.size - N_FFT) // HOP
    strided = np.lib.stride_tricks.as_strided(
        x, shape=(n, N_FFT), strides=(x.strides[0] * HOP, x.strides[0]))
    power = np.abs(np.fft.rfft(strided * _hann(), axis=1)) ** 2
    mel = _mel_filters(n_mels) @ power[:-1].T.astype(np.float32)
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    features: np.ndarray = ((log_spec + 4.0) / 4.0).astype(np.float32)
    return features


def compression_ratio(text: str) -> float:
    """How repetitive a transcript is (Whisper's own loop check: above 2.4 is a loop)."""
    data = text.encode("utf-8")
    return len(data) / max(1, len(zlib.compress(data)))


@dataclass
class Transcript:
    text: str
    avg_logprob: float  # mean log-probability per token (end of text included)
    no_speech_prob: float
    tokens: int
    compression: float


@dataclass
class Encoded:
    """One utterance through the encoder, kept to decode and score more than once."""

    output: Any  # ctranslate2.StorageView [1, frames / 2, d_model]
    seconds: float


class WhisperEngine:
    """A loaded Whisper model and its tokenizer (``load`` once, keep it warm)."""

    def __init__(self, model: Any, tokenizer: Any, name: str, n_mels: int,
                 english_only: bool) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.n_mels = n_mels
        self.english_only = english_only
        self.folder: Path | None = None  # where model.bin is (its decoder searches grammars)
        # Whisper's decoder in numpy (voice.ears.whisper_decoder), once the backend has
        # loaded it: candidates are then scored there (see use_decoder).
        self.decoder: WhisperDecoder | None = None
        self._context: tuple[Any, str, Context] | None = None  # the last utterance's
        tid = tokenizer.token_to_id
        self.eot = tid("<|endoftext|>")
        self.sot_prev = tid("<|startofprev|>")
        self.no_timestamps = tid("<|notimestamps|>")
        self.sot_sequence = [tid("<|startoftranscript|>")]
        self._ends = [self.eot, *(tid(p) for p in (".", "?", "!"))]
        if not english_only:
            self.sot_sequence += [tid("<|en|>"), tid("<|transcribe|>")]

    @classmethod
    def load(cls, folder: Path, name: str = "whisper", threads: int = 2,
             english_only: bool = True) -> WhisperEngine:
        import ctranslate2
        import tokenizers

        from voice.ears.whisper_models import whisper_load_dir

        # The pinned models load from their int8 copy: nothing to quantize while loading.
        model = ctranslate2.models.Whisper(str(whisper_load_dir(folder)), device="cpu",
                                           compute_type="int8",
                                           intra_threads=threads, inter_threads=1)
        tokenizer = tokenizers.Tokenizer.from_file(str(folder / "tokenizer.json"))
        engine = cls(model, tokenizer, name, model.n_mels, english_only)
        engine.folder = folder
        return engine

    def use_decoder(self, decoder: WhisperDecoder) -> None:
        """Score candidates with Whisper's decoder in numpy from now on.

        CTranslate2 repeats the prompt's and the cross-attention's work for every
        candidate in its batch (half its cost). In numpy (float32, from the model's own
        float16 weights) both are computed once per utterance, and the candidates run
        as one tree of their distinct prefixes, all positions at once: 16 sentences
        0.5 s -> 0.13 s on 2 cores. (Free decoding stays with CTranslate2: one token at
        a time reads the whole float32 output projection, 80 MB, and measured no faster.)
        """
        self.decoder = decoder

    # ------------------------------------------------------------------ encoding

    def encode(self, audio: np.ndarray, window_s: float = WINDOW_S) -> Encoded:
        """Float32 16 kHz audio through the encoder (padded to ``window_s``, or up to 30 s
        when it is longer than that: a shorter window costs less but decodes worse)."""
        import ctranslate2

        seconds = audio.size / SAMPLE_RATE
        span = window_s if seconds <= window_s - 0.5 else MAX_S
        frames = int(span * SAMPLE_RATE) // HOP
        features = log_mel(audio, self.n_mels, frames)[None]
        view = ctranslate2.StorageView.from_array(np.ascontiguousarray(features))
        return Encoded(self.model.encode(view, to_cpu=True), seconds)

    # ------------------------------------------------------------------ decoding

    def tokens(self, text: str) -> list[int]:
        return list(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def frames(self, encoded: Encoded) -> np.ndarray:
        """The encoder frames of the utterance and a second after it [frames, d]: what
        a candidate attends to (the padding's frames cost half and change little)."""
        out = np.asarray(encoded.output)[0]
        frames: np.ndarray = out[:min(out.shape[0], math.ceil(encoded.seconds * FRAMES_PER_S)
                                      + TAIL_FRAMES)]
        return frames

    def prompt_ids(self, prompt: str) -> list[int]:
        return self._prompt(prompt)

    def _prompt(self, prompt: str) -> list[int]:
        before = [self.sot_prev, *self.tokens(" " + prompt.strip())[-100:]] if prompt else []
        return [*before, *self.sot_sequence, self.no_timestamps]

    def transcribe(self, encoded: Encoded, prompt: str = "", beam_size: int = 1,
                   hypotheses: int = 1, new_tokens: int = MAX_NEW_TOKENS) -> Transcript:
        """Free decoding, optionally biased by ``prompt`` (text as if said just before),
        of at most ``new_tokens``."""
        return self.transcripts(encoded, prompt, beam_size, hypotheses, new_tokens)[0]

    def transcripts(self, encoded: Encoded, prompt: str = "", beam_size: int = 1,
                    hypotheses: int = 1, new_tokens: int = MAX_NEW_TOKENS) -> list[Transcript]:
        """The ``hypotheses`` best transcripts, best first."""
        start = self._prompt(prompt)
        # Nobody says more than ~7 tokens a second: more is a decoder loop.
        limit = min(448, len(start) + min(new_tokens, 6 + int(encoded.seconds * 8)))
        result = self.model.generate(
            encoded.output, [start], beam_size=max(beam_size, hypotheses),
            num_hypotheses=hypotheses, max_length=limit, return_scores=True,
            return_no_speech_prob=True, suppress_blank=True)[0]
        out = []
        for seq, score in zip(result.sequences_ids, result.scores, strict=True):
            ids = [t for t in seq if t < self.eot]
            text = self.tokenizer.decode(ids).strip()
            out.append(Transcript(text, float(score), float(result.no_speech_prob), len(ids),
                                  compression_ratio(text)))
        return out

    def score(self, encoded: Encoded, candidates: list[str], prompt: str = "") -> list[float]:
        """Mean log-probability per token of each candidate phrase, its end included
        (see :meth:`score_parts`)."""
        return [mean for mean, _ in self.score_parts(encoded, candidates, prompt)]

    @property
    def ends(self) -> list[int]:
        """End of text and the marks Whisper ends a sentence with."""
        return list(self._ends)

    def score_parts(self, encoded: Encoded, candidates: list[str], prompt: str = ""
                    ) -> list[tuple[float, float]]:
        """Per candidate phrase: the mean log-probability per token, its end included,
        and the log-probability of the end alone (low when more words follow it).

        Each candidate is forced as the decoder's prefix, written as Whisper writes
        (a capital first letter), and its tokens' probabilities are read from the
        logits; the end is the probability of a full stop, question or exclamation mark
        or end of text after it. One batch, the encoder output repeated.
        """
        if not candidates:
            return []
        ids = [self.tokens(" " + c.strip()[:1].upper() + c.strip()[1:]) for c in candidates]
        if self.decoder is not None:
            return self.decoder.score(self.context(encoded, prompt), ids, self._ends)
        import ctranslate2

        start = self._prompt(prompt)
        # Only the encoder frames of the utterance and a second after it: every candidate
        # attends to its own copy, and the padding's frames were half the cost (8
        # candidates: 0.40 s -> 0.22 s; the scores correlate at 0.99 with the full window's).
        out = self.frames(encoded)[None]
        batch = ctranslate2.StorageView.from_array(
            np.ascontiguousarray(np.repeat(out, len(candidates), axis=0)))
        longest = max(len(i) for i in ids)
        results = self.model.generate(
            batch, [start + i for i in ids], beam_size=1,
            # The bound counts the prompt: the decoder stops right after the longest
            # candidate's end (twice that let it write on, 1.0 s instead of 0.18 s).
            max_length=len(start) + longest + 1,
            return_logits_vocab=True, suppress_blank=False, suppress_tokens=[])
        scores = []
        for cand, res in zip(ids, results, strict=True):
            rows = [_log_softmax(np.asarray(step)) for step in res.logits[0][:len(cand) + 1]]
            if len(rows) < len(cand) + 1:
                scores.append((-99.0, -99.0))
                continue
            end = float(np.logaddexp.reduce(rows[len(cand)][self._ends]))
            total = sum(float(rows[k][token]) for k, token in enumerate(cand)) + end
            scores.append((total / (len(cand) + 1), end))
        return scores

    def context(self, encoded: Encoded, prompt: str = "") -> Context:
        """The numpy decoder's context of ``encoded`` (its :meth:`frames`) under
        ``prompt``, kept for the utterance's next scoring or search."""
        assert self.decoder is not None
        kept = self._context
        if kept is None or kept[0] is not encoded.output or kept[1] != prompt:
            context = self.decoder.context(self.frames(encoded), self._prompt(prompt))
            kept = self._context = (encoded.output, prompt, context)
        return kept[2]


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    row = logits.astype(np.float64).ravel()
    row = row - row.max()
    out: np.ndarray = row - np.log(np.exp(row).sum())
    return out
