"""Why an output could not be written, in words a clerk can act on."""

from __future__ import annotations

import errno
import os

import pytest

from fulian_viewer.model.output_request import write_failure


@pytest.mark.parametrize(
    ("number", "zh", "en"),
    [
        (errno.ENOSPC, "磁盘空间不足", "the disk is full"),
        (errno.EROFS, "磁盘是只读的", "the disk is read-only"),
        (errno.EACCES, "没有写入权限", "permission denied"),
    ],
)
def test_write_failures_in_plain_words(number: int, zh: str, en: str) -> None:
    error = OSError(number, os.strerror(number))
    assert (write_failure(error, "zh"), write_failure(error, "en")) == (zh, en)


def test_a_failure_without_a_cause_is_still_plain() -> None:
    assert "磁盘可能已满" in write_failure(OSError("could not write x.png"), "zh")
