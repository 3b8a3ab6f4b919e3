import io

from fulian_viewer.video.progress import Progress, clock_text


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_output_has_a_line_every_tenth() -> None:
    stream = io.StringIO()
    now = [0.0]
    progress = Progress(200, stream, clock=lambda: now[0])
    for done in range(1, 201):
        now[0] = done * 0.1
        progress.update(done)
    progress.end()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11
    assert lines[0] == "  0%  1/200 frames  … left"
    assert lines[5] == " 50%  100/200 frames  0:10 left"
    assert lines[-1] == "100%  200/200 frames  0:00 left"
    assert "\r" not in stream.getvalue()


def test_a_terminal_gets_one_line_redrawn_with_a_bar() -> None:
    stream = Terminal()
    now = [0.0]
    progress = Progress(100, stream, clock=lambda: now[0])
    for done in range(1, 101):
        now[0] = done * 0.05
        progress.update(done)
    progress.end()
    text = stream.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    last = text.rstrip("\n").split("\r")[-1]
    assert last.startswith("[" + "#" * 30 + "] 100%  100/100 frames")
    assert 10 < text.count("\r") < 30  # redrawn a few times a second, not every frame


def test_clock_text() -> None:
    assert clock_text(5) == "0:05"
    assert clock_text(65.4) == "1:05"
    assert clock_text(3725) == "1:02:05"
