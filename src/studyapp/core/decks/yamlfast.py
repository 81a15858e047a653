"""A fast reader for the block-style YAML that decks are written in, or a refusal.

Why: libyaml hands Python one event object (with two position objects) per
key and value, ~1.5 us each before any work is done; a 50,000-entry deck is
~900,000 of them. Decks are written in a small part of YAML (block mappings
and sequences, one-line scalars, ``[a, b]`` lists, ``|`` and ``>`` text), and
this reader reads that part line by line with the same values and the same
``line:col`` of every key and value as the event walker
(:mod:`studyapp.core.decks.yamlread`).

It is a fast path, never a second opinion: anything outside that part, or
anything a deck may be refused for (anchors, aliases, tags, duplicate keys,
tabs, characters YAML forbids, a limit reached, a syntax error), makes it
return None, and the caller reads the text with the walker, which says what
is wrong and where. A test reads every YAML file and generated deck the
tests have with both and asserts they agree.
"""

from __future__ import annotations

import re
from typing import Any

from studyapp.core.decks.yamlscalar import MAYBE_TYPED as _MAYBE_TYPED
from studyapp.core.decks.yamlscalar import resolve_plain, unescape_double

__all__ = ["Positions", "read_block_yaml"]

Path = tuple[str | int, ...]
Positions = dict[Path, tuple[int, int]]

_REFUSED_CHARS = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Anything but newline and the printable characters both readers treat alike (no tab,
CR, NEL, BOM or line separators: the walker decides what those mean)."""

_LINE = re.compile(r"( *)(?:-( +|$))?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +|$))?(.*)")
"""One line: its indent, the spaces after a list dash, a key, and the rest."""
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_AFTER = re.compile(r" *(?:#.*)?$")
_FLOW_ITEM = re.compile(
    r' *(?:"((?:[^"\\]|\\.)*)"|\'((?:[^\']|\'\')*)\''
    r"|([^\s,\[\]{}#:\"'&*!|>%@`?-][^,\[\]{}#:]*?)) *([,\]])"
)
_FLOW_PAIR = re.compile(
    r' *([A-Za-z_][A-Za-z0-9_-]*): +(?:"((?:[^"\\]|\\.)*)"|\'((?:[^\']|\'\')*)\''
    r"|([^\s,\[\]{}#:\"'&*!|>%@`?-][^,\[\]{}#:]*?)) *([,}])"
)
_FLOW_SPECIAL = re.compile(r"[\"'\[\]{}#:&*!|>%@`?]")
_ITEM_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
_EMPTY_FLOW = re.compile(r"(?:\[ *\]|\{ *\}) *(?:#.*)?$")
_BLOCK_HEADER = re.compile(r"([|>])(-?) *$")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


_UNSEEN: tuple[int, str | None, str] = (-1, None, "")
"""``heads.get``'s default: a line start not met yet (told apart by identity)."""


def _head(start: str) -> tuple[int, str | None, str] | None:
    """(indent, dash, key) of a line that starts ``start + ": "``, as :data:`_LINE` reads
    it; None if that start holds no key. The rest of such a line is what follows the
    colon, its spaces stripped: the groups of ``start + ": "`` are the line's own, since
    ``_LINE``'s key ends at the first colon followed by a space."""
    spaces, dash, key, rest = _LINE.match(start + ": ").groups()  # type: ignore[union-attr]
    if key is None or rest:
        return None
    return len(spaces), dash, key


class _RefusedError(Exception):
    """The text is outside the part of YAML this reader reads: use the walker."""


def read_block_yaml(
    text: str, max_depth: int, max_nodes: int, *, positions: bool = True
) -> tuple[dict[str, Any], Positions, Positions] | None:
    """(data, value positions, key positions) of a deck in block style, or None.

    None means "read it with the walker": the text uses YAML this reader leaves
    to it, or has something the walker reports. ``positions=False`` leaves both
    position maps empty (a fifth of the time): for a deck that turns out to have a
    problem, read it again with them; the data and the refusals are the same.
    """
    if _REFUSED_CHARS.search(text):
        return None
    reader = _Reader(text, max_depth, max_nodes, positions)
    try:
        data = reader.read()
    except _RefusedError:
        return None
    return data, reader.values, reader.keys


class _Reader:
    def __init__(self, text: str, max_depth: int, max_nodes: int, positions: bool) -> None:
        self.lines = text.split("\n")
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.positions = positions
        self.values: Positions = {}
        self.keys: Positions = {}
        self.nodes = 0
        """Keys and values read: with positions, ``len(values) + len(keys)``."""
        self.heads: dict[str, tuple[int, str | None, str] | None] = {}
        """What :data:`_LINE` makes of each line start before ``": "`` met so far (a deck
        has a few dozen: ``"    prompt"``, ``"  - id"``): (indent, dash, key), or None
        for a start that is not a key (the line is matched whole)."""

    def read(self) -> dict[str, Any]:
        """The whole text, line by line (one loop, locals only: this is the hot path).

        A container's depth is the length of its path, kept beside it so that the
        depth limit holds whether or not paths are built (``positions``).
        """
        lines = self.lines
        pos = self.positions
        values = self.values
        keys = self.keys
        max_depth = self.max_depth
        max_nodes = self.max_nodes
        plain_start = _PLAIN_START
        maybe_typed = _MAYBE_TYPED
        scalar = self._scalar
        flow_list = self._flow_list
        no_path: Path = ()
        # The open block collections, innermost last: (column, container, path, is_list,
        # depth); the path is () without positions.
        stack: list[tuple[int, Any, Path, bool, int]] = []
        top_indent = -1
        root: dict[str, Any] | None = None
        # a "key:" with nothing after it: (mapping, key, path, indent, line, colon, depth)
        pending: tuple[Any, str, Path, int, int, int, int] | None = None
        deepest = -1  # a content line may not be indented past this (-1: no limit)
        nodes = 0
        line_parts = _LINE.match
        heads = self.heads
        i = 0
        count = len(lines)
        while i < count:
            line = lines[i]
            cut = line.find(": ")
            head = heads.get(line[:cut], _UNSEEN) if cut > 0 else None
            if head is _UNSEEN:
                head = heads[line[:cut]] = _head(line[:cut])
            if head is not None:  # "key: ...", "- key: ...": a line's start seen before
                indent, dash, key = head
                rest = line[cut + 1 :].lstrip(" ")
            else:
                spaces, dash, key, rest = line_parts(line).groups()  # type: ignore[union-attr]
                if dash is None and key is None and (not rest or rest[0] == "#"):
                    i += 1  # blank or a comment
                    continue
                indent = len(spaces)
            if not i & 1023 and nodes > max_nodes:
                raise _RefusedError
            lineno = i + 1
            if 0 <= deepest < indent:
                raise _RefusedError  # a scalar continued on the next line, or an error
            if pending is not None:
                parent, pkey, path, key_indent, key_line, colon, depth = pending
                pending = None
                if dash is not None and indent >= key_indent:
                    child: Any = []
                elif dash is None and indent > key_indent:
                    child = {}
                else:
                    child = None
                    if pos:
                        values[path] = (key_line, colon + 2)  # "key:" with nothing under it
                if child is not None:
                    if depth >= max_depth:
                        raise _RefusedError
                    parent[pkey] = child
                    if pos:
                        values[path] = (lineno, indent + 1)
                    stack.append((indent, child, path, dash is not None, depth))
                    top_indent = indent
            while indent < top_indent:
                stack.pop()
                top_indent = stack[-1][0] if stack else -1
            if dash is not None:
                if indent != top_indent or not stack[-1][3]:
                    raise _RefusedError
                _, items, list_path, _, list_depth = stack[-1]
                item_path = (*list_path, len(items)) if pos else no_path
                col = indent + 1 + len(dash)
                nodes += 1
                if key is None:
                    if not rest or rest[0] == "#":
                        raise _RefusedError  # an empty item, or one on the next lines
                    value = scalar(rest, col, lineno, item_path, list_depth + 1)
                    if isinstance(value, list):
                        nodes += len(value)
                    elif isinstance(value, dict):
                        nodes += 2 * len(value)
                    items.append(value)
                    deepest = indent
                    i += 1
                    continue
                if list_depth + 1 >= max_depth:
                    raise _RefusedError
                mapping: dict[str, Any] = {}
                items.append(mapping)
                if pos:
                    values[item_path] = (lineno, col + 1)
                stack.append((col, mapping, item_path, False, list_depth + 1))
                top_indent = indent = col
            else:
                if key is None:
                    raise _RefusedError
                if indent == top_indent and stack[-1][3]:
                    stack.pop()  # a key after a list written at its key's column
                    top_indent = stack[-1][0] if stack else -1
                if not stack:
                    if root is not None or indent != 0:
                        raise _RefusedError
                    root = {}
                    nodes += 1
                    if pos:
                        values[()] = (lineno, 1)
                    stack.append((0, root, (), False, 0))
                    top_indent = 0
                if indent != top_indent or stack[-1][3]:
                    raise _RefusedError
            _, mapping, map_path, _, map_depth = stack[-1]
            if key in mapping:
                raise _RefusedError  # the walker names both lines
            nodes += 2  # the key and its value
            if pos:
                path = (*map_path, key)
                keys[path] = (lineno, indent + 1)
            else:
                path = no_path
            if not rest or rest[0] == "#":
                mapping[key] = None  # settled by the next line
                pending = (mapping, key, path, indent, lineno, indent + len(key), map_depth + 1)
                deepest = -1
                i += 1
                continue
            col = len(line) - len(rest) if pos else 0  # (only positions need it)
            first = rest[0]
            if first not in plain_start and first not in "\"'[":
                # plain text, the common case: inline
                if " #" in rest:
                    rest = rest[: rest.index(" #")]
                rest = rest.rstrip(" ")
                if ": " in rest or rest[-1] == ":":
                    raise _RefusedError
                mapping[key] = rest if first not in maybe_typed else resolve_plain(rest)
                if pos:
                    values[path] = (lineno, col + 1)
                i += 1
            elif first in "|>" and (header := _BLOCK_HEADER.match(rest)) is not None:
                mapping[key], i = self._block(header, i + 1, indent)
                if pos:
                    values[path] = (lineno, col + 1)
            else:
                if first == "[":  # a list of tags, options or names: the common case
                    if pos:
                        values[path] = (lineno, col + 1)
                    value = flow_list(rest, col, lineno, path, map_depth + 1)
                else:
                    value = scalar(rest, col, lineno, path, map_depth + 1)
                if isinstance(value, list):
                    nodes += len(value)
                elif isinstance(value, dict):
                    nodes += 2 * len(value)
                mapping[key] = value
                i += 1
            deepest = indent
        self.nodes = nodes
        if root is None:
            raise _RefusedError  # nothing but comments: the walker says what that is
        if pending is not None and pos:
            _, _, path, _, key_line, colon, _ = pending
            values[path] = (key_line, colon + 2)  # the last "key:", with nothing under it
        if nodes > max_nodes:
            raise _RefusedError
        return root

    def _scalar(self, rest: str, col: int, lineno: int, path: Path, depth: int) -> Any:
        """A one-line scalar or ``[...]`` list starting at ``rest`` (column ``col``);
        ``depth`` is the length of its path."""
        if self.positions:
            self.values[path] = (lineno, col + 1)
        first = rest[0]
        if first == '"':
            close = rest.find('"', 1)
            if close == len(rest) - 1 and "\\" not in rest:
                return rest[1:close]  # "a line's whole value, no escape": most quoted text
            m = _DOUBLE.match(rest)
            if m is None or _AFTER.match(rest, m.end()) is None:
                raise _RefusedError
            value = unescape_double(m.group(1))
            if value is None:
                raise _RefusedError
            return value
        if first == "'":
            m = _SINGLE.match(rest)
            if m is None or _AFTER.match(rest, m.end()) is None:
                raise _RefusedError
            return m.group(1).replace("''", "'")
        if first == "[":
            return self._flow_list(rest, col, lineno, path, depth)
        if first == "{":
            return self._flow_map(rest, col, lineno, path, depth)
        if first in _PLAIN_START and not (first == "-" and len(rest) > 1 and rest[1] != " "):
            raise _RefusedError
        cut = rest.find(" #")
        if cut >= 0:
            rest = rest[:cut]
        rest = rest.rstrip(" ")
        if ": " in rest or rest.endswith(":"):
            raise _RefusedError
        return resolve_plain(rest)

    def _flow_list(self, rest: str, col: int, lineno: int, path: Path, depth: int) -> list[Any]:
        if depth >= self.max_depth:
            raise _RefusedError
        items: list[Any] = []
        if rest[1:2] in (" ", "]") and _EMPTY_FLOW.match(rest):
            return items
        pos = self.positions
        values = self.values
        close = rest.find("]")
        inner = rest[1:close]
        if (
            close > 1
            and not _FLOW_SPECIAL.search(inner)
            and (close == len(rest) - 1 or _AFTER.match(rest, close + 1))
        ):
            # [plain, words]: the common case (tags), without a regex match per item
            at = col + 2
            for part in inner.split(","):
                text = part.lstrip(" ")
                if text[:1] not in _ITEM_START:
                    raise _RefusedError  # empty (a trailing comma), or an indicator
                if pos:
                    values[(*path, len(items))] = (lineno, at + len(part) - len(text))
                    at += len(part) + 1
                text = text.rstrip(" ")
                items.append(text if text[0] not in _MAYBE_TYPED else resolve_plain(text))
            return items
        at = 1
        while True:
            m = _FLOW_ITEM.match(rest, at)
            if m is None:
                raise _RefusedError
            double, single, plain = m.group(1), m.group(2), m.group(3)
            start = m.start(1) if double is not None else m.start(2) if single is not None else 0
            if double is not None:
                value = unescape_double(double)
                if value is None:
                    raise _RefusedError
                start -= 1
            elif single is not None:
                value = single.replace("''", "'")
                start -= 1
            else:
                start = m.start(3)
                value = resolve_plain(plain)
            if pos:
                values[(*path, len(items))] = (lineno, col + start + 1)
            items.append(value)
            at = m.end()
            if m.group(4) == "]":
                break
        if _AFTER.match(rest, at) is None:
            raise _RefusedError
        return items

    def _flow_map(self, rest: str, col: int, lineno: int, path: Path, depth: int) -> dict[str, Any]:
        """A one-line ``{key: value, ...}`` of scalars (an entry's ``checks:`` item)."""
        if depth >= self.max_depth:
            raise _RefusedError
        mapping: dict[str, Any] = {}
        if _EMPTY_FLOW.match(rest):
            return mapping
        at = 1
        while True:
            m = _FLOW_PAIR.match(rest, at)
            if m is None:
                raise _RefusedError
            key, double, single, plain = m.group(1, 2, 3, 4)
            if key in mapping:
                raise _RefusedError
            if double is not None:
                value = unescape_double(double)
                if value is None:
                    raise _RefusedError
                start = m.start(2) - 1
            elif single is not None:
                value = single.replace("''", "'")
                start = m.start(3) - 1
            else:
                value = resolve_plain(plain)
                start = m.start(4)
            if self.positions:
                self.keys[(*path, key)] = (lineno, col + m.start(1) + 1)
                self.values[(*path, key)] = (lineno, col + start + 1)
            mapping[key] = value
            at = m.end()
            if m.group(5) == "}":
                break
        if _AFTER.match(rest, at) is None:
            raise _RefusedError
        return mapping

    def _after_one_line(self, start: int, prefix: str) -> bool | None:
        """Whether a block scalar whose text starts on line ``start`` (at the indent of
        ``prefix``) holds that one line only: None if it may hold more (or the lines
        after it are for :meth:`_block` to refuse); else False when that line is the
        file's last with no line break after it, True otherwise."""
        lines = self.lines
        count = len(lines)
        after = start + 1
        if after == count:
            return False
        line = lines[after]
        if not line:  # an empty line: the text ends if the next one says so
            after += 1
            if after == count:
                return True
            line = lines[after]
        if line.startswith(prefix) or not line.strip(" "):
            return None
        return True

    def _block(self, header: re.Match[str], start: int, parent_indent: int) -> tuple[str, int]:
        """A ``|`` or ``>`` scalar's text (clip or ``-`` strip), and the line after it."""
        lines = self.lines
        first = lines[start] if start < len(lines) else ""
        body = first.lstrip(" ")
        indent = len(first) - len(body)
        if not body or indent <= parent_indent:
            raise _RefusedError  # leading empty lines, or no text: the walker's rules
        prefix = " " * indent
        if (after := self._after_one_line(start, prefix)) is not None:
            # one line of text (nearly every source and explanation): what the loop
            # below makes of it, without the loop
            return body + ("\n" if header.group(2) != "-" and after else ""), start + 1
        folded = header.group(1) == ">"
        content: list[str] = []
        i = start
        while i < len(lines):
            line = lines[i]
            if line.startswith(prefix):
                text = line[indent:]
                if text.startswith(" ") and (folded or not text.strip(" ")):
                    raise _RefusedError  # more-indented folded lines; lines of spaces
                content.append(text)
            elif not line.strip(" "):
                if line:
                    raise _RefusedError  # a line of spaces inside the text
                content.append("")
            else:
                break
            i += 1
        while content and not content[-1]:
            content.pop()  # trailing empty lines: chomped below, read again as blank
            i -= 1
        ends_file = i == len(lines)  # the text's last line, with no line break after it
        if folded:
            out: list[str] = []
            blank = 0
            for text in content:
                if not text:
                    blank += 1
                    continue
                if out:
                    out.append("\n" * blank if blank else " ")
                out.append(text)
                blank = 0
            value = "".join(out)
        else:
            value = "\n".join(content)
        if header.group(2) != "-" and not ends_file:
            value += "\n"
        return value, i
