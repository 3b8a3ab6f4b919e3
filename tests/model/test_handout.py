"""Where an export may write: never into the data, never over a file unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulian_viewer.model.handout import (
    PDF_NAME,
    HandoutTargetError,
    check_handout_folder,
    handout_names,
)
from fulian_viewer.model.loading import load_report

NAMES = ["01-cover.png", "02-section-guidance.png", PDF_NAME]


def test_names_are_one_png_per_pane_and_the_handout() -> None:
    report = load_report().report
    assert report is not None
    names = handout_names(report)
    assert names[0] == "01-cover.png" and names[-1] == PDF_NAME
    assert len(names) == 8 and all(name.endswith(".png") for name in names[:-1])


def test_a_new_folder_beside_the_data_is_fine(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    check_handout_folder(tmp_path / "new" / "handouts", NAMES, [tmp_path / "data"], False)


def test_an_existing_handout_is_kept_unless_forced(tmp_path: Path) -> None:
    (tmp_path / PDF_NAME).write_text("the speaker's own handout")
    with pytest.raises(HandoutTargetError) as raised:
        check_handout_folder(tmp_path, NAMES, [], False)
    assert "handout.pdf" in raised.value.message("zh") and "--force" in raised.value.message("zh")
    assert "already holds handout.pdf" in raised.value.message("en")
    check_handout_folder(tmp_path, NAMES, [], True)


def test_many_existing_files_are_counted(tmp_path: Path) -> None:
    names = [f"{n:02d}.png" for n in range(6)]
    for name in names:
        (tmp_path / name).touch()
    with pytest.raises(HandoutTargetError) as raised:
        check_handout_folder(tmp_path, names, [], False)
    assert "and 3 more" in raised.value.message("en")
    assert "等 6 个文件" in raised.value.message("zh")


@pytest.mark.parametrize("inside", ["", "handouts", "a/b"])
def test_the_data_folder_is_refused(tmp_path: Path, inside: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with pytest.raises(HandoutTargetError) as raised:
        check_handout_folder(data / inside, NAMES, [data], True)
    assert "data folder" in raised.value.message("en")


def test_the_folder_of_a_workbook_is_refused(tmp_path: Path) -> None:
    book = tmp_path / "数据 表.xlsx"
    book.write_bytes(b"PK")
    with pytest.raises(HandoutTargetError):
        check_handout_folder(tmp_path / "图片", NAMES, [book], True)


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("x")
    for out in (text, text / "handouts"):
        with pytest.raises(HandoutTargetError) as raised:
            check_handout_folder(out, NAMES, [], True)
        assert "is a file" in raised.value.message("en")
