"""The documents: every picture they name exists and is made by the script; the Chinese
guide and the English README state the same keys, paths and defaults."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from fulian_viewer.model.config import DEFAULT_DWELL_SECONDS, THEMES, KioskConfig
from fulian_viewer.model.key_map import KEY_TABLE_BLOCK, key_table_markdown, with_key_tables

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "使用说明.md"
README = ROOT / "README.md"
IMAGES = ROOT / "docs" / "images"
SCRIPT = ROOT / "scripts" / "make_doc_images.py"
DOCUMENTS = (GUIDE, README)
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def images_named(document: Path) -> list[Path]:
    text = document.read_text(encoding="utf-8")
    return [document.parent / link for link in IMAGE_LINK.findall(text)]


def shot_names() -> set[str]:
    return set(re.findall(r'Shot\("([^"]+)"', SCRIPT.read_text(encoding="utf-8")))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_picture_named_exists(document: Path) -> None:
    named = images_named(document)
    assert named, f"{document.name} shows no picture"
    missing = [str(path.relative_to(ROOT)) for path in named if not path.is_file()]
    assert not missing, f"{document.name} names pictures that do not exist: {missing}"


def test_image_link_pattern_catches_a_missing_picture(tmp_path: Path) -> None:
    document = tmp_path / "guide.md"
    document.write_text("文字\n\n![封面](images/nothing-here.png)\n", encoding="utf-8")
    assert images_named(document) == [tmp_path / "images" / "nothing-here.png"]


def test_every_picture_is_made_by_the_script_and_used() -> None:
    named = {path.resolve() for document in DOCUMENTS for path in images_named(document)}
    made = {(IMAGES / f"{name}.png").resolve() for name in shot_names()}
    assert named <= made, f"pictures not made by the script: {sorted(map(str, named - made))}"
    on_disk = {path.resolve() for path in IMAGES.glob("*")}
    assert on_disk == made, "docs/images/ holds other files than the script makes"
    assert made <= named, f"pictures no document shows: {sorted(map(str, made - named))}"


def test_pictures_stay_small() -> None:
    total = sum(path.stat().st_size for path in IMAGES.glob("*.png"))
    assert total < 4_000_000, f"docs/images/ grew to {total / 1e6:.1f} MB"


@pytest.mark.parametrize(("document", "lang"), [(GUIDE, "zh"), (README, "en")])
def test_key_table_is_the_help_overlays(document: Path, lang: str) -> None:
    text = document.read_text(encoding="utf-8")
    blocks = KEY_TABLE_BLOCK.findall(text)
    assert [block[1] for block in blocks] == [lang]
    assert blocks[0][2] == key_table_markdown(lang)  # type: ignore[arg-type]
    assert with_key_tables(text) == text, "run scripts/make_doc_images.py"


def test_a_changed_key_table_is_written_anew() -> None:
    stale = "前\n<!-- keys:zh -->\n| 旧 | 表 |\n<!-- /keys -->\n后\n"
    assert (
        with_key_tables(stale)
        == f"前\n<!-- keys:zh -->\n{key_table_markdown('zh')}<!-- /keys -->\n后\n"
    )


def facts() -> list[str]:
    """Values both documents state, taken from the code where the code has them."""
    from fulian_viewer.controllers.kiosk import PROBLEMS_CHORD

    config = KioskConfig()
    return [
        config.exit_chord,
        PROBLEMS_CHORD,
        "exit_chord",
        "pin_hash",
        "kiosk-pin",
        "check --config",
        "--reduce-motion",
        r"C:\fulian-viewer\fulian-viewer.exe",
        r"C:\fulian-viewer-data",
        "kiosk.example.toml",
        "~/.config/fulian-viewer/kiosk.toml",
        "~/fulian-viewer-data",
        "/opt/fulian-viewer",
        "_internal/fulian_viewer/resources/data/",
        "~/.local/state/fulian-viewer/log/",
        "%LOCALAPPDATA%\\fulian-viewer\\fulian-viewer\\Logs\\",
        "fulian-viewer-faults.log",
        "install-kiosk-task.cmd",
        "systemctl --user stop fulian-viewer-kiosk.service",
        'schtasks /Change /TN "fulian-viewer kiosk" /DISABLE',
        "deck.csv",
        "sections.csv",
        "metrics.csv",
        "charts.csv",
        "report.txt",
        "review.csv",
        "CSV UTF-8",
        "`deck`、`sections`、`metrics`、`charts`",
        # Presenting.
        "--presenter",
        "--rehearse",
        "--talk-minutes 20",
        "`--screen 1`",
        "notes.csv",
        "| pane | notes_zh | notes_en | target_seconds |",
        "`cover`",
        "`scorecard`",
        "`closing`",
        "--theme light",
        f'theme = "{THEMES[-1]}"',
        # Live reload.
        "Ctrl+R",
        "--no-watch",
        "watch = false",
        "watch_poll_seconds",
        # Writing the data out, handouts and video.
        "export --data-folder",
        "export --workbook",
        "--force",
        "--allow-problems",
        "export --video",
        "--size 3840x1080",
        "1080x1920",
        "--fps 60",
        "--loop",
        'pip install "fulian-viewer[video]"',
    ]


@pytest.mark.parametrize("fact", facts())
def test_guide_and_readme_state_the_same(fact: str) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    readme = README.read_text(encoding="utf-8").replace(
        "`deck`,\n`sections`, `metrics` and `charts`", "`deck`、`sections`、`metrics`、`charts`"
    )
    assert fact in guide, f"the guide does not say {fact!r}"
    assert fact in readme, f"README.md does not say {fact!r}"


def test_guide_states_the_kiosk_defaults() -> None:
    config = KioskConfig()
    guide = GUIDE.read_text(encoding="utf-8")
    for key, value in (
        ("dwell_seconds", DEFAULT_DWELL_SECONDS),
        ("idle_resume_seconds", config.idle_resume_seconds),
        ("idle_home_seconds", config.idle_home_seconds),
        ("cursor_hide_seconds", config.cursor_hide_seconds),
        ("watch_poll_seconds", config.watch_poll_seconds),
    ):
        assert f"| `{key}` | `{value:g}` |" in guide, key
    assert f'| `theme` | `"{config.theme}"` |' in guide
    assert f"| `watch` | `{str(config.watch).lower()}` |" in guide
    assert f"鼠标指针静止 {config.cursor_hide_seconds:g} 秒后隐藏" in guide
    assert f"{config.idle_resume_seconds:g} 秒无人操作后继续轮播" in guide
    assert f"{config.idle_home_seconds / 60:g} 分钟无人操作后回到封面" in guide


def test_readme_points_to_the_guide_in_chinese() -> None:
    head = README.read_text(encoding="utf-8").split("## ", 1)[0]
    assert "[docs/使用说明.md](docs/使用说明.md)" in head
    assert len(IMAGE_LINK.findall(head)) in (2, 3)


@pytest.fixture(scope="module")
def script(qapp: object) -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_doc_images", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    module.create_application()  # the bundled fonts, as the script has them
    return module


@pytest.mark.parametrize(
    "name", ["help", "pin", "problems", "check-problems", "presenter", "light", "reloaded"]
)
def test_the_script_renders_pictures(script: ModuleType, name: str) -> None:
    shot = next(shot for shot in script.SHOTS if shot.name == name)
    image = shot.make()
    assert image.width() == 1280 and image.height() >= 200
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, image.height(), 5)}
    assert len(colours) > 8, "a blank picture"
