"""Read a report as a list of headings and paragraphs, from plain text, Markdown or Word.

Plain text and Markdown mark headings with ``#`` (``### 强化思想政治引领 …``, as in the
bundled ``report.txt``); a Word document marks them by paragraph style (Title,
Subtitle, Heading 1…, 标题 1…). Reports copied out of a laid-out page carry hard line
breaks in the middle of sentences, even in the middle of a figure (``1.7`` / ``万个``):
:func:`mend_breaks` joins such pieces back into whole paragraphs.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from fulian_viewer.model.decoding import DecodeError, decode_text
from fulian_viewer.model.importer.failure import ReportImportError

MAX_REPORT_BYTES = 20 * 1024 * 1024
MAX_REPORT_CHARS = 500_000  # the bundled report has 4,000; this is a 250-page book
MAX_HEADING_CHARS = 200
MAX_DOCX_PART_BYTES = 50 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an old Word .doc (or another Office 97 file)
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# A paragraph ending in one of these is whole; one that does not may be cut short.
_TERMINAL = "。！？；：!?;:…”’」』）)】"
_INNER_PUNCTUATION = re.compile(r"[，、；：“”（）,]")
_FRAGMENT_MIN_CHARS = 20
_LIST_ITEM_RE = re.compile(r"^(?:[-*•·●▪]\s*|\d{1,2}(?:[.)]\s+|、\s*))(?=\S)")
_TABLE_RULE_RE = re.compile(r"^\|?[\s:|-]*-{3,}[\s:|-]*\|?$")
_WORD_STYLE_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """A heading (``level`` 0 to 9) or a paragraph (``level`` None) of the report.

    ``whole`` marks a list item or table row, which never runs on into the next block.
    """

    text: str
    level: int | None = None
    whole: bool = False

    @property
    def is_heading(self) -> bool:
        """Whether this block is a heading."""
        return self.level is not None


def read_report(path: Path) -> list[Block]:
    """The report at ``path`` as headings and whole paragraphs.

    Raises:
        ReportImportError: when the file is missing, empty, binary, too large or a
            damaged Word document.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportImportError("report_not_found", path=path) from None
    except IsADirectoryError:
        raise ReportImportError("report_is_folder", path=path) from None
    except OSError as error:
        raise ReportImportError("report_unreadable", path=path, reason=error.strerror) from None
    if len(data) > MAX_REPORT_BYTES:
        raise ReportImportError("report_too_large", path=path, size=len(data))
    if not data.strip():
        raise ReportImportError("report_empty", path=path)
    if path.suffix.lower() in (".docx", ".docm") or data.startswith(_ZIP_MAGIC):
        blocks = _read_docx(path, data)
    elif path.suffix.lower() == ".doc" or data.startswith(_OLE_MAGIC):
        raise ReportImportError("report_not_docx", path=path)
    elif data.startswith(b"%PDF"):
        raise ReportImportError("report_pdf", path=path)
    else:
        blocks = parse_text(_decode(path, data))
    # A "heading" as long as a paragraph is one (a pasted text that starts with #).
    blocks = [
        Block(b.text) if b.is_heading and len(b.text) > MAX_HEADING_CHARS else b for b in blocks
    ]
    blocks = mend_breaks(blocks)
    if not any(block.text for block in blocks):
        raise ReportImportError("report_empty", path=path)
    length = sum(len(block.text) for block in blocks)
    if length > MAX_REPORT_CHARS:
        raise ReportImportError("report_too_long", path=path, size=length)
    return blocks


def parse_text(text: str) -> list[Block]:
    """Blocks of a plain-text or Markdown report: ``#`` headings, blank-line paragraphs.

    Lines of one paragraph (no blank line between) are joined as one.
    """
    blocks: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(Block(_join_pieces(lines)))
            lines.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip(" \u3000\ufeff")
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            if heading[2]:
                blocks.append(Block(heading[2], len(heading[1])))
        elif _TABLE_RULE_RE.match(line):
            flush()
        elif line.startswith("|") or "\t" in line or _LIST_ITEM_RE.match(line):
            flush()
            blocks.append(Block(table_row(line), whole=True))
        elif line:
            lines.append(line)
        else:
            flush()
    flush()
    return blocks


def table_row(line: str) -> str:
    """A list item or a table row (``| 主题宣讲 | 6.6万场次 |``, tabs) as one sentence.

    Cells are joined with ``：`` and the row ends with ``。``, so that each row is a
    sentence of its own with the words before its figure.
    """
    line = _LIST_ITEM_RE.sub("", line.strip())
    cells = [cell.strip() for cell in re.split(r"\t+|\|", line)]
    cells = [cell for cell in cells if cell]
    text = "：".join(cells)
    return text if not text or text[-1] in _TERMINAL else text + "。"


def mend_breaks(blocks: list[Block]) -> list[Block]:
    """Join paragraphs that a hard line break cut in the middle of a sentence.

    A paragraph that does not end a sentence continues in the next one when it
    looks like running text (it has inner punctuation or is long); short lines
    such as ``核心提示`` or a credit line stay on their own.
    """
    mended: list[Block] = []
    for block in blocks:
        previous = mended[-1] if mended else None
        if (
            previous is not None
            and not previous.is_heading
            and not block.is_heading
            and not (previous.whole or block.whole)
            and _is_cut_short(previous.text)
        ):
            mended[-1] = Block(_join_pieces([previous.text, block.text]))
        else:
            mended.append(block)
    return mended


def _is_cut_short(text: str) -> bool:
    if not text or text[-1] in _TERMINAL:
        return False
    return len(text) >= _FRAGMENT_MIN_CHARS or bool(_INNER_PUNCTUATION.search(text))


def _join_pieces(pieces: list[str]) -> str:
    """Join lines of one paragraph: Chinese runs on without a space, Latin words get one."""
    text = ""
    for piece in pieces:
        if text and text[-1].isascii() and text[-1].isalpha() and piece[:1].isascii():
            text += " "
        text += piece
    return text


def _decode(path: Path, data: bytes) -> str:
    try:
        text, _ = decode_text(data)
    except DecodeError as error:
        code = "report_binary" if error.code == "binary" else "report_encoding"
        raise ReportImportError(code, path=path) from None
    return text


def _read_docx(path: Path, data: bytes) -> list[Block]:
    """Blocks of a Word document; headings by style, table rows as ``cell：cell`` lines."""
    _check_docx_container(path)
    import docx  # python-docx; only a Word report needs it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        items = list(document.iter_inner_content())
    except Exception:  # python-docx raises many types for a damaged file
        raise ReportImportError("report_not_docx", path=path) from None
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, Paragraph):
            blocks += _docx_paragraph(item)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                cells = [cell for cell in dict.fromkeys(cells) if cell]  # merged cells repeat
                if cells:
                    blocks.append(Block(table_row("|".join(cells)), whole=True))
    return blocks


def _docx_paragraph(paragraph: object) -> list[Block]:
    from docx.text.paragraph import Paragraph

    assert isinstance(paragraph, Paragraph)
    text = paragraph.text.replace("\t", " ")
    style = paragraph.style.name if paragraph.style is not None else ""
    level = _style_level(style or "")
    based_on = paragraph.style.base_style if paragraph.style is not None else None
    for _ in range(5):  # a style of one's own based on 标题 1 is a heading too
        if level is not None or based_on is None:
            break
        level = _style_level(based_on.name or "")
        based_on = based_on.base_style
    # A line break typed inside a Word paragraph (Shift+Enter) is a hard break too.
    pieces = [piece.strip() for piece in text.split("\n") if piece.strip()]
    if not pieces:
        return []
    if level is not None:
        return [Block(" ".join(pieces), level)]
    if style.lower().startswith(("list", "列表")):
        return [Block(table_row(piece), whole=True) for piece in pieces]
    return [Block(piece) for piece in pieces]


def _style_level(name: str) -> int | None:
    """Heading level of a Word paragraph style; the title and subtitle count as level 0."""
    lowered = name.strip().lower()
    if lowered in ("title", "标题", "subtitle", "副标题"):
        return 0
    match = _WORD_STYLE_RE.match(name.strip())
    return int(match[1]) if match else None


def _check_docx_container(path: Path) -> None:
    """Refuse a file that is not a Word document, or whose parts would unpack too large."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError):
        raise ReportImportError("report_not_docx", path=path) from None
    part = infos.get("word/document.xml")
    if part is None:
        raise ReportImportError("report_not_docx", path=path)
    if sum(info.file_size for info in infos.values()) > MAX_DOCX_PART_BYTES:
        raise ReportImportError("report_too_large", path=path, size=part.file_size)
