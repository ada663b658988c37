"""Model files on disk: SHA-256 checks remembered between runs, and a model folder
built from pieces without ever leaving half of one behind.

Hashing a model of 75-145 MB takes a few tenths of a second, too long for every
start. A good check is remembered in ``cache_dir()/verified-models.json``, keyed by
the file's resolved path, size, mtime, ctime and inode: rewriting the file (even
keeping its size and mtime) changes its ctime, so it is hashed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voice import paths

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stamp_file() -> Path:
    return paths.cache_dir() / "verified-models.json"


def _identity(path: Path, sha256: str) -> list[Any]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, sha256.lower()]


def _read_stamps() -> dict[str, Any]:
    try:
        data = json.loads(_stamp_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def known_good(path: Path, sha256: str) -> bool:
    """Whether this very file, unchanged since, was found to have this checksum."""
    try:
        return _read_stamps().get(str(path.resolve())) == _identity(path, sha256)
    except OSError:
        return False


def remember_good(path: Path, sha256: str) -> None:
    stamps = _read_stamps()
    stamps[str(path.resolve())] = _identity(path, sha256)
    stamp = _stamp_file()
    written: Path | None = None
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=stamp.parent, prefix=".verified-",
                                         delete=False, encoding="utf-8") as out:
            written = Path(out.name)
            json.dump(stamps, out, indent=1)
        os.replace(written, stamp)
    except OSError:  # an unwritable cache only costs a hash next time
        if written is not None:
            written.unlink(missing_ok=True)


def check_sha256(path: Path, sha256: str) -> str | None:
    """None when ``path`` has this checksum (remembered), else the checksum it has."""
    if known_good(path, sha256):
        return None
    got = sha256_of(path)
    if got != sha256.lower():
        return got
    remember_good(path, sha256)
    return None


def assemble(target: Path, pieces: list[Path], sha256: str, copies: list[Path],
             finish: Callable[[Path], None] | None = None) -> str | None:
    """Make folder ``target``: ``model.bin`` from ``pieces`` joined, the ``copies``
    beside it, then ``finish(folder)``. Built in a staging folder and renamed into
    place only when model.bin has ``sha256``: None then, else the checksum it had
    (and nothing is kept). OSError when the disk says no."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".making-{target.name}-", dir=target.parent))
    try:
        digest = hashlib.sha256()
        with (staging / "model.bin").open("wb") as out:
            for piece in pieces:
                with piece.open("rb") as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())  # a remembered check must never outlive the data
        if digest.hexdigest() != sha256.lower():
            return digest.hexdigest()
        for source in copies:
            shutil.copyfile(source, staging / source.name)
        if finish is not None:
            finish(staging)
        shutil.rmtree(target, ignore_errors=True)  # an earlier, damaged copy
        try:
            staging.rename(target)
        except OSError:
            if not (target / "model.bin").is_file():  # else another process just made it
                raise
        remember_good(target / "model.bin", sha256)
        return None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def repair_tokenizer(path: Path, missing: tuple[str, ...]) -> None:
    """Put lost BPE merges back at the front of a tokenizer.json (rank order matters),
    in the file's own format: "a b" strings, or ["a", "b"] pairs in newer files."""
    data = json.loads(path.read_text(encoding="utf-8"))
    merges: list[Any] = data["model"]["merges"]
    as_pairs = bool(merges) and isinstance(merges[0], list)
    have = {" ".join(m) if as_pairs else m for m in merges}
    lost = [m for m in missing if m not in have]
    data["model"]["merges"] = [m.split(" ", 1) if as_pairs else m for m in lost] + merges
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
