"""Export: one PNG per pane at the asked size, and a PDF with a page per pane."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from fulian_viewer.model.settings import Settings
from fulian_viewer.ui.export import export_deck
from tests.fixtures.datasets import make_dataset


def _pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_export_writes_every_pane(app, report, tmp_path):
    files = export_deck(report, Settings(), tmp_path, QSize(960, 540), "zh")
    pngs = sorted(tmp_path.glob("*.png"))
    assert len(pngs) == 7 and next(p.name for p in pngs) == "01-cover.png"
    for png in pngs:
        image = QImage(str(png))
        assert (image.width(), image.height()) == (960, 540)
        assert len({image.pixel(x, y) for x in range(0, 960, 40) for y in range(0, 540, 40)}) > 5
    pdf = tmp_path / "handout.pdf"
    assert pdf in files and _pdf_pages(pdf) == 7


def test_export_command_runs_offscreen(tmp_path):
    out = tmp_path / "out"
    env_run = subprocess.run(
        [
            sys.executable,
            "-m",
            "fulian_viewer",
            "export",
            "--out",
            str(out),
            "--size",
            "540x960",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert env_run.returncode == 0, env_run.stderr
    assert "Traceback" not in env_run.stderr
    image = QImage(str(out / "02-section-guidance.png"))
    assert (image.width(), image.height()) == (540, 960)
    assert _pdf_pages(out / "handout.pdf") == 7


def test_export_leaves_no_pane_behind(app, report, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.ui.pane import Pane

    def panes() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return sum(isinstance(widget, Pane) for widget in QApplication.allWidgets())

    before = panes()
    for run in range(2):
        export_deck(report, Settings(), tmp_path / str(run), QSize(480, 270), "en")
        assert panes() == before


def test_pdf_pages_are_written_one_at_a_time(app, tmp_path):
    from fulian_viewer.ui.export import write_pdf

    images = [QImage(320, 180, QImage.Format.Format_RGB32) for _ in range(3)]
    for image in images:
        image.fill(0xFF7A0D16)
    write_pdf(tmp_path / "three.pdf", images)
    assert _pdf_pages(tmp_path / "three.pdf") == 3


def test_each_pane_is_painted_once_straight_into_its_image(app, report, tmp_path):
    """Not first into a window buffer of its own (33 MB and a backdrop at 3840x2160)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.ui.export import iter_deck
    from fulian_viewer.ui.pane import Pane

    class PaintLog(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.panes = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and isinstance(watched, Pane):
                self.panes += 1
            return False

    log = PaintLog()
    QApplication.instance().installEventFilter(log)
    try:
        count = sum(1 for _ in iter_deck(report, Settings(), QSize(960, 540), "zh"))
    finally:
        QApplication.instance().removeEventFilter(log)
    assert count == 7
    assert log.panes == 7, "one paint per pane: the render into its image"


EXPORT = [sys.executable, "-m", "fulian_viewer", "export", "--lang", "en"]


def _export(data, out, *extra):
    return subprocess.run(
        [*EXPORT, "--data", str(data), "--out", str(out), "--size", "320x180", *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_of_data_with_problems_writes_nothing(tmp_path):
    dataset = make_dataset(tmp_path)
    row = dataset.set_cell("metrics", "lectures", "value", "1e999999999")
    out = tmp_path / "out"
    run = _export(dataset.folder, out)
    assert run.returncode == 2
    assert f"metrics.csv, row {row}, column 'value'" in run.stderr
    assert "--allow-problems" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists()


def test_export_with_allow_problems_renders_what_is_sound(tmp_path):
    dataset = make_dataset(tmp_path)
    dataset.set_cell("metrics", "lectures", "value", "1e999999999")
    out = tmp_path / "out"
    run = _export(dataset.folder, out, "--allow-problems")
    assert run.returncode == 0, run.stderr
    assert "only what is sound" in run.stderr
    assert (out / "handout.pdf").is_file()


def test_export_of_unusable_data_never_renders_the_bundled_report(tmp_path):
    dataset = make_dataset(tmp_path)
    dataset.path("sections").unlink()
    out = tmp_path / "out"
    run = _export(dataset.folder, out, "--allow-problems")
    assert run.returncode == 2
    assert "Nothing in the data can be exported" in run.stderr
    assert not out.exists()


def test_extreme_accepted_values_export(app, tmp_path):
    """The largest value the loader accepts, and zero, side by side in one chart."""
    from fulian_viewer.model.loading import load_report

    dataset = make_dataset(tmp_path)
    rows = dataset.rows("metrics")
    header = rows[0]
    column = {name: header.index(name) for name in ("id", "value", "display", "source")}
    changes = {
        "lecture_reach": ("9999999999999999", "9999999999999999人次", "覆盖9999999999999999人次"),
        "online_clicks": ("0", "0人次", "点击0人次"),
    }
    for row in rows[1:]:
        if row[column["id"]] in changes:
            value, display, source = changes[row[column["id"]]]
            row[column["value"]], row[column["display"]], row[column["source"]] = (
                value,
                display,
                source,
            )
    dataset.write("metrics", rows)
    with (dataset.folder / "report.txt").open("a", encoding="utf-8") as report_text:
        report_text.write("\n覆盖9999999999999999人次\n点击0人次\n")
    result = load_report(dataset.folder)
    assert result.ok, [p.message("en") for p in result.problems]
    for lang in ("zh", "en"):
        files = export_deck(result.report, Settings(), tmp_path / lang, QSize(640, 360), lang)
        assert len(files) == 8


def test_an_interrupted_export_leaves_nothing_and_keeps_what_was_there(
    app, report, tmp_path, monkeypatch
):
    """Ctrl+C after the first pane: no PNG, no one-page PDF posing as the handout."""
    from fulian_viewer.ui import export

    (tmp_path / "handout.pdf").write_text("the speaker's own")
    real = export.iter_deck

    def interrupted(*args):
        for number, item in enumerate(real(*args)):
            if number == 1:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(export, "iter_deck", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_deck(report, Settings(), tmp_path, QSize(320, 180), "zh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]
    assert (tmp_path / "handout.pdf").read_text() == "the speaker's own"
    with pytest.raises(KeyboardInterrupt):
        export_deck(report, Settings(), tmp_path / "new" / "handouts", QSize(320, 180), "zh")
    assert not (tmp_path / "new" / "handouts").exists()  # the folder it made, left empty


def test_export_refuses_a_folder_holding_a_handout(tmp_path):
    dataset = make_dataset(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "handout.pdf").write_text("the speaker's own")
    run = _export(dataset.folder, out)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "already holds handout.pdf" in run.stderr and "--force" in run.stderr
    assert [p.name for p in out.iterdir()] == ["handout.pdf"]
    assert (out / "handout.pdf").read_text() == "the speaker's own"
    run = _export(dataset.folder, out, "--force")
    assert run.returncode == 0, run.stderr
    assert _pdf_pages(out / "handout.pdf") == 7


def test_export_refuses_the_data_folder(tmp_path):
    dataset = make_dataset(tmp_path)
    before = sorted(p.name for p in dataset.folder.iterdir())
    run = _export(dataset.folder, dataset.folder / "handouts")
    assert run.returncode == 2 and "data folder" in run.stderr
    assert sorted(p.name for p in dataset.folder.iterdir()) == before
