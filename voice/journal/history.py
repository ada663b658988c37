"""Looking back over the journal: a table, a gentle summary, exports and a plot.

The summary only counts what happened. No streaks, no goals, no "you missed
a day": people who grew up with emotional neglect have had enough of being
measured, and any check-in at all is worth something.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

from voice.errors import AttuneError, MissingDependency
from voice.journal.store import from_utc

CSV_FIELDS = ("kind", "at", "feeling", "family", "intensity", "body", "need", "valence",
              "arousal", "suggested", "source", "session_id", "minutes_practised", "completed",
              "rating_before", "rating_after", "transcript")


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _minutes(m: float) -> str:
    if m < 1:
        return "under a minute"
    whole = math.floor(m + 0.5)
    return f"{whole} minute{'s' if whole != 1 else ''}"


def period(days: int | None) -> str:
    if days is None:
        return "so far"
    return {1: "today", 7: "this week"}.get(days, f"in the last {days} days")


def summary(entries: list[dict[str, Any]], days: int | None) -> str:
    """One or two plain sentences about what happened in the period."""
    checks = [e for e in entries if e["kind"] == "check_in"]
    sessions = [e for e in entries if e["kind"] == "session"]
    when = period(days)
    minutes = sum(float(e["minutes_practised"]) for e in sessions)
    if checks and sessions:
        text = (f"You checked in {_times(len(checks))} {when} and practised "
                f"{_times(len(sessions))}, {_minutes(minutes)} in all.")
    elif checks:
        text = f"You checked in {_times(len(checks))} {when}."
    elif sessions:
        text = f"You practised {_times(len(sessions))} {when}, {_minutes(minutes)} in all."
    else:
        return (f"Nothing in your journal {when}. That's okay. Whenever you like, "
                "'attune check-in' takes a minute or two.")
    named = [e["feeling"] for e in checks if e.get("feeling")]
    if named:
        counts: dict[str, int] = {}
        for word in named:
            counts[word] = counts.get(word, 0) + 1
        shown = ", ".join(w if n == 1 else f"{w} ({n})" for w, n in
                          sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
        text += f" The feelings you named: {shown}."
    return text


def local(at: str) -> datetime:
    return from_utc(at).astimezone()


def _row(e: dict[str, Any]) -> tuple[str, str, str, str, str]:
    when = local(e["at"]).strftime("%a %d %b %H:%M")
    if e["kind"] == "check_in":
        notes = " · ".join(f"{label}: {e[key]}" for key, label in
                           (("body", "body"), ("need", "need")) if e.get(key))
        strength = "" if e["intensity"] is None else f"{e['intensity']}/10"
        return when, "check-in", e.get("feeling") or "", strength, notes
    if e["kind"] == "session":
        notes = _minutes(float(e["minutes_practised"]))
        if not e["completed"]:
            notes += ", stopped early"
        before, after = e.get("rating_before"), e.get("rating_after")
        strength = "" if before is None and after is None else (
            f"{'' if before is None else before} → {'' if after is None else after}")
        return when, "practice", e["session_id"], strength, notes
    return when, "hard moment", "", "", "crisis lines shown"


def print_table(entries: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Your journal", title_justify="left")
    for column in ("when", "what", "feeling / practice", "strength", "notes"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(*_row(e))
    Console().print(table)


def _plain(e: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in e.items() if k not in ("id", "started_at")}


def to_json(entries: list[dict[str, Any]]) -> str:
    return json.dumps([_plain(e) for e in entries], indent=2, ensure_ascii=False)


def to_csv(entries: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for e in entries:
        writer.writerow({k: ("" if v is None else v) for k, v in _plain(e).items()})
    return out.getvalue()


def plot(entries: list[dict[str, Any]], out: Path, days: int | None) -> None:
    """Intensity and valence over time, with practice sessions as vertical lines (PNG)."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display here, and none needed to write a file
        from matplotlib.figure import Figure

        # Typed as Any: parts of matplotlib.dates have no annotations, and
        # mypy --strict would reject every call into them.
        dates: Any = importlib.import_module("matplotlib.dates")
    except ImportError:
        raise MissingDependency(
            "--plot needs matplotlib; install it with: pip install 'attune[plot]'") from None
    checks = [e for e in entries if e["kind"] == "check_in"]
    sessions = [e for e in entries if e["kind"] == "session"]
    if not checks and not sessions:
        raise AttuneError(f"nothing to plot {period(days)} yet; check in first "
                          "('attune check-in')")
    fig = Figure(figsize=(9, 4.5), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    strong = [(local(e["at"]), e["intensity"]) for e in checks if e["intensity"] is not None]
    if strong:
        ax.plot(*zip(*strong, strict=True), marker="o", color="#3b6ea8",
                label="strength (0-10)")
    ax.set_ylim(-0.5, 10.5)
    ax.set_ylabel("strength, 0 to 10")
    ax2 = ax.twinx()
    felt = [(local(e["at"]), e["valence"]) for e in checks if e["valence"] is not None]
    if felt:
        ax2.plot(*zip(*felt, strict=True), marker="s", linestyle="--", color="#c07a2c",
                 label="how pleasant (-1 to 1)")
    ax2.set_ylim(-1.05, 1.05)
    ax2.set_ylabel("unpleasant  ←  →  pleasant")
    for n, e in enumerate(sessions):
        ax.axvline(dates.date2num(local(e["at"])), color="#6a9f6a", alpha=0.6, linewidth=1.5,
                   label="practice" if n == 0 else None)
    locator = dates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    handles = ax.get_legend_handles_labels()
    handles2 = ax2.get_legend_handles_labels()
    fig.legend(handles[0] + handles2[0], handles[1] + handles2[1], loc="outside lower center",
               ncols=3, fontsize="small", frameon=False)
    ax.set_title(f"Your check-ins {period(days)}", loc="left")
    ax.grid(alpha=0.25)
    try:
        fig.savefig(out, format="png")
    except OSError as err:
        raise AttuneError(f"cannot write {out}: {err.strerror}") from None
