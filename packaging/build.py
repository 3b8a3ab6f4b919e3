"""Build fulian-viewer as one folder that runs without Python, archive it, smoke-check it.

Run from anywhere, on the platform to build for (PyInstaller does not
cross-compile)::

    uv run python packaging/build.py

It runs PyInstaller with ``packaging/pyinstaller/fulian-viewer.spec`` (work files
in ``build/``, the folder in ``dist/fulian-viewer/``), writes
``dist/fulian-viewer-<version>-<os>-<machine>.tar.gz`` on Linux and macOS or
``.zip`` on Windows, prints the folder's and the archive's sizes, then runs the
built executables: ``--version``, ``check`` on the bundled data, ``export`` of
every pane to PNG and PDF offscreen, and the viewer up to its first paint.
Any failure exits non-zero.

Options: ``--distpath`` and ``--workpath`` move the output and work folders,
``--clean`` empties PyInstaller's cache first, ``--no-archive`` and
``--no-smoke`` skip those steps, and ``--smoke-only`` checks a folder built
before. ``tests/test_build.py`` uses the same smoke checks.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "fulian-viewer.spec"
APP = "fulian-viewer"
IS_WINDOWS = sys.platform.startswith("win")
CONTENTS = "_internal"
"""PyInstaller's folder for everything but the executables."""

LICENCE_FILES = ("LICENSE", "THIRD-PARTY-NOTICES.md")
"""Beside the executables; ``--version`` names them."""

RUN_TIMEOUT_S = 300
BUILD_TIMEOUT_S = 1800

GUIDE = "使用说明.md"
"""The staff's guide, beside the executables with its ``images/``."""

AUTOSTART_FILES = (
    ("fulian-viewer-kiosk.xml", "install-kiosk-task.cmd", "uninstall-kiosk-task.cmd")
    if IS_WINDOWS
    else ("fulian-viewer-kiosk.service", "fulian-viewer-kiosk-autostart.desktop")
)
"""In ``autostart/``: what the guide's kiosk section installs."""


def guide_images(guide: Path) -> list[str]:
    """The pictures ``guide`` shows, as paths relative to its folder."""
    text = guide.read_text(encoding="utf-8")
    return sorted(set(re.findall(r"\]\((images/[^)\s]+)\)", text)))


# What the package must carry, relative to _internal/fulian_viewer/resources.
EXPECTED_RESOURCES = (
    "data/deck.csv",
    "data/sections.csv",
    "data/metrics.csv",
    "data/charts.csv",
    "data/report.txt",
    "fonts/NotoSansCJKsc-Regular.otf",
    "fonts/NotoSansCJKsc-Bold.otf",
    "fonts/FulianLatinMarks-Regular.otf",
    "fonts/FulianLatinMarks-Bold.otf",
    "fonts/OFL.txt",
    "icons/fulian-viewer.svg",
    "icons/fulian-viewer.ico",
    *(f"icons/fulian-viewer-{size}.png" for size in (16, 32, 48, 64, 128, 256, 512)),
)

# Lines on stderr that mean the frozen app lost part of the package or crashed.
BAD_STDERR = re.compile(r"Traceback|internal error|Bundled (font|icon)|cannot be read|ERROR")


class SmokeError(Exception):
    """A built executable did not do what it should."""


def read_version() -> str:
    """The package's ``__version__``, read from its source."""
    text = (ROOT / "src" / "fulian_viewer" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if match is None:
        raise SystemExit("build.py: no __version__ in src/fulian_viewer/__init__.py")
    return match.group(1)


def executable(folder: Path, name: str) -> Path:
    """The path of executable ``name`` in the built ``folder`` (``.exe`` on Windows)."""
    return folder / (f"{name}.exe" if IS_WINDOWS else name)


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64``: the archive's suffix."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    system = "linux" if system.startswith("linux") else system
    return f"{system}-{platform.machine().lower()}"


def run_pyinstaller(distpath: Path, workpath: Path, clean: bool = False) -> float:
    """Run PyInstaller on the spec; return the seconds it took.

    Args:
        distpath: Where ``fulian-viewer/`` is made (replaced if present).
        workpath: PyInstaller's work files.
        clean: Empty PyInstaller's cache and work files first.

    Raises:
        SystemExit: PyInstaller failed; its output has been shown.

    """
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
        *(["--clean"] if clean else []),
        str(SPEC),
    ]
    start = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, timeout=BUILD_TIMEOUT_S, check=False)
    if result.returncode != 0:
        raise SystemExit(f"build.py: PyInstaller failed with exit code {result.returncode}")
    return time.monotonic() - start


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under ``folder``; symbolic links count as links."""
    total = files = 0
    for directory, _dirs, names in os.walk(folder):
        for name in names:
            total += (Path(directory) / name).lstat().st_size
            files += 1
    return total, files


def human(size: int) -> str:
    """``198.5 MB (189.3 MiB)``: decimal megabytes, then binary ones as ``du -h`` shows."""
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def make_archive(folder: Path, destination: Path | None = None) -> Path:
    """Pack ``folder`` into one archive beside it (or at ``destination``).

    A ``.zip`` on Windows, where staff unpack with Explorer; a ``.tar.gz``
    elsewhere, which keeps the folder's symbolic links and executable bits.
    The archive holds one top folder, ``fulian-viewer/``.

    Args:
        folder: The built folder.
        destination: The archive's path; by default
            ``<parent>/fulian-viewer-<version>-<platform>.tar.gz`` (or ``.zip``).

    Returns:
        The archive's path.

    """
    suffix = ".zip" if IS_WINDOWS else ".tar.gz"
    if destination is None:
        destination = folder.parent / f"{APP}-{read_version()}-{platform_tag()}{suffix}"
    destination.unlink(missing_ok=True)
    if destination.name.endswith(".zip"):
        with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, Path(APP) / path.relative_to(folder))
    else:
        with tarfile.open(destination, "w:gz", compresslevel=6) as archive:
            archive.add(folder, arcname=APP)  # symbolic links are stored as links
    return destination


def _run(
    command: Sequence[str | Path], *, timeout: float = RUN_TIMEOUT_S, offscreen: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a built executable in an empty folder, without Python's variables.

    Offscreen, unless ``offscreen`` is false: then on the display the environment
    names (an X server; a Wayland session is left out).
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
    env["PYTHONIOENCODING"] = "utf-8"
    with tempfile.TemporaryDirectory(prefix="fulian-smoke-") as cwd:
        return subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )


def _expect(result: subprocess.CompletedProcess[str], what: str, code: int = 0) -> None:
    """Raise :class:`SmokeError` unless ``result`` exited with ``code`` and a clean stderr."""
    if result.returncode != code or BAD_STDERR.search(result.stderr):
        raise SmokeError(
            f"{what}: exit code {result.returncode} (expected {code})\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )


def smoke_contents(folder: Path) -> str:
    """Executables, kiosk example, licences, guide and pictures, autostart files, resources."""
    missing = [
        str(path)
        for path in (
            executable(folder, APP),
            executable(folder, f"{APP}-cli"),
            folder / "kiosk.example.toml",
            *(folder / name for name in LICENCE_FILES),
            folder / GUIDE,
            *(folder / name for name in guide_images(ROOT / "docs" / GUIDE)),
            *(folder / "autostart" / name for name in AUTOSTART_FILES),
            folder / CONTENTS / "licenses" / "pyside6-essentials" / "METADATA",
            *(
                folder / CONTENTS / "fulian_viewer" / "resources" / name
                for name in EXPECTED_RESOURCES
            ),
        )
        if not path.is_file()
    ]
    if missing:
        raise SmokeError("missing from the folder:\n  " + "\n  ".join(missing))
    return f"{len(EXPECTED_RESOURCES)} resources and both executables present"


def smoke_version(folder: Path) -> str:
    """``fulian-viewer-cli --version`` prints the package's version."""
    result = _run([executable(folder, f"{APP}-cli"), "--version"])
    _expect(result, "--version")
    expected = f"{APP} {read_version()}"
    first, *rest = result.stdout.strip().splitlines() or [""]
    if first != expected:
        raise SmokeError(f"--version printed {first!r}, expected {expected!r}")
    named = [Path(line.split(": ", 1)[-1]) for line in rest]
    wanted = [(folder / name).resolve() for name in LICENCE_FILES]
    if [path.resolve() for path in named] != wanted:
        raise SmokeError(f"--version names {rest}, expected the licence files {wanted}")
    return expected


def smoke_check(folder: Path) -> str:
    """``check`` finds the bundled data inside the folder and reports it valid (exit 0)."""
    result = _run([executable(folder, f"{APP}-cli"), "check", "--lang", "en"])
    _expect(result, "check")
    inside = os.path.join(CONTENTS, "fulian_viewer", "resources", "data")
    if inside not in result.stdout:
        raise SmokeError(f"check did not read the bundled data in {inside}:\n{result.stdout}")
    return result.stdout.strip().splitlines()[-1]


def smoke_workbook(folder: Path, work: Path) -> str | None:
    """``check`` reads the bundled tables saved as one ``.xlsx`` workbook (our own reader).

    The workbook is written here with openpyxl, a dependency of the package, with
    whole numbers as numbers, as a clerk typing into Excel would have them.

    Returns:
        What was seen, or ``None`` when openpyxl cannot be imported here.

    """
    try:
        from openpyxl import Workbook
    except ImportError:
        return None
    data = ROOT / "resources" / "data"
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in ("deck", "sections", "metrics", "charts"):
        sheet = workbook.create_sheet(table)
        with (data / f"{table}.csv").open(encoding="utf-8-sig", newline="") as rows:
            for row in csv.reader(rows):
                sheet.append([int(cell) if cell.isdigit() else cell for cell in row])
    work.mkdir(parents=True, exist_ok=True)
    book = work / "数据.xlsx"
    workbook.save(book)
    shutil.copyfile(data / "report.txt", work / "report.txt")
    result = _run([executable(folder, f"{APP}-cli"), "check", "--data", book, "--lang", "en"])
    _expect(result, "check --data 数据.xlsx")
    return result.stdout.strip().splitlines()[-1]


def _pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def smoke_export(folder: Path, out: Path) -> str:
    """``export`` renders every pane to a PNG and the PDF handout, offscreen, with our fonts."""
    result = _run([executable(folder, f"{APP}-cli"), "export", "--out", out, "--size", "960x540"])
    _expect(result, "export")
    pngs = sorted(out.glob("*.png"))
    pdf = out / "handout.pdf"
    if not pngs or pngs[0].name != "01-cover.png":
        raise SmokeError(f"export wrote no cover PNG into {out}: {[p.name for p in pngs]}")
    for png in pngs:
        if not png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
            raise SmokeError(f"{png} is not a PNG")
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        raise SmokeError(f"export wrote no PDF at {pdf}")
    if _pdf_pages(pdf) != len(pngs):
        raise SmokeError(f"{pdf} has {_pdf_pages(pdf)} pages for {len(pngs)} PNGs")
    return f"{len(pngs)} PNGs and a {len(pngs)}-page PDF"


def smoke_video(folder: Path, out: Path) -> str:
    """``export --video`` says the folder has no video export, exits 2 and writes nothing."""
    video = out / "tour.mp4"
    out.mkdir(parents=True, exist_ok=True)
    result = _run([executable(folder, f"{APP}-cli"), "export", "--lang", "en", "--video", video])
    _expect(result, "export --video", code=2)
    if "no video export" not in result.stderr or video.exists():
        raise SmokeError(f"export --video did not refuse plainly:\n{result.stderr}")
    return "refused with exit 2: " + result.stderr.strip()[:60] + "…"


def smoke_viewer(folder: Path) -> str:
    """The windowed executable opens the viewer (offscreen) and quits after the first paint."""
    result = _run([executable(folder, APP), "--quit-after-first-paint"])
    _expect(result, "viewer")
    return "painted and quit"


def smoke_viewer_x11(folder: Path) -> str | None:
    """On Linux with ``xvfb-run``: the viewer starts on X11 with the bundled xcb plugin.

    Returns:
        What was seen, or ``None`` when this check does not apply here.

    """
    xvfb_run = shutil.which("xvfb-run")
    if not sys.platform.startswith("linux") or xvfb_run is None:
        return None
    command: list[str | Path] = [
        xvfb_run,
        "-a",
        "-s",
        "-screen 0 1280x720x24",
        executable(folder, APP),
    ]
    result = _run([*command, "--fullscreen", "--quit-after-first-paint"], offscreen=False)
    _expect(result, "viewer on X11 (xvfb-run)")
    return "painted on X11 and quit"


def smoke(folder: Path) -> None:
    """Run every smoke check on ``folder``, printing one line each; raise on the first failure."""
    with tempfile.TemporaryDirectory(prefix="fulian-smoke-") as scratch:
        checks = [
            ("contents", lambda: smoke_contents(folder)),
            ("--version", lambda: smoke_version(folder)),
            ("check", lambda: smoke_check(folder)),
            ("check a workbook", lambda: smoke_workbook(folder, Path(scratch) / "book")),
            ("export", lambda: smoke_export(folder, Path(scratch) / "export")),
            ("export --video", lambda: smoke_video(folder, Path(scratch) / "video")),
            ("viewer", lambda: smoke_viewer(folder)),
            ("viewer on X11", lambda: smoke_viewer_x11(folder)),
        ]
        for name, check in checks:
            outcome = check()
            print(f"smoke: {name}: {'skipped here' if outcome is None else outcome}")


def main(argv: Sequence[str] | None = None) -> int:
    """Build, archive and smoke-check; return the exit code."""
    parser = argparse.ArgumentParser(
        description="Build fulian-viewer as one folder without Python, archive and smoke-check it."
    )
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="default: dist/")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build", help="default: build/")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="do not write the archive")
    parser.add_argument("--no-smoke", action="store_true", help="do not run the smoke checks")
    parser.add_argument(
        "--smoke-only", action="store_true", help="do not build; smoke-check the folder there"
    )
    args = parser.parse_args(argv)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # keep our lines in order with PyInstaller's output
        reconfigure(line_buffering=True)
    distpath: Path = args.distpath.resolve()
    folder = distpath / APP

    if not args.smoke_only:
        seconds = run_pyinstaller(distpath, args.workpath.resolve(), args.clean)
        print(f"built {folder} in {seconds:.0f} s")
    if not folder.is_dir():
        print(f"build.py: no built folder at {folder}", file=sys.stderr)
        return 1
    size, files = folder_size(folder)
    print(f"folder  {folder}: {human(size)} in {files} files")
    if not (args.no_archive or args.smoke_only):
        archive = make_archive(folder)
        print(f"archive {archive}: {human(archive.stat().st_size)}")
    if not args.no_smoke:
        try:
            smoke(folder)
        except (SmokeError, subprocess.TimeoutExpired) as error:
            print(f"smoke check failed: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
