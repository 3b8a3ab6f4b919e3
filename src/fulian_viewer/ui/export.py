"""Render every pane in its final state to PNG files and one PDF handout, offscreen."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.handout import PDF_NAME
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.pane_store import make_pane


def render_pane(pane: Pane, size: QSize) -> QImage:
    """``pane`` at ``size`` in its final state, as an image."""
    pane.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    # Shown only so that it and pyqtgraph lay out; painted only into the image. A
    # paint into the window's own buffer first cost a 33 MB buffer and backdrop
    # for nothing, and 40 % of the export's rendering time at 3840x2160.
    pane.setUpdatesEnabled(False)
    pane.resize(size)
    pane.show()
    pane.finish()
    # pyqtgraph lays out axis labels on the next event-loop passes.
    for _ in range(3):
        QApplication.processEvents()
    pane.relayout()
    QApplication.processEvents()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.black)
    pane.setUpdatesEnabled(True)
    pane.render(image)
    return image


def iter_deck(
    report: Report, settings: Settings, size: QSize, lang: Lang
) -> Iterator[tuple[str, QImage]]:
    """Every pane of the deck as (file stem, image), one pane at a time."""
    settings = settings.without_motion()
    dataset = CurrentDataset.of_report(report)
    for index, spec in enumerate(build_panes(report), start=1):
        pane = make_pane(dataset, spec, settings)
        pane.set_lang(lang)
        image = render_pane(pane, size)
        pane.hide()
        pane.deleteLater()
        del pane
        # No event loop runs during an export: delete the pane now, or every pane
        # of every export stays in memory (about 270 MB an export at 3840x2160).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        yield f"{index:02d}-{spec.key}", image


def render_deck(
    report: Report, settings: Settings, size: QSize, lang: Lang
) -> list[tuple[str, QImage]]:
    """Every pane of the deck as (file stem, image)."""
    images = list(iter_deck(report, settings, size, lang))
    QApplication.processEvents()
    return images


def export_deck(
    report: Report, settings: Settings, out: Path, size: QSize, lang: Lang
) -> list[Path]:
    """Write one PNG per pane and ``handout.pdf`` with a page per pane into ``out``.

    Each pane is rendered, written and let go before the next, so an export at
    3840x2160 holds one 33 MB image at a time rather than all of them. Everything is
    written into a hidden folder inside ``out`` first and moved into place only when
    complete (the handout last), so a cancelled or failed export leaves no file
    behind, and no earlier file is touched until then.
    """
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", suffix=".partial", dir=out))
    try:
        staged = _write_deck(report, settings, staging, size, lang)
        written = []
        for path in staged:
            target = out / path.name
            os.replace(path, target)
            written.append(target)
        return written
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()  # only when left empty
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_deck(
    report: Report, settings: Settings, folder: Path, size: QSize, lang: Lang
) -> list[Path]:
    written = []
    pdf = folder / PDF_NAME
    with PdfHandout(pdf) as handout:
        for stem, image in iter_deck(report, settings, size, lang):
            path = folder / f"{stem}.png"
            if not image.save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)
            handout.add_page(image)
    QApplication.processEvents()
    written.append(pdf)
    return written


def write_pdf(path: Path, images: list[QImage]) -> None:
    """A PDF with one landscape (or portrait) page per image, each filling its page."""
    if not images:
        raise ValueError("nothing to write")
    with PdfHandout(path) as handout:
        for image in images:
            handout.add_page(image)


class PdfHandout:
    """A PDF written a page at a time, each page an image filling it.

    The page size comes from the first image, at 96 image pixels to the inch,
    which keeps the page size sensible for any export size. Use it as a context
    manager; leaving it finishes the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer: QPdfWriter | None = None
        self._painter: QPainter | None = None

    def __enter__(self) -> PdfHandout:
        return self

    def add_page(self, image: QImage) -> None:
        """Add a page showing ``image``."""
        if self._writer is None or self._painter is None:
            page = QPageSize(
                QSizeF(image.width() / 96 * 25.4, image.height() / 96 * 25.4),
                QPageSize.Unit.Millimeter,
            )
            writer = QPdfWriter(str(self.path))
            writer.setPageLayout(
                QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            )
            writer.setResolution(96)
            writer.setTitle("handout")
            writer.setCreator("fulian-viewer")
            self._writer, self._painter = writer, QPainter(writer)
        else:
            self._writer.newPage()
        target = QRectF(0, 0, self._writer.width(), self._writer.height())
        self._painter.drawImage(target, image)

    def __exit__(self, *exc: object) -> None:
        if self._painter is not None:
            self._painter.end()
        if exc[0] is None and not self.path.exists():
            raise OSError(f"could not write {self.path}")
