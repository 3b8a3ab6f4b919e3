"""Import a report's text (plain text, Markdown or Word) into a draft dataset.

:func:`import_report` reads the report (:mod:`.document`), finds its figures
(:mod:`.figures`), drafts the four tables and the review list (:mod:`.draft`) and
writes them as a new dataset folder (:mod:`.writing`). Nothing here imports Qt.
"""

from __future__ import annotations

from pathlib import Path

from fulian_viewer.model.importer.document import read_report
from fulian_viewer.model.importer.draft import Draft, build_draft
from fulian_viewer.model.importer.failure import ReportImportError
from fulian_viewer.model.importer.writing import check_output, write_draft

__all__ = ["Draft", "ReportImportError", "draft_report", "import_report"]


def draft_report(report: Path) -> Draft:
    """The draft dataset of the report at ``report``, without writing anything.

    Raises:
        ReportImportError: when the report cannot be read or has no headings or figures.
    """
    return build_draft(read_report(report), str(report))


def import_report(report: Path, out: Path) -> Draft:
    """Draft a dataset from ``report`` and write it as the new folder ``out``.

    The output is checked first, so that a long read is not wasted on a folder
    that would be refused; nothing is written unless the whole draft is.

    Raises:
        ReportImportError: with a message in Chinese and English saying what is wrong.
    """
    check_output(out)
    draft = draft_report(report)
    write_draft(draft, out)
    return draft
