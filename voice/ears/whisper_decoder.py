"""Whisper's text decoder in numpy: scoring candidate sentences and searching a grammar.

CTranslate2 scores a candidate sentence well, but repeats the prompt's and the
utterance's cross-attention work for every candidate of its batch (about 30 ms each
here). In numpy they are computed once per utterance (:class:`Context`); the candidates
then run together as one tree of their distinct prefixes (:meth:`WhisperDecoder.score`),
and a grammar's beam of partial sentences (voice.ears.whisper_grammar) costs one small
step per token. The weights are the model's own (``model.bin``, read with
voice.ears.whisper_int8's reader): layers as float32, the token embedding memory-mapped
in float16, with a float32 copy for the output projection over the whole vocabulary.
Scores agree with CTranslate2's int8 model to about a tenth per token
(tests/test_whisper_grammar.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voice.ears.whisper_int8 import DTYPES, read_layout
from voice.feelings.numerics import gelu, layer_norm, log_softmax

Array = np.ndarray
KeysValues = list[tuple[Array, Array]]  # per layer: keys and values [batch, heads, n, dim]


def _norm(x: Array, gamma: Array, beta: Array) -> Array:
    return layer_norm(x, gamma, beta, 1e-5)  # (Whisper's epsilon)


def _softmax(x: Array) -> Array:
    e = np.exp(x - x.max(-1, keepdims=True))
    out: Array = e / e.sum(-1, keepdims=True)
    return out


@dataclass
class Context:
    """One utterance, ready to decode: the cross-attention keys and values of its encoder
    frames, and the self-attention keys and values of the prompt (batch 1, shared)."""

    cross: KeysValues
    prompt: KeysValues
    hidden: Array  # the decoder's output after the prompt's last token [d]
    position: int  # where the first written token goes


class WhisperDecoder:
    """The decoder of a CTranslate2 Whisper ``model.bin`` (pre-norm, GELU, learned
    positions, the embedding shared with the output projection)."""

    def __init__(self, weights: dict[str, Array], embedding: Array) -> None:
        self.w = weights
        self.embedding = embedding  # [vocabulary, d], float16, memory-mapped
        self.layers = sum(1 for k in weights if k.endswith("self_attention/linear_1/weight"))
        self.heads = int(weights["num_heads"])
        self.d = int(embedding.shape[1])
        self.scale = float(self.d // self.heads) ** -0.5
        self._projection: Array | None = None

    @classmethod
    def load(cls, model_bin: Path) -> WhisperDecoder:
        layout = read_layout(model_bin)
        weights: dict[str, Array] = {}
        embedding: Array | None = None
        with model_bin.open("rb") as handle:
            for var in layout.variables:
                if not var.name.startswith("decoder/"):
                    continue
                name = var.name.removeprefix("decoder/")
                if name == "embeddings/weight":
                    embedding = np.memmap(model_bin, DTYPES[var.dtype], "r", var.offset,
                                          var.shape)
                    continue
                handle.seek(var.offset)
                values = np.frombuffer(handle.read(var.size), DTYPES[var.dtype]).reshape(var.shape)
                weights[name] = values.astype(np.float32) if values.dtype.kind == "f" else values
        if embedding is None:
            raise ValueError(f"{model_bin}: no decoder embedding")
        return cls(weights, embedding)

    def rows(self, tokens: Array) -> Array:
        """Embedding rows of ``tokens`` as float32 (the output projection of a search)."""
        out: Array = np.asarray(self.embedding[tokens], dtype=np.float32)
        return out

    def _layer(self, i: int, name: str) -> Array:
        return self.w[f"layer_{i}/{name}"]

    def context(self, encoder_frames: Array, prompt: list[int]) -> Context:
        """``encoder_frames`` [frames, d] (float32) and the prompt's token ids."""
        heads, dim = self.heads, self.d // self.heads
        cross = []
        for i in range(self.layers):
            kv = (encoder_frames @ self._layer(i, "attention/linear_1/weight").T
                  + self._layer(i, "attention/linear_1/bias"))
            keys = kv[:, :self.d].reshape(-1, heads, dim).transpose(1, 0, 2)[None]
            values = kv[:, self.d:].reshape(-1, heads, dim).transpose(1, 0, 2)[None]
            cross.append((np.ascontiguousarray(keys), np.ascontiguousarray(values)))
        empty = np.zeros((1, heads, 0, dim), np.float32)
        hidden, own = self.step(np.array([prompt]), 0, [(empty, empty)] * self.layers, cross,
                                [(empty, empty)] * self.layers)
        return Context(cross, own, hidden[0], len(prompt))

    def step(self, tokens: Array, position: int, prompt: KeysValues, cross: KeysValues,
             own: KeysValues) -> tuple[Array, KeysValues]:
        """``tokens`` [batch, n] at ``position``: the last token's output [batch, d]
        after the final norm, and ``own`` with their keys and values added. ``prompt``
        (batch 1) is attended by every row of the batch."""
        x, grown = self._forward(tokens, position, prompt, cross, own)
        last = _norm(x[:, -1], self.w["layer_norm/gamma"], self.w["layer_norm/beta"])
        return last.astype(np.float32), grown

    def score(self, context: Context, sequences: list[list[int]], ends: list[int]
              ) -> list[tuple[float, float]]:
        """Each token sequence forced after the prompt, as ``WhisperEngine.score_parts``
        scores it over the whole vocabulary: its mean log-probability per token, the end
        (any of ``ends`` after it) included, and the end's log-probability alone.

        The sequences are laid out as a tree of their distinct prefixes and run as one
        (each token attends to the prompt and its own prefix), so sentences that share
        their start (the check-in completions share all but their number) share its work.
        """
        if not sequences:
            return []
        node: dict[tuple[int, ...], int] = {}  # a distinct prefix -> its place in the tree
        tokens: list[int] = []
        depth: list[int] = []
        parent: list[int] = []
        for seq in sequences:
            for k in range(len(seq)):
                key = tuple(seq[:k + 1])
                if key not in node:
                    node[key] = len(tokens)
                    tokens.append(seq[k])
                    depth.append(k)
                    parent.append(node[key[:-1]] if k else -1)
        sees = np.eye(len(tokens), dtype=bool)
        for i, up in enumerate(parent):
            if up >= 0:
                sees[i] |= sees[up]  # (a parent comes first: its row is complete)
        mask = np.where(sees, 0.0, -np.inf).astype(np.float32)
        empty = np.zeros((1, self.heads, 0, self.d // self.heads), np.float32)
        x, _ = self._forward(np.array([tokens]), context.position, context.prompt,
                             context.cross, [(empty, empty)] * self.layers,
                             offsets=np.array(depth), mask=mask)
        outputs = _norm(x[0], self.w["layer_norm/gamma"], self.w["layer_norm/beta"])
        # Row 0 (after the prompt) predicts every first token; row 1 + node[p], what follows p.
        logits = log_softmax(np.concatenate([context.hidden[None], outputs]).astype(np.float32)
                             @ self.projection())

        def row(prefix: tuple[int, ...]) -> int:
            return 1 + node[prefix] if prefix else 0

        out = []
        for seq in sequences:
            total = sum(float(logits[row(tuple(seq[:k])), token]) for k, token in enumerate(seq))
            end = float(np.logaddexp.reduce(logits[row(tuple(seq)), ends]))
            out.append(((total + end) / (len(seq) + 1), end))
        return out

    def projection(self) -> Array:
        """The output projection over the whole vocabulary [d, vocabulary], float32 (80 MB
        for tiny.en, made once): scoring reads every token's probability."""
        if self._projection is None:
            vocabulary, d = self.embedding.shape
            projection = np.empty((d, vocabulary), np.float32)
            for start in range(0, vocabulary, 4096):  # (no second 80 MB copy on the way)
                projection[:, start:start + 4096] = self.embedding[start:start + 4096].T
            self._projection = projection
        return self._projection

    def _forward(self, tokens: Array, position: int, prompt: KeysValues, cross: KeysValues,
                 own: KeysValues, offsets: Array | None = None, mask: Array | None = None
                 ) -> tuple[Array, KeysValues]:
        """The last layer's output [batch, n, d] (before the final norm) of ``tokens`` at
        ``position`` (each at its own offset from it, and seeing what ``mask`` lets it,
        when given; else in a row, each seeing those before it)."""
        batch, n = tokens.shape
        heads, dim = self.heads, self.d // self.heads
        offsets = np.arange(n) if offsets is None else offsets
        x = self.rows(tokens) + self.w["position_encodings/encodings"][position + offsets]
        if mask is None and n > 1:
            mask = np.triu(np.full((n, n), -np.inf, np.float32), 1)
        grown: KeysValues = []
        for i in range(self.layers):
            y = _norm(x, self._layer(i, "self_attention/layer_norm/gamma"),
                      self._layer(i, "self_attention/layer_norm/beta"))
            qkv = (y @ self._layer(i, "self_attention/linear_0/weight").T
                   + self._layer(i, "self_attention/linear_0/bias"))
            q, k, v = (part.reshape(batch, n, heads, dim).transpose(0, 2, 1, 3)
                       for part in np.split(qkv, 3, axis=-1))
            k = np.concatenate([own[i][0], k], axis=2)
            v = np.concatenate([own[i][1], v], axis=2)
            grown.append((k, v))
            before = q @ prompt[i][0].transpose(0, 1, 3, 2) * self.scale
            mine = q @ k.transpose(0, 1, 3, 2) * self.scale
            if mask is not None:
                mine[..., -n:] += mask
            weights = _softmax(np.concatenate(
                [np.broadcast_to(before, (batch, *before.shape[1:])), mine], axis=-1))
            split = prompt[i][0].shape[2]
            o = weights[..., :split] @ prompt[i][1] + weights[..., split:] @ v
            x = x + (o.transpose(0, 2, 1, 3).reshape(batch, n, self.d)
                     @ self._layer(i, "self_attention/linear_1/weight").T
                     + self._layer(i, "self_attention/linear_1/bias"))
            y = _norm(x, self._layer(i, "attention/layer_norm/gamma"),
                      self._layer(i, "attention/layer_norm/beta"))
            q = (y @ self._layer(i, "attention/linear_0/weight").T
                 + self._layer(i, "attention/linear_0/bias"))
            q = q.reshape(batch, n, heads, dim).transpose(0, 2, 1, 3)
            weights = _softmax(q @ cross[i][0].transpose(0, 1, 3, 2) * self.scale)
            o = weights @ cross[i][1]
            x = x + (o.transpose(0, 2, 1, 3).reshape(batch, n, self.d)
                     @ self._layer(i, "attention/linear_2/weight").T
                     + self._layer(i, "attention/linear_2/bias"))
            y = _norm(x, self._layer(i, "ffn/layer_norm/gamma"),
                      self._layer(i, "ffn/layer_norm/beta"))
            y = gelu(y @ self._layer(i, "ffn/linear_0/weight").T
                      + self._layer(i, "ffn/linear_0/bias"))
            x = x + (y @ self._layer(i, "ffn/linear_1/weight").T
                     + self._layer(i, "ffn/linear_1/bias"))
        return x, grown
