"""Just enough protobuf to read Anki's schema-18 config blobs, without Anki's generated code.

Anki keeps a note type's kind, a template's formats and a deck's kind in protobuf
messages stored as blobs. We need a handful of fields, so a wire-format reader of
some forty lines beats depending on the ``anki`` package (300 MB with its Rust
backend) or on protobuf's runtime. The blobs come from strangers: every length is
checked, and anything malformed raises :class:`ProtobufError`, never IndexError.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

__all__ = ["ProtobufError", "first_bytes", "first_varint", "message_fields", "packed_floats"]

_VARINT, _FIXED64, _BYTES, _FIXED32 = 0, 1, 2, 5


class ProtobufError(ValueError):
    """A blob is not a well-formed protobuf message."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise ProtobufError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise ProtobufError("varint longer than 10 bytes")


def message_fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) for each field of a message: ints for varints and fixed
    numbers, bytes for length-delimited fields (strings, sub-messages, packed lists)."""
    pos, end = 0, len(data)
    while pos < end:
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise ProtobufError("field number 0")
        if wire == _VARINT:
            value, pos = _varint(data, pos)
            yield number, value
        elif wire == _BYTES:
            length, pos = _varint(data, pos)
            if length > end - pos:
                raise ProtobufError("length past the end of the message")
            yield number, data[pos : pos + length]
            pos += length
        elif wire in (_FIXED64, _FIXED32):
            size = 8 if wire == _FIXED64 else 4
            if size > end - pos:
                raise ProtobufError("truncated fixed-width field")
            yield number, int.from_bytes(data[pos : pos + size], "little")
            pos += size
        else:
            raise ProtobufError(f"unsupported wire type {wire}")


def first_varint(data: bytes, number: int, default: int = 0) -> int:
    """The value of varint field ``number`` (the last one, as protobuf reads it)."""
    found = default
    for field, value in message_fields(data):
        if field == number:
            if not isinstance(value, int):
                raise ProtobufError(f"field {number} is not a number")
            found = value
    return found


def first_bytes(data: bytes, number: int) -> bytes | None:
    """The bytes of length-delimited field ``number`` (the last one), or None."""
    found: bytes | None = None
    for field, value in message_fields(data):
        if field == number:
            if not isinstance(value, bytes):
                raise ProtobufError(f"field {number} is not a string or message")
            found = value
    return found


def packed_floats(data: bytes, number: int) -> list[float]:
    """A ``repeated float`` field: packed (one blob of float32s) or one value per field."""
    out: list[float] = []
    for field, value in message_fields(data):
        if field != number:
            continue
        if isinstance(value, bytes):
            if len(value) % 4:
                raise ProtobufError(f"field {number}: packed floats of odd length")
            out.extend(struct.unpack(f"<{len(value) // 4}f", value))
        elif value <= 0xFFFFFFFF:
            out.append(struct.unpack("<f", value.to_bytes(4, "little"))[0])
        else:
            raise ProtobufError(f"field {number}: not a float")
    return out
