"""Entry script of both frozen executables, ``fulian-viewer`` and ``fulian-viewer-cli``.

PyInstaller runs this file as ``__main__``. The two executables differ only in
how they are built (windowed or console, see ``fulian-viewer.spec``); both run
the same command line as the installed ``fulian-viewer`` scripts.
"""

import sys

from fulian_viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
