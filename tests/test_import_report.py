"""``fulian-viewer import``: a new draft folder, or a plain message, exit 2 and nothing written."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fulian_viewer.cli import main, parse_args
from fulian_viewer.import_report import run_import
from fulian_viewer.model.loading import bundled_data_path, load_report

REPORT = bundled_data_path() / "report.txt"


def run(report: Path, out: Path, lang: str = "zh") -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_import(report, out, lang, stdout, stderr)  # type: ignore[arg-type]
    return code, stdout.getvalue(), stderr.getvalue()


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_arguments() -> None:
    args = parse_args(["import", "报告.docx", "--out", "草稿"])
    assert (args.command, args.report, args.out, args.lang) == (
        "import",
        Path("报告.docx"),
        Path("草稿"),
        "zh",
    )
    with pytest.raises(SystemExit):
        parse_args(["import", "report.txt"])  # --out is required


def test_import_writes_a_folder_that_check_accepts(tmp_path: Path) -> None:
    out = tmp_path / "draft"
    code, stdout, stderr = run(REPORT, out)
    assert code == 0, stderr
    assert "37 个指标" in stdout and "review.csv" in stdout
    assert files_under(tmp_path) == [
        "draft",
        "draft/README-草稿.txt",
        "draft/charts.csv",
        "draft/deck.csv",
        "draft/metrics.csv",
        "draft/report.txt",
        "draft/review.csv",
        "draft/sections.csv",
    ]
    assert load_report(out).ok
    review = (out / "review.csv").read_bytes()
    assert review.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    text = review.decode("utf-8-sig")
    assert "6.6万场次" in text and "喜迎二十大" in text and "序数" in text


def test_an_empty_output_folder_is_used(tmp_path: Path) -> None:
    out = tmp_path / "draft"
    out.mkdir()
    assert run(REPORT, out)[0] == 0
    assert (out / "metrics.csv").is_file()


def test_main_runs_the_command(tmp_path: Path) -> None:
    assert main(["import", str(REPORT), "--out", str(tmp_path / "d"), "--lang", "en"]) == 0


def docx_that_is_not(tmp_path: Path) -> Path:
    path = tmp_path / "报告.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return path


BAD_REPORTS = {
    "missing": (lambda tmp: tmp / "nowhere.txt", "找不到", "not found"),
    "folder": (lambda tmp: tmp, "文件夹", "folder"),
    "empty": (lambda tmp: write(tmp / "empty.txt", b" \n\n"), "空的", "empty"),
    "binary": (lambda tmp: write(tmp / "x.txt", bytes(range(256)) * 4), "不是文本", "not a text"),
    "not a docx": (lambda tmp: write(tmp / "r.docx", b"plain words"), "Word", "Word .docx"),
    "zip not docx": (docx_that_is_not, "Word", "Word .docx"),
    "old .doc": (lambda tmp: write(tmp / "r.doc", b"\xd0\xcf\x11\xe0 old"), "Word", "Word .docx"),
    "pdf": (lambda tmp: write(tmp / "r.pdf", b"%PDF-1.7\n% text"), "PDF", "PDF"),
    "doc named .txt": (
        lambda tmp: write(tmp / "r.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 x"),
        "Word",
        "Word .docx",
    ),
    "no headings": (
        lambda tmp: write(tmp / "r.txt", "开展宣讲6.6万场次。\n".encode()),
        "没有标题",
        "no headings",
    ),
    "no figures": (
        lambda tmp: write(tmp / "r.txt", "# 标题\n\n### 一\n\n没有数字。\n".encode()),
        "没有找到数字",
        "no figures",
    ),
    "figures only as years": (
        lambda tmp: write(tmp / "r.txt", "# 标题\n\n### 一\n\n2023年3月8日召开大会。\n".encode()),
        "没有找到数字",
        "no figures",
    ),
}


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", list(BAD_REPORTS))
def test_bad_reports_get_a_plain_message_exit_2_and_nothing_written(
    tmp_path: Path, case: str
) -> None:
    make, zh, en = BAD_REPORTS[case]
    source = tmp_path / "in"
    source.mkdir()
    report = make(source)
    before = files_under(tmp_path)
    out = tmp_path / "out" / "draft"
    code, stdout, stderr = run(report, out)
    assert (code, stdout) == (2, "")
    assert zh in stderr and "没有写入任何文件" in stderr
    assert "Traceback" not in stderr
    assert files_under(tmp_path) == before
    code, _, stderr = run(report, out, "en")
    assert code == 2 and en in stderr and "Nothing was written" in stderr


def test_an_output_with_files_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "数据"
    out.mkdir()
    (out / "metrics.csv").write_text("mine", encoding="utf-8")
    code, _, stderr = run(REPORT, out)
    assert code == 2 and "不是空的" in stderr
    assert files_under(out) == ["metrics.csv"]
    assert (out / "metrics.csv").read_text(encoding="utf-8") == "mine"
    a_file = tmp_path / "a.txt"
    a_file.write_text("mine", encoding="utf-8")
    code, _, stderr = run(REPORT, a_file, "en")
    assert code == 2 and "is a file" in stderr
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_the_command_needs_no_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from fulian_viewer.cli import main\n"
        f"rc = main(['import', {str(REPORT)!r}, '--out', {str(tmp_path / 'd')!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
        "sys.exit(rc)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr


def test_a_draft_that_fails_its_check_leaves_no_folder_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fulian_viewer.model.importer import writing
    from fulian_viewer.model.loading import LoadResult

    monkeypatch.setattr(writing, "load_report", lambda path: LoadResult(path, None))
    code, _, stderr = run(REPORT, tmp_path / "new" / "deeper" / "draft")
    assert code == 2 and "程序错误" in stderr
    assert files_under(tmp_path) == []
