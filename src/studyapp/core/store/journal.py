"""The line format of the journal, which the history and the digest files share.

One compact JSON object per line whose last member is a CRC of the bytes before it
(``...,"crc":"1a2b3c4d"}``): a torn or garbled line (the app died mid-write, the
disk lost a block) is told from a whole one without parsing it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

from studyapp.core.base.jsonread import loads_limited

json_str = json.encoder.encode_basestring
"""A string as the journal writes it (json.dumps with ensure_ascii=False): the store
writes answer lines by hand with it, and the history digest searches for card ids so."""


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


CRC_PREFIX = b',"crc":"'
_CRC_TAIL = len(CRC_PREFIX) + 8 + 2  # ,"crc":"xxxxxxxx"}


def encode_line(record: Mapping[str, Any]) -> bytes:
    """One journal/history line: compact JSON whose last member is a CRC of the rest.

    The CRC covers the exact bytes of the line without it, so checking a line
    needs no re-serialisation (history files hold hundreds of thousands).
    """
    body = dumps({k: v for k, v in record.items() if k != "crc"} if "crc" in record else record)
    return body[:-1] + b'%s%08x"}\n' % (CRC_PREFIX, zlib.crc32(body))


def verify_line(line: bytes) -> bool:
    """True if the line is whole and its CRC matches (cheap: no JSON parsing)."""
    line = line.rstrip(b"\r\n")
    if len(line) <= _CRC_TAIL or line[-_CRC_TAIL:-10] != CRC_PREFIX or line[-2:] != b'"}':
        return False
    try:
        expected = int(line[-10:-2], 16)
    except ValueError:
        return False
    return zlib.crc32(line[:-_CRC_TAIL] + b"}") == expected


def decode_line(line: bytes) -> dict[str, Any] | None:
    """The record on a line, or None if the line is torn, garbled or fails its CRC."""
    if not verify_line(line):
        return None
    try:
        obj = loads_limited(line, max_depth=None)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    obj.pop("crc", None)
    return obj


def intact_lines(lines: Iterable[bytes]) -> tuple[list[bytes], list[int]]:
    """The lines whose CRC holds (line ends stripped), and their indexes in ``lines``.

    This is :func:`verify_line` over a whole chunk, inlined: a call per line costs
    as much as the check, and histories run to hundreds of thousands of lines.
    """
    crc32, tail, prefix, lead = zlib.crc32, _CRC_TAIL, CRC_PREFIX, -_CRC_TAIL
    good: list[bytes] = []
    where: list[int] = []
    for index, line in enumerate(lines):
        line = line.rstrip(b"\r\n")
        if len(line) <= tail or line[lead:-10] != prefix or line[-2:] != b'"}':
            continue
        try:
            expected = int(line[-10:-2], 16)
        except ValueError:
            continue
        if crc32(b"}", crc32(line[:lead])) == expected:
            good.append(line)
            where.append(index)
    return good, where
