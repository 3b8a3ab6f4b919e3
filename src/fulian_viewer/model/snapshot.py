"""A dataset's files as they stand: what to watch, whether they moved, a steady copy.

Qt-free. A live reload watches the files a dataset is made of
(:func:`watched_files`), notices a change by their fingerprint (size, modification
time and, for small files, a hash of the content, since network shares may keep
coarse times), and reads a change only from a copy taken while nothing moved
(:func:`copy_steady`), so a half-written file is never loaded.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fulian_viewer.model.last_good import WORKBOOK_SUFFIXES
from fulian_viewer.model.schema import SCHEMAS
from fulian_viewer.model.tables import resolve_inside

HASHED_BYTES = 256 * 1024
"""Files up to this size are hashed at each look; larger ones by size and time only."""

Fingerprint = tuple[tuple[str, int, int, str], ...]
"""Per file: (path, size or -1 when missing, modification time in ns, content hash)."""


class ChangingError(Exception):
    """The files changed while they were copied: they have not settled yet."""


def table_files(data: Path) -> list[Path]:
    """The files holding a dataset's tables: its CSV files, or the workbook itself."""
    if data.suffix.lower() in WORKBOOK_SUFFIXES:
        return [data]
    return [data / f"{name}.csv" for name in SCHEMAS]


def data_folder(data: Path) -> Path:
    """The folder that relative paths in the data are read from."""
    return data.parent if data.suffix.lower() in WORKBOOK_SUFFIXES else data


def watched_files(data: Path, source_name: str | None) -> list[Path]:
    """Every file the dataset at ``data`` is read from (missing ones too).

    ``source_name`` is the report text's file as the deck names it (``report.txt``).
    """
    files = table_files(data)
    if source_name:
        source = resolve_inside(data_folder(data), source_name)
        if source is not None and source not in files:
            files.append(source)
    return files


def fingerprint(files: list[Path], hashed_bytes: int = HASHED_BYTES) -> Fingerprint:
    """Size, time and (small files) content hash of each of ``files``."""
    import hashlib  # here: it loads OpenSSL (3 MB resident), which only live reload needs

    marks = []
    for path in files:
        try:
            status = path.stat()
        except OSError:
            marks.append((str(path), -1, 0, ""))
            continue
        digest = ""
        if status.st_size <= hashed_bytes:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                digest = "unreadable"
        marks.append((str(path), status.st_size, status.st_mtime_ns, digest))
    return tuple(marks)


@dataclass(frozen=True)
class SteadyCopy:
    """A copy of a dataset's files taken while none of them changed.

    Attributes:
        data: the copy, loadable as the dataset (a folder, or the workbook in it).
        digest: a hash of every copied file's name and content.
    """

    data: Path
    digest: str


def copy_steady(data: Path, source_name: str | None, into: Path) -> SteadyCopy:
    """Copy the dataset at ``data`` (and its report text) into the empty folder ``into``.

    Raises:
        ChangingError: a file changed while it was being copied.
    """
    import hashlib  # here, as in fingerprint

    folder = data_folder(data)
    files = [path for path in watched_files(data, source_name) if path.is_file()]
    before = _times(files)
    digest = hashlib.sha256()
    for path in files:
        relative = path.resolve().relative_to(folder.resolve())
        target = into / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        digest.update(str(relative).encode("utf-8") + b"\0")
        with target.open("rb") as copied:
            for block in iter(lambda: copied.read(1 << 20), b""):
                digest.update(block)
    if _times(files) != before:
        raise ChangingError(", ".join(path.name for path in files))
    copy = into / data.name if data.suffix.lower() in WORKBOOK_SUFFIXES else into
    return SteadyCopy(copy, digest.hexdigest())


def _times(files: list[Path]) -> list[tuple[int, int]]:
    marks = []
    for path in files:
        try:
            status = os.stat(path)
        except OSError:
            marks.append((-1, 0))
        else:
            marks.append((status.st_size, status.st_mtime_ns))
    return marks
