"""Keep the process small: large freed blocks go back to the system, and no module sources.

Large blocks (glibc only).

Every full-size image the viewer makes (a pane's backdrop, an overview thumbnail
drawn at full size, an exported page) is several megabytes. glibc raises its
``mmap`` threshold each time such a block is freed, so later ones come from the
heap and stay there after they are freed: in the soak benchmark a kiosk at
1920x1080 settled at 213 MB instead of 160 MB. A fixed threshold keeps every
block over 1 MiB in its own mapping, returned to the system when freed.

Other C libraries and Windows return large blocks by themselves; there this does
nothing.

Module sources. Once PySide6 is imported, its import hook (there for ``from
__feature__ import …``) reads the source of every module imported after it with
``inspect.getsource``, and ``linecache`` keeps the text: about 300 modules once
numpy and pyqtgraph are in. Dropping it as soon as they are imported lets what is
built next reuse that memory (4 MB less at 3840x2160). Tracebacks read again the
lines they need. A packaged viewer ships no sources, so there is nothing to drop.
"""

from __future__ import annotations

import ctypes
import linecache
import sys

M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter number (``malloc.h``)."""
THRESHOLD_BYTES = 1024 * 1024


def return_large_blocks_to_system() -> bool:
    """Fix glibc's mmap threshold at 1 MiB; whether it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The process's own symbols, the C library's among them: ctypes.util.find_library
        # would run ``ldconfig -p`` in a subprocess on the way to the first frame.
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES))


def forget_imported_sources() -> None:
    """Drop the source text kept for the modules imported so far (see above)."""
    linecache.clearcache()
