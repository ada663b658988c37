"""Speech models: the registry, what is installed, and the one download in Attune.

``attune models download NAME`` fetches a registered archive over HTTP(S),
resuming a partial download with a Range request, checks its SHA-256, and
unpacks it safely (no absolute paths, no ``..``, no links, bounded size) into
:func:`voice.paths.models_dir`. This is the only code in Attune that opens a
network connection. ``ATTUNE_MODEL_REGISTRY=FILE.json`` replaces the registry
(a list of objects with the fields of :class:`ModelInfo`), for mirrors and tests.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import stat
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from voice import paths
from voice.errors import AttuneError

CHUNK = 1 << 16
MAX_UNPACKED = 4 << 30  # refuse archives that would unpack to more than 4 GiB


@dataclass(frozen=True)
class ModelInfo:
    name: str
    kind: str  # "vosk"
    url: str
    sha256: str
    size: int  # bytes of the archive (for progress; the checksum is what is verified)
    folder: str  # the model's folder name once unpacked
    language: str = "en-us"
    license: str = ""
    about: str = ""


REGISTRY: tuple[ModelInfo, ...] = (
    ModelInfo(
        name="vosk-small-en-us",
        kind="vosk",
        url="https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
        sha256="30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        size=41_205_931,
        folder="vosk-model-small-en-us-0.15",
        license="Apache-2.0",
        about="Vosk small US English (about 40 MB; 9.85% WER on LibriSpeech test-clean)",
    ),
)


def registry() -> list[ModelInfo]:
    override = os.environ.get("ATTUNE_MODEL_REGISTRY")
    if not override:
        return list(REGISTRY)
    try:
        entries = json.loads(Path(override).read_text(encoding="utf-8"))
        return [ModelInfo(**entry) for entry in entries]
    except (OSError, ValueError, TypeError) as err:
        raise AttuneError(f"ATTUNE_MODEL_REGISTRY={override}: cannot read it ({err})") from None


def find(name: str) -> ModelInfo:
    for info in registry():
        if info.name == name or info.folder == name:
            return info
    known = ", ".join(m.name for m in registry())
    raise AttuneError(f"no model called '{name}'; known models: {known} (see 'attune models list')")


def is_vosk_model(path: Path) -> bool:
    return (path / "am" / "final.mdl").is_file() and (path / "conf").is_dir()


def installed_vosk_model() -> Path | None:
    """``ATTUNE_VOSK_MODEL`` if set, else the first Vosk model folder in ``models_dir()``."""
    configured = os.environ.get("ATTUNE_VOSK_MODEL")
    if configured:
        path = Path(configured).expanduser()
        return path if is_vosk_model(path) else None
    root = paths.models_dir()
    if not root.is_dir():
        return None
    for child in sorted(root.iterdir()):
        if child.is_dir() and not child.name.startswith(".") and is_vosk_model(child):
            return child
    return None


def status() -> list[dict[str, Any]]:
    """Every registered model with where it is installed (or None)."""
    root = paths.models_dir()
    out = []
    for info in registry():
        folder = root / info.folder
        out.append({**asdict(info), "installed": str(folder) if folder.is_dir() else None})
    return out


# ------------------------------------------------------------------ download


class Progress:
    """A one-line progress bar on a terminal, a few plain lines otherwise."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total = label, max(1, total)
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._shown = -1

    def __call__(self, done: int) -> None:
        pct = min(100, done * 100 // self.total)
        if self.tty:
            bar = "#" * (pct // 4)
            self.stream.write(f"\r{self.label} [{bar:<25}] {done / 1e6:6.1f} MB {pct:3d}%")
        elif pct // 10 != self._shown // 10:
            self.stream.write(f"{self.label}: {done / 1e6:.1f} MB ({pct}%)\n")
        self._shown = pct
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _offline(info: ModelInfo, err: BaseException) -> AttuneError:
    host = urllib.parse.urlparse(info.url).netloc
    reason = getattr(err, "reason", err)
    return AttuneError(
        f"cannot download {info.name}: no connection to {host} ({reason}). Attune still "
        f"works offline with PocketSphinx; try again when online, or unzip the model into "
        f"{paths.models_dir()} yourself")


def fetch(info: ModelInfo, dest: Path, progress: Callable[[int], None] | None = None,
          timeout: float = 30.0) -> Path:
    """Download ``info.url`` to ``dest``, resuming a partial file; verify the checksum."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    have = dest.stat().st_size if dest.exists() else 0
    request = urllib.request.Request(info.url, headers={"User-Agent": "attune"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as err:
        if err.code == 416 and have:  # nothing left to send: the file is complete
            return _verify(info, dest)
        raise AttuneError(f"cannot download {info.name}: the server said {err.code} "
                          f"{err.reason} for {info.url}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        raise _offline(info, err) from None
    with response:
        if have and response.status != 206:
            have = 0  # the server ignored the Range header: start over
        limit = max(info.size, 1) * 2 + (1 << 20)
        length = response.headers.get("Content-Length")
        expected = have + int(length) if length and length.isdigit() else None
        done = have
        try:
            with dest.open("ab" if have else "wb") as out:
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    if done > limit:
                        raise AttuneError(f"{info.name}: the download is far larger than the "
                                          f"expected {info.size / 1e6:.0f} MB; stopped")
                    if progress:
                        progress(done)
            if expected is not None and done < expected:
                raise http.client.IncompleteRead(b"", expected - done)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
            raise AttuneError(f"the download of {info.name} was interrupted ({err}); run the "
                              "same command again to resume") from None
    return _verify(info, dest)


def _verify(info: ModelInfo, path: Path) -> Path:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    if digest.hexdigest() != info.sha256.lower():
        path.unlink(missing_ok=True)
        raise AttuneError(f"{info.name}: the download does not match its checksum (got "
                          f"{digest.hexdigest()[:12]}..., expected {info.sha256[:12]}...); "
                          "it was deleted, please try again")
    return path


def safe_unzip(archive: Path, target: Path) -> None:
    """Unpack ``archive`` into ``target``, refusing anything that could escape it."""
    root = target.resolve()
    with zipfile.ZipFile(archive) as zf:
        total = 0
        for member in zf.infolist():
            name = member.filename
            mode = member.external_attr >> 16
            out = (root / name).resolve()
            if name.startswith(("/", "\\")) or ".." in Path(name).parts or (
                    out != root and root not in out.parents):
                raise AttuneError(f"{archive.name}: refusing the unsafe path {name!r}")
            if stat.S_ISLNK(mode):
                raise AttuneError(f"{archive.name}: refusing the link {name!r}")
            total += member.file_size
            if total > MAX_UNPACKED:
                raise AttuneError(f"{archive.name}: would unpack to more than "
                                  f"{MAX_UNPACKED >> 30} GiB; refused")
        for member in zf.infolist():
            out = (root / member.filename).resolve()
            if member.is_dir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as src, out.open("wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)


def download(name: str, force: bool = False, stream: TextIO | None = None) -> Path:
    """Fetch, verify and install model ``name``; return its folder."""
    info = find(name)
    root = paths.models_dir()
    final = root / info.folder
    if final.is_dir() and not force:
        return final
    partial = paths.cache_dir() / "downloads" / f"{info.name}.zip.part"
    bar = Progress(f"downloading {info.name}", info.size, stream)
    try:
        archive = fetch(info, partial, bar)
    finally:
        bar.close()
    staging = root / f".unpacking-{info.name}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        safe_unzip(archive, staging)
        found = staging / info.folder
        if not found.is_dir():  # an archive without the top folder: its files are the model
            found = staging
        if final.exists():
            shutil.rmtree(final)
        found.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    archive.unlink(missing_ok=True)
    return final
