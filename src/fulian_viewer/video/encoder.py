"""H.264 in MP4 with PyAV, as LED controllers and media players take it.

High profile at the lowest level that carries the size (:mod:`fulian_viewer.model.video`),
yuv420p in BT.709 limited range (as players assume for HD and larger), a constant
frame rate, a key frame every two seconds, and the index at the front of the file
(``+faststart``) so that players start at once.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace
from PySide6.QtGui import QImage

from fulian_viewer.model.video import CRF, VideoFormat

PRESET = "superfast"
TUNING = ("bframes=0", "subme=0")
"""x264's speed. A tour is mostly still panes, which compress well at any preset, and
its motion is whole pixels (slides) or growing shapes: without B-frames and sub-pixel
motion search a still frame costs about half the CPU time (5.8 rather than 10.5 ms
at 1920x1080), at the same quality (CRF)."""


class H264Writer:
    """Writes frames of ``fmt``'s size to an MP4 file at ``path``; a context manager.

    Args:
        path: the file to write (replaced).
        fmt: the video's size and frame rate (already checked).
    """

    def __init__(self, path: Path, fmt: VideoFormat) -> None:
        level = fmt.level()
        self.format = fmt
        self.level = level
        self.frames = 0
        self._container = av.open(
            str(path), mode="w", format="mp4", options={"movflags": "+faststart"}
        )
        stream = self._container.add_stream("libx264", rate=fmt.fps)
        stream.width = fmt.width
        stream.height = fmt.height
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, fmt.fps)
        context = stream.codec_context
        context.profile = "High"
        context.colorspace = Colorspace.ITU709
        context.color_range = ColorRange.MPEG
        context.color_primaries = 1  # BT.709
        context.color_trc = 1  # BT.709
        stream.options = {
            "preset": PRESET,
            "crf": str(CRF),
            "x264-params": ":".join(
                (
                    *TUNING,
                    f"level={level.name}",
                    f"keyint={fmt.gop}",
                    f"min-keyint={fmt.gop}",
                    "scenecut=0",
                    f"vbv-maxrate={level.max_kbps}",
                    f"vbv-bufsize={level.cpb_kbits}",
                    "colorprim=bt709",
                    "transfer=bt709",
                    "colormatrix=bt709",
                )
            ),
        }
        self._stream = stream
        self._bgra = av.VideoFrame(fmt.width, fmt.height, "bgra")
        self._last: av.VideoFrame | None = None
        plane = self._bgra.planes[0]
        self.canvas = QImage(
            memoryview(plane), fmt.width, fmt.height, plane.line_size, QImage.Format.Format_RGB32
        )
        """An image whose pixels are the next frame's: render into it, then :meth:`write`."""

    def __enter__(self) -> H264Writer:
        return self

    def write(self, image: QImage | None) -> None:
        """Add ``image`` as the next frame; None repeats the last frame.

        ``image`` is RGB32 at the video's size; :attr:`canvas` is taken without a copy.
        """
        if image is not None or self._last is None:
            if image is None:
                raise ValueError("the first frame cannot repeat another")
            self._last = bt709(self._bgra) if image is self.canvas else to_yuv420p(image)
        self._last.pts = self.frames
        self.frames += 1
        self._container.mux(self._stream.encode(self._last))

    def close(self) -> None:
        """Flush the encoder and finish the file."""
        self._container.mux(self._stream.encode(None))
        self._container.close()

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()
        else:
            self._container.close()


def to_yuv420p(image: QImage) -> av.VideoFrame:
    """A copy of ``image`` (RGB32) as a yuv420p frame, as :class:`H264Writer` encodes it."""
    bgra = av.VideoFrame(image.width(), image.height(), "bgra")
    plane = bgra.planes[0]
    lines = np.frombuffer(memoryview(plane), np.uint8).reshape(image.height(), plane.line_size)
    lines[:, : image.width() * 4] = image_lines(image)[:, : image.width() * 4]
    return bt709(bgra)


def bt709(bgra: av.VideoFrame) -> av.VideoFrame:
    """A ``bgra`` frame in yuv420p, BT.709 limited range, as players expect of HD and larger."""
    return bgra.reformat(
        format="yuv420p",
        src_colorspace=Colorspace.ITU709,
        dst_colorspace=Colorspace.ITU709,
        src_color_range=ColorRange.JPEG,
        dst_color_range=ColorRange.MPEG,
    )


def image_lines(image: QImage) -> np.ndarray:
    """The bytes of ``image`` as a (height, bytes per line) array, a view valid while it lives.

    An RGB32 image holds 0xffRRGGBB in native order: B, G, R, A in memory on the
    little-endian machines Qt and PyAV run on, PyAV's ``bgra``. Each line may end
    in padding.
    """
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
