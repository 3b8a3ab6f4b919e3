"""Where the bundled assets and the licence texts are, however the viewer was installed.

The assets' sources live in the project's top-level ``resources/`` folder
(``data/``, ``fonts/``, ``icons/``). The viewer runs in three ways, and each
keeps them in a different place:

- **from a checkout** (``uv run``, an editable install): ``resources/`` beside
  ``src/``, and ``LICENSE`` and ``THIRD-PARTY-NOTICES.md`` at the project's root;
- **from an installed wheel**: the wheel copies ``resources/`` into the package
  as ``fulian_viewer/resources/`` (``[tool.hatch.build.targets.wheel.sources]`` in
  ``pyproject.toml``) and the licence texts into its ``.dist-info/licenses/``;
- **from the PyInstaller folder**: the same ``fulian_viewer/resources/`` inside
  ``_internal/``, and the licence texts beside the executables.

This module is the only place that knows these layouts; it imports nothing
from Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["LICENCE_FILES", "licence_paths", "resource_path", "resources_root"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE_DIR.parents[1]

LICENCE_FILES = ("LICENSE", "THIRD-PARTY-NOTICES.md")
"""The viewer's own licence and the notices of every bundled third-party component."""


def _frozen_dir() -> Path | None:
    """The PyInstaller folder's ``_internal`` directory, or None when not frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return None


def _is_checkout(root: Path) -> bool:
    """Whether ``root`` is the project's source tree (``pyproject.toml`` and ``resources/``)."""
    return (root / "pyproject.toml").is_file() and (root / "resources").is_dir()


def resources_root() -> Path:
    """The folder holding ``data/``, ``fonts/`` and ``icons/``.

    The frozen folder's copy when running from PyInstaller, the checkout's
    ``resources/`` when running from the source tree, and otherwise the copy
    inside the installed package. The folder may be missing in a broken
    installation; callers report that when they open a file in it.
    """
    frozen = _frozen_dir()
    if frozen is not None:
        return frozen / "fulian_viewer" / "resources"
    if _is_checkout(_CHECKOUT_ROOT):
        return _CHECKOUT_ROOT / "resources"
    return _PACKAGE_DIR / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside the resources folder, such as ``resource_path("data")``."""
    return resources_root().joinpath(*parts)


def licence_paths() -> tuple[Path, ...]:
    """The licence texts of this installation (``LICENSE``, third-party notices).

    Only files that exist are returned, in :data:`LICENCE_FILES` order.
    """
    if _frozen_dir() is not None:
        folder = Path(sys.executable).resolve().parent
    elif _is_checkout(_CHECKOUT_ROOT):
        folder = _CHECKOUT_ROOT
    else:
        folder = _installed_licence_dir()
    return tuple(folder / name for name in LICENCE_FILES if (folder / name).is_file())


def _installed_licence_dir() -> Path:
    """The ``licenses/`` folder of the installed distribution's ``.dist-info``."""
    from importlib import metadata  # 10-20 ms to import: not on the way to the first frame

    try:
        dist = metadata.distribution("fulian-viewer")
    except metadata.PackageNotFoundError:
        return _PACKAGE_DIR / "licenses"
    for entry in dist.files or ():
        if entry.name == LICENCE_FILES[0] and ".dist-info" in entry.parts[0]:
            return Path(str(dist.locate_file(entry))).resolve().parent
    return _PACKAGE_DIR / "licenses"
