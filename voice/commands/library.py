"""``attune list``, ``attune show`` and ``attune validate``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from voice.sessions.library import load_library, load_paths
from voice.sessions.model import (
    Ask,
    Breathe,
    Chime,
    Pause,
    Repeat,
    Say,
    Session,
    Step,
    walk_steps,
)


def register(sub: Any) -> None:
    p = sub.add_parser("list", help="list the guided sessions",
                       description="List every session: the built-in library and your own.")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="describe a session's steps in plain words",
                       description="Describe a session step by step, in plain words.")
    p.add_argument("session", metavar="ID", help="a session id (see 'attune list')")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser(
        "validate", help="check session files for mistakes",
        description="Check session YAML files. Every problem is printed as "
                    "path:line:col: message; exit status 1 if there are any. "
                    "With no PATH: the whole library plus your own sessions.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="session files or folders of them")
    p.set_defaults(handler=cmd_validate)


def _minutes(m: float) -> str:
    return f"{m:g} min"


def _length(s: Session) -> str:
    """How long the session plays at its own length, from its plan ("about 9 min")."""
    from voice.engine.fitting import planned

    seconds = planned(s).seconds
    return _length_words(seconds)


def cmd_list(args: argparse.Namespace) -> int:
    lib = load_library()
    for problem in lib.problems:
        print(f"warning: {problem}", file=sys.stderr)
    sessions = lib.by_category()
    if args.json:
        from voice.engine.fitting import planned

        rows = [{"id": s.id, "title": s.title, "category": s.category,
                 "minutes": round(planned(s).seconds / 60.0, 2),
                 "summary": s.summary, "triggers": s.triggers} for s in sessions]
        print(json.dumps(rows, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Attune sessions", title_justify="left", show_lines=False)
    for column in ("id", "title", "category", "length", "say"):
        table.add_column(column, overflow="fold", no_wrap=column == "id")  # ids are typed
    for s in sessions:
        table.add_row(s.id, s.title, s.category, _length(s),
                      ", ".join(f'"{t}"' for t in s.triggers[:3]))
    Console().print(table)
    print("\nStart one with 'attune run ID', or say \"start\" and its name.")
    return 0


def _seconds(x: float) -> str:
    return f"{x:g} s"


def describe_breathe(b: Breathe) -> str:
    parts = [f"in {_seconds(b.inhale)}"]
    if b.hold:
        parts.append(f"hold {_seconds(b.hold)}")
    parts.append(f"out {_seconds(b.exhale)}")
    if b.hold_after:
        parts.append(f"hold {_seconds(b.hold_after)}")
    text = "breathe " + ", ".join(parts) + f" ({b.cycle_seconds:g} s a breath)"
    if b.cycles:
        text += f", {b.cycles} breath{'s' if b.cycles != 1 else ''}"
    elif b.minutes:
        text += f", for {b.minutes:g} minutes"
    else:
        text += ", filling the rest of the session"
    extras = []
    if b.guide:
        extras.append(f"phase words for the first {b.guide}")
    if b.count_aloud:
        extras.append(f"counted aloud for the first {b.count_aloud}")
    if not b.cues:
        extras.append("no cue sounds")
    return text + (f"; {', '.join(extras)}" if extras else "")


def describe_step(step: Step) -> list[str]:
    """One step as lines of plain words; nested steps are indented."""
    if isinstance(step, Say):
        said = [f'say "{step.text}"' + (f", then {step.after:g} s quiet" if step.after else "")]
        if step.otherwise is not None:
            said.append(f'  (with no answer for it: "{step.otherwise}")')
        return said
    if isinstance(step, Pause):
        if step.fill:
            return [f"quiet for at least {_seconds(step.seconds)}, or what the minutes leave"]
        return [f"quiet for {_seconds(step.seconds)}"]
    if isinstance(step, Chime):
        return [f"sound: {step.sound}"]
    if isinstance(step, Breathe):
        return [describe_breathe(step)]
    if isinstance(step, Repeat):
        how = (f"{step.times} times" if step.times else f"for {step.minutes:g} minutes"
               if step.minutes else "until the session's time is used")
        lines = [f"repeat {how}:"]
        for child in step.steps:
            lines.extend("    " + line for line in describe_step(child))
        return lines
    assert isinstance(step, Ask)
    what = step.expect.replace("_", "/")
    if step.choices:
        what += ": " + ", ".join(step.choices)
    lines = [f'ask "{step.question}" (expects {what}; waits up to {_seconds(step.timeout)})'
             + (f", saved as {{{step.save_as}}}" if step.save_as else "")]
    for answer, steps in step.branches.items():
        label = "no answer" if answer == "none" else "anything else" if answer == "other" \
            else answer
        lines.append(f"    if {label}:")
        for child in steps:
            lines.extend("        " + line for line in describe_step(child))
    return lines


def describe_length(s: Session) -> list[str]:
    """What gives when a different length is asked for ("for five minutes")."""
    from voice.engine.fitting import planned

    lo, hi = s.pause_range
    gives = []
    fills = [step for step in s.steps if getattr(step, "fills", False)]
    if fills:
        gives.append("the breathing runs as many breaths as fit" if isinstance(fills[0], Breathe)
                     else "the closing rest takes what is left" if isinstance(fills[0], Pause)
                     else "the repeated part runs as often as fits")
    if (lo, hi) != (1.0, 1.0):
        gives.append(f"pauses shrink to {lo:.0%} or grow to {hi:.0%}")
    if s.short_intro:
        gives.append("the introduction can be one sentence")
    optional = sum(1 for step in walk_steps(s.steps) if step.optional)
    if optional:
        gives.append(f"{optional} optional part{'s' if optional != 1 else ''} can be left out")
    shortest = planned(s, 0.5).seconds
    lines = [f"Length: {'; '.join(gives) or 'fixed'}; the shortest is about "
             f"{_length_words(shortest)}."]
    if s.short_intro:
        lines.append(f'Short introduction: "{s.short_intro}"')
    return lines


def _length_words(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


def describe_session(s: Session) -> str:
    lines = [f"{s.title} ({s.id})", f"{s.category}, about {_length(s)}", "",
             s.summary, "", "Start it by saying: " + ", ".join(f'"{t}"' for t in s.triggers)]
    lines += describe_length(s)
    if s.background:
        lines.append(f"Ambient sound: {s.background.bed} at {s.background.volume:.0%}")
    if s.rate_before_after:
        lines.append("Asks for a 0-10 rating before and after.")
    lines += ["", "Steps:"]
    for number, step in enumerate(s.steps, 1):
        first, *rest = describe_step(step)
        marks = (["intro"] if step.intro else []) + (
            [f"optional {step.optional}"] if step.optional else [])
        lines.append(f"{number:>3}. {first}" + (f"  [{', '.join(marks)}]" if marks else ""))
        lines.extend("     " + line for line in rest)
    lines += ["", f"From {s.source}"]
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from voice.sessions.library import find_session

    print(describe_session(find_session(args.session)))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    lib = load_paths(args.paths) if args.paths else load_library()
    for problem in lib.problems:
        print(problem)
    if lib.problems:
        print(f"{len(lib.problems)} problem(s) in {lib.files} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(lib.sessions)} session(s) in {lib.files} file(s), no problems",
          file=sys.stderr)
    return 0
