"""Time ``fulian-viewer check`` (and ``check --json``) on large hostile datasets.

Each case of ``tests/fixtures/hostile.py`` is built large in a temporary folder
(tables and workbooks up to the 100 MB a dataset may take) and checked in a fresh
process; the script prints each run's wall time and peak memory (the child's
maximum resident set), worst first, and whether it stayed within 5 s and 500 MB.

    uv run python benchmarks/hostile_check.py            # every case
    uv run python benchmarks/hostile_check.py --only "zip bomb" --json
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.hostile import CASES, remove  # noqa: E402

LIMIT_SECONDS = 5.0
LIMIT_MB = 500.0
# Sizes that make each case large: rows, characters or bytes, as the case reads it.
SIZES = {
    "huge numbers (CSV)": 120_000,
    "bad references": 300_000,
    "control characters": 300_000,
    "special files": 1_000,
    "device as a table": 1,
    "oversized CSV": 100 * 1024 * 1024,
    "overlong cell": 19 * 1024 * 1024,
    "declared dimension": 1,
    "empty rows": 3_000_000,
    "huge shared string": 10_000_000,
    "zip bomb": 1024 * 1024 * 1024,
    "huge number cells": 1_000_000,
    "formula without value": 1,
    "many zip entries": 50_000,
    "many workbook rows": 300_000,
    "damaged workbook": 1,
    "styled number cells": 9_000,
    "phonetic and error cells": 9_000,
    "many merged ranges": 1_000_000,
    "retyped headers (CSV)": 19_000,
}


def run_check(path: Path, as_json: bool) -> tuple[float, float, int, int]:
    """Check ``path`` in a child process: (seconds, peak MB, exit code, output bytes)."""
    command = [sys.executable, "-m", "fulian_viewer", "check", "--data", str(path), "--lang", "en"]
    if as_json:
        command.append("--json")
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        size = output.seek(0, 2)
    return seconds, usage.ru_maxrss / 1024, child.returncode, size


def build(name: str, folder: Path) -> Path:
    """Build a case in a child process, so that this process stays small.

    A child's peak memory counts from the memory of the process it was forked
    from; building a gigabyte zip bomb here would inflate every later figure.
    """
    command = [sys.executable, __file__, "--build", name, str(folder)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return Path(output.strip())


def main() -> int:
    if sys.argv[1:2] == ["--build"]:
        name, folder = sys.argv[2:4]
        print(CASES[name](Path(folder), SIZES[name]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="run only this case (repeatable)")
    parser.add_argument("--json", action="store_true", help="also time check --json")
    args = parser.parse_args()
    names = args.only or list(CASES)
    results = []
    for name in names:
        with tempfile.TemporaryDirectory() as folder:
            build_start = time.perf_counter()
            path = build(name, Path(folder))
            built = time.perf_counter() - build_start
            on_disk = sum(p.stat().st_size for p in [path, *path.rglob("*")] if p.is_file())
            for as_json in (False, True) if args.json else (False,):
                seconds, peak, code, out = run_check(path, as_json)
                label = name + (" --json" if as_json else "")
                results.append((seconds, peak, label, code, out, on_disk))
                print(
                    f"{label:32s} {seconds:6.2f} s {peak:7.1f} MB  exit {code}  "
                    f"output {out:,} B  data {on_disk / 1e6:.1f} MB  (built in {built:.1f} s)",
                    flush=True,
                )
            remove(path)
    print("\nworst first (time):")
    for seconds, peak, label, code, _, _ in sorted(results, reverse=True):
        verdict = (
            "ok" if seconds <= LIMIT_SECONDS and peak <= LIMIT_MB and code in (0, 2) else "OVER"
        )
        print(f"  {label:32s} {seconds:6.2f} s {peak:7.1f} MB  exit {code}  {verdict}")
    return 0 if all(r[0] <= LIMIT_SECONDS and r[1] <= LIMIT_MB for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
