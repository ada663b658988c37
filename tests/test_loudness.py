"""BS.1770 loudness, true peak and the look-ahead limiter, against pyloudnorm and scipy on
real rendered sessions (issue 18: the runtime measures without either)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice.audio import loudness
from voice.audio.limiter import CEILING_DBTP, TruePeakLimiter
from voice.engine.timeline import RATE

from .conftest import run_attune
from .enginekit import run, s

pyloudnorm = pytest.importorskip("pyloudnorm")
signal = pytest.importorskip("scipy.signal")


@pytest.fixture(scope="module")
def rendered() -> np.ndarray:
    _, _, audio = run("box-breathing", engine="piper", minutes=2)
    return audio.astype(np.float64)


def test_integrated_loudness_matches_pyloudnorm(rendered: np.ndarray) -> None:
    meter = pyloudnorm.Meter(RATE)
    for part in (rendered, rendered[s(20):s(31)], rendered[s(40):s(40.4)] * 0.3):
        assert loudness.integrated_loudness(part, RATE) == pytest.approx(
            meter.integrated_loudness(part), abs=0.01)
    streamed = loudness.LoudnessMeter(RATE)
    for i in range(0, rendered.size, 1777):
        streamed.add(rendered[i:i + 1777])
    assert streamed.integrated() == pytest.approx(meter.integrated_loudness(rendered), abs=0.01)


def test_true_peak_matches_scipy_4x_oversampling(rendered: np.ndarray) -> None:
    ref = np.max(np.abs(signal.resample_poly(rendered, 4, 1)))
    assert loudness.true_peak_db(rendered) == pytest.approx(20 * np.log10(ref), abs=0.01)


def test_limiter_holds_the_true_peak_and_is_the_same_in_any_blocks(rendered: np.ndarray) -> None:
    loud = (rendered[: s(60)] * 3.0).astype(np.float32)  # ~10 dB over the ceiling

    def limited(sizes: list[int]) -> np.ndarray:
        lim = TruePeakLimiter(RATE)
        padded = np.concatenate([loud, np.zeros(lim.ahead, np.float32)])
        out, p, i = [], 0, 0
        while p < loud.size:
            n = min(sizes[i % len(sizes)], loud.size - p)
            out.append(lim.process(padded[p:p + n + lim.ahead], p))
            p, i = p + n, i + 1
        return np.concatenate(out)

    a, b = limited([1102]), limited([551, 37, 4096, 1000])
    assert np.array_equal(a, b)
    ref = 20 * np.log10(np.max(np.abs(signal.resample_poly(a.astype(np.float64), 4, 1))))
    assert ref <= CEILING_DBTP + 0.05
    quiet = (rendered[: s(5)] * 0.05).astype(np.float32)  # far under: untouched
    lim = TruePeakLimiter(RATE)
    out = lim.process(np.concatenate([quiet, np.zeros(lim.ahead, np.float32)]), 0)
    assert np.array_equal(out, quiet)


@pytest.mark.parametrize(("session_id", "minutes", "target"), [
    ("box-breathing", "2", -18.0), ("bedtime-wind-down", "5", -18.0),
    ("grounding-54321", "2", -23.0)])
def test_a_render_lands_on_its_loudness_with_true_peak_below_the_ceiling(
        tmp_path: Path, session_id: str, minutes: str, target: float) -> None:
    """Bedtime is mostly its sleep sound: what the voice cannot make up, the bed does."""
    import soundfile as sf
    from scipy.signal import resample_poly

    out = tmp_path / "x.wav"
    proc = run_attune("render", session_id, "--minutes", minutes, "--voice", "system",
                      "--loudness", str(target), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    audio, rate = sf.read(str(out))
    lufs = pyloudnorm.Meter(rate).integrated_loudness(audio)
    peak = 20 * np.log10(np.max(np.abs(resample_poly(audio, 4, 1))))
    assert abs(lufs - target) <= 1.0 and peak <= -1.5
