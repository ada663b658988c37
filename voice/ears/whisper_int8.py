"""An int8 copy of a verified Whisper model in Attune's cache, so loading it quantizes nothing.

Both shipped models store their weights as float16. Asked for int8 (the fastest on a
CPU), CTranslate2 quantizes every weight while loading: tiny.en took 0.9 s to load,
0.75 s of it quantizing (0.2 s asked for float32). This module writes, once, the
file CTranslate2 would have built in memory, so later loads only read it.

The copy is made exactly as the loader does it (ctranslate2 ``Model::set_compute_type``
and ``cpu::quantize_s8``, the same rule as the converter's ``model_spec._quantize``):
every variable whose name ends in ``weight`` gets one scale per row, 127 / absmax
(1 for an all-zero row), rounded half to even and stored as int8 with a float32
``<name>_scale`` beside it. Convolution weights are the exception: a CPU build with
oneDNN (the pip wheels) keeps them float, so they are stored as float32 and the loader
decides, as it would for the original. Every other float becomes float32, the loader's
own float type for int8. The copy therefore holds the very numbers the original
loaded as int8 would; ``bench/bench_int8.py`` compares transcripts and scores.

Security: the original's SHA-256 is checked before anything is read from it (by the
caller); the copy's own SHA-256 is recorded in ``int8.json`` beside it and checked
(remembered like any model check) before it is handed out. A copy missing, stale (made
from another original or by another format) or damaged is made again from the
verified original; when the cache is not writable the original is loaded as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from voice import paths
from voice.ears.model_files import CHUNK, check_sha256, remember_good, sha256_of

log = logging.getLogger("voice.ears")

FORMAT = 1  # of the copy as written here: a copy of another format is made again
BINARY_VERSION = 6  # CTranslate2's model.bin layout (model_spec._serialize) read and written
MANIFEST = "int8.json"
COPIED = ("config.json", "vocabulary.txt")  # what the loader reads besides model.bin
# CTranslate2's DataType ids (include/ctranslate2/types.h); bfloat16 (5) has no numpy type.
DTYPES: dict[int, np.dtype[Any]] = {
    0: np.dtype("<f4"), 1: np.dtype("i1"), 2: np.dtype("<i2"), 3: np.dtype("<i4"),
    4: np.dtype("<f2")}
FLOAT32, INT8, FLOAT16 = 0, 1, 4


class UnsupportedModel(ValueError):
    """A model.bin this module does not know how to copy (loaded as it is instead)."""


@dataclass(frozen=True)
class Variable:
    name: str
    shape: tuple[int, ...]
    dtype: int
    offset: int  # of the payload in the file
    size: int  # payload bytes


@dataclass(frozen=True)
class ModelLayout:
    spec: str
    revision: int
    variables: list[Variable]
    aliases: list[tuple[str, str]]


def _read(handle: BinaryIO, fmt: str) -> int:
    size = struct.calcsize(fmt)
    data = handle.read(size)
    if len(data) != size:
        raise UnsupportedModel("model.bin ends early")
    value: int = struct.unpack(fmt, data)[0]
    return value


def _read_string(handle: BinaryIO) -> str:
    length = _read(handle, "<H")
    return handle.read(length)[:-1].decode("utf-8")  # stored with its NUL


def read_layout(path: Path) -> ModelLayout:
    """Names, shapes, types and payload places of every variable (payloads not read)."""
    with path.open("rb") as handle:
        version = _read(handle, "<I")
        if version != BINARY_VERSION:
            raise UnsupportedModel(f"model.bin binary version {version}")
        spec, revision = _read_string(handle), _read(handle, "<I")
        variables = []
        for _ in range(_read(handle, "<I")):
            name = _read_string(handle)
            shape = tuple(_read(handle, "<I") for _ in range(_read(handle, "<B")))
            dtype, size = _read(handle, "<B"), _read(handle, "<I")
            variables.append(Variable(name, shape, dtype, handle.tell(), size))
            handle.seek(size, os.SEEK_CUR)
        aliases = [(_read_string(handle), _read_string(handle))
                   for _ in range(_read(handle, "<I"))]
        if handle.read(1):
            raise UnsupportedModel("model.bin has trailing data")
    return ModelLayout(spec, revision, variables, aliases)


def quantizable(var: Variable) -> bool:
    """What the loader quantizes for int8 on a CPU (see the module doc)."""
    return (var.name.endswith("weight") and "conv" not in var.name
            and var.dtype in (FLOAT32, FLOAT16) and len(var.shape) >= 2)


def quantize_rows(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and their float32 per-row scales, as ``cpu::quantize_s8`` makes them."""
    rows = weight.astype(np.float32).reshape(weight.shape[0], -1)
    amax = np.abs(rows).max(axis=1)
    scale = np.ones_like(amax)
    np.divide(np.float32(127), amax, out=scale, where=amax != 0)
    quantized = np.rint(rows * scale[:, None]).astype(np.int8).reshape(weight.shape)
    return quantized, scale


def _converted(source: BinaryIO, layout: ModelLayout) -> Iterator[tuple[str, np.ndarray, int]]:
    """(name, values, CTranslate2 type id) of every variable of the int8 copy."""
    for var in layout.variables:
        if var.dtype not in DTYPES:
            raise UnsupportedModel(f"variable {var.name} has type id {var.dtype}")
        source.seek(var.offset)
        values = np.frombuffer(source.read(var.size), DTYPES[var.dtype]).reshape(var.shape)
        if quantizable(var):
            weight, scale = quantize_rows(values)
            yield var.name, weight, INT8
            yield f"{var.name}_scale", scale, FLOAT32
        elif var.dtype == FLOAT16 and var.shape:  # scalars keep their type, as the loader does
            yield var.name, values.astype(np.float32), FLOAT32
        else:
            yield var.name, values, var.dtype


def _string(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<H", len(data) + 1) + data + b"\0"


def write_int8(source_path: Path, out: BinaryIO) -> str:
    """Write the int8 copy of ``source_path`` to ``out``; its SHA-256."""
    layout = read_layout(source_path)
    count = len(layout.variables) + sum(quantizable(v) for v in layout.variables)
    digest = hashlib.sha256()

    def write(data: bytes) -> None:  # hashed on the way out: no second read
        digest.update(data)
        out.write(data)

    write(struct.pack("<I", BINARY_VERSION) + _string(layout.spec)
          + struct.pack("<II", layout.revision, count))
    with source_path.open("rb") as source:
        for name, values, dtype in _converted(source, layout):
            write(_string(name) + struct.pack(f"<B{values.ndim}IBI", values.ndim, *values.shape,
                                              dtype, values.nbytes))
            write(np.ascontiguousarray(values).tobytes())
    write(struct.pack("<I", len(layout.aliases)))
    for alias, target in layout.aliases:
        write(_string(alias) + _string(target))
    return digest.hexdigest()


# ------------------------------------------------------------------ the copy in the cache


def copy_dir(name: str, source_sha256: str) -> Path:
    """Where the int8 copy of a model lives (named by its original: an upgrade makes another)."""
    return paths.cache_dir() / "whisper" / f"{name}-int8-{source_sha256[:12]}"


def _runtime() -> str:
    # A new CTranslate2 might quantize differently: its copy is made again, once. (Its own
    # __version__, the same string as its package's: importlib.metadata took 20-50 ms.)
    try:
        import ctranslate2
    except ImportError:
        return ""
    return str(ctranslate2.__version__)


def _manifest(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def copy_made(folder: Path, source_sha256: str) -> bool:
    """Whether ``folder`` says it is a current int8 copy of this original (nothing hashed)."""
    manifest = _manifest(folder)
    return (manifest.get("format") == FORMAT and manifest.get("source_sha256") == source_sha256
            and manifest.get("ctranslate2") == _runtime() and (folder / "model.bin").is_file())


def copy_good(folder: Path, source: Path, source_sha256: str) -> bool:
    """Whether ``folder`` is a current, intact int8 copy of the verified ``source`` folder:
    model.bin has the checksum recorded when it was written (remembered once checked),
    the small files are the source's own."""
    if not copy_made(folder, source_sha256):
        return False
    files = _manifest(folder).get("files")
    if not isinstance(files, dict):
        return False
    try:
        for name in COPIED:
            if not files.get(name) == sha256_of(folder / name) == sha256_of(source / name):
                return False
        recorded = files.get("model.bin")
        return isinstance(recorded, str) and check_sha256(folder / "model.bin", recorded) is None
    except OSError:
        return False


def make_copy(source: Path, target: Path, source_sha256: str) -> None:
    """Write the int8 copy of ``source`` (model.bin already verified) as folder ``target``:
    built in a staging folder and renamed into place whole, so no reader ever sees half of
    one. OSError when the disk says no; UnsupportedModel when there is nothing to gain."""
    if not any(quantizable(var) for var in read_layout(source / "model.bin").variables):
        raise UnsupportedModel("its weights are stored as int8 already")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".making-{target.name}-", dir=target.parent))
    try:
        with (staging / "model.bin").open("wb", buffering=CHUNK) as out:
            files = {"model.bin": write_int8(source / "model.bin", out)}
            out.flush()
            os.fsync(out.fileno())  # a remembered check must never outlive the data
        for name in COPIED:
            shutil.copyfile(source / name, staging / name)
            files[name] = sha256_of(staging / name)
        manifest = {"format": FORMAT, "source_sha256": source_sha256,
                    "ctranslate2": _runtime(), "files": files}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)  # a stale or damaged copy
        try:
            staging.rename(target)
        except OSError:
            if not copy_made(target, source_sha256):  # else another process just made it
                raise
            return  # theirs is checked when it is next handed out
        remember_good(target / "model.bin", files["model.bin"])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def int8_copy(source: Path, name: str, source_sha256: str) -> Path:
    """The folder to load for the verified model in ``source``: its int8 copy (made on
    first use, made again when missing, stale or damaged), or ``source`` itself when the
    copy cannot be made (an unwritable cache: loading is slower, nothing else changes)."""
    target = copy_dir(name, source_sha256)
    if copy_good(target, source, source_sha256):
        return target
    try:
        make_copy(source, target, source_sha256)
    except (OSError, UnsupportedModel) as err:
        why = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        log.info("no int8 copy of Whisper %s in %s (%s): loading the original, quantized "
                 "while it loads", name, target.parent, why)
        return source
    for old in target.parent.glob(f"{name}-int8-*"):  # made from an earlier original
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target if copy_good(target, source, source_sha256) else source
