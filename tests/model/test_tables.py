"""Reading raw tables: the decoding chain and paths kept inside the data folder."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fulian_viewer.model.tables import DecodeError, decode_text, read_dataset, resolve_inside
from tests.fixtures.datasets import make_dataset, write_workbook

SAMPLE = "section,id,label_zh\r\nguidance,lectures,主题宣讲（6.6万场次）\r\n"


ASCII = "section,id\r\nguidance,lectures\r\n"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "UTF-8 (BOM)", SAMPLE),
        (SAMPLE.encode("utf-8"), "UTF-8", SAMPLE),
        (SAMPLE.encode("gb18030"), "GB18030", SAMPLE),
        (SAMPLE.encode("utf-16"), "UTF-16", SAMPLE),
        (ASCII.encode("ascii"), "UTF-8", ASCII),
    ],
)
def test_decode_chain(data: bytes, name: str, expected: str) -> None:
    assert decode_text(data) == (expected, name)


def test_gb18030_is_not_mistaken_for_utf8() -> None:
    data = SAMPLE.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_text(data)[0] == SAMPLE


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
        (b"a,b\r\n\x07\x08,c\r\n", "binary"),
        ("Café crème, naïve".encode("cp1252"), "encoding"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", "encoding"),
    ],
)
def test_decode_refuses(data: bytes, code: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode_text(data)
    assert error.value.code == code


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_utf8_cut_mid_character_is_still_utf8(bom: bytes) -> None:
    data = bom + SAMPLE.encode("utf-8")
    cut = data.index("场".encode()) + 2  # two of the character's three bytes
    text, name = decode_text(data[:cut])
    assert name.startswith("UTF-8")
    assert text.lstrip("\ufeff") == SAMPLE[: SAMPLE.index("场")]


def test_invalid_utf8_in_the_middle_is_not_forgiven() -> None:
    data = "主题宣讲".encode() + b"\xe4\x28" + "场次".encode() + "啊".encode("gb18030")
    with pytest.raises(DecodeError):
        decode_text(data)


@pytest.mark.parametrize(
    "relative", ["report.txt", "sub/report.txt", "sub\\report.txt", "./sub/../report.txt"]
)
def test_resolve_inside_accepts_relative_paths(tmp_path: Path, relative: str) -> None:
    target = resolve_inside(tmp_path, relative)
    assert target is not None
    assert target.is_relative_to(tmp_path.resolve())


@pytest.mark.parametrize(
    "relative",
    [
        "",
        "   ",
        "../x.txt",
        "..\\x.txt",
        "sub/../../x.txt",
        "/etc/passwd",
        "C:\\x.txt",
        "C:x.txt",
        "c:/x.txt",
        "\\\\server\\share\\x.txt",
        "//server/share/x.txt",
    ],
)
def test_resolve_inside_refuses_paths_leading_out(tmp_path: Path, relative: str) -> None:
    assert resolve_inside(tmp_path / "data", relative) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_resolve_inside_refuses_a_link_that_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    try:
        (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
        (folder / "dir").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert resolve_inside(folder, "link.txt") is None
    assert resolve_inside(folder, "dir/secret.txt") is None


def test_csv_tables_keep_columns_in_order_and_the_first_of_a_repeated_name(tmp_path: Path) -> None:
    (tmp_path / "deck.csv").write_text(
        "key,zh,en,zh\r\ntitle,标题,Title,重复\r\n\r\n,,,\r\nsource_file,report.txt\r\n",
        encoding="utf-8",
    )
    raw = read_dataset(tmp_path)
    table, label = raw.tables["deck"]
    assert label == "deck.csv"
    assert table.columns == ("key", "zh", "en")
    assert table.rows == {
        2: {"key": "title", "zh": "标题", "en": "Title"},
        5: {"key": "source_file", "zh": "report.txt", "en": ""},
    }
    assert table.rows_where("key", "source_file") == [5]
    codes = [p.code for p in raw.problems if p.file == "deck.csv"]
    assert codes == ["duplicate_column", "truncated_row"]


def test_reading_data_imports_no_spreadsheet_library(tmp_path: Path) -> None:
    """CSV folders and workbooks are read with the standard library alone."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fulian_viewer.model.loading import load_report\n"
        "assert load_report().ok\n"
        "assert load_report(Path(sys.argv[1])).ok\n"
        "loaded = [m for m in ('pandas', 'openpyxl') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    book = write_workbook(make_dataset(tmp_path), tmp_path / "book" / "data.xlsx")
    completed = subprocess.run(
        [sys.executable, "-c", script, str(book)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
