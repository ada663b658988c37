"""``make bench``: run every benchmark, print their tables, keep the figures.

Each benchmark is its own script (and runs alone too); this runner calls them
in turn, collects their JSON into ``bench/results.json`` and writes
``bench/RESULTS.md`` with the machine described.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ("bench_tts", "bench_engine", "bench_ears")


def machine() -> dict[str, str | int]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count() or 1, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the short versions (development)")
    args = parser.parse_args()
    results: dict[str, object] = {"machine": machine(), "quick": args.quick}
    tables: list[str] = []
    failed = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in BENCHES:
            out = Path(tmp) / f"{name}.json"
            cmd = [sys.executable, str(HERE / f"{name}.py"), "--json", str(out)]
            if args.quick and name != "bench_tts":
                cmd.append("--quick")
            print(f"\n== {name} ==", flush=True)
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent)
            print(proc.stdout, end="")
            if proc.returncode != 0:
                failed.append(name)
                print(proc.stderr[-2000:], file=sys.stderr)
            tables.append(f"## {name}\n\n```\n{proc.stdout.strip()}\n```\n")
            if out.exists():
                results[name] = json.loads(out.read_text())
    results["seconds"] = round(time.perf_counter() - started, 1)
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    m = results["machine"]
    assert isinstance(m, dict)
    header = (f"# Benchmark results\n\nMachine: {m['cpu']}, {m['cores']} cores, Python "
              f"{m['python']}, {m['system']}. Run: `make bench{'-quick' if args.quick else ''}`"
              f" ({results['seconds']} s).\n\n")
    (HERE / "RESULTS.md").write_text(header + "\n".join(tables))
    print(f"\nwrote bench/results.json and bench/RESULTS.md ({results['seconds']} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
