"""The decoding chain: BOM, strict UTF-8, GB18030, and a plain refusal for the rest."""

from __future__ import annotations

import codecs

import pytest

from fulian_viewer.model.decoding import DecodeError, decode_text

SAMPLE = "section,id,label_zh\r\nguidance,lectures,主题宣讲（6.6万场次）\r\n"


ASCII = "section,id\r\nguidance,lectures\r\n"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "UTF-8 (BOM)", SAMPLE),
        (SAMPLE.encode("utf-8"), "UTF-8", SAMPLE),
        (SAMPLE.encode("gb18030"), "GB18030", SAMPLE),
        (SAMPLE.encode("utf-16"), "UTF-16", SAMPLE),
        (ASCII.encode("ascii"), "UTF-8", ASCII),
    ],
)
def test_decode_chain(data: bytes, name: str, expected: str) -> None:
    assert decode_text(data) == (expected, name)


def test_gb18030_is_not_mistaken_for_utf8() -> None:
    data = SAMPLE.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_text(data)[0] == SAMPLE


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
        (b"a,b\r\n\x07\x08,c\r\n", "binary"),
        ("Café crème, naïve".encode("cp1252"), "encoding"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", "encoding"),
    ],
)
def test_decode_refuses(data: bytes, code: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode_text(data)
    assert error.value.code == code


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_utf8_cut_mid_character_is_still_utf8(bom: bytes) -> None:
    data = bom + SAMPLE.encode("utf-8")
    cut = data.index("场".encode()) + 2  # two of the character's three bytes
    text, name = decode_text(data[:cut])
    assert name.startswith("UTF-8")
    assert text.lstrip("\ufeff") == SAMPLE[: SAMPLE.index("场")]


def test_invalid_utf8_in_the_middle_is_not_forgiven() -> None:
    data = "主题宣讲".encode() + b"\xe4\x28" + "场次".encode() + "啊".encode("gb18030")
    with pytest.raises(DecodeError):
        decode_text(data)


@pytest.mark.parametrize(
    ("encoding", "name"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")]
)
def test_utf16_without_a_byte_order_mark_is_read(encoding: str, name: str) -> None:
    """As some tools write "Unicode text": its ASCII characters' NUL bytes tell it."""
    assert decode_text(SAMPLE.encode(encoding)) == (SAMPLE, f"{name} (no BOM)")
    chinese = "主题宣讲,6.6万场次,巾帼建功标兵,1336个\r\n" * 20 + "a,b\r\n"
    assert decode_text(chinese.encode(encoding))[0] == chinese  # hardly any ASCII
    cut = SAMPLE.encode(encoding)[:-1]  # an odd number of bytes: a copy cut short
    assert decode_text(cut)[0] == SAMPLE[:-1]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # NULs on both sides of the byte pairs
        b"\x00\x01\x02\x03" * 100,
        "名称,数值\r\n".encode("utf-16-le").replace(b",\x00", b",\x01"),  # not UTF-16 after all
    ],
)
def test_binary_with_nul_bytes_is_still_binary(data: bytes) -> None:
    with pytest.raises(DecodeError) as error:
        decode_text(data)
    assert error.value.code == "binary"
