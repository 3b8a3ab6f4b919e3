"""Run the viewer with ``python -m fulian_viewer``."""

import sys

from fulian_viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
