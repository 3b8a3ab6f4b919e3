"""Qt's Python types are created up front, so that none is first created inside an event filter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fulian_viewer.system.qt_types import LAZY_OPTION, ask_for_eager_types
from tests.fixtures.processes import assert_no_traceback, private_env

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEGFAULT = -11 if sys.platform != "win32" else 0xC0000005


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Offscreen, PySide's option unset, the viewer's folders inside ``tmp_path``."""
    return {**private_env(tmp_path, leave_out=(LAZY_OPTION,)), "PYTHONPATH": str(ROOT)}


def run(env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *command], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_asking_sets_the_option_unless_it_is_set() -> None:
    unset: dict[str, str] = {}
    ask_for_eager_types(unset)
    assert unset == {LAZY_OPTION: "0"}
    chosen = {LAZY_OPTION: "1"}
    ask_for_eager_types(chosen)
    assert chosen == {LAZY_OPTION: "1"}


def test_the_command_asks_before_pyside_is_imported(env: dict[str, str]) -> None:
    probe = (
        "import os, sys\n"
        "from fulian_viewer.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        f"print(os.environ.get({LAZY_OPTION!r}), 'PySide6' in sys.modules)\n"
    )
    done = run(env, "-c", probe)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr


def test_creating_the_types_leaves_none_lazy(env: dict[str, str]) -> None:
    probe = (
        "import PySide6.QtWidgets as widgets\n"
        "from fulian_viewer.system.qt_types import create_qt_types\n"
        "from tests.fixtures.filter_probe import lazy_names\n"
        "before = len(lazy_names())\n"
        "create_qt_types()\n"
        "print(before, len(lazy_names()), 'QGraphicsSceneWheelEvent' in vars(widgets))\n"
    )
    done = run({**env, LAZY_OPTION: "1"}, "-c", probe)
    before, after, created = done.stdout.split()
    assert int(before) > 100, "PySide created its types already: the probe proves nothing"
    assert (after, created) == ("0", "True"), done.stderr


@pytest.mark.parametrize("args", [(), ("--kiosk",)], ids=["window", "kiosk"])
def test_no_filter_is_installed_while_a_type_is_lazy(
    env: dict[str, str], args: tuple[str, ...]
) -> None:
    """The viewer as started by its command: the key, pointer and kiosk filters come after."""
    done = run(env, str(FIXTURES / "filter_probe.py"), *args, "--quit-after-first-paint")
    assert done.returncode == 0, done.stderr
    assert_no_traceback(done)
    filters, lazy = done.stdout.split()[-2:]
    assert filters != "filters=0"
    assert lazy == "lazy=0", done.stdout


def test_a_type_first_met_inside_a_filter_no_longer_crashes(env: dict[str, str]) -> None:
    """A window freed by the collector: its filters see a type first met (PySide 6.11.3 crashes)."""
    script = str(FIXTURES / "lazy_types_crash.py")
    lazy = run(env, script, "--lazy")
    if lazy.returncode != SEGFAULT:
        pytest.skip(f"with lazy types, PySide no longer crashes here ({lazy.returncode})")
    fixed = run(env, script)
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stdout.split() == ["survived"]
    walked = run({**env, LAZY_OPTION: "1"}, script)  # PySide imported first: the walk holds
    assert walked.returncode == 0, walked.stderr


def test_the_kiosk_test_that_crashed_alone_passes_alone(env: dict[str, str]) -> None:
    """Run alone, it met that crash: its window freed by the collector in pytest-qt's events."""
    done = run(
        env,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/test_kiosk.py::test_no_notice_banner_for_visitors",
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
