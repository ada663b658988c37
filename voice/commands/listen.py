"""``attune listen``: the hands-free assistant."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from voice.config import CHOICES, in_range
from voice.errors import AttuneError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "listen", help="start the hands-free assistant (the main way to use Attune)",
        description="Listen for your voice: say \"start a body scan\", \"I feel anxious, maybe "
                    "a six\", \"help\" or \"what can I do\". During a session: pause, resume, "
                    "slower, faster, louder, quieter, repeat, skip, stop. Ctrl-C quits. "
                    "With --mic-file/--speaker-file/--clock virtual it runs on recordings, "
                    "as fast as the computer allows.")
    p.add_argument("--mic-file", type=Path, metavar="IN.wav",
                   help="hear this recording instead of the microphone")
    p.add_argument("--speaker-file", type=Path, metavar="OUT.wav",
                   help="write what would be played to a WAV file instead of the speakers")
    p.add_argument("--clock", choices=("real", "virtual"), default="real",
                   help="real (default): at the pace of a live microphone, so a --mic-file "
                        "is heard at the speed it was recorded; virtual: as fast as possible "
                        "(needs --mic-file and --speaker-file)")
    p.add_argument("--events", type=Path, metavar="FILE.jsonl",
                   help="write what is heard and done as JSON lines")
    p.add_argument("--echo", type=in_range("echo"), default=0.0, metavar="G",
                   help="mix the speaker output back into the microphone at gain G, as a "
                        "room without headphones would (with --mic-file)")
    p.add_argument("--recognizer", choices=CHOICES["recognizer"], default=None,
                   help="speech recognizer (default: your config)")
    p.add_argument("--voice", choices=("auto", "piper", "system"), default=None,
                   help="which voice speaks (default: your config)")
    p.add_argument("--mic-stall", metavar="AT:SECONDS",
                   help="for testing: the microphone file stops delivering at AT for SECONDS")
    p.add_argument("--start-time", type=_start_time, metavar="HH:MM",
                   help="for testing: the local time of day the run starts at (the time of "
                        "day shapes what a check-in suggests); default: now")
    p.set_defaults(handler=cmd_listen)


def _start_time(text: str) -> Any:
    from datetime import datetime

    try:
        at = datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(f"wants a time like 21:30, not {text!r}") from None
    return datetime.combine(datetime.now().date(), at).astimezone()


def cmd_listen(args: argparse.Namespace) -> int:
    from voice import config
    from voice.assistant.listen import Assistant
    from voice.assistant.parts import EventLog, StallingMic, parse_stall
    from voice.audio.mic import FileMic, open_mic
    from voice.audio.sinks import SoundDeviceSink, WavSink, check_device
    from voice.ears.background import BackgroundRecognizer
    from voice.ears.choice import load_recognizer
    from voice.engine.lines import Speech
    from voice.journal.store import Journal
    from voice.sessions.library import load_library
    from voice.speech.phrase_cache import PhraseRenderer
    from voice.speech.tts import load_tts

    virtual = args.clock == "virtual"
    if virtual and (args.mic_file is None or args.speaker_file is None):
        raise AttuneError("--clock virtual needs --mic-file IN.wav and --speaker-file OUT.wav")
    if args.echo and not 0 <= args.echo <= 1:
        raise AttuneError("--echo must be between 0 and 1")
    settings = config.load_settings({"voice": args.voice, "recognizer": args.recognizer})
    if args.mic_file is not None:
        if not args.mic_file.is_file():
            raise AttuneError(f"no such recording: {args.mic_file}")
        mic: Any = FileMic(args.mic_file)
        if not virtual:
            mic = PacedMic(mic)
        reopen = None
    else:
        device = settings["input_device"].value or None
        mic = open_mic(device)
        reopen = lambda: open_mic(device)  # noqa: E731
    if args.mic_stall:
        at, length = parse_stall(args.mic_stall)
        mic = StallingMic(mic, at, length)
    if args.speaker_file is None:
        check_device()
    out_device = settings["output_device"].value or None
    sink: Any = (WavSink(args.speaker_file) if args.speaker_file
                 else SoundDeviceSink(ahead_s=0.25, device=out_device))
    library = load_library()
    tts = load_tts(settings["voice"].value, rate=float(settings["speaking_rate"].value))
    speech = Speech(PhraseRenderer(tts))
    recognizer: Any = load_recognizer(settings["recognizer"].value)
    if not virtual and getattr(recognizer.backend, "transcribes", False):
        # Whisper decides an utterance in one go: off the loop, or the speakers run dry.
        recognizer = BackgroundRecognizer(recognizer)
    log = EventLog(args.events)
    with Journal.open() as journal:
        assistant = Assistant(mic=mic, recognizer=recognizer, sink=sink, speech=speech,
                              library=library, events=log, virtual=virtual, echo=args.echo,
                              journal=journal, reopen_mic=reopen,
                              started_at=args.start_time)
        try:
            assistant.run()
        except KeyboardInterrupt:
            print("\nattune: goodbye. Be gentle with yourself.")
        finally:
            log.close()
    return 0


class PacedMic:
    """A recording handed out no faster than it was recorded, as a live microphone would.

    Each block is returned once the wall clock has reached its end (a live
    stream delivers a block only after it has been captured).
    """

    def __init__(self, mic: Any) -> None:
        self.mic = mic
        self.sample_rate = mic.sample_rate
        self._start: float | None = None
        self._samples = 0

    def read(self) -> bytes | None:
        block: bytes | None = self.mic.read()
        if block is None:
            return None
        if self._start is None:
            self._start = time.monotonic()
        self._samples += len(block) // 2
        wait = self._start + self._samples / self.sample_rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        return block

    def close(self) -> None:
        self.mic.close()
