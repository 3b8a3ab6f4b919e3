"""Open the files of a dataset safely: plain files only, inside the data folder, size-capped.

A clerk's data folder may hold anything where a table is expected: a folder, a
named pipe (reading it would wait forever), a device (``/dev/zero`` never ends),
a link that loops or leads out of the folder. Each is one problem naming the
file, in plain words, and nothing is read past the size limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from fulian_viewer.model.problems import Problem, problem

_KINDS = {
    stat.S_IFDIR: ("一个文件夹", "a folder"),
    stat.S_IFIFO: ("一个命名管道", "a named pipe"),
    stat.S_IFCHR: ("一个设备", "a device"),
    stat.S_IFBLK: ("一个设备", "a device"),
    stat.S_IFSOCK: ("一个套接字", "a socket"),
}


class RefusedFileError(Exception):
    """Raised when a file cannot or must not be read; ``problem`` says why."""

    def __init__(self, refusal: Problem) -> None:
        super().__init__(refusal.code)
        self.problem = refusal


def open_plain_file(path: Path, label: str, limit: int) -> BinaryIO:
    """Open ``path`` for reading if it is a plain file of at most ``limit`` bytes.

    The file is opened without blocking (a named pipe swapped in at the last moment
    does not hang) and checked again once open.

    Raises:
        RefusedFileError: naming ``label``, for a missing, special, looping, unreadable
            or oversized file.
    """
    try:
        _check_plain(path.stat(), label, limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except OSError as error:
        raise RefusedFileError(_os_problem(error, label)) from None
    try:
        _check_plain(os.fstat(fd), label, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_plain_file(path: Path, label: str, limit: int) -> bytes:
    """The bytes of ``path`` (see :func:`open_plain_file`); never more than ``limit``."""
    with open_plain_file(path, label, limit) as file:
        try:
            data = file.read(limit + 1)
        except OSError as error:
            raise RefusedFileError(_os_problem(error, label)) from None
    if len(data) > limit:  # grew after it was checked
        raise RefusedFileError(problem(label, "too_large", size=f"{len(data):,}"))
    return data


def locate_inside(folder: Path, relative: str) -> Path | str:
    """Where a path written in the data leads, or a problem code when it may not be used.

    Returns:
        the resolved path, or ``"path_outside"`` for absolute, drive-letter, UNC
        paths and links leading out of ``folder``, or ``"link_loop"``.
    """
    text = relative.strip().replace("\\", "/")
    if not text or PureWindowsPath(relative).drive or PurePosixPath(text).is_absolute():
        return "path_outside"
    try:
        base = folder.resolve()
        target = (base / text).resolve()
    except RuntimeError:  # Python before 3.13 reports a symlink loop this way
        return "link_loop"
    except OSError as error:
        return "link_loop" if error.errno == errno.ELOOP else "path_outside"
    return target if target.is_relative_to(base) else "path_outside"


def _check_plain(info: os.stat_result, label: str, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        zh, en = _KINDS.get(stat.S_IFMT(info.st_mode), ("一个特殊文件", "a special file"))
        raise RefusedFileError(problem(label, "special_file", kind=zh, kind_en=en))
    if info.st_size > limit:
        raise RefusedFileError(problem(label, "too_large", size=f"{info.st_size:,}"))


def _os_problem(error: OSError, label: str) -> Problem:
    if isinstance(error, FileNotFoundError):
        return problem(label, "not_found")
    if isinstance(error, PermissionError):
        return problem(label, "no_permission")
    if isinstance(error, IsADirectoryError):
        return problem(label, "special_file", kind="一个文件夹", kind_en="a folder")
    if error.errno == errno.ELOOP:
        return problem(label, "link_loop")
    reason = os.strerror(error.errno) if error.errno else "I/O"
    return problem(label, "unreadable", reason=reason)
