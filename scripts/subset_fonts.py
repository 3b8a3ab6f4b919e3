"""Make the bundled subset fonts from Debian's fonts-noto-cjk.

Takes the Simplified Chinese face ("Noto Sans CJK SC") out of each Noto Sans CJK
TTC collection, found by its name table rather than by index, and keeps only
the glyphs the viewer needs:

* every character of the bundled data (``*.csv`` and ``report.txt``);
* every character of the interface strings (read from
  ``fulian_viewer.model.ui_strings.all_ui_characters()`` at run time);
* a margin for staff who edit the figures: printable ASCII, Latin-1, general
  punctuation, CJK symbols and punctuation, full-width forms, a few symbols and
  all 6,763 hanzi of GB 2312 (levels 1 and 2), with the rest of GB 2312's
  symbols, so that any common character a clerk types is drawn.

Get the source fonts without installing them system-wide::

    apt-get update
    cd /tmp && apt-get download fonts-noto-cjk
    dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto

then run, from the project root::

    uv run python scripts/subset_fonts.py

It writes ``resources/fonts/NotoSansCJKsc-<Weight>.otf``,
prints each file's size, and fails if any data or interface character is missing.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.reorderGlyphs import reorderGlyphs

ROOT = Path(__file__).resolve().parents[1]
RESOURCES_DIR = ROOT / "resources"
DATA_DIR = RESOURCES_DIR / "data"
OUT_DIR = RESOURCES_DIR / "fonts"
DEFAULT_SOURCE_DIR = Path("/tmp/noto/usr/share/fonts/opentype/noto")

FAMILY = "Noto Sans CJK SC"
DEFAULT_WEIGHTS = ("Regular", "Bold")

# Layout features kept when the face has them. Horizontal display text only:
# 'locl' is left out on purpose (it would swap in Japanese/Korean/Traditional
# shapes under a non-Chinese locale, and pull those glyphs in), as are the
# vertical-writing, width-variant, ruby and 'aalt' features.
WANTED_FEATURES = (
    "calt",
    "ccmp",
    "halt",
    "kern",
    "liga",
    "lnum",
    "mark",
    "mkmk",
    "palt",
    "pnum",
    "rvrn",
    "tnum",
)

MARGIN_RANGES = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 punctuation, symbols and letters
    (0x2000, 0x206F),  # general punctuation
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x4E00, 0x9FFF),  # CJK unified ideographs (the basic block)
)
MARGIN_EXTRA = "←→↑↓✓✗•·×0123456789万亿余%"


def gb2312_characters(first_row: int = 1, last_row: int = 87) -> str:
    """The characters of GB 2312 rows ``first_row``-``last_row``, in code order.

    Rows 16-55 are the 3,755 level-1 hanzi, rows 56-87 the 3,008 level-2 hanzi;
    rows 1-9 hold punctuation, symbols, Latin, Greek, Cyrillic and kana.
    """
    chars = []
    for lead in range(0xA0 + first_row, 0xA0 + last_row + 1):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def data_text() -> str:
    """All the text of the bundled data files."""
    files = [*sorted(DATA_DIR.glob("*.csv")), DATA_DIR / "report.txt"]
    return "".join(path.read_text(encoding="utf-8-sig") for path in files)


def ui_text() -> str:
    """All the interface string templates, read from the live table."""
    try:
        from fulian_viewer.model.ui_strings import all_ui_characters
    except ModuleNotFoundError:
        sys.path.insert(0, str(ROOT / "src"))
        from fulian_viewer.model.ui_strings import all_ui_characters
    return "".join(all_ui_characters())


def shown(chars: Iterable[str]) -> set[str]:
    """The characters that need a glyph: no whitespace, no control/format ones."""
    return {c for c in chars if not c.isspace() and not unicodedata.category(c).startswith("C")}


def margin_text() -> str:
    """The safety margin of characters beyond what is used today."""
    ranges = "".join(chr(cp) for lo, hi in MARGIN_RANGES for cp in range(lo, hi + 1))
    return ranges + MARGIN_EXTRA + gb2312_characters()


def find_face(ttc_path: Path, family: str = FAMILY) -> int:
    """The index in ``ttc_path`` of the face whose family name is ``family``."""
    collection = TTCollection(str(ttc_path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            name = font["name"]
            names = {name.getDebugName(16), name.getDebugName(1)}
            if family in names:
                return index
    finally:
        collection.close()
    raise SystemExit(f"no face named {family!r} in {ttc_path}")


def layout_features(font: TTFont) -> dict[str, list[str]]:
    """The GSUB and GPOS feature tags present in ``font``."""
    found: dict[str, list[str]] = {}
    for tag in ("GSUB", "GPOS"):
        if tag in font and font[tag].table.FeatureList is not None:
            records = font[tag].table.FeatureList.FeatureRecord
            found[tag] = sorted({record.FeatureTag for record in records})
    return found


def make_subset(source: Path, index: int, target: Path, text: str) -> list[str]:
    """Subset face ``index`` of ``source`` to ``text``, save it, return kept features."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.hinting = False  # display sizes; hints cost ~140 KB per weight
    options.desubroutinize = True  # smaller here, and simpler to rasterise
    options.recalc_timestamp = False

    font = TTFont(str(source), fontNumber=index, lazy=True, recalcTimestamp=False)
    present = {tag for tags in layout_features(font).values() for tag in tags}
    kept = sorted(present.intersection(WANTED_FEATURES))
    options.layout_features = kept

    subsetter = subset.Subsetter(options=options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
    font.close()
    return kept


def put_used_glyphs_first(target: Path, used: set[str]) -> int:
    """Move the glyphs of ``used`` characters to the front of the font, in place.

    The viewer maps the font file and touches a page for every glyph it draws; with
    the report's few hundred characters scattered among 22,000 glyphs that is most of
    the file's pages (about 5 MB more resident memory than with the glyphs together).
    Every glyph keeps its outline, advance and font dict; this is checked.

    Returns:
        how many glyphs were moved to the front.
    """
    font = TTFont(str(target), recalcTimestamp=False)
    order = font.getGlyphOrder()
    cmap = font.getBestCmap()
    wanted = {cmap[ord(c)] for c in used if ord(c) in cmap}
    first = [name for name in order if name == ".notdef" or name in wanted]
    moved = set(first)
    new_order = first + [name for name in order if name not in moved]
    top = font["CFF "].cff.topDictIndex[0]
    font_dicts = dict(zip(order, top.FDSelect.gidArray, strict=True)) if top.ROS else {}
    before = _glyph_facts(font)
    reorderGlyphs(font, new_order)
    if font_dicts:
        top.FDSelect.gidArray = [font_dicts[name] for name in new_order]
    font.save(str(target))
    font.close()
    with TTFont(str(target)) as saved:
        if saved.getGlyphOrder() != new_order or _glyph_facts(saved) != before:
            raise SystemExit(f"{target.name}: reordering changed a glyph")
    return len(first)


def _glyph_facts(font: TTFont) -> dict[str, object]:
    """Each glyph's advance, bounds and font dict, and each character's glyph name."""
    glyphs = font.getGlyphSet()
    top = font["CFF "].cff.topDictIndex[0]
    charstrings = top.CharStrings
    facts: dict[str, object] = {"cmap": font.getBestCmap()}
    for name in font.getGlyphOrder():
        charstring, font_dict = charstrings.getItemAndSelector(name)
        charstring.decompile()
        facts[name] = (font["hmtx"][name], glyphs[name].width, font_dict, str(charstring.program))
    return facts


def check_output(target: Path, required: set[str]) -> list[str]:
    """The ``required`` characters missing from ``target``'s cmap, and its family."""
    with TTFont(str(target), lazy=True) as font:
        family = font["name"].getDebugName(1)
        if family != FAMILY:
            raise SystemExit(f"{target.name}: family is {family!r}, not {FAMILY!r}")
        cmap = font.getBestCmap()
        return sorted(c for c in required if ord(c) not in cmap)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help=f"folder with NotoSansCJK-<Weight>.ttc (default: {DEFAULT_SOURCE_DIR})",
    )
    parser.add_argument(
        "--weights",
        nargs="+",
        default=list(DEFAULT_WEIGHTS),
        help="weights to make (default: %(default)s); each needs NotoSansCJK-<Weight>.ttc",
    )
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where to write the .otf")
    args = parser.parse_args(argv)

    required = shown(data_text() + ui_text())
    text = "".join(sorted(required | set(margin_text())))
    print(f"{len(required)} characters used by data and interface; {len(text)} requested")

    failed = False
    for weight in args.weights:
        source = args.source_dir / f"NotoSansCJK-{weight}.ttc"
        if not source.is_file():
            print(f"error: {source} not found", file=sys.stderr)
            return 2
        index = find_face(source)
        with TTFont(str(source), fontNumber=index, lazy=True) as face:
            present = layout_features(face)
        target = args.out_dir / f"NotoSansCJKsc-{weight}.otf"
        kept = make_subset(source, index, target, text)
        first = put_used_glyphs_first(target, required)
        missing = check_output(target, required)
        with TTFont(str(target), lazy=True) as out:
            glyphs = out["maxp"].numGlyphs
            cmap = out.getBestCmap()
            mapped = len(cmap)
            digit_widths = {out["hmtx"][cmap[ord(d)]][0] for d in "0123456789"}
        size = target.stat().st_size
        print(f"{source.name}: face {index} is {FAMILY}")
        for tag, tags in present.items():
            print(f"  source {tag}: {' '.join(tags)}")
        print(f"  kept features: {' '.join(kept)}")
        print(f"  the {first} glyphs of the data and interface come first")
        widths = "/".join(str(w) for w in sorted(digit_widths))
        tabular = "tabular" if len(digit_widths) == 1 else "proportional"
        print(f"  default digits 0-9: advance {widths} units, so {tabular} by default")
        if "tnum" not in kept:
            print("  note: the face has no 'tnum' feature")
        print(
            f"  wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
            f"{size:,} bytes ({size / 1_048_576:.2f} MiB), {glyphs} glyphs, {mapped} code points"
        )
        if missing:
            failed = True
            print(f"  error: {len(missing)} needed characters missing: {''.join(missing)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
