"""The start-up floor: a bare PySide6 process that shows one QLabel and quits after its first paint.

Prints ``first-paint-ms=…`` to stderr, measured like the viewer's own figure
(from the process's start, see ``fulian_viewer.timing``). Run by ``startup.py``.
"""

from __future__ import annotations

import os
import sys

from fulian_viewer.timing import ms_since_start  # stdlib only: the same clock as the viewer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel


class Label(QLabel):
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        QTimer.singleShot(0, done)  # the frame is complete once this paint is flushed


def done() -> None:
    print(f"first-paint-ms={ms_since_start():.1f}", file=sys.stderr, flush=True)
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = Label("巴渝巾帼心向党")
    label.resize(1280, 720)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
