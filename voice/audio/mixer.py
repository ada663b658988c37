"""Pure numpy mixing: gain, fades, loudness, ducking, limiting and bed looping.

All functions take and return float32 mono arrays and never modify their
input. They are block-friendly: the limiter is memoryless and
:func:`bed_segment` indexes a loop by absolute position, so a session can be
rendered or streamed in blocks and come out the same.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.float32]

SILENCE_DB = -120.0
"""What silence measures as, instead of minus infinity."""


def _f32(x: npt.ArrayLike) -> Samples:
    return np.asarray(x, dtype=np.float32).reshape(-1)


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def gain_to_db(g: float) -> float:
    return 20.0 * float(np.log10(g)) if g > 0 else SILENCE_DB


def _ramp(n: int) -> npt.NDArray[np.float64]:
    """Raised-cosine rise from 0 to 1 over n samples (no corner, so no click)."""
    return 0.5 - 0.5 * np.cos(np.pi * (np.arange(n) + 0.5) / n)


def fade_in(x: npt.ArrayLike, n: int) -> Samples:
    y = _f32(x).copy()
    n = max(0, min(int(n), y.size))
    if n:
        y[:n] *= _ramp(n).astype(np.float32)
    return y


def fade_out(x: npt.ArrayLike, n: int) -> Samples:
    y = _f32(x).copy()
    n = max(0, min(int(n), y.size))
    if n:
        y[y.size - n :] *= _ramp(n)[::-1].astype(np.float32)
    return y


def rms_dbfs(x: npt.ArrayLike) -> float:
    """RMS level in dBFS (a full-scale sine is -3 dBFS); silence is -120."""
    a = _f32(x)
    if a.size == 0:
        return SILENCE_DB
    rms = float(np.sqrt(np.mean(np.square(a, dtype=np.float64))))
    return max(SILENCE_DB, gain_to_db(rms))


def frame_levels_db(x: npt.ArrayLike, frame: int = 512) -> npt.NDArray[np.float64]:
    """RMS level of consecutive frames in dBFS (the last partial frame included)."""
    a = _f32(x).astype(np.float64)
    if a.size == 0:
        return np.zeros(0)
    pad = (-a.size) % frame
    sq = np.concatenate([np.square(a), np.zeros(pad)]).reshape(-1, frame)
    counts = np.full(sq.shape[0], float(frame))
    counts[-1] = frame - pad
    ms = sq.sum(axis=1) / counts
    return np.asarray(10.0 * np.log10(np.maximum(ms, 1e-12)))


def active_level_db(
    x: npt.ArrayLike, frame: int = 512, floor_db: float = -60.0, relative_db: float = -20.0
) -> float:
    """Level of the active frames only (pauses and breaths between words ignored).

    Two gates, like broadcast loudness meters: an absolute floor, then frames
    more than ``relative_db`` below the mean of the survivors are dropped too.
    """
    levels = frame_levels_db(x, frame)
    active = levels[levels > floor_db]
    if active.size == 0:
        return SILENCE_DB
    mean = 10.0 * np.log10(np.mean(10.0 ** (active / 10.0)))
    active = active[active > mean + relative_db]
    return float(10.0 * np.log10(np.mean(10.0 ** (active / 10.0))))


def trim_silence(x: npt.ArrayLike, rate: int, below_peak_db: float = 40.0) -> Samples:
    """Cut leading and trailing 5 ms frames quieter than ``below_peak_db`` under the loudest."""
    a = _f32(x)
    frame = max(1, rate // 200)
    levels = frame_levels_db(a, frame)
    loud = np.nonzero(levels > max(-65.0, float(levels.max(initial=-120.0)) - below_peak_db))[0]
    if loud.size == 0:
        return a[:0].copy()
    return a[loud[0] * frame : (loud[-1] + 1) * frame].copy()


def normalize_loudness(x: npt.ArrayLike, target_dbfs: float = -20.0, frame: int = 512) -> Samples:
    """Scale so the active (speech) frames sit at ``target_dbfs`` RMS; silence stays silent."""
    a = _f32(x)
    level = active_level_db(a, frame)
    if level <= SILENCE_DB:
        return a.copy()
    return (a * np.float32(db_to_gain(target_dbfs - level))).astype(np.float32)


def speech_activity(
    x: npt.ArrayLike, rate: int, threshold_db: float = -45.0, frame_s: float = 0.02
) -> Samples:
    """Per-sample 0/1 mask of where ``x`` is louder than ``threshold_db`` (20 ms frames)."""
    a = _f32(x)
    frame = max(1, int(rate * frame_s))
    levels = frame_levels_db(a, frame)
    return np.repeat((levels > threshold_db).astype(np.float32), frame)[: a.size]


def duck_envelope(
    speech_mask_or_activity: npt.ArrayLike,
    rate: int,
    depth_db: float = 10.0,
    attack_s: float = 0.15,
    release_s: float = 0.6,
) -> Samples:
    """Gain (per sample) for a bed under speech: ``-depth_db`` while speech is active.

    The activity (0..1 per sample, e.g. :func:`speech_activity`) is known
    ahead of time, so the dip *starts* ``attack_s`` before speech and reaches
    full depth as it begins, then recovers over ``release_s`` after it ends;
    short gaps between words therefore do not pump the bed.
    """
    a = np.clip(np.asarray(speech_mask_or_activity, dtype=np.float64).reshape(-1), 0.0, 1.0)
    if a.size == 0:
        return np.zeros(0, dtype=np.float32)
    idx = np.arange(a.size, dtype=np.float64)
    # Linear decay away from activity: r[i] = max_j<=i (a[j] - (i-j)/R), done
    # as a running maximum so it is vectorised (no per-sample Python loop).
    rel = max(1.0, release_s * rate)
    after = np.maximum.accumulate(a + idx / rel) - idx / rel
    att = max(1.0, attack_s * rate)
    before = (np.maximum.accumulate(a[::-1] + idx / att) - idx / att)[::-1]  # same, reversed
    env = np.clip(np.maximum(after, before), 0.0, 1.0)
    env = env * env * (3.0 - 2.0 * env)  # smoothstep: no corners in the gain curve
    return np.asarray(10.0 ** (-depth_db * env / 20.0), dtype=np.float32)


def _below(ceiling: float) -> np.float32:
    """Largest float32 not above ``ceiling`` (float32(0.98) rounds up)."""
    c = np.float32(ceiling)
    return c if float(c) <= ceiling else np.nextafter(c, np.float32(0.0))


def soft_limiter(
    x: npt.ArrayLike, ceiling: float = 0.98, threshold: float | None = None
) -> Samples:
    """Memoryless soft clipper: untouched below ``threshold``, never beyond ``ceiling``.

    Above the threshold peaks bend smoothly (tanh knee, slope 1 at the
    threshold) towards the ceiling. Being memoryless it gives identical
    results however a signal is split into blocks.
    """
    if not 0.0 < ceiling <= 1.0:
        raise ValueError("ceiling must be in (0, 1]")
    t = 0.85 * ceiling if threshold is None else min(threshold, ceiling)
    a = _f32(x).astype(np.float64)
    mag = np.abs(a)
    over = mag > t
    if not over.any():
        return _f32(x).copy()
    span = ceiling - t
    bent = t + span * np.tanh((mag[over] - t) / span) if span > 0 else np.full(over.sum(), t)
    mag[over] = bent
    y = (np.sign(a) * mag).astype(np.float32)
    lim = _below(ceiling)
    return np.clip(y, -lim, lim)


def overlay(base: Samples, x: npt.ArrayLike, start: int, gain: float = 1.0) -> None:
    """Add ``x * gain`` into ``base`` (in place) from ``start``; what overhangs is dropped."""
    src = _f32(x)
    lo, hi = max(0, start), min(base.size, start + src.size)
    if hi > lo:
        base[lo:hi] += src[lo - start : hi - start] * np.float32(gain)


def make_loopable(bed: npt.ArrayLike, crossfade: int) -> Samples:
    """Fold the last ``crossfade`` samples into the head with an equal-power crossfade.

    The result (``crossfade`` samples shorter) repeats without a seam even if
    the original's end did not match its start. Equal power suits noise-like
    beds, whose head and tail are uncorrelated.
    """
    b = _f32(bed)
    n = max(0, min(int(crossfade), b.size // 2))
    if n == 0:
        return b.copy()
    theta = 0.5 * np.pi * (np.arange(n) + 0.5) / n
    out = b[: b.size - n].copy()
    head, tail = b[:n], b[b.size - n :]
    out[:n] = head * np.sin(theta).astype(np.float32) + tail * np.cos(theta).astype(np.float32)
    return out


def bed_segment(bed: npt.ArrayLike, start_sample: int, n: int) -> Samples:
    """Samples ``start_sample .. start_sample + n`` of the bed repeated forever.

    Indexing by absolute position means block after block joins seamlessly,
    across the loop point too, whatever the block size.
    """
    b = _f32(bed)
    if b.size == 0:
        raise ValueError("empty bed")
    idx = (int(start_sample) + np.arange(max(0, int(n)), dtype=np.int64)) % b.size
    return b[idx]


def loop_to_length(
    bed: npt.ArrayLike, n_samples: int, crossfade: int = 0, offset: int = 0
) -> Samples:
    """Repeat ``bed`` to ``n_samples``, starting ``offset`` samples in.

    Beds from :mod:`voice.audio.sounds` already loop seamlessly (``crossfade=0``);
    pass a crossfade for arbitrary recordings.
    """
    loop = make_loopable(bed, crossfade) if crossfade > 0 else _f32(bed)
    return bed_segment(loop, offset, n_samples)
