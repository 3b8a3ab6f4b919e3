from tests.ui.conftest import app, bundled, make_window, report  # noqa: F401 (shared fixtures)
