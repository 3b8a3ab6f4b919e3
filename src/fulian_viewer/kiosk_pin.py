"""``kiosk-pin``: hash a staff PIN for ``pin_hash`` in the kiosk configuration.

The PIN is read twice, from the terminal without echo or from piped input; the hash
line goes to stdout and a line to paste to stderr. Imports no Qt.
"""

from __future__ import annotations

import sys
import unicodedata

from fulian_viewer.model.pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, hash_pin, valid_pin


def _read_pin(prompt: str) -> str:
    """One PIN: from the terminal without echo, or one line of piped input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        text = getpass.getpass(prompt)
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            raise EOFError
        text = line
    # Full-width digits from a Chinese input method count as digits.
    return unicodedata.normalize("NFKC", text).strip()


def run_kiosk_pin(lang: str) -> int:
    """``kiosk-pin``: the hash line on stdout, a paste hint on stderr; 2 if the PIN is refused."""
    en = lang == "en"
    try:
        first = _read_pin("PIN: " if en else "PIN：")
        if not valid_pin(first):
            print(
                f"The PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)."
                if en
                else f"PIN 须为 {PIN_MIN_DIGITS} 到 {PIN_MAX_DIGITS} 位数字（0–9）。",
                file=sys.stderr,
            )
            return 2
        second = _read_pin("PIN again: " if en else "再次输入 PIN：")
    except EOFError:
        print(
            "No PIN was entered." if en else "没有输入 PIN。",
            file=sys.stderr,
        )
        return 2
    if first != second:
        print("The two PINs differ." if en else "两次输入的 PIN 不一致。", file=sys.stderr)
        return 2
    line = hash_pin(first)
    print(line)
    hint = "paste into the kiosk configuration" if en else "粘贴到展台配置文件中"
    print(f'{hint}: pin_hash = "{line}"' if en else f'{hint}：pin_hash = "{line}"', file=sys.stderr)
    return 0
