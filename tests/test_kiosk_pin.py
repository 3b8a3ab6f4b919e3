"""``kiosk-pin`` as a clerk runs it: ``python -m fulian_viewer kiosk-pin``, the PIN piped in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.processes import assert_no_traceback


def run_kiosk_pin(stdin: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fulian_viewer", "kiosk-pin", *extra],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


def test_kiosk_pin_prints_a_hash_that_verifies() -> None:
    from fulian_viewer.model.pin import verify_pin

    completed = run_kiosk_pin("1234\n1234\n")
    assert completed.returncode == 0, completed.stderr
    assert_no_traceback(completed)
    lines = completed.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("scrypt$16384$8$1$")
    assert verify_pin("1234", lines[0])
    assert not verify_pin("4321", lines[0])
    hint = completed.stderr.strip()
    assert len(hint.splitlines()) == 1
    assert f'pin_hash = "{lines[0]}"' in hint


def test_kiosk_pin_hint_pastes_into_a_config(tmp_path: Path) -> None:
    from fulian_viewer.model.config import load_config
    from fulian_viewer.model.pin import verify_pin

    completed = run_kiosk_pin("24680\r\n24680\r\n", "--lang", "en")
    assert completed.returncode == 0, completed.stderr
    paste = completed.stderr.strip().split(": ", 1)[1]
    path = tmp_path / "kiosk.toml"
    path.write_text(f"kiosk = true\n{paste}\n", encoding="utf-8")
    config, problems = load_config(path)
    assert problems == []
    assert config.pin_hash is not None and verify_pin("24680", config.pin_hash)


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("1234\n1235\n", "两次输入的 PIN 不一致"),
        ("12a4\n12a4\n", "4 到 12 位数字"),
        ("123\n123\n", "4 到 12 位数字"),
        ("1234\n", "没有输入 PIN"),
        ("", "没有输入 PIN"),
    ],
)
def test_kiosk_pin_refuses(stdin: str, message: str) -> None:
    completed = run_kiosk_pin(stdin)
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert completed.stdout == ""
    assert message in completed.stderr
    assert "scrypt$" not in completed.stderr


def test_kiosk_pin_mismatch_in_english() -> None:
    completed = run_kiosk_pin("1234\n1235\n", "--lang", "en")
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert completed.stderr.strip() == "The two PINs differ."


def test_kiosk_pin_imports_no_qt() -> None:
    script = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('1234\\n1234\\n')\n"
        "from fulian_viewer.cli import main\n"
        "rc = main(['kiosk-pin'])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))]\n"
        "assert not bad, bad\n"
        "sys.exit(rc)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
