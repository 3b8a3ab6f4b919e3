"""The kiosk's staff PIN: hashing, checking, and a limit on guessing.

A PIN is 4 to 12 ASCII digits. It is never stored; the kiosk configuration holds
its scrypt hash, written as one line::

    scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>

for example ``scrypt$16384$8$1$k3J0...==$Qm9v...=``. ``fulian-viewer kiosk-pin``
prints such a line. :class:`PinGuard` locks the PIN pad after repeated wrong tries.

A hash the project once published (the old example configuration's, for the
example PIN 2468), or any hash of that PIN, protects nothing:
:func:`pin_hash_status` calls it ``"published"`` and the kiosk then keeps its
staff exit shut until the staff set a PIN of their own.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

SCHEME = "scrypt"
N = 2**14
R = 8
P = 1
SALT_BYTES = 16
HASH_BYTES = 32
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12

# Bounds on the parameters a stored hash may ask for, so that a hand-edited
# configuration cannot make one check take minutes or gigabytes.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAX_MEMORY = 256 * 1024 * 1024

_PIN = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")

Outcome = Literal["ok", "wrong", "locked"]
PinStatus = Literal["none", "published", "set"]

PUBLISHED_PIN_HASHES = (
    # packaging/kiosk.example.toml up to version 0.1.0, for the example PIN 2468.
    "scrypt$16384$8$1$ZHFqfxVZjm1IZHVzlG2bXg==$t4uRWxAZ4GpVc0XDazF70T643F5S8ihsnADmjPKqD9E=",
)
"""Hash lines that were published with the project: anyone can read their PIN."""

PUBLISHED_PINS = ("2468",)
"""PINs the project printed as examples; a fresh hash of one is as good as published."""


def valid_pin(pin: str) -> bool:
    """Whether ``pin`` is 4 to 12 ASCII digits."""
    return _PIN.fullmatch(pin) is not None


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _memory(n: int, r: int) -> int:
    return 128 * n * r + 1024 * r


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    import hashlib  # here: it loads OpenSSL (3 MB resident), which only a PIN needs

    return hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=_memory(n, r) + 1024 * 1024,
    )


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """Hash ``pin`` with scrypt and a fresh random salt (or ``salt``, for tests).

    Raises:
        ValueError: ``pin`` is not 4 to 12 digits, or ``salt`` is empty.
    """
    if not valid_pin(pin):
        raise ValueError(f"a PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits")
    if salt is None:
        salt = os.urandom(SALT_BYTES)
    if not salt:
        raise ValueError("the salt must not be empty")
    digest = _scrypt(pin, salt, N, R, P, HASH_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64encode(salt)}${_b64encode(digest)}"


@dataclass(frozen=True)
class _Parsed:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _positive(text: str) -> int | None:
    if not text.isascii() or not text.isdigit() or text.startswith("0"):
        return None
    return int(text)


def _parse(stored: str) -> _Parsed | None:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    n, r, p = (_positive(part) for part in parts[1:4])
    if n is None or r is None or p is None:
        return None
    if n < 2 or n > _MAX_N or n & (n - 1) or r > _MAX_R or p > _MAX_P:
        return None
    if _memory(n, r) > _MAX_MEMORY:
        return None
    salt = _b64decode(parts[4])
    digest = _b64decode(parts[5])
    if not salt or not digest or len(digest) < 16 or len(digest) > 64:
        return None
    return _Parsed(n, r, p, salt, digest)


def is_pin_hash(text: str) -> bool:
    """Whether ``text`` is a hash line as :func:`hash_pin` writes it."""
    return _parse(text) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the hash line ``stored``; False if ``stored`` is malformed."""
    parsed = _parse(stored)
    if parsed is None or not valid_pin(pin):
        return False
    import hmac  # here, as hashlib (hmac imports it)

    digest = _scrypt(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.digest))
    return hmac.compare_digest(digest, parsed.digest)


class PinGuard:
    """Checks PINs against one hash, locking out after repeated wrong tries.

    The first ``free_attempts`` (3) wrong PINs in a row cost nothing but the third
    locks the pad for ``first_lock`` (30) seconds; each further wrong PIN doubles
    the lock, up to ``max_lock`` (15 minutes). While locked, no PIN is checked.
    The right PIN clears the count.

    Args:
        stored: the hash line from the configuration.
        clock: seconds from any fixed origin; :func:`time.monotonic` by default.
    """

    def __init__(
        self,
        stored: str,
        clock: Callable[[], float] = time.monotonic,
        *,
        free_attempts: int = 3,
        first_lock: float = 30.0,
        max_lock: float = 15 * 60.0,
    ) -> None:
        self._stored = stored
        self._clock = clock
        self._free_attempts = free_attempts
        self._first_lock = first_lock
        self._max_lock = max_lock
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def failures(self) -> int:
        """Wrong PINs in a row since the last right one."""
        return self._failures

    def seconds_locked(self) -> float:
        """How long the pad stays locked from now; 0 when it is open."""
        if self._locked_until is None:
            return 0.0
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> Outcome:
        """Try ``pin``: "ok", "wrong", or "locked" (not checked at all)."""
        if self.seconds_locked() > 0:
            return "locked"
        if verify_pin(pin, self._stored):
            self._failures = 0
            self._locked_until = None
            return "ok"
        self._failures += 1
        beyond = self._failures - self._free_attempts
        if beyond >= 0:
            lock = min(self._first_lock * 2.0 ** min(beyond, 32), self._max_lock)
            self._locked_until = self._clock() + lock
        return "wrong"


@lru_cache(maxsize=8)
def pin_hash_status(stored: str | None) -> PinStatus:
    """Whether a configuration sets a staff PIN that only the staff know.

    Returns:
        ``"none"`` without a hash, ``"published"`` for a hash the project
        published or any hash of a published example PIN, ``"set"`` otherwise.
    """
    if stored is None:
        return "none"
    parsed = _parse(stored)
    for published in PUBLISHED_PIN_HASHES:
        known = _parse(published)
        if parsed is not None and known is not None and parsed.digest == known.digest:
            return "published"
    if any(verify_pin(pin, stored) for pin in PUBLISHED_PINS):
        return "published"
    return "set"
