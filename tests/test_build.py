"""The offline build: PyInstaller makes the folder once, then its executables are run.

The build (about 35 s on two cores) happens once for the module, into a temporary
folder, through ``packaging/build.py`` itself; each test then runs one of that
script's smoke checks, so ``uv run python packaging/build.py`` and this file check
the same things. Skipped when PyInstaller is not installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.fixtures.summary import LINES

pytest.importorskip(
    "PyInstaller",
    reason="PyInstaller is not installed; `uv sync` installs it with the dev group",
)

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fulian_viewer_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The built folder and the build script's output."""
    root = tmp_path_factory.mktemp("pyinstaller")
    dist, work = root / "dist", root / "build"
    result = subprocess.run(
        [
            sys.executable,
            str(BUILD_SCRIPT),
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            "--no-archive",
            "--no-smoke",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=build.BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"build failed\n{result.stdout}\n{result.stderr}"
    return dist / build.APP, result.stdout


@pytest.fixture(scope="module")
def folder(built: tuple[Path, str]) -> Path:
    return built[0]


MAX_FOLDER_BYTES = 150e6
"""The folder's target on Linux, the staff guide and its pictures included;
docs/packaging.md says where the bytes go."""


def test_build_reports_the_folder_size(built: tuple[Path, str]) -> None:
    folder, output = built
    size, files = build.folder_size(folder)
    assert f"{size / 1e6:.1f} MB" in output and f"in {files} files" in output
    LINES.append(
        f"offline folder built by tests/test_build.py: {build.human(size)} in {files} files"
    )
    if sys.platform.startswith("linux"):
        assert size <= MAX_FOLDER_BYTES, (
            f"the folder grew to {build.human(size)}; see docs/packaging.md"
        )


def test_folder_holds_executables_and_resources(folder: Path) -> None:
    build.smoke_contents(folder)
    assert not (folder / "_internal" / "PySide6" / "Qt" / "translations").exists()


def test_only_the_needed_qt_plugins(folder: Path) -> None:
    plugins = folder / "_internal" / "PySide6" / "Qt" / "plugins"
    kinds = {path.name for path in plugins.iterdir()}
    assert "platforms" in kinds
    assert not kinds & {"imageformats", "platformthemes", "tls", "egldeviceintegrations"}
    platforms = {
        path.name.split(".")[0].removeprefix("lib") for path in (plugins / "platforms").iterdir()
    }
    assert "qoffscreen" in platforms
    assert platforms <= {"qoffscreen", "qxcb", "qwayland", "qwindows", "qcocoa"}
    if sys.platform.startswith("linux"):
        assert {"qxcb", "qwayland"} <= platforms
        shells = {path.name for path in (plugins / "wayland-shell-integration").iterdir()}
        assert "libxdg-shell.so" in shells


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the trim is done on Linux")
def test_icu_data_is_trimmed_and_opengl_left_out(folder: Path) -> None:
    internal = folder / "_internal"
    icu = sorted((internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    assert icu and icu[0].stat().st_size < 8e6
    assert not list(internal.rglob("QtOpenGL*.so"))
    assert not list(internal.rglob("libQt6OpenGL*"))


def test_cli_prints_the_version(folder: Path) -> None:
    assert build.smoke_version(folder) == f"fulian-viewer {build.read_version()}"


def test_check_accepts_the_bundled_data(folder: Path) -> None:
    assert "valid" in build.smoke_check(folder)


def test_check_reads_a_workbook(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    assert "valid" in build.smoke_workbook(folder, tmp_path)


def test_export_writes_pngs_and_pdf_offscreen(folder: Path, tmp_path: Path) -> None:
    build.smoke_export(folder, tmp_path / "out")
    assert (tmp_path / "out" / "01-cover.png").is_file()
    assert (tmp_path / "out" / "handout.pdf").is_file()


def test_video_export_is_refused_plainly(folder: Path, tmp_path: Path) -> None:
    assert "refused with exit 2" in build.smoke_video(folder, tmp_path)
    assert list(tmp_path.iterdir()) == []
    # PyAV and its FFmpeg (x264 is GPL) are left out of the folder.
    assert not (folder / "_internal" / "av").exists()
    assert not list(folder.rglob("libx264*"))


def test_viewer_paints_and_quits(folder: Path) -> None:
    build.smoke_viewer(folder)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is checked on Linux")
def test_viewer_paints_on_x11(folder: Path) -> None:
    if build.smoke_viewer_x11(folder) is None:
        pytest.skip("xvfb-run is not installed (apt-get install xvfb)")


def test_smoke_check_fails_on_a_broken_folder(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    with pytest.raises(build.SmokeError, match="missing from the folder"):
        build.smoke_contents(tmp_path)


def test_archive_holds_one_top_folder_with_its_links(tmp_path: Path) -> None:
    folder = tmp_path / "dist" / build.APP
    (folder / "_internal").mkdir(parents=True)
    (folder / build.APP).write_bytes(b"#!/bin/sh\n")
    (folder / build.APP).chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("数据", encoding="utf-8")
    links = sys.platform != "win32"
    if links:
        (folder / f"{build.APP}-cli").symlink_to(build.APP)
    archive = build.make_archive(folder)
    assert archive.parent == folder.parent and archive.name.startswith(f"{build.APP}-")
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as opened:
            names = opened.namelist()
    else:
        assert archive.name.endswith(".tar.gz")
        with tarfile.open(archive) as opened:
            members = {member.name: member for member in opened.getmembers()}
            names = list(members)
            assert members[f"{build.APP}/{build.APP}"].mode & 0o111
            if links:
                cli = members[f"{build.APP}/{build.APP}-cli"]
                assert cli.issym() and cli.linkname == build.APP
    assert all(name.split("/")[0] == build.APP for name in names)
    assert f"{build.APP}/_internal/data.txt" in names
