"""The kiosk's system services: one instance, an awake screen, logs and a heartbeat.

Each module is small and imports as little of Qt as it needs, so that the
application can wire them in at start-up:

- :mod:`.single_instance`: :class:`~.single_instance.SingleInstance`, a lock
  file in the user's runtime folder that survives a crash (``kill -9``) of the
  process holding it.
- :mod:`.screensaver`: :class:`~.screensaver.ScreenSaverInhibitor`, which keeps
  the display awake through the freedesktop ScreenSaver D-Bus service on Linux
  or ``SetThreadExecutionState`` on Windows.
- :mod:`.logs`: :func:`~.logs.setup_logging` (a rotating log file and a
  ``faulthandler`` file) and :func:`~.logs.install_exception_logging`; no Qt.
- :mod:`.heartbeat`: :class:`~.heartbeat.Heartbeat`, a periodic log line and
  systemd watchdog ping on a QTimer, and :func:`~.heartbeat.rss_mb`.
- :mod:`.sd_notify`: the systemd notification protocol (``READY=1``,
  ``WATCHDOG=1``) without Qt and without libsystemd.
- :mod:`.qt_types`: :func:`~.qt_types.ask_for_eager_types` and
  :func:`~.qt_types.create_qt_types`, which have PySide create the Python types
  of Qt's classes up front, never first inside an event filter (a crash).

Nothing is imported here, so importing one service does not import the others.
"""
