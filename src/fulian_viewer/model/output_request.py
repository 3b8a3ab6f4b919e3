"""Requests to write output (a video, handouts) that cannot be met, said in one line."""

from __future__ import annotations

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
