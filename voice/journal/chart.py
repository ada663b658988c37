"""``attune history --plot``: what the person rated, over time, as a PNG.

Only what was said is drawn: the strength given at each check-in (labelled with
the feeling's word), and each practice's before and after ratings. How pleasant
a feeling is was never rated, only guessed from the word, so it is not drawn.
With nothing rated there is no chart: an empty one says less than a sentence.

The time axis suits the span: hours for one day, days for a week, weeks for a
month, months beyond that.
"""

from __future__ import annotations

import importlib
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from voice.errors import AttuneError, MissingDependency
from voice.journal.store import from_utc

BLUE, GREEN, GREY = "#3b6ea8", "#4f8f4f", "#8a8a8a"


def period(days: int | None) -> str:
    if days is None:
        return "so far"
    return {1: "today", 7: "this week"}.get(days, f"in the last {days} days")


def local(at: str) -> datetime:
    return from_utc(at).astimezone()


def session_title(session_id: str) -> str:
    """A practice's title ("One minute calm"), or its id if the library lacks it."""
    try:
        from voice.sessions.library import load_library

        session = load_library().sessions.get(session_id)
    except Exception:  # the journal still reads without a pretty name
        session = None
    return session.title if session is not None else session_id


def _matplotlib() -> tuple[Any, Any]:
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
    return Figure, dates


def _rated(e: dict[str, Any]) -> bool:
    return e.get("rating_before") is not None or e.get("rating_after") is not None


def _time_axis(ax: Any, dates: Any, times: list[datetime]) -> None:
    """Ticks that read well for the span: "09:00 12:00", "Mon 06 May", "06 May", "May 2024"."""
    tz = times[0].tzinfo
    first, last = min(times), max(times)
    if first.date() == last.date():
        lo = first.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
        hi = last.replace(minute=0, second=0, microsecond=0) + timedelta(hours=2)
        hours = (hi - lo).total_seconds() / 3600
        step = next(n for n in (1, 2, 3, 4, 6, 12) if hours / n <= 8)
        locator = dates.HourLocator(byhour=range(0, 24, step), tz=tz)
        formatter = dates.DateFormatter("%H:%M", tz=tz)
        ax.set_xlabel(first.strftime("%A %d %B %Y"))
    else:
        lo = datetime.combine(first.date(), time(), tz)
        hi = datetime.combine(last.date(), time(), tz) + timedelta(days=1)
        span = (hi - lo).days
        if span <= 10:
            locator = dates.DayLocator(tz=tz)
            formatter = dates.DateFormatter("%a %d %b", tz=tz)
        elif span <= 62:
            locator = dates.DayLocator(bymonthday=(1, 8, 15, 22), tz=tz)
            formatter = dates.DateFormatter("%d %b", tz=tz)
        else:
            locator = dates.MonthLocator(tz=tz)
            formatter = dates.DateFormatter("%b %Y", tz=tz)
    ax.set_xlim(dates.date2num(lo), dates.date2num(hi))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def figure(entries: list[dict[str, Any]], days: int | None) -> Any:
    """The chart as a matplotlib Figure; AttuneError when nothing was rated."""
    Figure, dates = _matplotlib()
    checks = [e for e in entries if e["kind"] == "check_in" and e.get("intensity") is not None]
    sessions = [e for e in entries if e["kind"] == "session"]
    rated = [e for e in sessions if _rated(e)]
    if not checks and not rated:
        told = ("No check-ins" if not any(e["kind"] == "check_in" for e in entries)
                else "No check-ins with a strength")
        raise AttuneError(f"nothing to plot {period(days)}: {told}, and no practice rated "
                          "before and after. 'attune check-in' takes a minute or two")
    fig = Figure(figsize=(9, 4.5), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    if checks:
        points = [(local(e["at"]), int(e["intensity"])) for e in checks]
        ax.plot(*zip(*points, strict=True), marker="o", color=BLUE, label="check-in strength")
        for e, (x, y) in zip(checks, points, strict=True):
            if e.get("feeling"):
                ax.annotate(str(e["feeling"]), (x, y), textcoords="offset points",
                            xytext=(0, 7), ha="center", fontsize="x-small", color=BLUE)
    for n, e in enumerate(rated):
        x = local(e["at"])
        before, after = e.get("rating_before"), e.get("rating_after")
        if before is not None and after is not None:
            ax.annotate("", (x, after), xytext=(x, before),
                        arrowprops={"arrowstyle": "->", "color": GREEN, "lw": 1.5})
        if before is not None:
            ax.plot([x], [before], marker="o", markerfacecolor="white", color=GREEN,
                    linestyle="none", label="practice: before" if n == 0 else None)
        if after is not None:
            ax.plot([x], [after], marker="o", color=GREEN, linestyle="none",
                    label="practice: after" if n == 0 else None)
        top = max(v for v in (before, after) if v is not None)
        ax.annotate(session_title(e["session_id"]), (x, top), textcoords="offset points",
                    xytext=(4, 7), fontsize="x-small", color=GREEN)
    for n, e in enumerate(s for s in sessions if not _rated(s)):
        ax.axvline(dates.date2num(local(e["at"])), color=GREY, alpha=0.5, linewidth=1,
                   label="practice (not rated)" if n == 0 else None)
    _time_axis(ax, dates, [local(e["at"]) for e in checks + sessions])
    ax.set_ylim(-0.5, 11)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("strength, 0 to 10, as you rated it")
    what = ("check-ins and practice" if checks and rated else
            "check-ins" if checks else "practice, before and after")
    ax.set_title(f"Your {what} {period(days)}", loc="left")
    ax.grid(alpha=0.25)
    fig.legend(loc="outside lower center", ncols=4, fontsize="small", frameon=False)
    return fig


def plot(entries: list[dict[str, Any]], out: Path, days: int | None) -> None:
    fig = figure(entries, days)
    try:
        fig.savefig(out, format="png")
    except OSError as err:
        raise AttuneError(f"cannot write {out}: {err.strerror}") from None
