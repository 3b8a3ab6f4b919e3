"""A dataset imported from a report's text shows as a whole deck without hand editing."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from fulian_viewer.model.importer import import_report
from fulian_viewer.model.loading import bundled_data_path, load_report
from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.export import export_deck
from tests.model.importer.reports import write_word_report


def test_the_bundled_report_imported_exports_every_pane(app, tmp_path):
    draft = tmp_path / "draft"
    import_report(bundled_data_path() / "report.txt", draft)
    result = load_report(draft)
    assert result.ok and result.report is not None
    out = tmp_path / "png"
    export_deck(result.report, Settings(), out, QSize(960, 540), "zh")
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "01-cover.png",
        "02-section-s1.png",
        "03-section-s2.png",
        "04-section-s3.png",
        "05-section-s4.png",
        "06-scorecard.png",
        "07-closing.png",
    ]
    for name in names:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (960, 540)


def test_a_word_report_imported_exports_every_pane(app, tmp_path):
    draft = tmp_path / "draft"
    import_report(write_word_report(tmp_path / "报告.docx"), draft)
    result = load_report(draft)
    assert result.ok and result.report is not None
    out = tmp_path / "png"
    export_deck(result.report, Settings(), out, QSize(640, 360), "en")
    assert len(list(out.glob("*.png"))) == 6  # cover, three sections, scorecard, closing
