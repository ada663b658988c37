"""A look-ahead true-peak limiter for the end of the mix, streamed block by block.

A memoryless clipper cannot promise a true peak: the waveform between samples
overshoots them (up to 3 dB near 11 kHz at 22050 Hz), and bending every peak
distorts. This limiter looks ``LOOKAHEAD_S`` ahead at the 4x oversampled signal
(:mod:`voice.audio.loudness`, the interpolator true-peak meters use), lowers
the gain along a short ramp so that it has arrived by the time an over-ceiling
peak sounds, and lets it back up slowly. Below the ceiling it is exactly
transparent (gain 1.0, the same float32 samples).

The gain at a sample depends only on the input within a fixed window around it,
so the output is the same however the signal is cut into blocks: the mixer and
the player stay deterministic, sample for sample.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from voice.audio.loudness import PHASES, REACH, interval_peaks
from voice.audio.mixer import Samples, db_to_gain

CEILING_DBTP = -2.0  # 0.5 dB under issue 18's -1.5 dBTP: the gain ramps and 16-bit rounding
LOOKAHEAD_S = 0.004  # the gain's way down: 4 ms, short enough to keep the speech's shape
RELEASE_S = 0.25  # the way back up from no gain at all (from -2 dB: 50 ms)
_GAIN_BOUND = max(float(np.sum(np.abs(taps))) for _, taps in PHASES)
"""No oversampled point exceeds the largest input sample times this."""


class TruePeakLimiter:
    """Streamed look-ahead limiter: call :meth:`process` with consecutive blocks, each
    followed by :attr:`ahead` samples of what comes next (not yet played)."""

    def __init__(self, rate: int, ceiling_dbtp: float = CEILING_DBTP,
                 lookahead_s: float = LOOKAHEAD_S, release_s: float = RELEASE_S) -> None:
        self.ceiling = db_to_gain(ceiling_dbtp)
        self.attack = max(1, round(lookahead_s * rate))
        self.slope = 1.0 / max(1.0, release_s * rate)  # gain per sample on the way back up
        self.ahead = self.attack + REACH + 1
        self._history = np.zeros(REACH + 1)  # input just before the next block
        self._next = 0  # where the next block should start
        self._low = np.inf  # min over the past of (gain - index * slope): the release

    def process(self, x: npt.ArrayLike, start: int) -> Samples:
        """Limit the block at absolute sample ``start``: ``x`` holds it and the ``ahead``
        samples after it; returns the block (``len(x) - ahead`` samples)."""
        a = np.asarray(x, dtype=np.float32).reshape(-1)
        n = a.size - self.ahead
        if n <= 0:
            return np.zeros(0, dtype=np.float32)
        if start != self._next:  # (not after the last block: start over)
            self._history[:] = 0.0
            self._low = np.inf
        z = np.concatenate([self._history, a.astype(np.float64)])
        self._history = z[n:n + REACH + 1].copy()
        self._next = start + n
        idx = start + np.arange(n, dtype=np.float64)
        released = self._low + (start - 1) * self.slope >= 1.0
        if released and float(np.max(np.abs(z))) * _GAIN_BOUND <= self.ceiling:
            return a[:n].copy()
        gain = self._gain(z, n)
        held = np.minimum.accumulate(np.concatenate([[self._low], gain - idx * self.slope]))[1:]
        self._low = float(held[-1])
        gain = np.minimum(1.0, held + idx * self.slope)
        return (a[:n] * gain.astype(np.float32)).astype(np.float32)

    def _gain(self, z: npt.NDArray[np.float64], n: int) -> npt.NDArray[np.float64]:
        """The gain each of the block's samples needs, the ramps down included."""
        peaks = interval_peaks(z)  # peaks[i]: between z[i] and z[i + 1]
        h = REACH + 1  # z[h] is the block's first sample
        span = n + self.attack
        # A sample's need: the ceiling over the peaks of the intervals either side of it.
        near = np.maximum(peaks[h - 1:h - 1 + span], peaks[h:h + span])
        need = np.minimum(1.0, self.ceiling / np.maximum(near, 1e-12))
        gain = need[:n].copy()
        if float(need.min()) < 1.0:
            for k in range(1, self.attack + 1):  # a peak k samples ahead: part of the way down
                gain = np.minimum(gain, 1.0 - (1.0 - need[k:k + n]) * (1.0 - k / self.attack))
        return gain
