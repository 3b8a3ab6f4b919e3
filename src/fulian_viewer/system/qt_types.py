"""Have PySide create its Python types for Qt's classes up front, never inside an event filter.

PySide6 creates the Python type of a Qt class lazily, on first use. An event that
reaches one of our Python event filters needs a Python object, so a type first
met there is created from inside the filter, and PySide 6.11 can crash doing so
(a segmentation fault in ``libshiboken6``, nothing Python can catch). Seen in
``tests/test_kiosk.py``: a widget watched by a Python filter is destroyed while
the garbage collector frees its window; wrapping it for the filter sets a
dynamic property, whose ``QDynamicPropertyChangeEvent`` goes through a filter
in turn; finding that class walks every subclass of ``QEvent`` and creates the
ones still lazy (``QGraphicsSceneWheelEvent`` first), and that nested creation
crashes. Whether it happens depends only on which types happened to exist
already, so a kiosk could meet it days into a run, on any first event: its key
and cursor filters see every event of the application.

Two steps, about 70 ms at start-up together (docs/packaging.md, "PySide
pitfall"):

- :func:`ask_for_eager_types`, before PySide6 is first imported: PySide's own
  switch, ``PYSIDE6_OPTION_LAZY=0``, creates every type as its module loads,
  modules loaded later (by pyqtgraph, the video export) included. It is read
  once, at PySide6's first import, and an explicit setting is respected.
- :func:`create_qt_types`, once the QApplication exists and before any filter is
  installed (:func:`fulian_viewer.app.create_application`): creates the types
  still lazy in every PySide6 module loaded so far. It is what holds when
  PySide6 was imported before us (a test run, or the option set to 1).
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

LAZY_OPTION = "PYSIDE6_OPTION_LAZY"


def ask_for_eager_types(environ: MutableMapping[str, str] = os.environ) -> bool:
    """Ask PySide to create its types as modules load; whether it is still in time.

    Too late once PySide6 is imported: :func:`create_qt_types` then does the work.
    """
    environ.setdefault(LAZY_OPTION, "0")
    return "PySide6" not in sys.modules


def create_qt_types() -> int:
    """Create the Python type of every name of the PySide6 modules loaded; how many there are."""
    names = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("PySide6.Qt") or module is None:
            continue
        for attribute in dir(module):
            getattr(module, attribute, None)  # a lazy type is created on first access
            names += 1
    return names
