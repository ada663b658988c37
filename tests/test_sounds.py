"""The committed cue sounds and beds: present, reproducible, gentle, and seamless."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice import paths
from voice.audio import sounds
from voice.audio.io import OUTPUT_RATE
from voice.audio.mixer import bed_segment, frame_levels_db, loop_to_length, rms_dbfs
from voice.errors import AttuneError

from .conftest import run_attune

RATE = OUTPUT_RATE


def test_every_named_sound_is_committed() -> None:
    assert sounds.cue_names() == sorted(sounds.CUES)
    assert sounds.bed_names() == sorted(sounds.BEDS)
    files = list(paths.cues_dir().glob("*.wav")) + list(paths.beds_dir().glob("*.wav"))
    assert sum(f.stat().st_size for f in files) < 5 * 2**20


def test_build_reproduces_the_committed_files(tmp_path: Path) -> None:
    written = sounds.build(tmp_path)
    assert len(written) == len(sounds.CUES) + len(sounds.BEDS)
    for path in written:
        committed = paths.audio_dir() / path.parent.name / path.name
        assert path.read_bytes() == committed.read_bytes(), f"{committed} is stale: rebuild it"


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(AttuneError, match=r"unknown cue 'gong'; choose one of: bell, "):
        sounds.load_cue("gong")
    with pytest.raises(AttuneError, match=r"unknown bed 'bell'.*brown-noise, drone, rain"):
        sounds.load_bed("bell")


def test_loaded_sounds_are_shared_read_only() -> None:
    a = sounds.load_cue("bell")
    assert a is sounds.load_cue("bell")
    assert a.dtype == np.float32 and not a.flags.writeable


@pytest.mark.parametrize("name", sounds.CUES)
def test_cues_are_gentle(name: str) -> None:
    x = sounds.load_cue(name)
    peak_db = 20 * np.log10(np.max(np.abs(x)))
    if name == "hold":
        assert -20 < peak_db < -12  # the quiet one
        assert x.size < 0.5 * RATE
    else:
        assert peak_db == pytest.approx(-6.0, abs=0.2)
    # Silent at both ends (no click when a cue starts or stops) ...
    assert abs(float(x[0])) < 1e-3 and abs(float(x[-1])) < 1e-3
    # ... and no hard onset: the first 2 ms stay well below the peak.
    assert np.max(np.abs(x[: int(0.002 * RATE)])) < 0.5 * np.max(np.abs(x))


def test_bell_and_chime_lengths() -> None:
    assert 3.0 <= sounds.load_cue("bell").size / RATE <= 4.0
    assert 2.5 <= sounds.load_cue("closing-chime").size / RATE <= 4.5
    for name in ("inhale", "exhale"):
        assert 0.6 <= sounds.load_cue(name).size / RATE <= 1.0


def pitch_track(x: np.ndarray, frame: int = 2048, hop: int = 512) -> np.ndarray:
    """Strongest FFT peak per frame (frames below -30 dB of the loudest skipped)."""
    freqs, levels = [], []
    for start in range(0, x.size - frame, hop):
        seg = x[start : start + frame] * np.hanning(frame)
        spec = np.abs(np.fft.rfft(seg, 4 * frame))
        freqs.append(np.argmax(spec) * RATE / (4 * frame))
        levels.append(float(np.sqrt(np.mean(seg**2))))
    keep = np.array(levels) > 0.03 * max(levels)
    return np.array(freqs)[keep]


def test_inhale_rises_and_exhale_falls() -> None:
    up = pitch_track(sounds.load_cue("inhale"))
    down = pitch_track(sounds.load_cue("exhale"))
    up_slope = np.polyfit(np.arange(up.size), up, 1)[0]
    down_slope = np.polyfit(np.arange(down.size), down, 1)[0]
    assert up_slope > 0 > down_slope
    assert up[-1] / up[0] > 1.3 and down[0] / down[-1] > 1.3  # about a fifth, not a wobble
    assert np.all(np.diff(up) >= -1.0) and np.all(np.diff(down) <= 1.0)


@pytest.mark.parametrize("name", sounds.BEDS)
def test_bed_loops_without_a_seam(name: str) -> None:
    bed = sounds.load_bed(name)
    n = bed.size
    assert 20 * RATE <= n <= 30 * RATE
    assert np.max(np.abs(bed)) < 0.5  # quiet on disk, never near clipping
    looped = loop_to_length(bed, 2 * n)

    # 1. The sample step across the loop point is an ordinary step.
    steps = np.abs(np.diff(looped))
    assert steps[n - 1] <= np.percentile(steps, 99.9)

    # 2. No click: high-frequency energy (second difference) around the loop
    #    point is no higher than around other points.
    d2 = np.diff(looped, 2) ** 2
    w = int(0.005 * RATE)
    window_energy = np.convolve(d2, np.ones(2 * w), mode="valid")
    at_seam = window_energy[n - 1 - w]
    assert at_seam <= np.percentile(window_energy, 99.9)

    # 3. No step in level: the 100 ms before vs after the loop point differ no
    #    more than neighbouring windows do elsewhere.
    frame = int(0.1 * RATE)
    levels = frame_levels_db(looped[n % frame :], frame)
    jumps = np.abs(np.diff(levels))
    seam_index = (n - n % frame) // frame - 1
    assert jumps[seam_index] <= np.percentile(jumps, 95) + 0.5

    # 4. Streaming block by block across the loop point gives the same samples.
    start, pieces = n - 3000, []
    for size in (1024, 1024, 1024, 512, 4096):
        pieces.append(bed_segment(bed, start, size))
        start += size
    assert np.array_equal(np.concatenate(pieces), looped[n - 3000 : n - 3000 + 7680])


def test_beds_differ_in_character() -> None:
    # Brown noise and the drone live low; rain is bright.
    def centroid(x: np.ndarray) -> float:
        spec = np.abs(np.fft.rfft(x[: 4 * RATE])) ** 2
        f = np.fft.rfftfreq(4 * RATE, 1 / RATE)
        return float((spec * f).sum() / spec.sum())

    assert centroid(sounds.load_bed("rain")) > 3 * centroid(sounds.load_bed("brown-noise"))
    assert centroid(sounds.load_bed("drone")) < 400
    for name in sounds.BEDS:
        assert rms_dbfs(sounds.load_bed(name)) == pytest.approx(sounds.BED_RMS_DB, abs=0.1)


def test_cli_lists_sounds() -> None:
    result = run_attune("sounds")
    assert result.returncode == 0, result.stderr
    for name in (*sounds.CUES, *sounds.BEDS):
        assert name in result.stdout
    assert result.stderr == ""


def test_cli_writes_a_sound(tmp_path: Path) -> None:
    out = tmp_path / "rain.wav"
    result = run_attune("sounds", "--play", "rain", "--seconds", "3", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    from voice.audio.io import read_wav

    x, rate = read_wav(out)
    assert rate == RATE and x.size == 3 * RATE


def test_cli_unknown_sound() -> None:
    result = run_attune("sounds", "--play", "gong")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("attune: unknown sound 'gong'; choose one of: bell")


def _has_output_device() -> bool:
    try:
        import sounddevice as sd

        return bool(int(sd.default.device[1]) >= 0)
    except Exception:
        return False


@pytest.mark.skipif(_has_output_device(), reason="this machine has a sound card")
def test_cli_play_without_device_is_one_line() -> None:
    result = run_attune("sounds", "--play", "bell")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "attune: no audio output device found; plug in speakers or headphones, or use -o FILE.wav"
    ]
