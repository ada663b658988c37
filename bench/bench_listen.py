"""Benchmark the hands-free loop (``attune listen``): response time, idle CPU, memory, startup.

    python bench/bench_listen.py [--quick] [--json PATH] [--jobs N]

1. End of command to response. A microphone recording of spoken commands
   (our Piper voice: "start one minute calm", then "pause", "resume",
   "slower", "quieter", "stop"; the full run adds a box breathing session
   with other controls, a spoken check-in, and the first script again with
   the speakers echoed into the microphone at 0.3) runs through ``attune
   listen --clock virtual``. Where each command's speech ends is known from
   how the recording was built (last sample above 0.3% of its peak, as in
   bench/evalset.py). From there, in stream time:
   - recognized: the ``heard`` event that led to the effect (the end of the
     100 ms block that decided it);
   - effect: the engine's event for the command (``paused``, ``pace``,
     ``started``...) or the assistant's reply, at its output sample;
   - audible (the first script of the full run): the first output sample
     that differs from a baseline run on the same recording cut just before
     the command (the two are sample-identical until then; one run per
     command). When a command lands in a quiet moment (between sentences),
     nothing audible can change until the next sound would have played, so
     this can be later than the effect;
   - response: the earlier of effect and audible; live, the output runs
     ``LIVE_LEAD`` (0.15 s) ahead of the microphone, so the "live" figure
     adds it: that is what the target is about.
2. Idle, at the pace of a live microphone: ``attune listen --clock real`` on a
   recording of a quiet room (no session). Startup is from launching the
   command to its ``listening`` event, the median of three launches (one
   launch once read 1.64 s against 1.20-1.36 s for four others); idle CPU is the process's CPU time
   (/proc/PID/stat) over a window after the greeting, as a share of one
   core; peak memory is its VmHWM at the end of that window.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.speechkit import MIC_RATE, speak  # noqa: E402
from voice.assistant.listen import LIVE_LEAD  # noqa: E402
from voice.audio.io import read_wav, write_wav  # noqa: E402
from voice.audio.mic import BLOCK_SAMPLES  # noqa: E402
from voice.engine.timeline import RATE  # noqa: E402

ATTUNE = [sys.executable, "-m", "voice.cli"]
MARGIN_S = 4.0  # how long after a command's end its response is looked for
TAIL_S = 1.5
LEAD_S = LIVE_LEAD / RATE
MIC_BLOCK_S = BLOCK_SAMPLES / MIC_RATE  # a "heard" event's t is the start of the deciding block
DIFF = 4 / 32768  # four steps of 16-bit audio
EFFECT = {"start_session": "started", "pause": "paused", "resume": "resumed", "stop": "stopped",
          "slower": "pace", "faster": "pace", "louder": "volume", "quieter": "volume",
          "skip": "skipped", "repeat": "repeated", "time_left": "time_left",
          "check_in": "check_in"}  # anything else (an answer): the assistant's reply, "said"


@dataclass(frozen=True)
class Line:
    gap_s: float  # quiet before it
    text: str
    intent: str | None  # what should be heard (None: an answer, not a command)


SCRIPTS: dict[str, list[Line]] = {
    "calm": [Line(8.0, "start one minute calm", "start_session"), Line(12.0, "pause", "pause"),
             Line(6.0, "resume", "resume"), Line(6.0, "slower", "slower"),
             Line(6.0, "quieter", "quieter"), Line(6.0, "stop", "stop")],
    "box": [Line(8.0, "start box breathing", "start_session"), Line(14.0, "louder", "louder"),
            Line(6.0, "faster", "faster"), Line(6.0, "how much time is left", "time_left"),
            Line(8.0, "pause", "pause"), Line(5.0, "resume", "resume"),
            Line(8.0, "stop", "stop")],
    "check-in": [Line(8.0, "I feel anxious, maybe a six", "check_in"), Line(14.0, "no", None)],
}
# (script, echo gain, check the audible change against baselines: one run per command)
QUICK = (("calm", 0.0, False),)
IDLE_S, IDLE_QUICK_S = 25.0, 10.0
FULL = (("calm", 0.0, True), ("box", 0.0, False), ("check-in", 0.0, False), ("calm", 0.3, False))


@dataclass
class Script:
    name: str
    echo: float
    lines: list[Line]
    audio: np.ndarray = field(repr=False)
    spans: list[tuple[float, float]]  # where each line's audio begins, where its speech ends

    @property
    def label(self) -> str:
        return self.name + (f"+echo{self.echo:g}" if self.echo else "")


def build(name: str, echo: float) -> Script:
    parts: list[np.ndarray] = []
    spans = []
    pos = 0
    for line in SCRIPTS[name]:
        parts.append(np.zeros(int(line.gap_s * MIC_RATE), np.float32))
        pos += parts[-1].size
        voice = speak(line.text)
        loud = np.flatnonzero(np.abs(voice) > 0.003 * float(np.max(np.abs(voice))))
        spans.append((pos / MIC_RATE, float(pos + loud[-1] + 1) / MIC_RATE))
        parts.append(voice)
        pos += voice.size
    parts.append(np.zeros(int(TAIL_S * MIC_RATE), np.float32))
    return Script(name, echo, SCRIPTS[name], np.concatenate(parts), spans)


@dataclass
class Run:
    out: np.ndarray
    events: list[dict[str, Any]]
    cpu_s: float
    peak_mb: float
    mic_s: float


def listen(mic: np.ndarray, workdir: Path, echo: float) -> Run:
    """``attune listen --clock virtual`` on ``mic`` (16 kHz samples), in a child process."""
    workdir.mkdir(parents=True, exist_ok=True)
    write_wav(workdir / "mic.wav", mic, MIC_RATE)
    cmd = [*ATTUNE, "listen", "--mic-file", "mic.wav", "--speaker-file", "out.wav",
           "--clock", "virtual", "--events", "events.jsonl"]
    if echo:
        cmd += ["--echo", str(echo)]
    proc = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=child_env())
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"attune listen failed in {workdir}:\n{err[-2000:]}")
    out, _ = read_wav(workdir / "out.wav")
    events = [json.loads(x) for x in (workdir / "events.jsonl").read_text().splitlines()]
    return Run(out, events, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               mic.size / MIC_RATE)


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def first_difference(a: np.ndarray, b: np.ndarray, lo: int, hi: int) -> int | None:
    n = min(hi, a.size, b.size)
    diff = np.flatnonzero(np.abs(a[lo:n] - b[lo:n]) > DIFF)
    return lo + int(diff[0]) if diff.size else None


def effect_of(events: list[dict[str, Any]], intent: str | None,
              after: float) -> float | None:
    """When the loop acted on a command: its engine event (or the assistant's reply)."""
    name = EFFECT.get(intent or "", "said")
    t = next((e["t"] for e in events if e["event"] == name and e["t"] >= after), None)
    # The assistant's own events carry the start of the microphone block being handled;
    # its reply can only sound from the end of that block (engine events are exact).
    return t + MIC_BLOCK_S if t is not None and name in ("check_in", "said") else t


def measure_script(script: Script, root: Path, jobs: int,
                   audible: bool) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Every command's recognition, effect and (with ``audible``) audible-change latency."""
    def prefix(k: int) -> np.ndarray:  # lines before k, then quiet until well past line k
        start, end = script.spans[k]
        cut = round(start * MIC_RATE)
        quiet = np.zeros(int((end + MARGIN_S + TAIL_S) * MIC_RATE) - cut, np.float32)
        return np.concatenate([script.audio[:cut], quiet])

    base = root / script.label
    full = listen(script.audio, base / "full", script.echo)  # warms the phrase cache
    cuts: list[Run | None] = [None] * len(script.lines)
    if audible:
        with ThreadPoolExecutor(jobs) as pool:
            cuts = list(pool.map(lambda k: listen(prefix(k), base / f"cut{k}", script.echo),
                                 range(len(script.lines))))
    rows = []
    for k, (line, (start, end)) in enumerate(zip(script.lines, script.spans, strict=True)):
        next_start = script.spans[k + 1][0] if k + 1 < len(script.lines) else 1e9
        heard_all = [e for e in full.events if e["event"] == "heard"
                     and start <= e["t"] < next_start]
        heard = heard_all[0] if heard_all else None
        understood = heard is not None and (line.intent is None or heard["intent"] == line.intent)
        effect = effect_of(full.events, line.intent, heard["t"]) if heard and understood \
            else None
        if effect is not None:  # what was heard last before it acted (a number said later)
            heard = [e for e in heard_all if e["t"] <= effect][-1]
        change = None
        if cuts[k] is not None:
            cut = cuts[k]
            assert cut is not None
            lo, hi = int(start * RATE), int(min(end + MARGIN_S, next_start) * RATE)
            if first_difference(full.out, cut.out, 0, lo) is not None:
                raise RuntimeError(f"{script.label}: outputs differ before {line.text!r}")
            change = first_difference(full.out, cut.out, lo, hi)
        rows.append({
            "script": script.label, "said": line.text, "expected": line.intent,
            "heard": heard["text"] if heard else None,
            "intent": heard["intent"] if heard else None, "understood": understood,
            "speech_end_s": round(end, 3),
            "recognized_s": _after(heard["t"] + MIC_BLOCK_S if heard else None, end),
            "effect_s": _after(effect, end),
            "audible_s": _after(change / RATE if change is not None else None, end),
        })
    cost = {"cpu_s": round(full.cpu_s, 2), "mic_s": round(full.mic_s, 1),
            "peak_mb": round(full.peak_mb, 1)}
    return rows, cost


def _after(t: float | None, end: float) -> float | None:
    return None if t is None else round(t - end, 3)


def _why(r: dict[str, Any]) -> str:
    if r["heard"] is None:
        return "nothing heard"
    if not r["understood"]:
        return f"heard {r['heard']!r} as {r['intent']}"
    return "understood, no effect"


def pct(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 3) if values else None


def summarize(commands: list[dict[str, Any]], runs: list[dict[str, float]]) -> dict[str, Any]:
    """``response``: the first of the effect and the audible change (see the module notes)."""
    acted = [r for r in commands if r["understood"] and r["effect_s"] is not None]
    for r in acted:
        r["response_s"] = min(x for x in (r["effect_s"], r["audible_s"]) if x is not None)
    out: dict[str, Any] = {
        "commands": len(commands), "acted_on": len(acted),
        "missed": [f"{r['script']}: {r['said']!r} ({_why(r)})" for r in commands
                   if r not in acted]}
    for key in ("recognized", "response", "audible"):
        values = [r[f"{key}_s"] for r in acted if r.get(f"{key}_s") is not None]
        out[f"{key}_p50_s"], out[f"{key}_p95_s"] = pct(values, 50), pct(values, 95)
    live = [r["response_s"] + LEAD_S for r in acted]
    out["live_p50_s"], out["live_p95_s"] = pct(live, 50), pct(live, 95)
    out["virtual_rtf"] = round(sum(r["cpu_s"] for r in runs) / sum(r["mic_s"] for r in runs), 4)
    out["session_peak_mb"] = max(r["peak_mb"] for r in runs)
    return out


# ------------------------------------------------------------------ idle, real time


def proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def proc_status_mb(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_for_event(path: Path, name: str, proc: subprocess.Popen[bytes],
                   timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"attune listen exited early ({proc.returncode})")
        if path.exists() and f'"event": "{name}"' in path.read_text():
            return
        time.sleep(0.005)
    raise RuntimeError(f"no {name!r} event within {timeout:.0f} s")


def room(seconds: float) -> np.ndarray:
    """A quiet room: soft broadband noise around -50 dBFS and a faint mains hum."""
    rng = np.random.default_rng(3)
    t = np.arange(int(seconds * MIC_RATE)) / MIC_RATE
    noise = rng.normal(0, 0.003, t.size) + 0.002 * np.sin(2 * np.pi * 50 * t)
    return noise.astype(np.float32)


STARTUP_RUNS = 3  # one launch is at the mercy of whatever else the machine does


def launch_idle(workdir: Path, events: Path) -> tuple[subprocess.Popen[bytes], float]:
    """``attune listen`` at live pace on the room recording; seconds until it listens."""
    events.unlink(missing_ok=True)
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [*ATTUNE, "listen", "--mic-file", "mic.wav", "--speaker-file", "out.wav",
         "--clock", "real", "--events", events.name],
        cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env())
    try:
        wait_for_event(events, "listening", proc)
    except BaseException:
        stop(proc)
        raise
    return proc, time.monotonic() - t0


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def measure_idle(root: Path, settle_s: float, window_s: float) -> dict[str, Any]:
    """Startup (the median of a few launches), then idle CPU and memory over a window."""
    workdir = root / "idle"
    workdir.mkdir(parents=True, exist_ok=True)
    write_wav(workdir / "mic.wav", room(settle_s + window_s + 30.0), MIC_RATE)
    events = workdir / "events.jsonl"
    starts = []
    for _ in range(STARTUP_RUNS - 1):
        proc, ready = launch_idle(workdir, events)
        stop(proc)
        starts.append(ready)
    proc, ready = launch_idle(workdir, events)
    starts.append(ready)
    try:
        time.sleep(settle_s)  # the greeting plays
        cpu0, wall0 = proc_cpu_s(proc.pid), time.monotonic()
        time.sleep(window_s)
        cpu1, wall1 = proc_cpu_s(proc.pid), time.monotonic()
        peak, rss = proc_status_mb(proc.pid, "VmHWM"), proc_status_mb(proc.pid, "VmRSS")
        if proc.poll() is not None:
            raise RuntimeError("attune listen exited during the idle window")
    finally:
        stop(proc)
    said = [json.loads(x) for x in events.read_text().splitlines()]
    reacted = [e for e in said if e["event"] in ("heard", "started", "check_in")]
    return {"startup_s": round(float(np.median(starts)), 3),
            "startup_runs_s": [round(t, 3) for t in starts], "idle_cpu_pct": round((cpu1 - cpu0) /
            (wall1 - wall0) * 100, 2), "window_s": round(wall1 - wall0, 1),
            "peak_mb": round(peak, 1), "rss_mb": round(rss, 1), "reactions": len(reacted)}


# ------------------------------------------------------------------ report


def table(rows: list[dict[str, Any]]) -> Iterator[str]:
    def num(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    yield (f"  {'script':<13} {'said':<27} {'heard':<27} {'recog':>6} {'effect':>7} "
           f"{'audible':>8}")
    for r in rows:
        heard = r["heard"] if r["understood"] else f"MISSED ({r['heard'] or 'nothing'})"
        if r["understood"] and r["effect_s"] is None:
            heard = f"NO EFFECT ({r['heard']})"
        yield (f"  {r['script']:<13} {r['said'][:27]:<27} {heard[:27]:<27} "
               f"{num(r['recognized_s']):>6} {num(r['effect_s']):>7} {num(r['audible_s']):>8}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="one script, events only (no audible check), a shorter idle window")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument("--jobs", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="attune-bench-listen-") as tmp:
        root = Path(tmp)
        os.environ["ATTUNE_HOME"] = str(root / "home")  # children share its phrase cache
        rows: list[dict[str, Any]] = []
        costs = []
        for name, echo, audible in QUICK if args.quick else FULL:
            commands, cost = measure_script(build(name, echo), root, args.jobs, audible)
            rows += commands
            costs.append(cost)
        summary = summarize(rows, costs)
        idle = measure_idle(root, settle_s=8.0, window_s=IDLE_QUICK_S if args.quick
                            else IDLE_S)
    s = summary
    print("end of command to response, attune listen in virtual time, seconds after the end "
          "of speech\n(recog: the heard event; effect: the engine's event or the reply; "
          "audible: first changed output sample):")
    print("\n".join(table(rows)))
    print(f"  acted on {s['acted_on']}/{s['commands']}; recognized p50 {s['recognized_p50_s']}"
          f" p95 {s['recognized_p95_s']}; response p50 {s['response_p50_s']} p95 "
          f"{s['response_p95_s']}; audible p50 {s['audible_p50_s']} p95 {s['audible_p95_s']};"
          f"\n  as heard live (+{LEAD_S:.2f} s output lead): p50 {s['live_p50_s']} p95 "
          f"{s['live_p95_s']} s")
    print(f"  whole loop in virtual time: {s['virtual_rtf']:.3f} s CPU per s of audio; "
          f"peak {s['session_peak_mb']:.0f} MB during a session")
    print(f"\nidle, live pace (attune listen --clock real on a quiet-room recording):\n"
          f"  ready to listen {idle['startup_s']:.2f} s after launch (median of "
          f"{', '.join(f'{t:.2f}' for t in idle['startup_runs_s'])}); idle CPU "
          f"{idle['idle_cpu_pct']:.1f}% of one core over {idle['window_s']:.0f} s; peak "
          f"{idle['peak_mb']:.0f} MB (now {idle['rss_mb']:.0f} MB); reactions to the room: "
          f"{idle['reactions']}")
    report = {"commands": rows, "runs": costs, "summary": summary, "idle": idle,
              "quick": args.quick, "seconds": round(time.perf_counter() - started, 1)}
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
