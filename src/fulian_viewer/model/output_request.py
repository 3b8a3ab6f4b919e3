"""Requests to write output (a video, handouts) that cannot be met, said in one line."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class OutputRequestError(ValueError):
    """A request that cannot be met: one line for the user, in English and Chinese.

    ``str(error)`` is the English line; :meth:`message` gives either.
    """

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh

    def message(self, lang: str) -> str:
        """The line in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else self.en


def check_writable_folder(
    path: Path, folder: Path, error: type[OutputRequestError] = OutputRequestError
) -> None:
    """Raise ``error`` unless ``folder`` (where ``path`` goes) is a folder we may write in."""
    if not folder.is_dir():
        raise error(
            f"{path}: the folder {folder} does not exist",
            f"{path}：文件夹 {folder} 不存在",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise error(
            f"{path}: the folder {folder} is not writable",
            f"{path}：不能写入文件夹 {folder}",
        )


# Why writing failed, for the errors a clerk can act on (else the system's words).
_REASONS = {
    errno.ENOSPC: ("磁盘空间不足", "the disk is full"),
    errno.EDQUOT: ("磁盘配额已满", "the disk quota is used up"),
    errno.EROFS: ("磁盘是只读的", "the disk is read-only"),
    errno.EACCES: ("没有写入权限", "permission denied"),
    errno.EPERM: ("没有写入权限", "permission denied"),
}


def write_failure(error: OSError, lang: str) -> str:
    """Why a write failed, in ``lang``: in plain words when the cause is a common one."""
    reason = _REASONS.get(error.errno or 0)
    if reason is not None:
        return reason[0] if lang == "zh" else reason[1]
    if error.strerror:
        return error.strerror
    return "无法写入文件（磁盘可能已满）" if lang == "zh" else "the file could not be written"
