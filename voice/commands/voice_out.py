"""``attune say`` and ``attune sounds``: hear (or save) the voice and the sounds."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from voice.audio.io import OUTPUT_RATE, Samples, check_output_device, play, write_wav
from voice.config import in_range
from voice.errors import AttuneError

DESCRIPTIONS = {
    "bell": "soft bell for starts and ends",
    "inhale": "rising tone: breathe in",
    "exhale": "falling tone: breathe out",
    "hold": "quiet tick while holding",
    "closing-chime": "three falling notes at the end",
    "rain": "soft rain",
    "brown-noise": "deep, even noise",
    "drone": "warm low drone",
}


def register(sub: Any) -> None:
    say = sub.add_parser(
        "say",
        help="speak text with Attune's voice (or save it to a WAV file)",
        description="Speak text the way a session would: gentle pace, even loudness.",
    )
    say.add_argument("text", nargs="+", help="what to say ('-' reads standard input)")
    say.add_argument(
        "--voice",
        metavar="ENGINE",
        default=None,
        help="piper (neural, the default when installed) or system (espeak-ng / OS voice)",
    )
    say.add_argument(
        "--rate", type=in_range("speaking_rate"), default=1.0,
        help="speaking rate, 0.5 to 2; 1.0 is about 145 words/min"
    )
    say.add_argument(
        "-o", "--output", metavar="FILE.wav", help="write a WAV file instead of playing"
    )
    say.set_defaults(handler=cmd_say)

    sounds = sub.add_parser(
        "sounds",
        help="list the cue sounds and ambient beds, or play one",
        description="Without options, list the sounds. With --play, play one (or save it with -o).",
    )
    sounds.add_argument("--play", metavar="NAME", help="a cue or bed name from the list")
    sounds.add_argument("-o", "--output", metavar="FILE.wav", help="write it to a WAV file instead")
    sounds.add_argument(
        "--seconds", type=in_range("seconds"), default=20.0,
        help="how long to play a bed (default 20)"
    )
    sounds.set_defaults(handler=cmd_sounds)


def cmd_say(args: argparse.Namespace) -> int:
    from voice.speech.phrase_cache import PhraseRenderer
    from voice.speech.tts import load_tts

    text = " ".join(args.text)
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise AttuneError("nothing to say: give some text")
    if not args.output:
        check_output_device()  # fail before loading a voice, not after
    samples = PhraseRenderer(load_tts(args.voice, rate=args.rate)).render(text)
    _deliver(samples, args.output)
    return 0


def cmd_sounds(args: argparse.Namespace) -> int:
    from voice.audio import sounds

    cues, beds = sounds.cue_names(), sounds.bed_names()
    if not args.play:
        if args.output:
            raise AttuneError("say which sound to write: attune sounds --play NAME -o FILE.wav")
        _list("cues", cues, sounds.load_cue)
        _list("beds (loop seamlessly)", beds, sounds.load_bed)
        return 0
    if args.play not in cues + beds:
        raise AttuneError(
            f"unknown sound '{args.play}'; choose one of: {', '.join(cues + beds) or 'none'}"
        )
    if not args.output:
        check_output_device()
    if args.play in cues:
        samples = sounds.load_cue(args.play)
    else:
        samples = _bed_excerpt(sounds.load_bed(args.play), args.seconds)
    _deliver(samples, args.output)
    return 0


def _bed_excerpt(bed: Samples, seconds: float) -> Samples:
    from voice.audio.mixer import fade_in, fade_out, loop_to_length

    if not 0 < seconds <= 3600:
        raise AttuneError("--seconds must be between 0 and 3600")
    x = loop_to_length(bed, int(seconds * OUTPUT_RATE))
    fade = int(min(2.0, seconds / 4) * OUTPUT_RATE)
    return fade_out(fade_in(x, fade), fade)


def _list(title: str, names: list[str], load: Any) -> None:
    print(f"{title}:")
    if not names:
        print("  (none: run python -m voice.audio.sounds build)")
    for name in names:
        seconds = len(load(name)) / OUTPUT_RATE
        print(f"  {name:<14} {seconds:5.1f} s  {DESCRIPTIONS.get(name, '')}".rstrip())


def _deliver(samples: Samples, output: str | None) -> None:
    if output:
        try:
            write_wav(output, samples, OUTPUT_RATE)
        except OSError as err:
            raise AttuneError(f"cannot write {output}: {err.strerror or err}") from err
    else:
        play(samples, OUTPUT_RATE)
