"""The last good copy of a dataset, so a kiosk survives a bad edit.

When a kiosk's dataset loads without a single problem, its files are copied to a
private folder (never the other way round: the user's files are only read). When a
later edit breaks it, the kiosk shows that copy instead and reports the problems to
the staff. Without a copy it shows what is still good in the edited data, and the
bundled report when nothing is.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fulian_viewer import APP_NAME, ORGANISATION
from fulian_viewer.model.dataset import Origin
from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.problems import Problem
from fulian_viewer.model.report import Report
from fulian_viewer.model.schema import SCHEMAS
from fulian_viewer.model.tables import resolve_inside

log = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class KioskLoad:
    """What a kiosk shows and what went wrong on the way.

    Attributes:
        shown: the load result on screen (its report is never None).
        problems: the problems of the dataset that was asked for.
        origin: ``data`` (the dataset asked for, maybe partly), ``last_good`` (its
            last good copy) or ``bundled`` (the report that ships with the app).
    """

    shown: LoadResult
    problems: tuple[Problem, ...]
    origin: Origin


def default_root() -> Path:
    """Where last good copies are kept: the user's data folder for this app."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, ORGANISATION)) / "last-good"


def snapshot_folder(data: Path, root: Path | None = None) -> Path:
    """The folder holding the last good copy of the dataset at ``data``."""
    import hashlib  # here: it loads OpenSSL (3 MB resident), which a viewer may never need

    digest = hashlib.sha256(str(data.resolve()).encode("utf-8")).hexdigest()[:16]
    return (root if root is not None else default_root()) / digest


def dataset_files(data: Path, report: Report) -> list[tuple[Path, Path]]:
    """The files a dataset is made of, as (where it is, where it goes in a copy)."""
    if data.is_dir():
        folder = data
        files = [data / f"{name}.csv" for name in SCHEMAS if (data / f"{name}.csv").is_file()]
    else:
        folder = data.parent
        files = [data]
    source = report.deck.text("source_file")
    if source is not None:
        path = resolve_inside(folder, source.zh)
        if path is not None and path.is_file():
            files.append(path)
    return [(path, path.resolve().relative_to(folder.resolve())) for path in files]


def save_snapshot(
    data: Path, report: Report, root: Path | None = None, *, copy_of: Path | None = None
) -> Path | None:
    """Copy the dataset at ``data`` as its last good copy; None when that fails.

    With ``copy_of``, ``data`` is a steady copy of the dataset at ``copy_of`` (a live
    reload reads one) and is kept as the last good copy of ``copy_of``.

    The copy is written beside the old one and swapped in, so a crash half-way
    leaves the previous copy whole. Failing to copy is logged, never raised: a
    kiosk goes on showing its data either way.
    """
    target = snapshot_folder(copy_of or data, root)
    staging = target.with_name(f"{target.name}.new-{os.getpid()}")
    try:
        shutil.rmtree(staging, ignore_errors=True)
        for source, relative in dataset_files(data, report):
            destination = staging / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
        old = target.with_name(f"{target.name}.old-{os.getpid()}")
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, ValueError) as error:
        log.warning("could not keep a last good copy of %s: %s", data, error)
        shutil.rmtree(staging, ignore_errors=True)
        return None
    log.info("kept a last good copy of %s in %s", data, target)
    return target


def snapshot_dataset(data: Path, root: Path | None = None) -> Path | None:
    """The last good copy of ``data`` as a loadable path, or None when there is none."""
    folder = snapshot_folder(data, root)
    if not folder.is_dir():
        return None
    if data.suffix.lower() in WORKBOOK_SUFFIXES:
        workbook = folder / data.name
        return workbook if workbook.is_file() else None
    return folder


def load_for_kiosk(data: Path | None, root: Path | None = None) -> KioskLoad:
    """Load ``data`` for a kiosk, falling back to its last good copy, then the bundled report.

    A dataset with no problem (warnings aside) becomes the new last good copy; its
    warnings (merged cells in a workbook, say) are still listed.
    """
    if data is None:
        bundled = load_report(None)
        return KioskLoad(bundled, bundled.problems, "bundled")
    result = load_report(data)
    if result.ok and result.report is not None:
        save_snapshot(data, result.report, root)
        return KioskLoad(result, result.problems, "data")
    copy = snapshot_dataset(data, root)
    if copy is not None:
        previous = load_report(copy)
        if previous.ok:
            return KioskLoad(previous, result.problems, "last_good")
        log.warning("the last good copy in %s no longer loads; ignoring it", copy)
    if result.report is not None:
        return KioskLoad(result, result.problems, "data")
    bundled = load_report(None)
    return KioskLoad(bundled, result.problems, "bundled")
