"""Fingerprints notice edits; a steady copy is taken only while nothing moves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fulian_viewer.model import snapshot
from fulian_viewer.model.changes import figure_changes
from fulian_viewer.model.loading import load_report
from fulian_viewer.model.snapshot import ChangingError, copy_steady, fingerprint, watched_files
from tests.fixtures.datasets import Dataset, edit_figure


def test_watched_files_are_the_tables_and_the_report_text(dataset: Dataset) -> None:
    names = [path.name for path in watched_files(dataset.folder, "report.txt")]
    assert names == [
        "deck.csv",
        "sections.csv",
        "metrics.csv",
        "charts.csv",
        "notes.csv",
        "report.txt",
    ]
    book = dataset.folder / "数据.xlsx"
    assert watched_files(book, "report.txt") == [book, dataset.folder / "report.txt"]
    assert watched_files(dataset.folder, "../outside.txt")[-1].name == "notes.csv"


def test_fingerprint_sees_an_edit_that_keeps_size_and_time(dataset: Dataset) -> None:
    files = watched_files(dataset.folder, "report.txt")
    before, unhashed = fingerprint(files), fingerprint(files, hashed_bytes=0)
    path = dataset.path("metrics")
    status = path.stat()
    data = path.read_bytes().replace(b"6.6", b"6.7", 1)
    path.write_bytes(data)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # a coarse network share
    assert fingerprint(files) != before
    assert fingerprint(files, hashed_bytes=0) == unhashed  # big files: size and time only


def test_a_missing_file_is_part_of_the_fingerprint(dataset: Dataset) -> None:
    files = watched_files(dataset.folder, "report.txt")
    before = fingerprint(files)
    dataset.path("charts").unlink()
    assert fingerprint(files) != before


def test_steady_copy_loads_like_the_original(dataset: Dataset, tmp_path: Path) -> None:
    into = tmp_path / "copy"
    into.mkdir()
    copy = copy_steady(dataset.folder, "report.txt", into)
    assert load_report(copy.data).report == load_report(dataset.folder).report
    again = tmp_path / "again"
    again.mkdir()
    assert copy_steady(dataset.folder, "report.txt", again).digest == copy.digest


def test_a_file_written_during_the_copy_is_not_taken(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = snapshot.shutil.copyfile
    target = dataset.path("charts")

    def copy_while_written(source: Path, destination: Path) -> object:
        if Path(source) == target:
            with target.open("ab") as file:  # the copy from a USB stick goes on
                file.write(b"\r\n")
        return real(source, destination)

    monkeypatch.setattr(snapshot.shutil, "copyfile", copy_while_written)
    with pytest.raises(ChangingError):
        copy_steady(dataset.folder, "report.txt", tmp_path)


def test_figure_changes_name_each_figure(dataset: Dataset) -> None:
    old = load_report(dataset.folder).report
    edit_figure(dataset, "lectures", "6.6万场次", "6.7万场次", "67000")
    new = load_report(dataset.folder)
    assert new.ok, new.problems
    assert old is not None and new.report is not None
    lines = figure_changes(old, new.report)
    assert lines == ["lectures: 6.6万场次 → 6.7万场次", "report text edited"]
    assert figure_changes(old, old) == []
