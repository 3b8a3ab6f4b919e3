import os
from pathlib import Path

import pytest

from fulian_viewer.model.video import VideoFormat, VideoRequestError, check_output


@pytest.mark.parametrize(
    ("width", "height", "fps", "level"),
    [
        (1920, 1080, 30, "4.0"),
        (1920, 1080, 60, "4.2"),
        (1080, 1920, 30, "4.0"),
        (1080, 1920, 60, "4.2"),
        (3840, 1080, 30, "5.0"),
        (3840, 1080, 60, "5.1"),
        (3840, 2160, 30, "5.1"),
        (1280, 720, 60, "3.2"),
        (320, 180, 30, "3.0"),
    ],
)
def test_the_lowest_level_that_carries_the_size(
    width: int, height: int, fps: int, level: str
) -> None:
    video = VideoFormat(width, height, fps)
    video.check()
    assert video.level().name == level
    assert video.gop == 2 * fps


@pytest.mark.parametrize(
    ("width", "height", "fps", "words"),
    [
        (1920, 1080, 0, "30 or 60"),
        (1920, 1080, 25, "30 or 60"),
        (1921, 1080, 30, "even width and height, such as 1922x1080"),
        (1920, 1081, 30, "such as 1920x1082"),
        (3840, 2160, 60, "beyond H.264 level 5.1"),
        (7680, 4320, 30, "beyond H.264 level 5.1"),
        (16384, 160, 30, "beyond H.264 level 5.1"),  # a side too long for any level
    ],
)
def test_what_players_cannot_take_is_refused_in_one_line(
    width: int, height: int, fps: int, words: str
) -> None:
    with pytest.raises(VideoRequestError, match=words) as error:
        VideoFormat(width, height, fps).check()
    assert "\n" not in str(error.value)


def test_an_existing_file_is_replaced_only_when_forced(tmp_path: Path) -> None:
    path = tmp_path / "tour.mp4"
    check_output(path, force=False)
    path.write_bytes(b"old")
    with pytest.raises(VideoRequestError, match="--force"):
        check_output(path, force=False)
    check_output(path, force=True)
    assert path.read_bytes() == b"old"  # checking never touches it


def test_unusable_output_paths(tmp_path: Path) -> None:
    with pytest.raises(VideoRequestError, match="does not exist"):
        check_output(tmp_path / "missing" / "tour.mp4", force=True)
    with pytest.raises(VideoRequestError, match="MP4"):
        check_output(tmp_path / "tour.avi", force=True)
    folder = tmp_path / "video.mp4"
    folder.mkdir()
    with pytest.raises(VideoRequestError, match="is a folder"):
        check_output(folder, force=True)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(VideoRequestError, match="not writable"):
            check_output(tmp_path / "tour.mp4", force=False)
    finally:
        tmp_path.chmod(0o755)
