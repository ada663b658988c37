"""Acoustic echo cancellation: take Attune's own voice out of what the microphone hears.

Without headphones the microphone hears the speakers. Attune knows exactly
what it played, so an adaptive filter can learn the path from speaker to
microphone and subtract the echo, leaving the person's voice.

- A bulk delay estimate (GCC-PHAT between what was played and what was heard,
  refreshed every second while Attune talks) lines the two streams up, so a
  short filter covers the room: a sound card's round trip can be 100-300 ms.
- The filter is the multidelay block frequency-domain filter (Soo & Pang 1990,
  the structure of the Speex and WebRTC cancellers): 16 ms blocks,
  overlap-save, 4 partitions (64 ms of room), step normalised per frequency bin.
- Two paths, as in Speex: a background filter adapts on every block; the
  foreground filter, whose output is used, only takes the background's weights
  once they have cancelled clearly better for a while. When the person talks
  over Attune the background is disturbed, but the foreground keeps what it
  had learned, and the background is reset from it afterwards.

Time is counted in samples only.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
Doubles = npt.NDArray[np.float64]

RATE = 16000
MAX_DELAY = RATE // 2  # 500 ms: the longest speaker-to-microphone delay searched
DELAY_WINDOW = 2 * RATE  # seconds of both streams compared per estimate
DELAY_EVERY = RATE  # re-estimate once a second
PRE_DELAY = 64  # samples of the filter kept before the estimated delay
RESIDUAL_RATIO = 10 ** (-15 / 10)  # a residual 15 dB under the echo is leftover echo
NEAR_TALK_RATIO = 4.0  # 6 dB over the expected residual: the person is talking
NEAR_TALK_BLOCKS = 8  # 128 ms in a row: word endings and onsets leave shorter blips
TALK_LOG_BLOCKS = 20 * RATE // 256  # how far back near_talk() can answer (~20 s)
SUPPRESS_FLOOR = 1e-3  # the most the suppressor turns down (-30 dB in amplitude)


class EchoCanceller:
    """Streams microphone and far-end (played) audio, same rate, same positions."""

    def __init__(self, block: int = 256, partitions: int = 4, step: float = 1.0) -> None:
        self.n, self.m, self.step = block, partitions, step
        bins = block + 1
        self.fore = np.zeros((partitions, bins), np.complex128)
        self.back = np.zeros((partitions, bins), np.complex128)
        self.spectra = np.zeros((partitions, bins), np.complex128)  # newest first
        self.prev_far = np.zeros(block)
        self.fore_err = self.back_err = 0.0  # smoothed error energies of the two paths
        self.gate = 1.0  # the residual echo suppressor's current gain
        self.leak = 1.0  # residual/echo energy the filter leaves: 1 = nothing cancelled yet
        self.processed = 0  # input samples through the filter
        self.talk_log: list[tuple[int, bool]] = []  # (block end sample, person talking)
        self.noise_e = 1.0  # block energy of the room's noise floor (after cancelling)
        self.better = 0  # blocks in a row the background has been clearly better
        self.near_buf = np.zeros(0)
        self.far_buf = np.zeros(0)
        self.pending = np.zeros(0)
        self.lag = 0  # output samples behind the input, fixed on the first call
        # Delay estimation runs on raw history; the filter reads far audio delayed.
        self.history_far = np.zeros(DELAY_WINDOW + MAX_DELAY)
        self.history_near = np.zeros(DELAY_WINDOW)
        self.since_estimate = 0
        self.far_quiet = 0  # samples since anything was played
        self.delay = 0
        self.candidate: int | None = None
        self.far_line = np.zeros(MAX_DELAY + block)  # a delay line for the filter input

    # ------------------------------------------------------------ streaming
    def process(self, near: Floats, far: Floats) -> Floats:
        """``near`` minus the echo of ``far``; both the same length, any length.

        Samples are gathered into whole blocks, so the output lags the input by
        less than one block (16 ms); the first call is padded with silence so
        positions stay aligned with the stream.
        """
        if len(near) != len(far):
            raise ValueError("near and far must be the same length")
        near64, far64 = np.asarray(near, np.float64), np.asarray(far, np.float64)
        self._remember(near64, far64)
        self.near_buf = np.concatenate([self.near_buf, near64])
        self.far_buf = np.concatenate([self.far_buf, far64])
        done = []
        while self.near_buf.size >= self.n:
            d, self.near_buf = self.near_buf[: self.n], self.near_buf[self.n:]
            x, self.far_buf = self.far_buf[: self.n], self.far_buf[self.n:]
            done.append(self._block(d, self._delayed(x)))
        self.pending = np.concatenate([self.pending, *done]) if done else self.pending
        want = len(near)
        if self.pending.size >= want:
            out, self.pending = self.pending[:want], self.pending[want:]
        else:  # the start of the stream: pad, keep positions aligned
            self.lag += want - self.pending.size
            out = np.concatenate([np.zeros(want - self.pending.size), self.pending])
            self.pending = np.zeros(0)
        return out.astype(np.float32)

    def _delayed(self, x: Doubles) -> Doubles:
        """``x`` through the bulk delay line (``self.delay - PRE_DELAY`` samples)."""
        self.far_line = np.concatenate([self.far_line[x.size:], x])
        shift = max(0, self.delay - PRE_DELAY)
        end = self.far_line.size - shift
        return self.far_line[end - x.size:end]

    # ------------------------------------------------------------ delay
    def _remember(self, near: Doubles, far: Doubles) -> None:
        sounding = bool(far.any())
        self.far_quiet = 0 if sounding else self.far_quiet + far.size
        if not sounding and self.far_quiet > self.history_far.size:
            self.since_estimate = 0
            return  # idle: nothing played in the whole window, nothing to estimate
        if sounding and self.far_quiet == 0 and not self.history_far.any():
            self.history_near[:] = 0.0  # after a silence, old room sound matches nothing
        self.history_far = np.concatenate([self.history_far[far.size:], far])
        self.history_near = np.concatenate([self.history_near[near.size:], near])
        self.since_estimate += near.size
        if self.since_estimate >= DELAY_EVERY:
            self.since_estimate = 0
            found = estimate_delay(self.history_far, self.history_near)
            # A new delay must be seen twice in a row: one odd estimate (a bell's pure
            # tone correlates at many lags) must not throw away a converged filter.
            if found is not None and abs(found - self.delay) > PRE_DELAY // 2:
                if self.candidate is not None and abs(found - self.candidate) <= PRE_DELAY // 2:
                    self.delay = found
                    self._reset()
                    self.candidate = None
                else:
                    self.candidate = found
            else:
                self.candidate = None

    def _reset(self) -> None:
        self.fore[:] = 0
        self.back[:] = 0
        self.spectra[:] = 0
        self.better = 0
        self.fore_err = self.back_err = 0.0

    # ------------------------------------------------------------ filter
    def _block(self, d: Doubles, x: Doubles) -> Doubles:
        if not x.any() and not self.prev_far.any() and not self.spectra.any():
            # Nothing played for a while (idle): no echo, no work beyond bookkeeping.
            self._track(float(np.dot(d, d)), 0.0)
            self.gate = 1.0
            return d
        self.spectra = np.roll(self.spectra, 1, axis=0)
        self.spectra[0] = np.fft.rfft(np.concatenate([self.prev_far, x]))
        self.prev_far = x
        echo = self._echo(self.fore)
        fore_out = d - echo
        fore_e, echo_e = float(np.dot(fore_out, fore_out)), float(np.dot(echo, echo))
        talking = self._track(fore_e, echo_e)
        power = np.abs(self.spectra) ** 2
        far_power = float(power.sum())
        if far_power < 1e-4:  # nothing played lately: nothing to learn
            self.gate = 1.0
            return fore_out
        back_out = d - self._echo(self.back)
        self._adapt(back_out, power, far_power)
        self._choose(fore_e, float(np.dot(back_out, back_out)), float(np.dot(d, d)))
        if not talking and echo_e > 4.0 * self.noise_e:
            self.leak = 0.98 * self.leak + 0.02 * min(1.0, fore_e / (echo_e + 1e-12))
        return fore_out * self._suppress(fore_e, echo_e)

    def _track(self, residual_e: float, echo_e: float) -> bool:
        """Follow the room's noise floor and decide (and log) whether the person talks."""
        # The noise floor: follows quiet blocks down at once, creeps up slowly.
        if residual_e < self.noise_e:
            self.noise_e = residual_e
        else:
            self.noise_e = self.noise_e * 1.002 + 1e-12
        # Talking only if what is left is well above both the room's noise and the
        # echo this filter typically leaves behind (its leak).
        talking = residual_e > NEAR_TALK_RATIO * (self.noise_e + self.leak * echo_e) + 1e-9
        self._mark(talking)
        return talking

    def _mark(self, talking: bool) -> None:
        self.processed += self.n
        self.talk_log.append((self.processed, talking))
        del self.talk_log[:-TALK_LOG_BLOCKS]

    def near_talk(self, start: int, end: int) -> bool:
        """Whether the person (not the echo) was heard in input samples [start, end):
        a run of blocks long enough to be a syllable, louder than the echo leaves."""
        run = 0
        for at, talking in self.talk_log:
            if start <= at + self.lag and at - self.n + self.lag < end:
                run = run + 1 if talking else 0
                if run >= NEAR_TALK_BLOCKS:
                    return True
        return False

    def _suppress(self, residual_e: float, echo_e: float) -> float:
        """The residual echo suppressor: a gain for this block.

        Where what is left is far below the echo just removed, it is leftover
        echo (the linear filter never gets all of a real room): turn it down.
        The person's voice is as loud as the echo or louder, so it passes; the
        gain opens at once and closes over ~50 ms, keeping word onsets whole.
        """
        ratio = residual_e / (echo_e + 1e-12)
        # Never below the room's own noise floor: pumping noise would sound like words.
        floor = max(SUPPRESS_FLOOR, min(1.0, self.noise_e / (residual_e + 1e-12)))
        target = float(np.clip(ratio / RESIDUAL_RATIO, floor, 1.0)) ** 0.5
        self.gate = target if target > self.gate else 0.7 * self.gate + 0.3 * target
        return self.gate

    def _echo(self, weights: npt.NDArray[np.complex128]) -> Doubles:
        return np.fft.irfft(np.sum(weights * self.spectra, axis=0), 2 * self.n)[self.n:]

    def _adapt(self, error: Doubles, power: Doubles, far_power: float) -> None:
        n = self.n
        err_spec = np.fft.rfft(np.concatenate([np.zeros(n), error]))
        norm = power.sum(axis=0) + 1e-3 * far_power / (n + 1) + 1e-10
        gradient = (self.step / norm) * np.conj(self.spectra) * err_spec
        taps = np.fft.irfft(gradient, 2 * n, axis=1)
        taps[:, n:] = 0.0  # overlap-save constraint: each partition n taps long
        self.back += np.fft.rfft(taps, axis=1)

    def _choose(self, fore_e: float, back_e: float, near_e: float) -> None:
        self.fore_err = 0.8 * self.fore_err + 0.2 * fore_e
        self.back_err = 0.8 * self.back_err + 0.2 * back_e
        if self.back_err < 0.7 * self.fore_err and back_e < fore_e:
            self.better += 1
            if self.better >= 4:  # ~64 ms of clearly better cancelling
                self.fore[:] = self.back
                self.fore_err = self.back_err
                self.better = 0
        else:
            self.better = 0
        if self.back_err > 2.0 * self.fore_err and back_e > near_e:
            self.back[:] = self.fore  # the background wandered (double talk): start over
            self.back_err = self.fore_err


def estimate_delay(far: Doubles, near: Doubles) -> int | None:
    """Samples by which ``near`` trails ``far`` (GCC-PHAT), or None if unclear.

    ``far`` holds ``MAX_DELAY`` more samples of history than ``near``, both
    ending at the same moment.
    """
    if float(np.dot(far, far)) < 1e-3 * far.size * 1e-4 or float(np.dot(near, near)) < 1e-8:
        return None
    size = 1 << int(np.ceil(np.log2(far.size + near.size)))
    # Tapered ends, so the windows' edges do not correlate with each other.
    far = (far - far.mean()) * np.hanning(far.size)
    near = (near - near.mean()) * np.hanning(near.size)
    cross = np.fft.rfft(near, size) * np.conj(np.fft.rfft(far, size))
    corr = np.fft.irfft(cross / (np.abs(cross) + 1e-12), size)
    # near[i] ~ far[i + MAX_DELAY - delay]: lag = MAX_DELAY - delay
    lags = corr[np.arange(MAX_DELAY + 1)[::-1] * -1 % size]  # index delay -> lag
    ranked = np.abs(lags)
    best = int(np.argmax(ranked))
    if ranked[best] < 6.0 * float(np.median(ranked)) + 1e-9:
        return None
    return best


def erle_db(near: Floats, cleaned: Floats) -> float:
    """Echo return loss enhancement: how much quieter the output is than the input."""
    a = float(np.mean(np.square(near, dtype=np.float64)))
    b = float(np.mean(np.square(cleaned, dtype=np.float64)))
    return float(10.0 * np.log10((a + 1e-12) / (b + 1e-12)))
