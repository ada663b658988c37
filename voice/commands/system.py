"""``attune config`` and ``attune doctor``: settings, and what this machine has."""

from __future__ import annotations

import argparse
import json
from typing import Any

from voice import paths
from voice.config import config_file, load_settings


def register(sub: Any) -> None:
    p = sub.add_parser(
        "config", help="show the settings in effect and where each came from",
        description="Show every setting in effect, with its source: the built-in default, "
                    "your config file, or an ATTUNE_* environment variable. Edit the config "
                    "file (its path is printed) to change them.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--path", action="store_true", help="print only the config file's path")
    p.set_defaults(handler=cmd_config)
    register_doctor(sub)


def cmd_config(args: argparse.Namespace) -> int:
    if args.path:
        print(config_file())
        return 0
    settings = load_settings()
    if args.json:
        print(json.dumps({k: {"value": s.value, "source": s.source}
                          for k, s in settings.items()}, indent=2))
        return 0
    width = max(len(k) for k in settings)
    print(f"config file: {config_file()}"
          + ("" if config_file().exists() else " (not created yet; defaults in use)"))
    print(f"your sessions: {paths.user_scripts_dir()}")
    print(f"journal: {paths.journal_path()}")
    print(f"cache: {paths.cache_dir()}\n")
    for key, setting in settings.items():
        print(f"{key:<{width}}  {json.dumps(setting.value):<24}  ({setting.source})")
    return 0


def register_doctor(sub: Any) -> None:
    p = sub.add_parser(
        "doctor", help="check audio devices, recognizer, voices and journal",
        description="Check what Attune needs on this machine (microphone, speakers, speech "
                    "recognizer and model, voices, journal, sessions) and say how to fix "
                    "anything missing. Exit status 1 if something needs fixing.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    from voice.commands.doctor import run_checks

    checks = run_checks()
    if args.json:
        print(json.dumps([c.to_dict() for c in checks], indent=2))
    else:
        for check in checks:
            mark = "ok " if check.ok else "!! "
            print(f"{mark} {check.name:<13} {check.found}")
            if check.fix:
                print(f"    {'':<13} fix: {check.fix}")
    return 0 if all(c.ok for c in checks) else 1
