"""``export --workbook`` / ``--data-folder`` through the command line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from fulian_viewer.cli import main
from fulian_viewer.model.loading import load_report


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "数据.xlsx"
    assert main(["export", "--workbook", str(book)]) == 0
    assert main(["export", "--workbook", str(book)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["export", "--workbook", str(tmp_path / "a.csv")]) == 2
    with pytest.raises(SystemExit):
        main(["export", "--workbook", str(book), "--out", "x"])
    assert main(["export", "--data-folder", str(tmp_path / "d"), "--data", str(book)]) == 0
    assert load_report(tmp_path / "d").report == load_report().report


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "就是正在读取的数据，不能被写入覆盖"), ("en", "is the data being read; it cannot")],
)
def test_the_workbook_being_read_is_never_written_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    book = tmp_path / "数据.xlsx"
    assert main(["export", "--workbook", str(book)]) == 0
    before = book.read_bytes()
    capsys.readouterr()
    argv = ["export", "--lang", lang, "--workbook", str(book), "--data", str(book), "--force"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and str(book) in err
    assert "请加上 --force" not in err and "add --force" not in err
    assert book.read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "磁盘是只读的"), ("en", "the disk is read-only")]
)
def test_a_read_only_disk_is_said_plainly(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    said: str,
) -> None:
    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / "数据.xlsx"))

    monkeypatch.setattr("openpyxl.Workbook.save", read_only)
    book = tmp_path / "数据.xlsx"
    assert main(["export", "--lang", lang, "--workbook", str(book)]) == 1
    err = capsys.readouterr().err
    assert said in err and str(book) in err
    assert "Errno" not in err and "Read-only file system" not in err
    assert not book.exists()
