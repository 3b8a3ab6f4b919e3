"""fulian_viewer.assets finds resources/ and the licence texts in each kind of installation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fulian_viewer import assets

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_uses_the_top_level_resources() -> None:
    assert assets.resources_root() == ROOT / "resources"
    assert (assets.resource_path("data") / "deck.csv").is_file()
    assert assets.licence_paths() == (ROOT / "LICENSE", ROOT / "THIRD-PARTY-NOTICES.md")


def test_the_package_holds_no_copy_of_the_assets() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "src/fulian_viewer/resources", "resources"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    files = tracked.stdout.split()
    assert not [name for name in files if name.startswith("src/")]
    for name in ("data/deck.csv", "fonts/OFL.txt", "icons/fulian-viewer.svg"):
        assert f"resources/{name}" in files


def test_frozen_folder_uses_its_internal_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    internal = tmp_path / "app" / "_internal"
    (internal / "fulian_viewer" / "resources").mkdir(parents=True)
    for name in assets.LICENCE_FILES:
        (tmp_path / "app" / name).write_text("text", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "app" / "fulian-viewer"))
    assert assets.resource_path("fonts") == internal / "fulian_viewer" / "resources" / "fonts"
    assert [path.name for path in assets.licence_paths()] == list(assets.LICENCE_FILES)


def test_installed_package_uses_its_own_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Installed, the folder two levels above the package is no project checkout.
    monkeypatch.setattr(assets, "_CHECKOUT_ROOT", tmp_path)
    package = Path(assets.__file__).resolve().parent
    assert assets.resources_root() == package / "resources"


def test_missing_licence_files_are_not_listed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fulian-viewer"))
    assert assets.licence_paths() == ()
