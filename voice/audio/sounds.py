"""Attune's cue sounds and ambient beds: synthesized here, committed as WAV.

``python -m voice.audio.sounds build`` rewrites ``audio/cues/*.wav`` and
``audio/beds/*.wav`` deterministically (fixed seeds). Beds are built
*circularly* -- noise shaped in the frequency domain over the whole loop, and
tones with a whole number of cycles per loop -- so the last sample flows into
the first exactly as any sample flows into the next: no seam, no crossfade.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt

from voice import paths
from voice.audio.io import OUTPUT_RATE, Samples, read_wav, resample, write_wav
from voice.audio.mixer import db_to_gain, fade_in, fade_out, rms_dbfs
from voice.errors import AttuneError

CUES = ("bell", "inhale", "exhale", "hold", "closing-chime")
BEDS = ("rain", "brown-noise", "drone")

SR = OUTPUT_RATE
BED_SECONDS = 24.0
CUE_PEAK_DB = -6.0
HOLD_PEAK_DB = -16.0  # the hold tick sits well below the other cues
BED_RMS_DB = -26.0  # beds are quiet on disk; the session mix sets their level

_cache: dict[tuple[str, str], Samples] = {}
_cache_lock = threading.Lock()


# ------------------------------------------------------------------ loading


def _names(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.wav")) if folder.is_dir() else []


def cue_names() -> list[str]:
    return _names(paths.cues_dir())


def bed_names() -> list[str]:
    return _names(paths.beds_dir())


def _load(kind: str, name: str, folder: Path, valid: list[str]) -> Samples:
    with _cache_lock:
        hit = _cache.get((kind, name))
    if hit is not None:
        return hit
    if name not in valid:
        listed = ", ".join(valid) or "none (run: python -m voice.audio.sounds build)"
        raise AttuneError(f"unknown {kind} '{name}'; choose one of: {listed}")
    x, rate = read_wav(folder / f"{name}.wav")
    if rate != OUTPUT_RATE:
        x = resample(x, rate, OUTPUT_RATE)
    x.flags.writeable = False  # shared between callers: nobody may edit it in place
    with _cache_lock:
        _cache[(kind, name)] = x
    return x


def load_cue(name: str) -> Samples:
    """A cue as float32 at OUTPUT_RATE (read-only, cached in memory)."""
    return _load("cue", name, paths.cues_dir(), cue_names())


def load_bed(name: str) -> Samples:
    """A loopable bed as float32 at OUTPUT_RATE (read-only, cached in memory)."""
    return _load("bed", name, paths.beds_dir(), bed_names())


# --------------------------------------------------------------- synthesis


def _t(seconds: float) -> npt.NDArray[np.float64]:
    return np.arange(round(seconds * SR)) / SR


def _peak_to(x: npt.NDArray[np.float64], peak_db: float) -> Samples:
    y: Samples = (x * (db_to_gain(peak_db) / np.max(np.abs(x)))).astype(np.float32)
    return y


def _attack(x: npt.NDArray[np.float64], seconds: float) -> npt.NDArray[np.float64]:
    return fade_in(x, int(seconds * SR)).astype(np.float64)


def _struck(
    f0: float, partials: list[tuple[float, float, float]], seconds: float, attack: float
) -> npt.NDArray[np.float64]:
    """Partials (ratio, amplitude, decay time) with a soft attack; each is doubled
    a hair sharp so it beats slowly, like a real bowl or bell."""
    t = _t(seconds)
    x = np.zeros_like(t)
    for ratio, amp, decay in partials:
        env = amp * np.exp(-t / decay)
        f = f0 * ratio
        x += env * (np.sin(2 * np.pi * f * t) + 0.6 * np.sin(2 * np.pi * f * 1.0021 * t + 1.0))
    return _attack(x, attack)


def make_bell() -> Samples:
    # Singing-bowl-like inharmonic ratios; upper partials die away first.
    partials = [(1.0, 1.0, 1.6), (2.71, 0.45, 0.9), (5.15, 0.18, 0.45), (8.43, 0.07, 0.25)]
    x = _struck(220.0, partials, 3.6, attack=0.03)
    return _peak_to(fade_out(x, int(0.4 * SR)).astype(np.float64), CUE_PEAK_DB)


def _glide(f_start: float, f_end: float, seconds: float) -> Samples:
    """A soft tone gliding exponentially in pitch, swelling in and out."""
    t = _t(seconds)
    freq = f_start * (f_end / f_start) ** (t / seconds)
    phase = 2 * np.pi * np.cumsum(freq) / SR
    x = np.sin(phase) + 0.12 * np.sin(2 * phase) + 0.03 * np.sin(3 * phase)
    env = np.sin(np.pi * np.clip(t / seconds, 0, 1)) ** 1.5  # smooth swell, zero at both ends
    return _peak_to(x * env, CUE_PEAK_DB)


def make_inhale() -> Samples:
    return _glide(293.66, 440.0, 0.9)  # D4 up a fifth to A4


def make_exhale() -> Samples:
    return _glide(440.0, 293.66, 1.0)  # and back down, a little longer


PHASE_TONE_PEAK_DB = -6.0  # (-10.9 LUFS: the scheduler sets it 13 LU under the voice)
PHASE_TONE_IN_S, PHASE_TONE_OUT_S = 0.35, 0.45
_PHASE_TONES_KEPT = 16  # lengths kept in memory (a pace change makes new ones)


def phase_tone(phase: str, n: int) -> Samples:
    """A breath tone ``n`` samples long, lasting a whole phase: for "inhale" it glides up
    from D4 to A4 and swells a little as the lungs fill; for "exhale" it comes back down
    and settles. Soft in and out, so phase joins phase without a click. Made on demand
    (the length follows the pace), the same samples every time."""
    key = ("phase-tone", f"{phase}:{n}")
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    rising = phase == "inhale"
    seconds = max(n, 1) / SR
    t = np.arange(n) / SR
    f0, f1 = (293.66, 440.0) if rising else (440.0, 293.66)
    freq = f0 * (f1 / f0) ** (t / seconds)
    angle = 2 * np.pi * np.cumsum(freq) / SR
    x = np.sin(angle) + 0.12 * np.sin(2 * angle) + 0.03 * np.sin(3 * angle)
    swell = 0.75 + 0.25 * (t / seconds if rising else 1 - t / seconds)
    shaped = fade_out(fade_in(x * swell, int(PHASE_TONE_IN_S * SR)), int(PHASE_TONE_OUT_S * SR))
    y = _peak_to(shaped.astype(np.float64), PHASE_TONE_PEAK_DB)
    y.flags.writeable = False
    with _cache_lock:
        tones = [k for k in _cache if k[0] == "phase-tone"]
        if len(tones) >= _PHASE_TONES_KEPT:
            del _cache[tones[0]]
        _cache[key] = y
    return y


def make_hold() -> Samples:
    # A soft wood block: two damped modes, a few-ms attack so it taps, not clicks.
    t = _t(0.25)
    x = np.exp(-t / 0.030) * np.sin(2 * np.pi * 820 * t) + 0.35 * np.exp(-t / 0.012) * np.sin(
        2 * np.pi * 2030 * t
    )
    return _peak_to(fade_out(_attack(x, 0.004), int(0.05 * SR)).astype(np.float64), HOLD_PEAK_DB)


def make_closing_chime() -> Samples:
    # Three falling notes of a major triad (G4, E4, C4): a settling, final sound.
    total = np.zeros(int(4.0 * SR))
    partials = [(1.0, 1.0, 1.4), (2.0, 0.3, 0.8), (3.0, 0.1, 0.5), (4.16, 0.05, 0.3)]
    for i, f in enumerate((392.0, 329.63, 261.63)):
        note = _struck(f, partials, 4.0 - 0.55 * i, attack=0.012)
        start = int(0.55 * i * SR)
        total[start : start + note.size] += note
    return _peak_to(fade_out(total, int(0.5 * SR)).astype(np.float64), CUE_PEAK_DB)


def _shaped_noise(
    rng: np.random.Generator, n: int, amplitude: Callable[[npt.NDArray[np.float64]], object]
) -> npt.NDArray[np.float64]:
    """Noise with the given amplitude spectrum, periodic over exactly n samples."""
    freqs = np.fft.rfftfreq(n, 1 / SR).astype(np.float64)
    spec = rng.standard_normal(freqs.size) + 1j * rng.standard_normal(freqs.size)
    spec *= np.asarray(amplitude(freqs), dtype=np.float64)
    spec[0] = 0.0
    return np.fft.irfft(spec, n)


def _highpass(f: npt.NDArray[np.float64], fc: float) -> npt.NDArray[np.float64]:
    r = (f / fc) ** 2
    return np.asarray(r / (1 + r))


def _lowpass(f: npt.NDArray[np.float64], fc: float, order: int = 2) -> npt.NDArray[np.float64]:
    return np.asarray(1 / np.sqrt(1 + (f / fc) ** (2 * order)))


def _bed_level(x: npt.NDArray[np.float64], rms_db: float = BED_RMS_DB) -> Samples:
    y = x * db_to_gain(rms_db - rms_dbfs(x.astype(np.float32)))
    return y.astype(np.float32)


def _circular_filter(
    x: npt.NDArray[np.float64], gain: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    return np.fft.irfft(np.fft.rfft(x) * gain, x.size)


def make_brown_noise() -> Samples:
    n = int(BED_SECONDS * SR)
    rng = np.random.default_rng(1001)
    # 1/f amplitude (-6 dB/octave), rumble below 30 Hz and hiss above 3 kHz removed.
    x = _shaped_noise(rng, n, lambda f: _highpass(f, 30) * _lowpass(f, 3000) / np.maximum(f, 1.0))
    return _bed_level(x)


ROOM_TONE_DB = -60.0  # under everything Attune plays (voice.engine.mixdown)
ROOM_TONE_SECONDS = 8.0


def room_tone() -> Samples:
    """A very quiet, soft room tone (pinkish noise, no hiss or rumble, -60 dBFS RMS) that
    loops without a seam. Pauses carry it instead of digital silence, which with closed
    eyes sounds like a broken file, and which some Bluetooth headsets switch off in.
    Made in memory from a fixed seed: every render holds the same samples."""
    with _cache_lock:
        if ("room", "tone") not in _cache:
            rng = np.random.default_rng(3003)
            x = _shaped_noise(rng, int(ROOM_TONE_SECONDS * SR), lambda f: _highpass(f, 80)
                              * _lowpass(f, 2500) / np.sqrt(np.maximum(f, 1.0)))
            _cache[("room", "tone")] = _bed_level(x, ROOM_TONE_DB)
        return _cache[("room", "tone")]


def make_rain() -> Samples:
    n = int(BED_SECONDS * SR)
    rng = np.random.default_rng(2002)
    # The steady hush: pinkish noise, soft above 5 kHz.
    hush = _shaped_noise(
        rng, n, lambda f: _highpass(f, 250) * _lowpass(f, 5000) / np.sqrt(np.maximum(f, 1.0))
    )
    hush /= np.std(hush)
    # Drops: short damped plinks scattered over the loop, wrapped around its end.
    drops = np.zeros(n)
    for _ in range(int(BED_SECONDS * 45)):
        length = int(SR * 0.03)
        t = np.arange(length) / SR
        f = rng.uniform(1200, 4200)
        drop = np.exp(-t / rng.uniform(0.003, 0.009)) * np.sin(2 * np.pi * f * t)
        drop = fade_in(drop, 12).astype(np.float64) * rng.lognormal(-1.5, 0.6)
        idx = (int(rng.integers(n)) + np.arange(length)) % n
        drops[idx] += drop
    x = hush + drops
    x = _circular_filter(x, _lowpass(np.fft.rfftfreq(n, 1 / SR).astype(np.float64), 6000))
    # A slow swell of the shower: whole cycles per loop, so it loops too.
    t = np.arange(n) / n
    x *= 1 + 0.12 * np.sin(2 * np.pi * 2 * t) + 0.06 * np.sin(2 * np.pi * 5 * t + 1.3)
    return _bed_level(x)


def make_drone() -> Samples:
    n = int(BED_SECONDS * SR)
    rng = np.random.default_rng(3003)
    t = np.arange(n) / SR
    x = np.zeros(n)
    # An open fifth on A2 with octaves; every frequency is a whole number of
    # cycles per loop, and each pair beats slowly (a few beats per loop).
    for f, amp in ((110.0, 1.0), (164.81, 0.55), (220.0, 0.45), (329.63, 0.18), (440.0, 0.08)):
        cycles = round(f * BED_SECONDS)
        for detune, share in ((0, 0.6), (3, 0.4)):
            fk = (cycles + detune) / BED_SECONDS
            x += amp * share * np.sin(2 * np.pi * fk * t + rng.uniform(0, 2 * np.pi))
    swell = 1 + 0.15 * np.sin(2 * np.pi * 2 * t / BED_SECONDS + 0.4)
    air = _shaped_noise(rng, n, lambda f: _highpass(f, 80) * _lowpass(f, 900) / np.maximum(f, 1.0))
    x = x * swell + 0.3 * air * (np.std(x) / np.std(air))
    return _bed_level(x)


BUILDERS: dict[str, Callable[[], Samples]] = {
    "bell": make_bell,
    "inhale": make_inhale,
    "exhale": make_exhale,
    "hold": make_hold,
    "closing-chime": make_closing_chime,
    "rain": make_rain,
    "brown-noise": make_brown_noise,
    "drone": make_drone,
}


def build(audio_dir: Path | None = None) -> list[Path]:
    """(Re)write every cue and bed WAV; returns the files written."""
    root = audio_dir or paths.audio_dir()
    written = []
    for kind, names in (("cues", CUES), ("beds", BEDS)):
        folder = root / kind
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            path = folder / f"{name}.wav"
            write_wav(path, BUILDERS[name](), SR)
            written.append(path)
    with _cache_lock:
        _cache.clear()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["build"]:
        print("usage: python -m voice.audio.sounds build", file=sys.stderr)
        return 2
    for path in build():
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
