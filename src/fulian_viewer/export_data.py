"""``export --workbook`` and ``export --data-folder``: the dataset written out for staff to edit.

Imports no Qt: it works on a machine without a display.
"""

from __future__ import annotations

import argparse
import sys

from fulian_viewer.model.dataset_export import ExportRefusedError, export_folder, export_workbook
from fulian_viewer.model.loading import bundled_data_path
from fulian_viewer.model.output_request import write_failure
from fulian_viewer.model.tables import read_dataset


def run_data_export(args: argparse.Namespace) -> int:
    """``export --workbook`` / ``--data-folder``: the dataset written out for staff to edit."""
    en = args.lang == "en"
    colon = ": " if en else "："
    prefix = f"fulian-viewer export{colon}"
    if args.workbook is not None and args.workbook.suffix.lower() != ".xlsx":
        wrong = (
            f"--workbook {args.workbook}{colon}the file must end in .xlsx"
            if en
            else f"--workbook {args.workbook}{colon}文件名须以 .xlsx 结尾"
        )
        print(prefix + wrong, file=sys.stderr)
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
        print(prefix + _refusal(refused, en), file=sys.stderr)
        return 2
    except OSError as error:
        target = args.workbook if args.workbook is not None else args.data_folder
        print(f"{prefix}{target}{colon}{write_failure(error, args.lang)}", file=sys.stderr)
        return 1
    for path in files:
        print(path)
    return 0


def _refusal(refused: ExportRefusedError, en: bool) -> str:
    """Why a file was not written: it exists (``--force`` would do), or it is the data read."""
    if refused.read_from:
        return (
            f"{refused.path} is the data being read; it cannot be written over, "
            "even with --force: write to another file or folder"
            if en
            else f"{refused.path} 就是正在读取的数据，不能被写入覆盖（加上 --force 也不行）；"
            "请写到另一个文件或文件夹"
        )
    return (
        f"{refused.path} exists already; add --force to overwrite it"
        if en
        else f"{refused.path} 已存在；如要覆盖，请加上 --force"
    )
