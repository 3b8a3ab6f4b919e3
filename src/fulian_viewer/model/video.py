"""What a video of the tour is encoded as, and which requests cannot be met.

Qt-free and free of the encoder. Cheap media players, LED sending cards and
signage boxes play H.264 High profile in MP4, yuv420p, at a constant frame rate,
up to a level: :class:`VideoFormat` holds a request, checks it and picks the lowest
H.264 level that carries it (4.1/4.2 at 1080p, 5.1 at 4K, never above 5.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fulian_viewer.model.output_request import OutputRequestError, check_writable_folder

FRAME_RATES = (30, 60)
GOP_SECONDS = 2
CRF = 16
"""x264's constant rate factor: a still pane ends within a few grey levels of its PNG."""


@dataclass(frozen=True)
class Level:
    """An H.264 level's limits (ITU-T H.264 table A-1), bit rates for the High profile.

    Attributes:
        name: as x264 takes it (``4.1``).
        max_frame_mbs: the largest frame, in 16x16 macroblocks.
        max_mbs_per_second: macroblocks per second.
        max_kbps: the largest bit rate (High profile), kbit/s.
        cpb_kbits: the coded picture buffer (High profile), kbit.
    """

    name: str
    max_frame_mbs: int
    max_mbs_per_second: int
    max_kbps: int
    cpb_kbits: int


LEVELS = (
    Level("3.0", 1620, 40500, 12500, 12500),
    Level("3.1", 3600, 108000, 17500, 17500),
    Level("3.2", 5120, 216000, 25000, 25000),
    Level("4.0", 8192, 245760, 25000, 31250),
    Level("4.1", 8192, 245760, 62500, 78125),
    Level("4.2", 8704, 522240, 62500, 78125),
    Level("5.0", 22080, 589824, 168750, 168750),
    Level("5.1", 36864, 983040, 300000, 300000),
)
"""The levels a tour is written at; players for LED walls and signage stop at 5.1."""


class VideoRequestError(OutputRequestError):
    """A video that cannot be made as asked: one line for the user, in English and Chinese."""


@dataclass(frozen=True)
class VideoFormat:
    """A video's size and frame rate.

    Attributes:
        width: in pixels (even).
        height: in pixels (even).
        fps: frames per second (30 or 60).
    """

    width: int
    height: int
    fps: int

    def check(self) -> None:
        """Raise :class:`VideoRequestError` when H.264 at a level players take cannot carry it."""
        if self.fps not in FRAME_RATES:
            raise VideoRequestError(
                f"--fps {self.fps}: a video plays at 30 or 60 frames per second",
                f"--fps {self.fps}：视频的帧率只能是每秒 30 或 60 帧",
            )
        if self.width % 2 or self.height % 2:
            even = f"{self.width + self.width % 2}x{self.height + self.height % 2}"
            raise VideoRequestError(
                f"--size {self.width}x{self.height}: H.264 (yuv420p) needs an even width and "
                f"height, such as {even}",
                f"--size {self.width}x{self.height}：H.264（yuv420p）视频的宽和高须为偶数，"
                f"例如 {even}",
            )
        self.level()

    @property
    def macroblocks(self) -> int:
        """16x16 macroblocks a frame holds."""
        return -(-self.width // 16) * -(-self.height // 16)

    @property
    def gop(self) -> int:
        """Frames from one key frame to the next (about two seconds)."""
        return self.fps * GOP_SECONDS

    def level(self) -> Level:
        """The lowest level that carries this size and frame rate."""
        frame = self.macroblocks
        longest_side = max(-(-self.width // 16), -(-self.height // 16))
        for level in LEVELS:
            if (
                frame <= level.max_frame_mbs
                and frame * self.fps <= level.max_mbs_per_second
                and longest_side**2 <= 8 * level.max_frame_mbs
            ):
                return level
        raise VideoRequestError(
            f"--size {self.width}x{self.height} at {self.fps} fps is beyond H.264 level 5.1, "
            "which LED controllers and media players play; use a smaller size or --fps 30",
            f"--size {self.width}x{self.height}、每秒 {self.fps} 帧超出了 LED 控制器和播放器"
            "能播放的 H.264 5.1 级；请用较小的尺寸或 --fps 30",
        )


def check_output(path: Path, force: bool) -> None:
    """Raise :class:`VideoRequestError` unless a video can be written at ``path``.

    An existing file is replaced only with ``force``; the folder must exist and be
    writable (the video is written beside it under a temporary name first).
    """
    if path.suffix.lower() not in (".mp4", ".m4v"):
        raise VideoRequestError(
            f"{path}: the video is written as MP4; name it ….mp4",
            f"{path}：视频为 MP4 格式，文件名须以 .mp4 结尾",
        )
    if path.is_dir():
        raise VideoRequestError(
            f"{path} is a folder; give the video's file name",
            f"{path} 是一个文件夹；请写出视频的文件名",
        )
    if path.exists() and not force:
        raise VideoRequestError(
            f"{path} exists; add --force to replace it",
            f"{path} 已存在；如要替换，请加上 --force",
        )
    folder = path.parent if str(path.parent) else Path()
    check_writable_folder(path, folder, VideoRequestError)
