"""``export --workbook`` and ``export --data-folder``: the dataset written out for staff to edit.

Imports no Qt: it works on a machine without a display.
"""

from __future__ import annotations

import argparse
import sys

from fulian_viewer.model.dataset_export import ExportRefusedError, export_folder, export_workbook
from fulian_viewer.model.loading import bundled_data_path
from fulian_viewer.model.tables import read_dataset


def run_data_export(args: argparse.Namespace) -> int:
    """``export --workbook`` / ``--data-folder``: the dataset written out for staff to edit."""
    en = args.lang == "en"
    if args.workbook is not None and args.workbook.suffix.lower() != ".xlsx":
        print(
            "--workbook: the file must end in .xlsx" if en else "--workbook：文件名须以 .xlsx 结尾",
            file=sys.stderr,
        )
        return 2
    source = args.data or bundled_data_path()
    raw = read_dataset(source)
    if not raw.tables:
        for problem in raw.problems:
            print(problem.message(args.lang), file=sys.stderr)
        return 2
    try:
        if args.workbook is not None:
            files = export_workbook(raw, args.workbook, source, args.force)
        else:
            files = export_folder(raw, args.data_folder, source, args.force)
    except ExportRefusedError as refused:
        print(
            f"{refused.path} exists already; add --force to overwrite it "
            "(the dataset's own files are never overwritten)"
            if en
            else f"{refused.path} 已存在；如要覆盖，请加上 --force（不会覆盖正在读取的数据文件）",
            file=sys.stderr,
        )
        return 2
    except OSError as error:
        print(f"fulian-viewer export: {error}", file=sys.stderr)
        return 1
    for path in files:
        print(path)
    return 0
