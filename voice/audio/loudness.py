"""Loudness and true peak as broadcast meters read them (ITU-R BS.1770-4), numpy only.

Attune's output is set by these numbers (issue 18: about -18 LUFS integrated, true
peak at most -1.5 dBTP), and each phrase of speech is levelled with them when it
is synthesized, so they must work at run time without pyloudnorm or scipy (the
tests check them against both on real renders).

- **K-weighting**: the two biquads of BS.1770 (a +4 dB shelf above 1.5 kHz and a
  38 Hz high-pass), with the same bilinear-transform formulas as pyloudnorm so
  they hold at Attune's 22050 Hz. Applied through the FFT with the filters' exact
  frequency response and enough zero padding that the recursive tail has died
  away: the same numbers as a sample-by-sample IIR filter, vectorised.
- **Integrated loudness**: 400 ms blocks with 75% overlap, the absolute gate at
  -70 LUFS and the relative gate 10 LU under the mean of the blocks above it.
  Shorter than one block (a counted word: "in", "two"), the K-weighted mean
  square of the whole sound, ungated: one block of its own length.
- **True peak**: 4x oversampled with the 81-tap Kaiser-windowed (beta 5)
  polyphase interpolator that scipy's ``resample_poly(x, 4, 1)`` uses.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from voice.audio.mixer import SILENCE_DB, Samples, db_to_gain, gain_to_db

Floats = npt.NDArray[np.float64]

BLOCK_S, OVERLAP = 0.400, 0.75
ABSOLUTE_GATE = -70.0
RELATIVE_GATE = -10.0
OVERSAMPLE = 4
_TAIL_S = 0.5  # zero padding for the filters' tails: they decay in well under 0.1 s


def _biquads(rate: int) -> list[tuple[Floats, Floats]]:
    """K-weighting at ``rate``: (b, a) of the high shelf, then the high-pass."""
    out = []
    a_ = 10 ** (4.0 / 40.0)  # shelf: +4 dB, Q 1/sqrt(2), 1500 Hz
    w0 = 2 * np.pi * 1500.0 / rate
    alpha, cos = np.sin(w0) / (2 / np.sqrt(2)), np.cos(w0)
    b = [a_ * ((a_ + 1) + (a_ - 1) * cos + 2 * np.sqrt(a_) * alpha),
         -2 * a_ * ((a_ - 1) + (a_ + 1) * cos),
         a_ * ((a_ + 1) + (a_ - 1) * cos - 2 * np.sqrt(a_) * alpha)]
    a = [(a_ + 1) - (a_ - 1) * cos + 2 * np.sqrt(a_) * alpha,
         2 * ((a_ - 1) - (a_ + 1) * cos),
         (a_ + 1) - (a_ - 1) * cos - 2 * np.sqrt(a_) * alpha]
    out.append((np.array(b) / a[0], np.array(a) / a[0]))
    w0 = 2 * np.pi * 38.0 / rate  # high-pass: Q 0.5, 38 Hz
    alpha, cos = np.sin(w0) / (2 * 0.5), np.cos(w0)
    b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
    a = [1 + alpha, -2 * cos, 1 - alpha]
    out.append((np.array(b) / a[0], np.array(a) / a[0]))
    return out


_FFT = 1 << 16  # overlap-add: each chunk of (_FFT - tail) samples filtered in one FFT


@cache
def _response(rate: int) -> tuple[int, npt.NDArray[np.complex128]]:
    """(tail samples, the K-weighting's frequency response at the _FFT bins)."""
    tail = int(_TAIL_S * rate)
    z = np.exp(-1j * np.pi * np.arange(_FFT // 2 + 1) / (_FFT // 2))  # e^{-jw} at each bin
    response = np.ones(z.size, dtype=np.complex128)
    for b, den in _biquads(rate):
        response *= (b[0] + b[1] * z + b[2] * z * z) / (den[0] + den[1] * z + den[2] * z * z)
    return tail, response


def k_weighted(x: npt.ArrayLike, rate: int) -> Floats:
    """``x`` through the K-weighting filters (float64, same length)."""
    a = np.asarray(x, dtype=np.float64).reshape(-1)
    meter = LoudnessMeter(rate)
    return np.concatenate([*meter._filtered(a), *meter._filtered(None)])[: a.size]


class LoudnessMeter:
    """Integrated loudness of a stream: :meth:`add` blocks of any size, then read
    :meth:`integrated`. Holds one number per 100 ms (the blocks overlap by 75%, so
    each 400 ms block is four of them), so a two-hour render measures in little memory.
    """

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.tail, self.response = _response(rate)
        self.hop = _FFT - self.tail
        self.step = round(BLOCK_S * (1 - OVERLAP) * rate)  # 2205 at 22050 Hz
        self.samples = 0
        self._pending: list[Floats] = []  # input not filtered yet
        self._carry = np.zeros(self.tail)  # filtered tails reaching into the next chunk
        self._squares = np.zeros(0)  # filtered squares not yet a whole 100 ms
        self._steps: list[float] = []  # sum of squares of each 100 ms

    def add(self, x: npt.ArrayLike) -> None:
        a = np.asarray(x, dtype=np.float64).reshape(-1)
        self.samples += a.size
        for y in self._filtered(a):
            self._count(y)

    def _filtered(self, a: Floats | None) -> list[Floats]:
        """Overlap-add: whole chunks of ``hop`` samples once there are; None flushes."""
        if a is not None:
            self._pending.append(a)
        buffered = np.concatenate(self._pending) if self._pending else np.zeros(0)
        out = []
        while buffered.size >= self.hop or (a is None and buffered.size):
            chunk, buffered = buffered[: self.hop], buffered[self.hop:]
            y = np.fft.irfft(np.fft.rfft(chunk, _FFT) * self.response, _FFT)
            y[: self.tail] += self._carry
            self._carry = y[self.hop:].copy()
            out.append(y[: chunk.size])
        self._pending = [buffered] if buffered.size else []
        return out

    def _count(self, y: Floats) -> None:
        sq = np.concatenate([self._squares, np.square(y)])
        whole = sq.size // self.step * self.step
        self._steps.extend(sq[:whole].reshape(-1, self.step).sum(axis=1).tolist())
        self._squares = sq[whole:]

    def block_loudness(self) -> Floats:
        """Loudness (LUFS) of each 400 ms block so far, at pyloudnorm's bounds (the last
        block may run past the end, as there)."""
        for y in self._filtered(None):
            self._count(y)
        steps = np.array([*self._steps, float(self._squares.sum())])
        per_block = round(1 / (1 - OVERLAP))
        count = int(np.round((self.samples / self.rate - BLOCK_S) / (BLOCK_S * (1 - OVERLAP))))
        count += 1
        if count < 1:
            return np.zeros(0)
        sums = np.concatenate([[0.0], np.cumsum(steps)])
        j = np.arange(count)
        power = (sums[np.minimum(j + per_block, steps.size)] - sums[j]) / (BLOCK_S * self.rate)
        return np.asarray(-0.691 + 10 * np.log10(np.maximum(power, 1e-30)))

    def integrated(self) -> float:
        """Gated integrated loudness in LUFS (SILENCE_DB when nothing passes the gates)."""
        levels = self.block_loudness()
        levels = levels[levels >= ABSOLUTE_GATE]
        if levels.size == 0:
            return SILENCE_DB
        mean = -0.691 + 10 * np.log10(np.mean(10 ** ((levels + 0.691) / 10)))
        levels = levels[levels > mean + RELATIVE_GATE]
        return float(-0.691 + 10 * np.log10(np.mean(10 ** ((levels + 0.691) / 10))))


def block_loudness(x: npt.ArrayLike, rate: int) -> Floats:
    """Loudness (LUFS) of each 400 ms block, 75% overlapped, at pyloudnorm's bounds."""
    meter = LoudnessMeter(rate)
    meter.add(x)
    return meter.block_loudness()


def integrated_loudness(x: npt.ArrayLike, rate: int) -> float:
    """Gated integrated loudness in LUFS (SILENCE_DB when nothing passes the gates).

    A sound shorter than one 400 ms block is measured ungated over its whole length.
    """
    a = np.asarray(x, dtype=np.float64).reshape(-1)
    if a.size == 0:
        return SILENCE_DB
    if a.size < BLOCK_S * rate:
        power = float(np.mean(np.square(k_weighted(a, rate))))
        return max(SILENCE_DB, -0.691 + 10 * np.log10(power)) if power > 0 else SILENCE_DB
    meter = LoudnessMeter(rate)
    meter.add(a)
    return meter.integrated()


def normalize_lufs(x: npt.ArrayLike, target_lufs: float, rate: int,
                   measured: npt.ArrayLike | None = None) -> Samples:
    """``x`` scaled so its integrated loudness is ``target_lufs`` (silence stays silent).

    ``measured`` is the part to measure when it is not all of ``x`` (a phrase's speech
    without the quiet kept around it: that quiet would pull a short word's ungated
    level down)."""
    a = np.asarray(x, dtype=np.float32).reshape(-1)
    level = integrated_loudness(a if measured is None else measured, rate)
    if level <= SILENCE_DB:
        return a.copy()
    return (a * np.float32(db_to_gain(target_lufs - level))).astype(np.float32)


def _interpolator() -> list[tuple[int, Floats]]:
    """The four phases of scipy's resample_poly(x, 4, 1) filter: (first tap, taps)."""
    half = 10 * OVERSAMPLE
    m = np.arange(2 * half + 1) - half
    h = 0.25 * np.sinc(0.25 * m) * np.kaiser(2 * half + 1, 5.0)
    h = h / h.sum() * OVERSAMPLE
    phases = []
    for j in range(OVERSAMPLE):
        d = np.arange(-((half + j) // OVERSAMPLE), (half - j) // OVERSAMPLE + 1)
        phases.append((int(d[0]), h[OVERSAMPLE * d + j + half]))
    return phases


PHASES = _interpolator()
REACH = max(len(taps) for _, taps in PHASES) // 2 + 1
"""Samples either side an oversampled point depends on."""


def oversampled(x: npt.ArrayLike) -> Floats:
    """``x`` at 4x its rate (float64, 4 * len(x) points, zero-phase)."""
    a = np.asarray(x, dtype=np.float64).reshape(-1)
    out = np.zeros(a.size * OVERSAMPLE)
    for j, (first, taps) in enumerate(PHASES):
        full = np.convolve(a, taps)
        out[j::OVERSAMPLE] = full[-first:-first + a.size]
    return out


def interval_peaks(x: npt.ArrayLike) -> Floats:
    """The largest magnitude of the 4x oversampled signal in [i, i + 1) for every sample
    i (the last interval, past the end, uses the zeros after it)."""
    a = np.abs(oversampled(x))
    return np.asarray(a.reshape(-1, OVERSAMPLE).max(axis=1))


def true_peak(x: npt.ArrayLike) -> float:
    """The true peak (linear): the largest magnitude of ``x`` oversampled 4x."""
    a = np.asarray(x).reshape(-1)
    return float(np.max(np.abs(oversampled(a)))) if a.size else 0.0


def true_peak_db(x: npt.ArrayLike) -> float:
    """The true peak in dBTP."""
    return gain_to_db(true_peak(x))
