"""``make bench``: run every benchmark, print one table against the targets, keep the figures.

Each benchmark is its own script (and runs alone too); this runner calls them
in turn, prints their detail, then one summary table (figure, target, mark;
targets in bench/targets.py), and writes ``bench/results.json`` (every
script's JSON plus the summary rows) and ``bench/RESULTS.md`` (the machine,
the summary table, then each script's detail).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.summary import SHORT, Row, as_dicts, markdown_table, rows, text_table
from bench.targets import TARGETS

HERE = Path(__file__).resolve().parent
BENCHES = ("bench_understanding", "bench_tts", "bench_engine", "bench_sessions", "bench_listen",
           "bench_ears")
NO_QUICK = ("bench_tts", "bench_understanding")  # already short
# The peer alone costs more than our whole quick ears run: it runs in `make bench` only.
QUICK_EXTRA = {"bench_ears": ["--no-peer"]}


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count() or 1, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}",
            "load_before": round(os.getloadavg()[0], 2)}


def run_bench(name: str, quick: bool, tmp: Path) -> tuple[Any, str, dict[str, Any]]:
    """One script in its own process: its JSON (or None), its printed table, its timing."""
    out = tmp / f"{name}.json"
    cmd = [sys.executable, str(HERE / f"{name}.py"), "--json", str(out)]
    if quick and name not in NO_QUICK:
        cmd += ["--quick", *QUICK_EXTRA.get(name, [])]
    print(f"\n== {name} ==", flush=True)
    started, cpu = time.perf_counter(), children_cpu_s()
    # The product's BLAS threads (voice/__init__.py), whichever a script imports first.
    env = {**os.environ, "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent, env=env)
    print(proc.stdout, end="")
    if proc.returncode != 0:
        print(proc.stderr[-2000:], file=sys.stderr)
    wall, cpu = time.perf_counter() - started, children_cpu_s() - cpu
    print(f"({name}: {wall:.0f} s, {cpu:.0f} s of CPU)", flush=True)
    data = json.loads(out.read_text()) if out.exists() else None
    timing = {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "ok": proc.returncode == 0}
    return data, f"{proc.stdout.strip()}\n({wall:.0f} s, {cpu:.0f} s of CPU)", timing


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def short_notes(table: list[Row]) -> list[str]:
    short = [r for r in table if r.mark == SHORT]
    if not short:
        return ["Every figure meets its target.\n"]
    return ["Short of target:\n", *[f"- {r.area}, {r.metric}: {r.figure} (target {r.target})"
                                    + (f"; {r.note}" if r.note else "") for r in short], ""]


def markdown(results: dict[str, Any], table: list[Row], details: dict[str, str]) -> str:
    m = results["machine"]
    run = "make bench-quick" if results["quick"] else "make bench"
    cpu = sum(t["cpu_s"] for t in results["timing"].values())
    rerun = results.get("rerun")
    again = (f" Then re-run alone: {', '.join(rerun['names'])} ({rerun['seconds']} s, load "
             f"average {rerun['load_after']} after)." if rerun else "")
    parts = [
        "# Benchmark results\n",
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['system']}; "
        f"load average {m['load_before']} before the run, {m['load_after']} after. Run: "
        f"`{run}`, {results['seconds']} s ({cpu:.0f} s of CPU).{again} Targets and their "
        "sources: `bench/targets.py`; "
        "✗ SHORT marks a figure that misses its target.\n",
        markdown_table(table) + "\n",
        *short_notes(table),
        "Target sources:\n",
        *[f"- `{key}`: {t.source}" for key, t in TARGETS.items()],
        "",
    ]
    for name, text in details.items():
        parts.append(f"## {name}\n\n```\n{text}\n```\n")
    return "\n".join(parts)


def _last_run(names: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The last run's figures and printed details, for the benchmarks not re-run."""
    try:
        results: dict[str, Any] = json.loads((HERE / "results.json").read_text())
    except (OSError, ValueError):
        raise SystemExit("--only needs a whole run first (bench/results.json)") from None
    details = dict(results.get("details") or re.findall(
        r"^## (\w+)\n\n```\n(.*?)\n```$", (HERE / "RESULTS.md").read_text(), re.M | re.S))
    results.pop("rerun", None)
    return results, details


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the short versions (development)")
    parser.add_argument("--only", metavar="NAME[,NAME]",
                        help="re-run these benchmarks and keep the rest of the last run "
                             f"(bench/results.json); names: {', '.join(BENCHES)}")
    args = parser.parse_args()
    only = args.only.split(",") if args.only else None
    if only and not set(only) <= set(BENCHES):
        parser.error(f"--only takes {', '.join(BENCHES)}")
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick, "timing": {}}
    details: dict[str, str] = {}
    if only:
        results, details = _last_run(only)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in only or BENCHES:
            data, text, timing = run_bench(name, args.quick, Path(tmp))
            results[name], details[name], results["timing"][name] = data, text, timing
    failed = [name for name, t in results["timing"].items() if not t["ok"]]
    if only:
        results["rerun"] = {"names": only, "seconds": round(time.perf_counter() - started, 1),
                            "load_after": round(os.getloadavg()[0], 2)}
    else:
        results["seconds"] = round(time.perf_counter() - started, 1)
        results["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    results["details"] = details
    table = rows(results)
    results["summary"] = as_dicts(table)
    print(f"\n== summary ({'quick' if args.quick else 'full'}; targets in bench/targets.py) "
          "==\n")
    print(text_table(table))
    short = [r for r in table if r.mark == SHORT]
    if short:
        print(f"\n{len(short)} short of target (see the notes in bench/RESULTS.md)")
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "RESULTS.md").write_text(markdown(results, table, details))
    cpu = sum(t["cpu_s"] for t in results["timing"].values())
    m = results["machine"]
    print(f"\nwrote bench/results.json and bench/RESULTS.md: {results['seconds']} s, {cpu:.0f} s"
          f" of CPU; load average {m['load_before']} before, {m['load_after']} after"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
