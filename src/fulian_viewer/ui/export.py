"""Render every pane in its final state to PNG files and one PDF handout, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.pane import Pane
from fulian_viewer.ui.pane_store import make_pane

PDF_NAME = "handout.pdf"


def render_pane(pane: Pane, size: QSize) -> QImage:
    """``pane`` at ``size`` in its final state, as an image."""
    pane.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
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
    pane.render(image)
    return image


def render_deck(
    report: Report, settings: Settings, size: QSize, lang: Lang
) -> list[tuple[str, QImage]]:
    """Every pane of the deck as (file stem, image)."""
    settings = settings.without_motion()
    images = []
    number = 0
    for index, spec in enumerate(build_panes(report), start=1):
        number += spec.kind == "section"
        pane = make_pane(report, spec, settings, number)
        pane.set_lang(lang)
        images.append((f"{index:02d}-{spec.key}", render_pane(pane, size)))
        pane.hide()
        pane.deleteLater()
    QApplication.processEvents()
    return images


def export_deck(
    report: Report, settings: Settings, out: Path, size: QSize, lang: Lang
) -> list[Path]:
    """Write one PNG per pane and ``handout.pdf`` with a page per pane into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    images = render_deck(report, settings, size, lang)
    written = []
    for stem, image in images:
        path = out / f"{stem}.png"
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    pdf = out / PDF_NAME
    write_pdf(pdf, [image for _, image in images])
    written.append(pdf)
    return written


def write_pdf(path: Path, images: list[QImage]) -> None:
    """A PDF with one landscape (or portrait) page per image, each filling its page."""
    if not images:
        raise ValueError("nothing to write")
    first = images[0]
    # 96 images pixels to the inch keeps the page size sensible for any export size.
    page = QPageSize(
        QSizeF(first.width() / 96 * 25.4, first.height() / 96 * 25.4), QPageSize.Unit.Millimeter
    )
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setResolution(96)
    writer.setTitle("handout")
    writer.setCreator("fulian-viewer")
    painter = QPainter(writer)
    try:
        for index, image in enumerate(images):
            if index:
                writer.newPage()
            target = QRectF(0, 0, writer.width(), writer.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    if not path.exists():
        raise OSError(f"could not write {path}")
