"""The supervisor files in packaging/: the systemd user unit, the XDG autostart
entry and the Windows Task Scheduler task with its install scripts."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

from fulian_viewer.system.heartbeat import default_interval_ms

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
UNIT = PACKAGING / "linux" / "fulian-viewer-kiosk.service"
AUTOSTART = PACKAGING / "linux" / "fulian-viewer-kiosk-autostart.desktop"
TASK = PACKAGING / "windows" / "fulian-viewer-kiosk.xml"
INSTALL = PACKAGING / "windows" / "install-kiosk-task.cmd"
UNINSTALL = PACKAGING / "windows" / "uninstall-kiosk-task.cmd"
NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def read_ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


def test_unit_restarts_the_viewer() -> None:
    unit = read_ini(UNIT)
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert service["RestartSec"] == "2"
    from fulian_viewer.kiosk import STAFF_EXIT_STATUS

    assert service["RestartPreventExitStatus"] == str(STAFF_EXIT_STATUS)
    assert service["ExecStart"] == (
        "%h/.local/bin/fulian-viewer --kiosk --config %h/.config/fulian-viewer/kiosk.toml"
    )


def test_unit_guards_against_a_restart_loop() -> None:
    unit = read_ini(UNIT)
    assert int(unit["Unit"]["StartLimitIntervalSec"]) >= 60
    assert int(unit["Unit"]["StartLimitBurst"]) >= 3
    # In [Service] these are ignored by current systemd: they must be in [Unit].
    assert "StartLimitBurst" not in unit["Service"]
    assert "StartLimitIntervalSec" not in unit["Service"]


def test_unit_watchdog_matches_the_heartbeat() -> None:
    service = read_ini(UNIT)["Service"]
    assert service["Type"] == "notify"
    watchdog_s = int(service["WatchdogSec"])
    assert watchdog_s == 120
    interval_ms = default_interval_ms({"WATCHDOG_USEC": str(watchdog_s * 1_000_000)})
    assert interval_ms * 2 <= watchdog_s * 1000


def test_unit_follows_the_graphical_session() -> None:
    unit = read_ini(UNIT)
    assert unit["Unit"]["PartOf"] == "graphical-session.target"
    assert unit["Unit"]["After"] == "graphical-session.target"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is absent")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    command = tmp_path / "home" / ".local" / "bin" / "fulian-viewer"
    command.parent.mkdir(parents=True)
    command.write_text("#!/bin/sh\n", encoding="utf-8")
    command.chmod(0o755)
    unit = tmp_path / UNIT.name
    shutil.copy(UNIT, unit)
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_RUNTIME_DIR": str(tmp_path)}
    result = subprocess.run(
        ["systemd-analyze", "verify", "--user", str(unit)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    output = result.stdout + result.stderr
    if "Failed to initialize manager" in output or "Failed to lookup" in output:
        pytest.skip(f"systemd-analyze cannot run here: {output.strip()}")
    assert result.returncode == 0, output
    assert UNIT.name not in output, output


def test_autostart_entry_starts_the_kiosk() -> None:
    entry = read_ini(AUTOSTART)["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "fulian-viewer"
    assert "--kiosk" in entry["Exec"].split()
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Terminal"] == "false"
    assert entry["Name[zh_CN]"]


def test_task_is_well_formed_ascii() -> None:
    data = TASK.read_bytes()
    data.decode("ascii")  # readable whatever code page a tool assumes
    root = ElementTree.fromstring(data)
    assert root.tag == f"{{{NS['t']}}}Task"


def test_task_runs_forever_and_restarts() -> None:
    root = ElementTree.fromstring(TASK.read_bytes())
    settings = root.find("t:Settings", NS)
    assert settings is not None
    assert settings.findtext("t:ExecutionTimeLimit", namespaces=NS) == "PT0S"
    assert settings.findtext("t:RestartOnFailure/t:Interval", namespaces=NS) == "PT1M"
    assert settings.findtext("t:RestartOnFailure/t:Count", namespaces=NS) == "999"
    assert settings.findtext("t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=NS) == "false"
    assert settings.findtext("t:StopIfGoingOnBatteries", namespaces=NS) == "false"


def test_task_starts_at_log_on_and_comes_back_after_a_crash() -> None:
    root = ElementTree.fromstring(TASK.read_bytes())
    trigger = root.find("t:Triggers/t:LogonTrigger", NS)
    assert trigger is not None
    assert trigger.findtext("t:Repetition/t:Interval", namespaces=NS) == "PT1M"
    assert trigger.find("t:Repetition/t:Duration", NS) is None  # repeats indefinitely
    # The install script fills in the user: a non-administrator may register a
    # log-on trigger only for themselves (MS-TSCH 3.2.5.1.1).
    assert trigger.findtext("t:UserId", namespaces=NS) == "KIOSK_USER"
    principal = root.find("t:Principals/t:Principal", NS)
    assert principal is not None
    assert principal.findtext("t:UserId", namespaces=NS) == "KIOSK_USER"
    assert principal.findtext("t:LogonType", namespaces=NS) == "InteractiveToken"


def test_task_action_runs_the_kiosk() -> None:
    root = ElementTree.fromstring(TASK.read_bytes())
    action = root.find("t:Actions/t:Exec", NS)
    assert action is not None
    assert action.findtext("t:Command", namespaces=NS) == r"C:\fulian-viewer\fulian-viewer.exe"
    assert action.findtext("t:Arguments", namespaces=NS) == (
        r"--kiosk --config C:\fulian-viewer-data\kiosk.toml"
    )


@pytest.mark.parametrize("script", [INSTALL, UNINSTALL], ids=lambda path: path.name)
def test_scripts_are_ascii_with_crlf(script: Path) -> None:
    data = script.read_bytes()
    data.decode("ascii")
    assert data.count(b"\n") == data.count(b"\r\n") > 0


def test_install_script_registers_the_task_with_schtasks() -> None:
    text = INSTALL.read_text(encoding="ascii")
    assert 'set "TASK_NAME=fulian-viewer kiosk"' in text
    assert 'schtasks /Create /TN "%TASK_NAME%" /XML "%TASK_XML%" /F' in text
    assert "fulian-viewer-kiosk.xml" in text
    assert "KIOSK_USER" in text


def test_uninstall_script_deletes_the_same_task() -> None:
    text = UNINSTALL.read_text(encoding="ascii")
    assert 'set "TASK_NAME=fulian-viewer kiosk"' in text
    assert 'schtasks /Delete /TN "%TASK_NAME%" /F' in text


@pytest.mark.skipif(sys.platform == "win32", reason="checks the checkout's line endings")
def test_unit_and_desktop_files_use_lf() -> None:
    for path in (UNIT, AUTOSTART):
        assert b"\r" not in path.read_bytes()
