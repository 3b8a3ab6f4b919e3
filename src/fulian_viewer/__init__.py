"""fulian-viewer: an exhibition viewer for the Chongqing Women's Federation five-year report."""

__version__ = "0.1.0"
APP_NAME = "fulian-viewer"
ORGANISATION = "fulian-viewer"
