"""Export: time to render every pane at 3840x2160 and write the PNGs and the PDF.

Runs ``export_deck`` (what ``fulian-viewer export`` does) into a temporary folder,
and its steps separately (rendering the panes, writing PNGs, writing the PDF), a
few times, and prints the medians.

    uv run python benchmarks/export.py [--runs 3] [--size 3840x2160]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _common import machine

from fulian_viewer.app import create_application
from fulian_viewer.model.loading import load_report
from fulian_viewer.model.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="3840x2160")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    create_application()
    from PySide6.QtCore import QSize

    from fulian_viewer.ui.export import export_deck, render_deck, write_pdf

    report = load_report().report
    assert report is not None
    steps: dict[str, list[float]] = {"render": [], "png": [], "pdf": [], "total": [], "export": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            export_deck(report, Settings(), Path(folder), QSize(width, height), "zh")
            steps["export"].append((time.perf_counter() - began) * 1000)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)
            began = time.perf_counter()
            images = render_deck(report, Settings(), QSize(width, height), "zh")
            rendered = time.perf_counter()
            for stem, image in images:
                image.save(str(out / f"{stem}.png"))
            saved = time.perf_counter()
            write_pdf(out / "handout.pdf", [image for _, image in images])
            done = time.perf_counter()
        steps["render"].append((rendered - began) * 1000)
        steps["png"].append((saved - rendered) * 1000)
        steps["pdf"].append((done - saved) * 1000)
        steps["total"].append((done - began) * 1000)
    print(machine())
    print(f"export of {len(images)} panes at {width}x{height}, median of {args.runs} runs (ms)")
    for name, label in (
        ("render", "render every pane"),
        ("png", "write the PNGs"),
        ("pdf", "write the PDF"),
        ("total", "sum of the steps"),
        ("export", "export_deck"),
    ):
        print(f"  {label:18s} {statistics.median(steps[name]):8.0f}")


if __name__ == "__main__":
    main()
