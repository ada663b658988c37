"""Looking back over the journal: a table, a gentle summary, exports and a plot.

The summary only counts what happened. No streaks, no goals, no "you missed
a day": people who grew up with emotional neglect have had enough of being
measured, and any check-in at all is worth something.
"""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from voice.journal.chart import local, period, plot, session_title

__all__ = ["CSV_FIELDS", "local", "period", "plot", "print_table", "summary", "to_csv",
           "to_json"]

# Valence and arousal were never rated: they come with the feeling's word from the
# vocabulary, and the exports say so in their names.
DERIVED = {"valence": "valence_from_word", "arousal": "arousal_from_word"}
CSV_FIELDS = ("kind", "at", "feeling", "family", "intensity", "body", "need",
              "valence_from_word", "arousal_from_word", "suggested", "source", "session_id",
              "minutes_practised", "completed", "rating_before", "rating_after", "transcript")


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _minutes(m: float) -> str:
    if m < 1:
        return "under a minute"
    whole = math.floor(m + 0.5)
    return f"{whole} minute{'s' if whole != 1 else ''}"


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
            f"{'–' if before is None else before} → {'–' if after is None else after}")
        return when, "practice", session_title(e["session_id"]), strength, notes
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
    return {DERIVED.get(k, k): v for k, v in e.items() if k not in ("id", "started_at")}


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
