"""A fake org.freedesktop.ScreenSaver service for the screen-saver tests.

Run as ``python fake_screensaver_service.py ADDRESS OBJECT_PATH``. It connects to
the bus at ADDRESS, serves ``Inhibit`` at OBJECT_PATH and prints one line per
event on stdout:

- ``ready`` once the service name is owned;
- ``Inhibit <app>|<reason>|<sender>`` for each call (the answer is cookie 7, 8, …);
- ``Released <cookie>`` when the client that asked leaves the bus, as the real
  services (GNOME, KDE, Xfce) release the inhibitions of a client that is gone.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusServiceWatcher,
    QDBusVirtualObject,
)

INTROSPECTION = """
<interface name="org.freedesktop.ScreenSaver">
  <method name="Inhibit">
    <arg name="application_name" type="s" direction="in"/>
    <arg name="reason_for_inhibit" type="s" direction="in"/>
    <arg name="cookie" type="u" direction="out"/>
  </method>
  <method name="UnInhibit">
    <arg name="cookie" type="u" direction="in"/>
  </method>
</interface>
"""


class Watcher(QObject):
    """Prints ``Released`` for the cookies of a client that leaves the bus."""

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self.cookies: dict[str, list[int]] = {}
        self.watcher = QDBusServiceWatcher(self)
        self.watcher.setConnection(bus)
        self.watcher.setWatchMode(QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration)
        self.watcher.serviceUnregistered.connect(self.on_gone)

    def add(self, sender: str, cookie: int) -> None:
        self.cookies.setdefault(sender, []).append(cookie)
        self.watcher.addWatchedService(sender)

    @Slot(str)
    def on_gone(self, sender: str) -> None:
        for cookie in self.cookies.pop(sender, []):
            print(f"Released {cookie}", flush=True)


class FakeScreenSaver(QDBusVirtualObject):
    """Answers ``Inhibit`` (PySide6 sends the cookie as int32; the real ones use uint32).

    A virtual object, because it sees each message's sender (``QDBusContext``
    crashes under PySide6).
    """

    def __init__(self, watcher: Watcher) -> None:
        super().__init__()
        self.watcher = watcher
        self.next_cookie = 7

    def introspect(self, path: str) -> str:
        return INTROSPECTION

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:  # noqa: N802
        if message.member() != "Inhibit" or message.signature() != "ss":
            return False
        app, reason = message.arguments()
        sender = message.service()
        cookie = self.next_cookie
        self.next_cookie += 1
        self.watcher.add(sender, cookie)
        print(f"Inhibit {app}|{reason}|{sender}", flush=True)
        connection.send(message.createReply(cookie))
        return True


def main() -> int:
    address, path = sys.argv[1], sys.argv[2]
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-screensaver")
    watcher = Watcher(bus)
    service = FakeScreenSaver(watcher)
    exported = bus.registerVirtualObject(path, service)
    owned = bus.registerService("org.freedesktop.ScreenSaver")
    if not (bus.isConnected() and exported and owned):
        print(f"failed {bus.lastError().message()}", flush=True)
        return 1
    print("ready", flush=True)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
