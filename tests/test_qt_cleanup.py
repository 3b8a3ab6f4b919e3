"""The test run deletes the widgets its tests close, while the QApplication exists."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from tests.fixtures.qt_cleanup import delete_deferred


def test_a_widget_closed_with_delete_later_is_deleted_at_once(app: QApplication) -> None:
    widget = QWidget()
    widget.show()
    widget.close()
    widget.deleteLater()  # as pytest-qt closes a test's widgets
    QApplication.processEvents()
    assert shiboken6.isValid(widget), "an event loop's pass alone deletes nothing"
    delete_deferred()
    assert not shiboken6.isValid(widget)
