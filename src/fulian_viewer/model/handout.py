"""Where ``export --out`` may write its PNGs and PDF handout, decided before rendering.

The export never writes into the dataset's folder, never replaces a file that is
already there unless asked to (``--force``), and says so in one plain line.
"""

from __future__ import annotations

from pathlib import Path

from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.output_request import OutputRequestError, check_writable_folder
from fulian_viewer.model.report import Report

PDF_NAME = "handout.pdf"
MAX_NAMED = 3  # existing files named in the message; the rest are counted


class HandoutTargetError(OutputRequestError):
    """An output folder the handout cannot be written to: one line in English and Chinese."""


def pane_stems(report: Report) -> list[str]:
    """Each pane's file name without suffix, in order (``01-cover``, ``02-section-…``)."""
    return [f"{index:02d}-{spec.key}" for index, spec in enumerate(build_panes(report), start=1)]


def handout_names(report: Report) -> list[str]:
    """The names of every file an export of ``report`` writes."""
    return [f"{stem}.png" for stem in pane_stems(report)] + [PDF_NAME]


def check_handout_folder(out: Path, names: list[str], data: list[Path], force: bool) -> None:
    """Raise :class:`HandoutTargetError` unless ``names`` can be written into ``out``.

    ``data`` holds the dataset's paths (its folder or workbook, the bundled data):
    ``out`` must lie outside each of their folders. A file of ``names`` already in
    ``out`` is replaced only with ``force``.
    """
    if out.exists() and not out.is_dir():
        raise HandoutTargetError(
            f"{out} is a file; give a folder for the PNG files and the handout",
            f"{out} 是一个文件；请指定一个文件夹来存放 PNG 图片和讲义",
        )
    resolved = out.resolve()
    for path in data:
        folder = (path if path.is_dir() else path.parent).resolve()
        if resolved.is_relative_to(folder):
            where_en = "is" if resolved == folder else "is inside"
            where_zh = "就是" if resolved == folder else "在"
            raise HandoutTargetError(
                f"{out} {where_en} the data folder {folder}; export to another folder, "
                "so that the data stays as it is",
                f"{out} {where_zh}数据文件夹 {folder}"
                + ("" if resolved == folder else " 之内")
                + "；为免改动数据，请导出到另一个文件夹",
            )
    existing = [name for name in names if (out / name).exists()]
    if existing and not force:
        shown = "、".join(existing[:MAX_NAMED])
        shown_en = ", ".join(existing[:MAX_NAMED])
        more = len(existing) - MAX_NAMED
        raise HandoutTargetError(
            f"{out} already holds {shown_en}"
            + (f" and {more} more" if more > 0 else "")
            + "; export to another folder, or add --force to replace them",
            f"{out} 中已有 {shown}"
            + (f" 等 {len(existing)} 个文件" if more > 0 else "")
            + "；请导出到另一个文件夹，或加上 --force 替换它们",
        )
    parent = next((p for p in (resolved, *resolved.parents) if p.exists()), Path(resolved.anchor))
    if not parent.is_dir():
        raise HandoutTargetError(
            f"{out}: {parent} is a file, not a folder",
            f"{out}：{parent} 是一个文件，不是文件夹",
        )
    check_writable_folder(out, parent, HandoutTargetError)
