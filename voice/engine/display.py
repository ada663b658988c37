"""What the terminal shows while a session plays.

On a terminal: a rich Live panel with the current step, a breath bar that
grows on the inhale and shrinks on the exhale, the phase name and the time
left. Otherwise (a pipe, a file, CI): one plain line per step, breath and
control. Neither ever sleeps or waits; both are driven by the player.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from voice.engine.timeline import RATE

if TYPE_CHECKING:
    from voice.engine.player import Player

PHASE_NAMES = {"inhale": "breathe in", "hold": "hold", "exhale": "breathe out",
               "hold_after": "hold"}
BAR_WIDTH = 30
TICK = RATE // 10  # refresh the panel every 0.1 s of audio


def clock(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m:02d}:{s:02d}"


def breath_state(player: Player) -> tuple[str, float] | None:
    """(phase, bar fullness 0..1) if a breath is sounding now."""
    pl = player.current(player.pos)
    if pl is None or pl.seg.kind != "cycle" or player.paused is not None or pl.start > player.pos:
        return None
    offset = player.pos - pl.start
    for name, n in pl.seg.phases:
        if offset < n:
            frac = offset / max(1, n)
            full = {"inhale": frac, "hold": 1.0, "exhale": 1.0 - frac, "hold_after": 0.0}[name]
            return name, full
        offset -= n
    return None


class PlainDisplay:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def _line(self, t: float, text: str) -> None:
        print(f"[{clock(t)}] {text}", file=self.stream, flush=True)

    def event(self, e: dict[str, Any]) -> None:
        kind, t = e["event"], float(e["t"])
        if kind == "started":
            self._line(t, f"{e['title']} ({e['minutes']:g} min)")
        elif kind == "step":
            self._line(t, f"step {e['path']}: {e['label']}")
        elif kind == "phase" and e["phase"] == "inhale":
            self._line(t, f"  breath {e['cycle']} ({e['seconds']:g} s in)")
        elif kind == "answer":
            self._line(t, f"  answer: {e['text'] or '(none)'}")
        elif kind == "pace":
            per = e.get("seconds_per_cycle")
            self._line(t, "pace: " + (f"{per:g} s a breath" if per else f"x{e['factor']:g}"))
        elif kind == "volume":
            self._line(t, f"volume: {e['db']:+g} dB")
        elif kind == "time_left":
            self._line(t, f"time left: {clock(e['seconds'])}")
        elif kind in ("paused", "resumed", "skipped", "repeated", "stopped"):
            self._line(t, kind)
        elif kind == "finished":
            self._line(t, "finished" if e.get("completed") else "ended")

    def tick(self, player: Player) -> None:
        del player

    def close(self) -> None:
        pass


class LiveDisplay:
    """A rich Live panel; refreshed from the player's position, not a timer."""

    def __init__(self, title: str) -> None:
        from rich.console import Console
        from rich.live import Live

        self.title = title
        self.step = ""
        self.status = ""
        self.left = 0.0
        self._next = 0
        self._next_left = 0
        self.live = Live(console=Console(), auto_refresh=False, transient=False)
        self.live.start()

    def event(self, e: dict[str, Any]) -> None:
        kind = e["event"]
        if kind == "step":
            self.step = str(e.get("label", ""))
        elif kind in ("paused", "stopped"):
            self.status = kind
        elif kind in ("resumed", "skipped"):
            self.status = ""
        elif kind == "answer":
            self.status = f"heard: {e['text']}" if e["text"] else ""

    def tick(self, player: Player) -> None:
        if player.pos < self._next:
            return
        self._next = player.pos + TICK
        if player.pos >= self._next_left:
            self.left = player.time_left_s(player.pos)
            self._next_left = player.pos + RATE
        self.live.update(self.render(player), refresh=True)

    def render(self, player: Player) -> Any:
        from rich.panel import Panel
        from rich.text import Text

        text = Text()
        text.append(self.step[:200] + "\n", style="bold")
        breath = breath_state(player)
        if breath is not None:
            name, full = breath
            filled = round(full * BAR_WIDTH)
            text.append("█" * filled + "·" * (BAR_WIDTH - filled), style="cyan")
            text.append(f"  {PHASE_NAMES[name]}\n")
        else:
            text.append("\n")
        status = "paused; say resume to carry on" if player.paused is not None else self.status
        text.append(f"{clock(player.pos / RATE)} elapsed, about {clock(self.left)} left"
                    + (f"   {status}" if status else ""), style="dim")
        return Panel(text, title=self.title, expand=False)

    def close(self) -> None:
        self.live.stop()


def make_display(title: str, stream: TextIO | None = None, quiet: bool = False) -> Any:
    if quiet:
        return None
    out = stream or sys.stdout
    if out.isatty():
        return LiveDisplay(title)
    return PlainDisplay(out)
