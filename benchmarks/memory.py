"""Memory: peak RSS once every pane is built, and after an export at 3840x2160.

Each figure comes from a fresh subprocess: the viewer's window at the given size
(1920x1080 and 3840x2160), shown, with every pane built and painted once; then
the same process exports every pane at 3840x2160 to PNG and PDF in a temporary
folder. Peak RSS is the kernel's high-water mark (VmHWM).

    uv run python benchmarks/memory.py
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import machine, python, rss_mb, subprocess_env

TARGET_MB = 200


def child(width: int, height: int) -> None:
    from fulian_viewer.app import build_window, create_application
    from fulian_viewer.model.loading import load_report
    from fulian_viewer.model.settings import Settings

    app = create_application()
    from PySide6.QtCore import QEventLoop, QSize
    from PySide6.QtTest import QTest

    from fulian_viewer.ui.export import export_deck

    result = load_report()
    window = build_window(result, Settings())
    window.resize(width, height)
    window.show()
    QTest.qWaitForWindowExposed(window)
    deck = window.deck
    while not (getattr(deck, "is_ready", True) and getattr(deck, "has_painted", True)):
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    for index in range(deck.state.count):  # paint every pane once
        deck.controller.go(index)
        deck.current_pane.finish()
        deck.current_pane.repaint()
        app.processEvents()
    current, peak = rss_mb()
    print(f"built-rss-mb={current:.1f} built-peak-mb={peak:.1f}")
    assert result.report is not None
    with tempfile.TemporaryDirectory() as folder:
        export_deck(result.report, Settings(), Path(folder), QSize(3840, 2160), "zh")
    current, peak = rss_mb()
    print(f"export-rss-mb={current:.1f} export-peak-mb={peak:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        width, height = (int(part) for part in args.child.split("x"))
        child(width, height)
        return
    print(machine())
    print(f"memory (MB; target: peak under {TARGET_MB} with all panes built)")
    for size in ("1920x1080", "3840x2160"):
        done = subprocess.run(
            [python(), __file__, "--child", size],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            check=True,
        )
        found = dict(re.findall(r"([a-z-]+)-mb=([0-9.]+)", done.stdout))
        print(
            f"  window {size}: all panes built: RSS {found['built-rss']:>6s}, "
            f"peak {found['built-peak']:>6s}   after export at 3840x2160: "
            f"RSS {found['export-rss']:>6s}, peak {found['export-peak']:>6s}"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
