"""Mixing maths: gains, fades, loudness, ducking, the limiter and bed looping."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio.mixer import (
    active_level_db,
    bed_segment,
    db_to_gain,
    duck_envelope,
    fade_in,
    fade_out,
    gain_to_db,
    loop_to_length,
    make_loopable,
    normalize_loudness,
    overlay,
    rms_dbfs,
    soft_limiter,
    speech_activity,
    trim_silence,
)

RATE = 22050


def tone(seconds: float, amp: float = 0.5, freq: float = 220.0) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def test_db_gain_round_trip() -> None:
    for db in (-60.0, -6.0, 0.0, 3.0):
        assert gain_to_db(db_to_gain(db)) == pytest.approx(db)
    assert db_to_gain(-6.0206) == pytest.approx(0.5, rel=1e-4)
    assert gain_to_db(0.0) == -120.0


def test_fades_are_smooth_and_leave_input_alone() -> None:
    x = np.ones(1000, np.float32)
    y = fade_in(x, 100)
    assert y[0] < 0.001 and y[99] > 0.999 and np.all(y[100:] == 1.0)
    assert np.all(np.diff(y[:100]) > 0)
    z = fade_out(x, 100)
    assert z[-1] < 0.001 and np.all(z[:900] == 1.0)
    assert np.all(x == 1.0)  # untouched
    assert fade_in(x[:10], 50).size == 10  # a fade longer than the sound is clamped


def test_rms_dbfs() -> None:
    assert rms_dbfs(tone(1.0, amp=1.0)) == pytest.approx(-3.01, abs=0.01)
    assert rms_dbfs(np.zeros(100, np.float32)) == -120.0


def test_normalize_loudness_ignores_silence() -> None:
    speech = tone(1.0, amp=0.05)
    padded = np.concatenate(
        [np.zeros(RATE * 3, np.float32), speech, np.zeros(RATE * 2, np.float32)]
    )
    a = normalize_loudness(speech, -20.0)
    b = normalize_loudness(padded, -20.0)
    assert active_level_db(a) == pytest.approx(-20.0, abs=0.05)
    # Adding pauses barely changes the gain applied to the speech itself
    # (frames straddling the edges differ), where a plain RMS would shift 7 dB.
    assert gain_to_db(float(np.max(b)) / float(np.max(a))) == pytest.approx(0.0, abs=0.2)
    assert rms_dbfs(normalize_loudness(padded, -20.0)) < -27.0
    assert np.all(b[: RATE * 3] == 0.0)
    assert np.array_equal(normalize_loudness(np.zeros(50, np.float32)), np.zeros(50))


def test_duck_envelope_dips_ahead_of_speech_and_recovers() -> None:
    n = RATE * 4
    activity = np.zeros(n, np.float32)
    activity[RATE : 2 * RATE] = 1.0  # speech from 1 s to 2 s
    g = duck_envelope(activity, RATE, depth_db=10.0, attack_s=0.15, release_s=0.6)
    assert g.shape == (n,) and g.dtype == np.float32
    db = 20 * np.log10(g)
    assert db[int(0.5 * RATE)] == pytest.approx(0.0, abs=1e-3)  # well before: untouched
    assert db[RATE] == pytest.approx(-10.0, abs=0.01)  # full depth as speech starts
    assert -10.0 < db[int(0.92 * RATE)] < -0.01  # already easing down beforehand
    assert np.allclose(db[RATE : 2 * RATE], -10.0, atol=0.01)
    assert db[int(3.0 * RATE)] == pytest.approx(0.0, abs=1e-3)  # recovered after release
    assert np.all(np.diff(db[2 * RATE : int(2.7 * RATE)]) >= 0)  # release only rises
    assert np.max(np.abs(np.diff(db))) < 0.01  # no steps anywhere: no zipper noise


def test_duck_envelope_bridges_gaps_between_words() -> None:
    activity = np.zeros(RATE * 2, np.float32)
    activity[: RATE // 2] = 1.0
    activity[RATE // 2 + RATE // 10 : RATE] = 1.0  # a 0.1 s gap
    g = duck_envelope(activity, RATE, depth_db=12.0, release_s=0.5)
    assert 20 * np.log10(g[RATE // 2 : RATE]).max() < -8.0


def test_speech_activity_marks_loud_parts() -> None:
    x = np.concatenate([np.zeros(RATE, np.float32), tone(0.5, 0.1), np.zeros(RATE, np.float32)])
    mask = speech_activity(x, RATE)
    assert mask.size == x.size
    assert mask[: RATE - 500].max() == 0.0 and mask[RATE + 500 : RATE + 10000].min() == 1.0


def test_limiter_never_exceeds_ceiling_and_is_transparent_below() -> None:
    rng = np.random.default_rng(7)
    loud = (rng.standard_normal(100_000) * 3.0).astype(np.float32)
    for ceiling in (0.98, 0.89, 0.5):
        y = soft_limiter(loud, ceiling=ceiling)
        assert float(np.max(np.abs(y))) <= ceiling
    quiet = (rng.uniform(-0.8, 0.8, 10_000)).astype(np.float32)
    assert np.array_equal(soft_limiter(quiet, ceiling=0.98), quiet)  # below 0.85*ceiling
    ramp = np.linspace(-5, 5, 20_001, dtype=np.float32)
    assert np.all(np.diff(soft_limiter(ramp)) >= 0)  # monotonic: no fold-over distortion


def test_limiter_is_blockwise_identical() -> None:
    x = (np.random.default_rng(3).standard_normal(10_000) * 1.5).astype(np.float32)
    whole = soft_limiter(x)
    blocks = np.concatenate([soft_limiter(x[i : i + 777]) for i in range(0, x.size, 777)])
    assert np.array_equal(whole, blocks)


def test_overlay_adds_in_place_and_clips_to_bounds() -> None:
    base = np.zeros(10, np.float32)
    overlay(base, np.ones(5, np.float32), 7, gain=0.5)
    overlay(base, np.ones(5, np.float32), -3, gain=1.0)
    assert base.tolist() == [1, 1, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5]


def test_bed_streamed_in_blocks_matches_one_piece() -> None:
    bed = np.random.default_rng(5).standard_normal(5000).astype(np.float32)
    whole = loop_to_length(bed, 23_456, offset=4321)
    assert np.array_equal(whole[: 5000 - 4321], bed[4321:])
    assert np.array_equal(whole[5000 - 4321 : 2 * 5000 - 4321], bed)
    pos, blocks = 4321, []
    for size in [1000, 333, 4096, 17, 8000, 10_010]:
        blocks.append(bed_segment(bed, pos, size))
        pos += size
    assert np.array_equal(np.concatenate(blocks), whole)


def test_make_loopable_removes_a_seam() -> None:
    # A recording whose end does not match its start: a hard seam when tiled.
    rng = np.random.default_rng(11)
    raw = np.cumsum(rng.standard_normal(RATE * 2)).astype(np.float32)
    raw = (raw - raw.mean()) / np.abs(raw).max() * 0.5
    xfade = RATE // 4
    loop = make_loopable(raw, xfade)
    assert loop.size == raw.size - xfade
    tiled = loop_to_length(raw, 3 * loop.size, crossfade=xfade)
    steps = np.abs(np.diff(tiled))
    seam_steps = steps[loop.size - 1], steps[2 * loop.size - 1]
    assert max(seam_steps) <= np.percentile(steps, 99.9)
    assert abs(float(raw[-1] - raw[0])) > 10 * np.percentile(steps, 99.9)  # it was a real seam


def test_trim_silence_keeps_the_sound_only() -> None:
    x = np.concatenate([np.zeros(RATE, np.float32), tone(0.5), np.zeros(RATE, np.float32)])
    y = trim_silence(x, RATE)
    assert abs(y.size - RATE // 2) <= 2 * (RATE // 200)  # within a frame at each end
    assert trim_silence(np.zeros(1000, np.float32), RATE).size == 0
