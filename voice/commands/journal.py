"""``attune check-in``, ``attune history`` and ``attune forget``: the private journal."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from voice import paths
from voice.config import in_range
from voice.errors import AttuneError
from voice.journal import history
from voice.journal.checkin import CheckIn
from voice.journal.store import Journal


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check-in", help="a few gentle questions about how you are",
        description="A short check-in: what you're feeling, how strong it is, how your body "
                    "is and what you need. Answers go to your private journal, and Attune "
                    "suggests one practice that might fit. Skip any question with Enter.")
    p.add_argument("--text", action="store_true",
                   help="answer by typing (the default for now; spoken check-ins come "
                        "with 'attune listen')")
    p.set_defaults(handler=cmd_check_in)

    p = sub.add_parser(
        "history", help="look back over your check-ins and practice",
        description="Your check-ins and practice sessions as a table with a short summary, "
                    "or exported as JSON or CSV, or drawn as a chart. Everything stays on "
                    "this machine.")
    p.add_argument("--days", type=in_range("days", whole=True), default=7, metavar="N",
                   help="how many days back to look (default: 7)")
    p.add_argument("--all", action="store_true", help="everything in the journal")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--plot", type=Path, metavar="OUT.png",
                   help="draw the strengths you rated over time, and each practice's before "
                        "and after (needs the 'plot' extra: pip install 'attune[plot]')")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser(
        "forget", help="delete journal entries for good",
        description="Delete entries from your journal for real: they are overwritten and the "
                    "file is rebuilt, so they can't be recovered. Asks you to type 'forget' "
                    "first unless you pass --yes.")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="delete everything")
    which.add_argument("--before", metavar="DATE",
                       help="delete entries before this date (YYYY-MM-DD, your local time)")
    p.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    p.set_defaults(handler=cmd_forget)


def _setting(key: str, fallback: Any) -> Any:
    # Settings belong to voice.config; a check-in must still work if they can't be read.
    try:
        from voice import config

        return config.get(key)
    except (ImportError, KeyError, AttuneError):
        return fallback


def _ask(prompt: str) -> str | None:
    try:
        answer = input(prompt)
    except EOFError:
        answer = None
    if not sys.stdin.isatty():
        print()  # piped answers are not echoed; keep each prompt on its own line
    return answer


def cmd_check_in(args: argparse.Namespace) -> int:
    if not args.text and sys.stdin.isatty():
        print("Spoken check-ins arrive with 'attune listen'. For now, let's check in by "
              "typing.\n")
    region = _setting("region", "") or None
    flow = CheckIn(_ask, print, Journal.open, region=region,
                   keep_transcripts=bool(_setting("transcripts", False)), source="text")
    return flow.run()


def _entries(days: int | None) -> list[dict[str, Any]]:
    if not paths.journal_path().exists():
        return []  # looking must not create a journal
    since = None if days is None else datetime.now(UTC) - timedelta(days=days)
    with Journal.open() as journal:
        return journal.entries(since)


def cmd_history(args: argparse.Namespace) -> int:
    if not args.all and args.days < 1:
        raise AttuneError("--days wants a number of days, 1 or more (or use --all)")
    days = None if args.all else args.days
    entries = _entries(days)
    if args.json:
        print(history.to_json(entries))
    elif args.csv:
        sys.stdout.write(history.to_csv(entries))
    if args.plot:
        history.plot(entries, args.plot, days)
        print(f"Wrote {args.plot}", file=sys.stderr if args.json or args.csv else sys.stdout)
    if not (args.json or args.csv or args.plot):
        if entries:
            history.print_table(entries)
        print(history.summary(entries, days))
    return 0


def parse_before(text: str) -> datetime:
    """A date (local midnight) or a full ISO date-time."""
    try:
        if len(text.strip()) == 10:
            return datetime.combine(date.fromisoformat(text.strip()), time())
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise AttuneError(f"--before wants a date like 2024-05-01, not {text!r}") from None


def cmd_forget(args: argparse.Namespace) -> int:
    before = None if args.all else parse_before(args.before)
    if not paths.journal_path().exists():
        print("Your journal is empty; there's nothing to forget.")
        return 0
    with Journal.open() as journal:
        n = journal.count(before)
        if n == 0:
            print("There's nothing to forget" + ("." if before is None else
                  f" before {args.before}."))
            return 0
        entries = f"{n} entr{'y' if n == 1 else 'ies'}"
        scope = f"all {entries}" if before is None else f"{entries} from before {args.before}"
        if not args.yes:
            print(f"This deletes {scope} from your journal for good. It can't be undone.")
            try:
                answer = input("Type 'forget' to go ahead, or anything else to keep them: ")
            except EOFError:
                print()
                answer = ""
            if answer.strip().lower() != "forget":
                print("Nothing was deleted.")
                return 1
        deleted = journal.forget(before)
    print(f"Deleted {deleted} entr{'y' if deleted == 1 else 'ies'}. They're gone for good.")
    return 0
