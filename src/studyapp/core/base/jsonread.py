"""Decoding JSON the app did not write itself this run, with a depth limit.

Every file the app reads back (snapshot, journal, history, digest, settings,
results, deck cache) may be damaged or hand-edited. ``json.loads`` and msgspec
recurse once per level of nesting: a file of a thousand ``[`` raises
``RecursionError``, which no ``except ValueError`` catches, and crashed every
start. Here it becomes :class:`JSONTooDeep`, a ``ValueError`` like any other
invalid JSON, so each reader's own "damaged file" path handles it.

Catching is free on the fast paths (no scan of megabytes of snapshot or
history); a value that decoded but nests deeper than ``max_depth`` (it would
crash later, when written back from a deeper stack) is walked and refused too,
for the small free-form values where that is cheap (settings, results, digest).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

MAX_DEPTH = 64
"""Deeper than any file of ours (the deepest, a snapshot, nests 4 levels)."""

_T = TypeVar("_T")


class JSONTooDeep(ValueError):  # noqa: N818  (a ValueError, as invalid JSON is)
    """The JSON nests deeper than the reader allows (or than Python's stack)."""

    def __init__(self, limit: int | None = None) -> None:
        where = f" (more than {limit} levels)" if limit is not None else ""
        super().__init__(f"the JSON is nested too deeply{where}")


def depth_exceeds(value: Any, max_depth: int) -> bool:
    """Whether a decoded value nests deeper than ``max_depth`` (iterative: no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth > max_depth:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def decode_guarded(decode: Callable[[Any], _T], data: Any) -> _T:
    """``decode(data)`` (json.loads, a msgspec decoder...), with ``RecursionError``
    turned into :class:`JSONTooDeep`. For the large files, where a walk would cost."""
    try:
        return decode(data)
    except RecursionError:
        raise JSONTooDeep() from None


def loads_limited(data: str | bytes | bytearray, max_depth: int | None = MAX_DEPTH) -> Any:
    """``json.loads`` that raises :class:`JSONTooDeep` (a ``ValueError``) for deep nesting.

    ``max_depth=None`` only guards against the stack running out (for files of
    hundreds of thousands of records, which are then read into typed values).
    """
    value = decode_guarded(json.loads, data)
    if max_depth is not None and depth_exceeds(value, max_depth):
        raise JSONTooDeep(max_depth)
    return value
