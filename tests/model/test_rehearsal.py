"""Rehearsal: each pane's seconds, written where the user says and nowhere else."""

from __future__ import annotations

import shutil
from pathlib import Path

from fulian_viewer.model.config import load_config
from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.presenter import TalkTimer
from fulian_viewer.model.rehearsal import (
    Rehearsal,
    free_path,
    rehearsal_problem,
    write_rehearsal,
)
from fulian_viewer.model.report import Report
from tests.fakes import FakeClock
from tests.fixtures.datasets import Dataset, snapshot


def rehearse(report: Report) -> tuple[Rehearsal, FakeClock, TalkTimer]:
    clock = FakeClock()
    timer = TalkTimer(clock)
    return Rehearsal(len(build_panes(report)), timer.elapsed), clock, timer


def test_each_pane_is_timed_and_a_paused_timer_counts_nothing(report: Report) -> None:
    rehearsal, clock, timer = rehearse(report)
    clock.advance(40)
    rehearsal.showing(1)
    clock.advance(90)
    timer.pause()
    clock.advance(1000)  # a coffee break
    timer.resume()
    clock.advance(10)
    rehearsal.showing(0)  # back to the cover for a question
    clock.advance(5)
    rehearsal.showing(2)
    seconds = rehearsal.seconds()
    assert seconds[:3] == (45, 100, 0)


def test_the_csv_is_a_notes_table_the_loader_takes(
    dataset: Dataset, tmp_path: Path, report: Report
) -> None:
    specs = build_panes(report)
    seconds = [42.4, 95.6, 0.2, 120, 61, 30, 14.5][: len(specs)]
    before = snapshot(dataset.folder)
    written = write_rehearsal(tmp_path / "talk.csv", specs, seconds, report)
    assert written == tmp_path / "talk.csv"
    assert snapshot(dataset.folder) == before, "the dataset is never written"
    shutil.copyfile(written, dataset.folder / "notes.csv")
    loaded = dataset.load()
    assert loaded.ok, loaded.problems
    assert loaded.report is not None
    targets = {n.pane: n.target_seconds for n in loaded.report.notes}
    assert targets["cover"] == 42 and targets["section-guidance"] == 96
    assert targets["section-development"] is None, "a pane barely shown gets no target"


def test_written_notes_are_kept_in_the_csv(dataset: Dataset, tmp_path: Path) -> None:
    dataset.write(
        "notes", [["pane", "notes_zh", "notes_en"], ["closing", "致谢，“谢谢”", "Thanks"]]
    )
    report = dataset.load().report
    assert report is not None
    specs = build_panes(report)
    written = write_rehearsal(tmp_path / "talk.csv", specs, [10] * len(specs), report)
    text = written.read_bytes().decode("utf-8-sig")
    assert "closing,致谢，“谢谢”,Thanks,10\r\n" in text


def test_the_toml_is_the_kiosks_section_dwell(tmp_path: Path, report: Report) -> None:
    specs = build_panes(report)
    seconds = [30, 1.5, 95, 5000, 60, 20, 10][: len(specs)]
    written = write_rehearsal(tmp_path / "dwell.toml", specs, seconds, report)
    config, problems = load_config(written)
    assert problems == []
    assert dict(config.section_dwell_seconds) == {
        "guidance": 3,
        "development": 95,
        "family": 3600,
        "rights": 60,
    }


def test_an_existing_file_is_never_overwritten(tmp_path: Path, report: Report) -> None:
    mine = tmp_path / "talk.csv"
    mine.write_text("mine", encoding="utf-8")
    (tmp_path / "talk-2.csv").write_text("mine too", encoding="utf-8")
    specs = build_panes(report)
    written = write_rehearsal(mine, specs, [1] * len(specs), report)
    assert written == tmp_path / "talk-3.csv"
    assert mine.read_text(encoding="utf-8") == "mine"
    assert free_path(tmp_path / "new.toml") == tmp_path / "new.toml"


def test_where_a_rehearsal_may_not_be_written(tmp_path: Path, dataset: Dataset) -> None:
    assert rehearsal_problem(tmp_path / "talk.txt", None) == "suffix"
    assert rehearsal_problem(dataset.folder / "notes.csv", dataset.folder) == "inside_data"
    assert rehearsal_problem(tmp_path / "talk.csv", dataset.folder) is None
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    assert rehearsal_problem(folder, None) == "folder"
