"""Staff PIN hashing, checking and the lockout after wrong guesses."""

from __future__ import annotations

import pytest

from fulian_viewer.model.pin import PinGuard, hash_pin, is_pin_hash, valid_pin, verify_pin
from tests.fakes import FakeClock


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2468")


@pytest.mark.parametrize("pin", ["0000", "1234", "123456789012", "0123"])
def test_valid_pins(pin: str) -> None:
    assert valid_pin(pin)


@pytest.mark.parametrize(
    "pin", ["", "123", "1234567890123", "12a4", " 1234", "1234\n", "１２３４", "12.4", "-123"]
)
def test_invalid_pins(pin: str) -> None:
    assert not valid_pin(pin)


def test_hash_format(stored: str) -> None:
    parts = stored.split("$")
    assert parts[:4] == ["scrypt", "16384", "8", "1"]
    assert len(parts) == 6
    assert is_pin_hash(stored)


def test_round_trip_and_wrong_pin(stored: str) -> None:
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("abcd", stored)


def test_salt_differs_per_call() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second
    assert first.split("$")[4] != second.split("$")[4]
    assert verify_pin("1234", first) and verify_pin("1234", second)


def test_given_salt_is_deterministic() -> None:
    assert hash_pin("1234", b"saltsalt") == hash_pin("1234", b"saltsalt")


@pytest.mark.parametrize("pin", ["123", "abcd", "1234567890123"])
def test_hash_refuses_invalid_pins(pin: str) -> None:
    with pytest.raises(ValueError, match="4 to 12 digits"):
        hash_pin(pin)


def test_surrounding_whitespace_in_stored_hash_is_accepted(stored: str) -> None:
    assert verify_pin("2468", f"  {stored}\n")


def malformed_variants(stored: str) -> list[str]:
    scheme, n, r, p, salt, digest = stored.split("$")
    return [
        "",
        "1234",
        "scrypt",
        stored + "$extra",
        f"bcrypt${n}${r}${p}${salt}${digest}",
        f"{scheme}$16383${r}${p}${salt}${digest}",  # n not a power of two
        f"{scheme}$0${r}${p}${salt}${digest}",
        f"{scheme}${2**30}${r}${p}${salt}${digest}",  # absurd memory
        f"{scheme}${n}$x${p}${salt}${digest}",
        f"{scheme}${n}${r}$-1${salt}${digest}",
        f"{scheme}${n}${r}${p}$!!!${digest}",
        f"{scheme}${n}${r}${p}${salt}$",
        f"{scheme}${n}${r}${p}${salt}$QUJD",  # a 3-byte hash
        f"{scheme}${n}${r}${p}${salt}${digest}é",
    ]


def test_malformed_hashes_are_refused(stored: str) -> None:
    for text in malformed_variants(stored):
        assert not is_pin_hash(text), text
        assert not verify_pin("2468", text), text


def test_guard_accepts_the_right_pin(stored: str) -> None:
    guard = PinGuard(stored, clock=FakeClock(1000.0))
    assert guard.attempt("2468") == "ok"
    assert guard.seconds_locked() == 0


def test_guard_locks_after_three_wrong_and_doubles(stored: str) -> None:
    clock = FakeClock(1000.0)
    guard = PinGuard(stored, clock=clock)
    assert guard.attempt("0000") == "wrong"
    assert guard.attempt("0000") == "wrong"
    assert guard.seconds_locked() == 0
    assert guard.attempt("0000") == "wrong"
    assert guard.seconds_locked() == 30
    # While locked, even the right PIN is not checked.
    assert guard.attempt("2468") == "locked"
    clock.advance(29.5)
    assert guard.seconds_locked() == pytest.approx(0.5)
    assert guard.attempt("2468") == "locked"
    clock.advance(0.5)
    assert guard.seconds_locked() == 0

    expected = [60, 120, 240, 480, 900, 900, 900]
    for lock in expected:
        assert guard.attempt("1111") == "wrong"
        assert guard.seconds_locked() == lock
        assert guard.attempt("1111") == "locked"
        clock.advance(lock)
    assert guard.failures == 3 + len(expected)


def test_right_pin_resets_the_count(stored: str) -> None:
    clock = FakeClock(1000.0)
    guard = PinGuard(stored, clock=clock)
    for _ in range(3):
        guard.attempt("0000")
    clock.advance(30)
    assert guard.attempt("2468") == "ok"
    assert guard.failures == 0
    # Back to three free attempts and a 30-second first lock.
    assert guard.attempt("0000") == "wrong"
    assert guard.attempt("0000") == "wrong"
    assert guard.seconds_locked() == 0
    assert guard.attempt("0000") == "wrong"
    assert guard.seconds_locked() == 30


def test_guard_with_malformed_hash_never_opens() -> None:
    guard = PinGuard("not a hash", clock=FakeClock(1000.0))
    assert guard.attempt("2468") == "wrong"


def test_pin_hash_status() -> None:
    from fulian_viewer.model.pin import PUBLISHED_PIN_HASHES, pin_hash_status

    assert pin_hash_status(None) == "none"
    assert pin_hash_status(PUBLISHED_PIN_HASHES[0]) == "published"
    assert pin_hash_status(f"  {PUBLISHED_PIN_HASHES[0]}\n") == "published"
    assert pin_hash_status(hash_pin("2468")) == "published"
    assert pin_hash_status(hash_pin("5173")) == "set"
