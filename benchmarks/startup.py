"""Start-up: process start to the cover's first painted frame, and to every pane ready.

Runs, in fresh subprocesses, the viewer with ``--quit-when-ready`` (which prints
``first-paint-ms=…`` and ``ready-ms=…``) and the floor, a bare PySide6 process
showing one QLabel (``bare_qt.py``), alternately, and prints the medians. It also
measures, in the same run, how long importing pyqtgraph takes (after
PySide6), the allowance in the "all panes ready" target.

    uv run python benchmarks/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time

from _common import ROOT, machine, python, subprocess_env

IMPORTS = """\
import time
import PySide6.QtWidgets
start = time.perf_counter()
import pyqtgraph
print(f"import-ms={(time.perf_counter() - start) * 1000:.1f}")
"""


def figures(command: list[str], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """Run ``command``; the ``name-ms=value`` figures it printed, and its wall time."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    wall = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr}")
    found = re.findall(r"([a-z-]+)-ms=([0-9.]+)", done.stdout + done.stderr)
    return {name: float(value) for name, value in found}, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile every import from source on every run (no .pyc cache)",
    )
    args = parser.parse_args()
    env = subprocess_env(bytecode=not args.no_bytecode)
    app = [python(), "-m", "fulian_viewer", "--quit-when-ready"]
    floor = [python(), str(ROOT / "benchmarks" / "bare_qt.py")]
    samples: dict[str, list[float]] = {
        k: [] for k in ("floor", "first-paint", "ready", "import", "app-wall")
    }
    figures(app, env)  # warm the file and bytecode caches once
    figures([python(), "-c", IMPORTS], env)
    for _ in range(args.runs):
        samples["floor"].append(figures(floor, env)[0]["first-paint"])
        found, wall = figures(app, env)
        samples["first-paint"].append(found["first-paint"])
        samples["ready"].append(found["ready"])
        samples["app-wall"].append(wall)
        samples["import"].append(figures([python(), "-c", IMPORTS], env)[0]["import"])
    med = {name: statistics.median(values) for name, values in samples.items()}
    print(machine())
    cache = "no bytecode cache" if args.no_bytecode else "bytecode cached"
    print(f"start-up, median of {args.runs} runs, {cache} (ms from process start)")
    print(f"  floor (bare PySide6, one QLabel painted) {med['floor']:7.1f}")
    print(
        f"  viewer: cover's first painted frame      {med['first-paint']:7.1f}"
        f"   = {med['first-paint'] / med['floor']:.2f} x floor (target <= 2.5)"
    )
    allowance = 1.3 * med["floor"] + med["import"]
    print(
        f"  viewer: all panes ready                  {med['ready']:7.1f}"
        f"   target <= 1.3 x floor + imports = {allowance:.1f}"
    )
    print(f"  import pyqtgraph (after Qt)             {med['import']:7.1f}")
    print(f"  viewer process wall time, spawn to exit  {med['app-wall']:7.1f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
