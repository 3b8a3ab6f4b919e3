"""How closely a video frame matches an image: PSNR in the video's own colour space.

A video in yuv420p cannot hold an RGB image exactly (its colour has half the
resolution), so frames are compared as video tools compare them (FFmpeg's
``psnr`` filter): the image is converted to yuv420p as the encoder converted the
recorded frames, and the mean squared error is taken over every sample of the Y,
U and V planes together.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import av
import numpy as np

from fulian_viewer.video.encoder import to_yuv420p

if TYPE_CHECKING:
    from PySide6.QtGui import QImage


def planes(frame: av.VideoFrame) -> list[np.ndarray]:
    """The Y, U and V planes of a yuv420p ``frame``, without line padding."""
    height, width = frame.height, frame.width
    sizes = (
        (width, height),
        ((width + 1) // 2, (height + 1) // 2),
        ((width + 1) // 2, (height + 1) // 2),
    )
    result = []
    for plane, (w, h) in zip(frame.planes, sizes, strict=True):
        lines = np.frombuffer(memoryview(plane), np.uint8).reshape(-1, plane.line_size)[:h, :w]
        result.append(lines.astype(np.float64))
    return result


def psnr(image: QImage, frame: av.VideoFrame, rows: int | None = None) -> float:
    """PSNR in dB between ``image`` (RGB32) and the decoded yuv420p ``frame``.

    With ``rows``, only the top ``rows`` lines count (an even number).
    """
    reference = planes(to_yuv420p(image))
    decoded = planes(frame.reformat(format="yuv420p"))
    squared = 0.0
    count = 0
    for index, (ref, got) in enumerate(zip(reference, decoded, strict=True)):
        limit = rows if rows is None or index == 0 else rows // 2
        diff = ref[:limit] - got[:limit]
        squared += float((diff * diff).sum())
        count += diff.size
    mse = squared / max(1, count)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)
