"""``attune parse``, ``attune hear`` and ``attune models``: the ears from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from voice.config import CHOICES
from voice.errors import AttuneError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "parse", help="what Attune understands from typed words",
        description="Understand text as Attune would: the intent templates first, then a "
                    "tolerant reading of paraphrases and misheard words. Prints the intent "
                    "and its slots. With '-', reads one text per line from standard input "
                    "and prints one JSON line each.")
    p.add_argument("text", nargs="+",
                   help="the words, e.g. \"start a body scan\", or - for standard input")
    p.add_argument("--json", action="store_true", help="print JSON (intent, slots, score)")
    p.add_argument("--mode", default="idle",
                   help="intent set: idle, session, speaking, answer or asleep")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser(
        "hear", help="run the ears on recorded WAV files",
        description="Feed WAV files (any rate) through the live listening pipeline in "
                    "30 ms blocks: endpointer, recognizer, intent matcher, with a second of "
                    "the recording's own quiet before and after it, as a microphone hears "
                    "the room. "
                    "One line per utterance; decided_at_s is the position in the file when "
                    "the intent was decided.")
    p.add_argument("files", nargs="+", metavar="FILE.wav")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--recognizer", choices=CHOICES["recognizer"], default=None,
                   help="which recognizer (default: the 'recognizer' setting)")
    p.add_argument("--mode", default="idle",
                   help="intent set: idle, session, speaking, answer or asleep")
    p.add_argument("--features", action="store_true", help="include the rejection features")
    p.set_defaults(handler=cmd_hear)

    p = sub.add_parser(
        "models", help="list or download speech models",
        description="Speech models: Whisper tiny.en and base (from the 'whisper' and "
                    "'whisper-base' extras), PocketSphinx's built-in model and Vosk models, "
                    "with size, license, whether each is installed and which one is in use "
                    "(marked *). 'download' fetches a Vosk model and is the only command in "
                    "Attune that uses the network.")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION")
    lp = msub.add_parser("list", help="every model, what is installed, what is in use",
                         description="Every speech model Attune knows: size, license, "
                                     "installed or not, and the one in use (marked *).")
    lp.add_argument("--json", action="store_true", help="print JSON")
    lp.set_defaults(handler=cmd_models_list)
    dp = msub.add_parser("download", help="download, verify and unpack a Vosk model",
                         description="Download a registered Vosk model over HTTPS, resuming "
                                     "a partial download, check its SHA-256 and unpack it "
                                     "into the models folder.")
    dp.add_argument("name", help="e.g. vosk-small-en-us")
    dp.add_argument("--force", action="store_true", help="replace an installed copy")
    dp.set_defaults(handler=cmd_models_download)
    p.set_defaults(handler=cmd_models_list, json=False)


def cmd_parse(args: argparse.Namespace) -> int:
    from voice.understanding.understand import for_mode

    try:
        understanding = for_mode(args.mode)
    except KeyError as err:
        raise AttuneError(str(err.args[0])) from None
    batch = args.text == ["-"]
    texts = (line.rstrip("\n") for line in sys.stdin) if batch else [" ".join(args.text)]
    for text in texts:
        found = understanding.understand(text)
        if args.json or batch:
            print(json.dumps({"text": text, "intent": found.name if found else None,
                              "slots": found.slots if found else {},
                              "score": found.score if found else 0.0}), flush=True)
        elif found is None:
            print("(not understood)")
        else:
            slots = " ".join(f"{k}={v}" for k, v in found.slots.items())
            print(f"{found.name}{' ' + slots if slots else ''}")
            if found.name == "crisis":  # what Attune would show, so nobody sees a bare label
                print(_crisis_reply())
    return 0


def _crisis_reply() -> str:
    from voice.config import load_settings
    from voice.feelings.crisis import crisis_response

    region = str(load_settings()["region"].value) or None
    return crisis_response(region).printed


# The room around each file, as a live microphone hears it before and after speech.
HEAR_ROOM_S = 1.0


def cmd_hear(args: argparse.Namespace) -> int:
    from voice.audio.mic import FileMic
    from voice.ears.choice import load_recognizer
    from voice.ears.recognizer import Listener

    # Read every file before loading models; each gets a second of room around it.
    mics = [FileMic(path, room_s=HEAR_ROOM_S) for path in args.files]
    try:
        recognizer = load_recognizer(args.recognizer, mode=args.mode)
    except KeyError as err:
        raise AttuneError(str(err.args[0])) from None
    for path, mic in zip(args.files, mics, strict=True):
        listener = Listener(mic, recognizer)
        count = 0
        for heard in listener:
            count += 1
            data = heard.to_dict(features=args.features)
            for key in ("decided_at_s", "start_s", "end_s"):  # (positions in the file)
                if key in data:
                    data[key] = round(mic.file_position_s(float(data[key])), 3)
            _print_heard(path, data, args.json)
        if count == 0:
            _print_heard(path, {"text": "", "intent": None, "slots": {}, "confidence": 0.0,
                                "decided_at_s": round(mic.file_duration_s, 3),
                                "reason": "no-speech"}, args.json)
    return 0


def _print_heard(path: str, data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps({"file": path, **data}, ensure_ascii=False))
        return
    what = data["intent"] or f"(rejected: {data.get('reason') or 'no-match'})"
    slots = " ".join(f"{k}={v}" for k, v in data["slots"].items())
    print(f"{path}: {data['decided_at_s']:7.2f}s  {what}{' ' + slots if slots else ''}"
          f"  \"{data['text']}\" ({data['confidence']:.2f})")


def cmd_models_list(args: argparse.Namespace) -> int:
    from voice.ears.catalog import catalog

    found = catalog()
    if getattr(args, "json", False):
        print(json.dumps(found, indent=2))
        return 0
    rec = found["recognizer"]
    print(f"models folder: {found['models_dir']}")
    for m in found["models"]:
        mark = "*" if m["in_use"] else " "
        size = f"{m['size'] / 1e6:5.0f} MB" if m["size"] else "       "
        state = m["state"] + ("  <- in use" if m["in_use"] else "")
        print(f"{mark} {m['name']:20} {size}  {state}")
        print(f"      {m['about']}\n      license: {m['license'] or 'unknown'}")
        if m["installed"]:
            print(f"      in {m['installed']}")
        if m["fix"]:
            print(f"      to install: {m['fix']}")
    print(f"recognizer in use: {rec['recognizer']} ({rec['why']})")
    return 0


def cmd_models_download(args: argparse.Namespace) -> int:
    from voice.ears import models

    folder = models.download(args.name, force=args.force)
    print(f"{args.name} is installed in {folder}")
    return 0
