"""Nothing but ``attune models download`` may open a network connection."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.test_asr_audio import clip
from voice.audio.io import write_wav
from voice.cli import main


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any, *args: Any) -> Any:
        attempts.append(address)
        raise NetworkUsed(f"tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: refuse(None, address))  # type: ignore[arg-type]
    return attempts


def test_parse_and_hear_stay_offline(no_network: list[Any], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pocketsphinx")
    x, _ = clip("pause")
    wav = tmp_path / "pause.wav"
    write_wav(wav, np.concatenate([x, np.zeros(8000, np.float32)]), 16000)
    assert main(["parse", "start a body scan"]) == 0
    assert main(["hear", "--json", str(wav)]) == 0
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "start_session session=body-scan" in out and '"text": "pause"' in out
    assert no_network == []


def test_the_guard_works(no_network: list[Any]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network
