"""The ``attune`` command line.

Each group of commands lives in its own ``voice/commands/*.py`` module with a
``register(subparsers)`` function; this module only assembles them and turns
:class:`~voice.errors.AttuneError` into one calm line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from voice import __version__
from voice.errors import AttuneError

# Modules under voice/commands/ that add subcommands, in help order.
COMMAND_MODULES = ("listen", "library", "engine", "voice_out", "ears", "journal", "system")


class Parser(argparse.ArgumentParser):
    """Bad flags get one line, like every other mistake (argparse's default printed the
    whole usage block first; ``--help`` still shows it)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="attune",
        description=(
            "Attune: an offline, voice-driven guide for breathing, body scans, grounding "
            "and gentle check-ins. Nothing leaves this machine."
        ),
    )
    parser.add_argument("--version", action="version", version=f"attune {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show full tracebacks for unexpected errors"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"voice.commands.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        code = args.handler(args)
    except AttuneError as err:
        if args.debug:
            raise
        print(f"attune: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("attune: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # a bug: stay calm, point at --debug
        if args.debug:
            raise
        print(
            f"attune: something went wrong inside Attune ({type(err).__name__}: {err}). "
            "Run again with --debug for details.",
            file=sys.stderr,
        )
        return 2
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
