"""Give large freed blocks back to the operating system at once (glibc only).

Every full-size image the viewer makes (a pane's backdrop, an overview thumbnail
drawn at full size, an exported page) is several megabytes. glibc raises its
``mmap`` threshold each time such a block is freed, so later ones come from the
heap and stay there after they are freed: in the soak benchmark a kiosk at
1920x1080 settled at 213 MB instead of 160 MB. A fixed threshold keeps every
block over 1 MiB in its own mapping, returned to the system when freed.

Other C libraries and Windows return large blocks by themselves; there this does
nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter number (``malloc.h``)."""
THRESHOLD_BYTES = 1024 * 1024


def return_large_blocks_to_system() -> bool:
    """Fix glibc's mmap threshold at 1 MiB; whether it was set."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES))
