"""The wheel: ``uv build``, install it into a fresh virtual environment, run it there.

Proves that an installed wheel (not the checkout) carries the data, fonts, icons and
licence texts: ``check`` and ``export`` work from an empty folder and ``--version``
names licence files that exist. Skipped when ``uv`` is not on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[1]
UV = shutil.which("uv")
TIMEOUT_S = 600


def _run(
    args: list[str | Path], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT_S,
        check=False,
    )


def _clean_env() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("VIRTUAL_ENV", "PYTHON", "UV_", "QT_"))
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the built wheel (and its dependencies)."""
    if UV is None:
        pytest.skip("uv is not installed (pip install uv)")
    root = tmp_path_factory.mktemp("wheel")
    env = _clean_env()
    built = _run([UV, "build", "--out-dir", root / "dist", ROOT], root, env)
    assert built.returncode == 0, built.stderr
    wheels = sorted((root / "dist").glob("fulian_viewer-*.whl"))
    assert len(wheels) == 1, wheels
    made = _run([UV, "venv", "--python", sys.executable, root / "venv"], root, env)
    assert made.returncode == 0, made.stderr
    bin_dir = root / "venv" / ("Scripts" if sys.platform.startswith("win") else "bin")
    python = bin_dir / ("python.exe" if sys.platform.startswith("win") else "python")
    installed = _run([UV, "pip", "install", "--python", python, wheels[0]], root, env)
    assert installed.returncode == 0, installed.stderr
    return bin_dir


def _command(bin_dir: Path) -> Path:
    # On Windows `fulian-viewer` is windowed and prints nothing; the -cli twin prints.
    name = "fulian-viewer-cli.exe" if sys.platform.startswith("win") else "fulian-viewer"
    return bin_dir / name


def test_wheel_checks_its_bundled_data(venv: Path, tmp_path: Path) -> None:
    result = _run([_command(venv), "check", "--lang", "en"], tmp_path, _clean_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "site-packages" in result.stdout
    assert str(ROOT) not in result.stdout
    assert "data is valid" in result.stdout


def test_wheel_exports_with_its_fonts(venv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run(
        [_command(venv), "export", "--out", out, "--size", "640x360"], tmp_path, _clean_env()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Bundled font" not in result.stderr and "Bundled icon" not in result.stderr
    assert (out / "01-cover.png").is_file()
    assert (out / "handout.pdf").read_bytes().startswith(b"%PDF")


def test_wheel_version_names_its_licence_files(venv: Path, tmp_path: Path) -> None:
    result = _run([_command(venv), "--version"], tmp_path, _clean_env())
    assert result.returncode == 0, result.stderr
    first, *rest = result.stdout.strip().splitlines()
    assert first.startswith("fulian-viewer ")
    paths = [Path(line.split(": ", 1)[1]) for line in rest]
    assert [path.name for path in paths] == ["LICENSE", "THIRD-PARTY-NOTICES.md"]
    assert all(path.is_file() and ".dist-info" in str(path) for path in paths)
    assert "LGPL" in paths[1].read_text(encoding="utf-8")
