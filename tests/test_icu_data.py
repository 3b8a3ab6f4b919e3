"""packaging/pyinstaller/icu_data.py: the ICU data library trimmed for the offline folder."""

from __future__ import annotations

import ctypes
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    path = ROOT / "packaging" / "pyinstaller" / "icu_data.py"
    spec = importlib.util.spec_from_file_location("fulian_viewer_icu_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


icu_data = _load()


def _pyside_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU data library (not Linux)")
    return found[0]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/root.res", True),
        ("icudt73l/zh_Hans_CN.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/res_index.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/af.res", False),
        ("icudt73l/de_.res", False),
        ("icudt73l/coll/zh.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/ja.res", False),
        ("icudt73l/zone/zh.res", True),
        ("icudt73l/zone/fr.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/curr/zh.res", False),
        ("icudt73l/gb18030.cnv", True),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/cnvalias.icu", True),
    ],
)
def test_what_is_kept(name: str, kept: bool) -> None:
    assert icu_data.keep_item(name) is kept


def test_trimmed_library_loads_and_holds_the_kept_items(tmp_path: Path) -> None:
    source = _pyside_icu_data()
    target = tmp_path / source.name
    result = icu_data.trim_library(source, target)
    assert result.items_after < result.items_before / 4
    assert target.stat().st_size < source.stat().st_size / 4
    ctypes.CDLL(str(target))  # the dynamic loader accepts it
    data = target.read_bytes()
    _, items = icu_data._items(data[0x1000:])
    names = {name.split("/", 1)[1] for name, _ in items}
    assert {"root.res", "zh.res", "en.res", "coll/zh.res", "zone/root.res"} <= names
    assert not any(name.startswith("brkitr/") for name in names)


def test_a_file_that_is_not_icu_data_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "libtext.so"
    text.write_bytes(b"not a library" * 100)
    with pytest.raises(icu_data.IcuTrimError, match="not a 64-bit"):
        icu_data.trim_library(text, tmp_path / "out.so")
    program = Path("/bin/true")
    if not program.is_file() or program.read_bytes()[:4] != b"\x7fELF":
        pytest.skip("no ELF program to try")
    with pytest.raises(icu_data.IcuTrimError, match=r"data symbol|dynamic symbols"):
        icu_data.trim_library(program, tmp_path / "out.so")
