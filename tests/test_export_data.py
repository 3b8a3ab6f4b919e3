"""``export --workbook`` / ``--data-folder`` through the command line."""

from __future__ import annotations

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
