"""``attune run`` and ``attune render``: play a session, or render it to a file."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voice.config import CHOICES, bed_choice, in_range
from voice.errors import AttuneError

if TYPE_CHECKING:
    from voice.sessions.model import Session


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("session", metavar="ID|PATH", help="a session id (see 'attune list') or file")
    p.add_argument("--minutes", type=in_range("minutes"), metavar="N",
                   help="how long the whole session lasts, in minutes (its pauses, breaths and "
                        "optional parts stretch or shrink to fit)")
    p.add_argument("--answers", metavar="A,B,...",
                   help="answers to the session's questions, in order ('none' or '-' "
                        "for no answer: 'none,6,rest', or '--answers=-,6,rest'; "
                        "'--answers -' alone: type them on standard input)")
    p.add_argument("--controls", metavar="T:CMD,...",
                   help='controls at run times in seconds, e.g. "12.5:pause,20:resume,30:slower"')
    p.add_argument("--voice", choices=("auto", "piper", "system"), default=None,
                   help="which voice speaks (default: your config, else auto)")
    p.add_argument("--events", metavar="FILE.jsonl", type=Path,
                   help="write what happens as JSON lines")
    p.add_argument("--bed", type=bed_choice, metavar="SOUND",
                   help="background sound: session (its own), rain, brown, drone or none "
                        "(default: your config, else the session's own)")
    p.add_argument("--intro", choices=("auto", "full", "short"), default=None,
                   help="the introduction in full, or one sentence (default: your config; "
                        "auto: in full the first three times)")
    p.add_argument("--loudness", type=in_range("loudness_lufs"), metavar="LUFS",
                   help="the loudness to play at, -30 to -14 (default: your config, else -18)")
    p.add_argument("--breath-tone", choices=CHOICES["breath_tone"], default=None,
                   help="short: a tone as each breath phase begins; whole: a tone lasting "
                        "the whole phase (default: your config, else short)")
    p.add_argument("--sleep-sound", choices=CHOICES["sleep_sound"], default=None,
                   help="after the bedtime wind down: fade the sleep sound, or keep it "
                        "playing until stopped (a render keeps it 30 minutes)")


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="play a guided session",
                       description="Play a session on the speakers (or into a WAV file). "
                                   "Type pause, resume, slower, stop... while it plays.")
    _common(p)
    p.add_argument("--speaker-file", metavar="OUT.wav", type=Path,
                   help="write what would be heard to a WAV file instead of the speakers")
    p.add_argument("--clock", choices=("real", "virtual"), default="real",
                   help="virtual: run as fast as possible (with --speaker-file)")
    p.add_argument("--volume", type=in_range("volume_db"), metavar="DB",
                   help="master volume in dB (-18 to 6)")
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("render", help="render a session to an audio file",
                       description="Render a whole session exactly as it would play, to a "
                                   "WAV (or MP3/OGG/FLAC, with ffmpeg) file.")
    _common(p)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.wav",
                   help="the audio file to write (.wav, or .mp3/.ogg/.flac with ffmpeg)")
    p.add_argument("--timeline", type=Path, metavar="FILE.json",
                   help="also write every event (speech, cue, silence, listen, bed) as JSON")
    p.set_defaults(handler=cmd_render)


def _speech(voice: str | None) -> Any:
    from voice import config
    from voice.engine.lines import Speech
    from voice.speech.phrase_cache import PhraseRenderer
    from voice.speech.tts import load_tts

    settings = config.load_settings({"voice": voice})
    tts = load_tts(settings["voice"].value, rate=float(settings["speaking_rate"].value))
    return Speech(PhraseRenderer(tts))


def _answers(text: str | None, blocking: bool) -> Any:
    from voice.engine.answers import NoAnswers, ScriptedAnswers, StdinAnswers

    if text == "-":
        return StdinAnswers(blocking=blocking)
    if text:
        return ScriptedAnswers.parse(text)
    return NoAnswers()


def _controls(text: str | None) -> Any:
    from voice.engine.controls import Controls, parse_controls

    return Controls(parse_controls(text) if text else None)


def _keyboard(player: Any) -> None:
    """Typed lines while playing: a control word, or else an answer."""
    from voice.engine.controls import control_name

    for line in sys.stdin:
        word = line.strip()
        if not word:
            continue
        try:
            player.controls.send(control_name(word))
        except AttuneError:
            if hasattr(player.answers, "put"):
                player.answers.put(word)


def cmd_run(args: argparse.Namespace) -> int:
    from voice.audio.sinks import SoundDeviceSink, WavSink, check_device
    from voice.engine.answers import QueueAnswers
    from voice.engine.clock import RealClock, VirtualClock
    from voice.engine.display import make_display
    from voice.engine.player import Player

    session = _chosen_session(args)
    controls = _controls(args.controls)
    if args.speaker_file is None:
        if args.clock == "virtual":
            raise AttuneError("--clock virtual needs --speaker-file OUT.wav (the speakers "
                              "only play in real time)")
        check_device()
    sink: Any = WavSink(args.speaker_file) if args.speaker_file else SoundDeviceSink()
    virtual = args.clock == "virtual"
    clock: Any = VirtualClock() if virtual else RealClock(sink)
    interactive = not virtual and sys.stdin.isatty() and args.answers is None
    answers = QueueAnswers() if interactive else _answers(args.answers, blocking=virtual)
    volume = args.volume if args.volume is not None else _config_volume()
    player = Player(session, _speech(args.voice), sink, clock=clock, minutes=args.minutes,
                    answers=answers, controls=controls, events_path=args.events,
                    volume_db=volume, display=make_display(session.title),
                    block=1102 if args.speaker_file else 551,  # 25 ms blocks on a device
                    pace=_remembered_pace(session.id), short_intro=_short_intro(args, session),
                    reminder=_first_today(), **_sound(args))
    _say_shortest(player)
    if interactive:
        threading.Thread(target=_keyboard, args=(player,), daemon=True).start()
    started_at = datetime.now(UTC)
    try:
        result = player.run()
    finally:
        _record(player, started_at)
    del result
    return 0


def _record(player: Any, started_at: datetime) -> None:
    """Every finished or stopped session goes into the private journal."""
    from voice.engine.timeline import RATE
    from voice.journal.store import Journal

    result = player.close()
    variables = player.state.variables

    def rating(name: str) -> int | None:
        value = variables.get(name)
        return int(value) if value is not None and str(value).isdigit() else None

    with Journal.open() as journal:
        journal.add_session(player.session.id, started_at, result.end / RATE / 60.0,
                            bool(result.completed), rating("rating_before"),
                            rating("rating_after"),
                            pace=player.state.pace if _remembering() else None)


def _short_intro(args: argparse.Namespace, session: Session) -> bool:
    """--intro, else the intro setting (``auto``: from how often the journal has it)."""
    from voice import config
    from voice.engine.fitting import intro_is_short
    from voice.journal.store import Journal

    mode = args.intro or str(config.get("intro"))
    if mode != "auto":  # (no journal to open)
        return intro_is_short(mode, None, session.id)
    with Journal.open() as journal:
        return intro_is_short(mode, journal, session.id)


def _first_today() -> bool:
    from voice.engine.fitting import reminder_due
    from voice.journal.store import Journal

    with Journal.open() as journal:
        return reminder_due(journal, datetime.now(UTC))


def _say_shortest(player: Any) -> None:
    from voice.engine.fitting import shortest_sentence

    fitted = player.fit
    if fitted.shortest_s is not None:
        print(shortest_sentence(player.session.title, fitted.shortest_s), file=sys.stderr)


def _remembering() -> bool:
    from voice import config

    return bool(config.get("remember_pace"))


def _remembered_pace(session_id: str) -> float:
    """The pace this session ended at last time, when the remember_pace setting is on
    (with it off, runs neither start from nor leave a pace)."""
    from voice.journal.store import Journal

    if not _remembering():
        return 1.0
    with Journal.open() as journal:
        return journal.last_pace(session_id) or 1.0


def _chosen_session(args: argparse.Namespace) -> Session:
    """The session asked for, with this run's background sound (--bed, else the bed
    setting), breath tones (--breath-tone, else the breath_tone setting) and the
    before/after rating unless the rating setting is off."""
    from voice import config
    from voice.sessions.library import find_session
    from voice.sessions.model import with_bed, with_breath_tone, with_rating

    settings = config.load_settings({"breath_tone": args.breath_tone})
    bed = args.bed if args.bed is not None else str(settings["bed"].value)
    session = with_rating(with_bed(find_session(args.session), bed),
                          bool(settings["rating"].value))
    return with_breath_tone(session, str(settings["breath_tone"].value))


def _sound(args: argparse.Namespace) -> dict[str, Any]:
    """The player's loudness and sleep sound: the flags, else the settings."""
    from voice import config

    settings = config.load_settings({"loudness_lufs": args.loudness,
                                     "sleep_sound": args.sleep_sound})
    return {"loudness": float(settings["loudness_lufs"].value),
            "sleep_sound": str(settings["sleep_sound"].value)}


def _config_volume() -> float:
    from voice import config

    return float(config.get("volume_db"))


def cmd_render(args: argparse.Namespace) -> int:
    from voice.audio.sinks import WavSink, convert_wav
    from voice.engine.player import Player
    from voice.engine.render import render
    from voice.engine.timeline import RATE

    session = _chosen_session(args)
    out: Path = args.output
    suffix = out.suffix.lower()
    if suffix not in (".wav", ".mp3", ".ogg", ".flac"):
        raise AttuneError(f"cannot write '{out.suffix or out.name}' files; use .wav, .mp3, "
                          ".ogg or .flac")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        wav = out if suffix == ".wav" else Path(tmp) / "render.wav"
        speech, sound = _speech(args.voice), _sound(args)
        loudness = sound.pop("loudness")
        short = _short_intro(args, session)
        players: list[Player] = []

        def build(sink: Any, loudness: float, answers: Any, bed_db: float) -> Player:
            # Nobody answers a file: questions become quiet moments (unless --answers
            # plays someone answering).
            player = Player(session, speech, sink, minutes=args.minutes, answers=answers,
                            controls=_controls(args.controls), events_path=args.events,
                            loudness=loudness, for_file=args.answers is None,
                            short_intro=short, bed_db=bed_db, **sound)
            if not players:
                _say_shortest(player)
            players.append(player)
            return player

        result, level = render(build, WavSink(wav), loudness,
                               _answers(args.answers, blocking=True))
        if level.held:  # (said, not hidden: the file is quieter than asked, and why)
            print(f"about {loudness - level.short_lu:.0f} LUFS, under the {loudness:g} asked: "
                  "this session is mostly quiet, and its sounds stay well under the voice",
                  file=sys.stderr)
        if suffix != ".wav":
            convert_wav(wav, out)
    elapsed = time.perf_counter() - started
    if args.timeline:
        args.timeline.parent.mkdir(parents=True, exist_ok=True)
        args.timeline.write_text(json.dumps(result.timeline(session.id), indent=1) + "\n")
    length = result.end / RATE
    print(f"wrote {out} ({int(length // 60)}:{int(length % 60):02d}, "
          f"{length / max(elapsed, 1e-9):.0f}x real time)", file=sys.stderr)
    return 0
