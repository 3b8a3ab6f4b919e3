"""The allocator gives large freed blocks back to the system."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fulian_viewer.system.memory import return_large_blocks_to_system

CHILD = """
import sys
from fulian_viewer.system.memory import return_large_blocks_to_system

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024

if sys.argv[1] == "fixed":
    assert return_large_blocks_to_system()
# glibc raises its threshold when a mapped block is freed; afterwards blocks of
# that size come from the heap and stay there when freed.
warm = bytearray(8 * 1024 * 1024)
del warm
blocks = [bytearray(8 * 1024 * 1024) for _ in range(12)]
for block in blocks:
    block[::4096] = b"x" * len(block[::4096])
before = rss_mb()
del blocks
print(before - rss_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_freed_images_go_back_to_the_system() -> None:
    def returned(mode: str) -> float:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, mode], capture_output=True, text=True, check=True
        )
        return float(done.stdout)

    assert returned("fixed") > 80, "96 MB freed in 8 MB blocks go back at once"
    assert returned("default") < 20, "without it glibc keeps them (the test would not tell)"


def test_it_is_harmless_to_call_twice() -> None:
    first = return_large_blocks_to_system()
    assert return_large_blocks_to_system() == first


SOURCES = """
import linecache
import PySide6.QtCore  # its import hook reads what is imported after it
import colorsys as later
from fulian_viewer.system.memory import forget_imported_sources

print(later.__file__ in linecache.cache)
forget_imported_sources()
print(later.__file__ in linecache.cache)
"""


def test_sources_read_on_import_are_dropped() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SOURCES], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", "False"]
