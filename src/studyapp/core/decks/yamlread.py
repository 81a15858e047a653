"""Hardened YAML reading: untrusted text in, plain data and positions out.

We never hand deck text to a YAML constructor. Instead we walk the parser's
event stream ourselves, which lets us

* refuse anchors, aliases and tags (no billion laughs, no ``!!python/...``);
* stop at a depth or node-count limit as the events stream in, before any
  deeper object is built (PyYAML's own composer recurses and dies with a
  RecursionError near depth 500);
* report duplicate keys with both lines;
* resolve scalars the YAML 1.2 way (``no`` stays the text "no"), while
  ``2025-06-03`` still becomes a date;
* remember where every key and value sits, so later validation errors can
  say ``file:line:col``.

Most decks never reach the walker: :func:`read_yaml` first tries the fast
reader of plain block style (:mod:`studyapp.core.decks.yamlfast`), which gives
the same data and positions at a quarter of the cost, and leaves to the walker
every text it does not read, and every text with a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from msgspec import Struct, field

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.problems import Problem
from studyapp.core.base.userfile import DEFAULT_LIMITS, Limits
from studyapp.core.decks.textsafety import describe
from studyapp.core.decks.yamlfast import read_block_yaml
from studyapp.core.decks.yamlscalar import resolve_plain

__all__ = [
    "Document",
    "Path_",
    "describe_tag",
    "format_path",
    "read_yaml",
    "read_yaml_events",
    "resolve_plain",
]

try:  # libyaml is several times faster; fall back to the pure-Python parser.
    from yaml import CSafeLoader as _ParserLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _ParserLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]


class Document(Struct):
    """Plain data read from YAML, with the position of every value and key."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    complete: bool = True
    """False when reading stopped early (syntax error, a limit): the data is partial."""
    damaged: set[Path_] = field(default_factory=set)
    """Paths whose value was dropped (alias, duplicate key): don't pile more errors on them."""
    unplaced: tuple[str, str, Limits] | None = None
    """(text, file, limits) of a document read without positions (``read_yaml(...,
    positions=False)``): the first :meth:`position` asked for reads it again, with them."""

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Best known (line, col) for ``path``: its key, its value, or the nearest parent."""
        if self.unplaced is not None:
            self.place()
        probe = path
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]
            key = False

    def place(self) -> None:
        """Fill in the positions of a document read without them (a no-op otherwise):
        the same reader reads the same text again, this time noting where each value is."""
        if self.unplaced is None:
            return
        text, file, limits = self.unplaced
        self.unplaced = None
        again = read_yaml(text, file, limits)
        self.values, self.keys = again.values, again.keys


class _StopReadingError(Exception):
    """Stop reading: the file is unusable past this point."""


_STR_TAG = "tag:yaml.org,2002:str"


def describe_tag(tag: str) -> str:
    for prefix, short in (("tag:yaml.org,2002:", "!!"),):
        if tag.startswith(prefix):
            return short + tag[len(prefix) :]
    return tag


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class _Frame(Struct):
    container: dict[str, Any] | list[Any]
    path: Path_
    key: str | None = None
    key_pos: tuple[int, int] = (1, 1)
    seen: dict[str, int] = field(default_factory=dict)
    skip_value: bool = False


def read_yaml(
    text: str, file: str, limits: Limits = DEFAULT_LIMITS, *, positions: bool = True
) -> Document:
    """Read one YAML document from ``text``; problems are collected, never raised.

    Decks in plain block style (nearly all) are read by the fast reader; anything
    it leaves, and everything with a problem, by the event walker. With
    ``positions=False`` the fast reader skips noting where each value is (40% of its
    time), and the document notes them the first time one is asked for (a deck with
    a problem to report): same reader, same text, same ``line:col``.
    """
    with paused_gc():
        fast = read_block_yaml(text, limits.max_depth, limits.max_nodes, positions=positions)
    if fast is not None:
        data, values, keys = fast
        unplaced = None if positions else (text, file, limits)
        return Document(data=data, values=values, keys=keys, unplaced=unplaced)
    return read_yaml_events(text, file, limits)


def read_yaml_events(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """:func:`read_yaml` by libyaml's event stream: any YAML, every problem positioned."""
    doc = Document(data=None)
    try:
        with paused_gc():
            _build(text, file, limits, doc)
    except _StopReadingError:
        doc.complete = False
    except yaml.MarkedYAMLError as exc:
        doc.complete = False
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = str(exc.problem or exc.context or "invalid YAML")
        if "maximum nesting depth" in message:  # libyaml's own cap, hit while scanning ahead
            doc.problems.append(Problem(file, line, col, "", _too_deep(limits)))
            return doc
        if (tab := _tab_near(text, line, col, message)) is not None:
            line, col = tab
            message = (
                f"a tab character at {line}:{col}: YAML indents with spaces only; "
                "replace the tab with spaces"
            )
            doc.problems.append(Problem(file, line, col, "", message))
            return doc
        message = _plain_problem(message)
        if exc.context and exc.problem and (within := _plain_context(str(exc.context))):
            message = f"{message} ({within}"
            started = exc.context_mark
            if started is not None and (started.line, started.column) != (line - 1, col - 1):
                message += f" that starts at line {started.line + 1}, column {started.column + 1}"
            message += ")"
        hint = syntax_hint(str(exc.problem or ""), _char_at(text, line, col))
        message = f"{message}; {hint}" if hint else message
        doc.problems.append(Problem(file, line, col, "", f"YAML syntax: {message}"))
    except yaml.reader.ReaderError as exc:
        if _FORBIDDEN.search(text):  # (libyaml gives the character as a number)
            return _read_without_forbidden(text, file, limits)
        doc.complete = False
        line, col = _line_col(text, exc.position)
        char = exc.character
        shown = f"U+{ord(char):04X}" if isinstance(char, str) else repr(char)
        doc.problems.append(
            Problem(file, line, col, "", f"character {shown} is not allowed in YAML; remove it")
        )
    except UnicodeEncodeError as exc:  # a lone surrogate in text that did not come from a file
        doc.complete = False
        line, col = _line_col(text, exc.start)
        doc.problems.append(Problem(file, line, col, "", "the text is not valid Unicode"))
    except yaml.YAMLError as exc:  # anything else the parser can say
        doc.complete = False
        doc.problems.append(Problem(file, 0, 0, "", f"YAML: {exc}"))  # (no place given)
    return doc


_FORBIDDEN = yaml.reader.Reader.NON_PRINTABLE
"""Characters a YAML file may not hold at all (C0 and C1 controls such as a raw ESC)."""
_MOST_LISTED = 20
"""Forbidden characters listed one by one; the rest are counted."""


def _read_without_forbidden(text: str, file: str, limits: Limits) -> Document:
    """A file holding characters YAML forbids (a raw ESC pasted from a terminal, a C1
    code): each is reported where it is, then the file is read with them blanked out
    (U+FFFD, one for one, so positions hold), so its other problems come in the same run.
    The file stays invalid: these problems are the document's."""
    found = [m.start() for m in _FORBIDDEN.finditer(text)]
    problems = []
    for index in found[:_MOST_LISTED]:
        line, col = _line_col(text, index)
        what = describe(text[index])
        problems.append(Problem(file, line, col, "", f"{what} is not allowed in a deck; remove it"))
    if len(found) > _MOST_LISTED:
        more = len(found) - _MOST_LISTED
        problems.append(
            Problem(file, 1, 1, "", f"and {more:,} more characters that are not allowed")
        )
    doc = read_yaml_events(_FORBIDDEN.sub("\ufffd", text), file, limits)
    doc.problems[:0] = problems
    return doc


_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tab character",), "indent with spaces, not tabs"),
    (
        ("mapping values are not allowed",),
        "a value holding ': ' needs quotes (prompt: \"Why: this?\"), or a key is indented too far",
    ),
    (
        (
            "did not find expected '-' indicator",
            "did not find expected key",
            "expected <block end>",
        ),
        "check the indentation: the keys of one entry start in the same column, and each "
        "entry starts with '- '",
    ),
    (
        ("could not find expected ':'",),
        "a key needs ': ' after it; a value that goes on to the next line needs quotes or '|'",
    ),
    (("unexpected end of stream",), "a quotation mark is opened and never closed"),
)
"""libyaml's wording of a problem -> what the author can do about it."""


def syntax_hint(message: str, char: str) -> str:
    """What to do about a YAML syntax error, in the author's terms ("" when we cannot say)."""
    if char == "\t":
        return "indent with spaces, not tabs"
    for phrases, hint in _HINTS:
        if any(phrase in message for phrase in phrases):
            return hint
    if "cannot start any token" in message and char:
        return f"a value starting with {char!r} needs quotes"
    return ""


_CONTEXTS: dict[str, str] = {
    "a plain scalar": "in the value",
    "a quoted scalar": "in the quoted text",
    "a block scalar": "in the '|' or '>' text",
    "a simple key": "in the key",
    "an alias": "in the alias ('*')",
    "an anchor": "in the anchor ('&')",
    "a tag": "in the tag ('!')",
    "a directive": "in the directive ('%')",
    "a block mapping": "in the block of 'key: value' lines",
    "a block collection": "in the list",
    "a flow mapping": "in the '{...}' mapping",
    "a flow sequence": "in the '[...]' list",
}
"""libyaml's "while scanning/parsing X" -> where the problem is, in the author's words; a
context not named here ("a block node", "for the next token") says nothing and is left out."""

_TOKENS: tuple[tuple[str, str], ...] = (
    ("did not find expected <document start>", "more text after the end of the document"),
    ("did not find expected node content", "a value is missing here"),
    ("found character that cannot start any token", "this character cannot start a value"),
    ("<block end>", "the end of the indented block"),
    ("<document start>", "the start of a document"),
    ("<stream end>", "the end of the file"),
)
"""libyaml's token names (``<block end>``) -> plain words; any other ``<...>`` loses its
brackets."""


def _plain_problem(problem: str) -> str:
    """libyaml's problem without its parser token names."""
    for token, plain in _TOKENS:
        problem = problem.replace(token, plain)
    return re.sub(r"'?<([a-z ]+)>'?", r"\1", problem)


def _plain_context(context: str) -> str:
    """ "while scanning a quoted scalar" -> "in the quoted text" ("" when it says nothing)."""
    what = re.sub(r"^while\s+(?:scanning|parsing|constructing)\s+", "", context)
    return _CONTEXTS.get(what, "")


def _tab_near(text: str, line: int, col: int, problem: str) -> tuple[int, int] | None:
    """Where the tab is that libyaml stumbled on (1-based), when a tab is the problem: at
    its mark, or (a "tab character" problem marked elsewhere) the first on that line."""
    if _char_at(text, line, col) == "\t":
        return line, col
    if "tab character" not in problem:
        return None
    lines = text.split("\n", line)
    row = lines[line - 1] if line - 1 < len(lines) else ""
    index = row.find("\t")
    return (line, index + 1) if index >= 0 else (line, col)


def _char_at(text: str, line: int, col: int) -> str:
    """The character at a 1-based line and column of ``text`` ("" past its end)."""
    lines = text.split("\n", line)
    if line - 1 >= len(lines):
        return ""
    row = lines[line - 1]
    return row[col - 1] if 0 < col <= len(row) else ""


def _too_deep(limits: Limits) -> str:
    return f"nesting deeper than {limits.max_depth} levels; a deck never needs that many"


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


def _events(text: str) -> Iterator[Any]:
    loader = _ParserLoader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _build(text: str, file: str, limits: Limits, doc: Document) -> None:
    stack: list[_Frame] = []
    nodes = 0
    documents = 0
    root_set = False

    def problem(pos: tuple[int, int], path: Path_, message: str) -> None:
        doc.problems.append(Problem(file, pos[0], pos[1], format_path(path), message))

    def place(value: Any, pos: tuple[int, int], event: Any) -> tuple[bool, Path_]:
        """Attach a finished value to its parent; returns (stored, path)."""
        nonlocal root_set
        if not stack:
            doc.data = value
            doc.values[()] = pos
            root_set = True
            return True, ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            doc.values[path] = pos
            return True, path
        # mapping: either a key or a value
        if frame.key is None and not frame.skip_value:
            if not isinstance(event, yaml.ScalarEvent):
                problem(pos, frame.path, "keys must be plain text, not a list or mapping")
                raise _StopReadingError
            key = event.value
            path = (*frame.path, key)
            if key in frame.seen:
                problem(
                    pos,
                    path,
                    f"duplicate key {key!r} (first at line {frame.seen[key]}); "
                    "a mapping may hold each key once: remove or rename one",
                )
                frame.skip_value = True
                doc.damaged.add(path)
                return False, path
            frame.seen[key] = pos[0]
            frame.key = key
            frame.key_pos = pos
            doc.keys[path] = pos
            return False, path
        if frame.skip_value:
            frame.skip_value = False
            return False, frame.path
        assert isinstance(frame.container, dict) and frame.key is not None
        path = (*frame.path, frame.key)
        frame.container[frame.key] = value
        doc.values[path] = pos
        frame.key = None
        return True, path

    def check_props(event: Any, pos: tuple[int, int], path: Path_) -> None:
        if getattr(event, "anchor", None):
            problem(
                pos,
                path,
                f"anchors (&{event.anchor}) are not allowed in decks; write the text out in full",
            )
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and not (isinstance(event, yaml.ScalarEvent) and tag == _STR_TAG):
            problem(
                pos,
                path,
                f"tags such as {describe_tag(tag)} are not allowed in decks; remove the tag",
            )
        elif tag == "!":
            problem(pos, path, "the '!' tag is not allowed in decks; remove it")

    def current_path() -> Path_:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.key is not None:
            return (*frame.path, frame.key)
        return frame.path

    for event in _events(text):
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        pos = _mark(event)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problem(
                    pos,
                    (),
                    "a file holds one YAML document; remove the second '---' "
                    "or split it into its own file",
                )
                raise _StopReadingError
            continue
        if isinstance(event, yaml.AliasEvent):
            problem(
                pos,
                current_path(),
                f"aliases (*{event.anchor}) are not allowed in decks; write the text out in full",
            )
            _stored, alias_path = place(None, pos, event)
            doc.damaged.add(alias_path)
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            if isinstance(frame.container, dict) and frame.key is not None:
                # a key with no value cannot happen in valid YAML; be defensive
                frame.container[frame.key] = None
            continue

        nodes += 1
        if nodes > limits.max_nodes:
            problem(
                pos,
                current_path(),
                f"the file has more than {limits.max_nodes:,} YAML nodes; "
                "split it into several decks",
            )
            raise _StopReadingError

        if isinstance(event, yaml.ScalarEvent):
            path_before = current_path()
            check_props(event, pos, path_before)
            is_key = (
                bool(stack)
                and isinstance(stack[-1].container, dict)
                and (stack[-1].key is None and not stack[-1].skip_value)
            )
            plain = not event.style and event.implicit[0] and event.tag in (None, "!")
            value: Any = event.value if is_key or not plain else resolve_plain(event.value)
            place(value, pos, event)
            continue

        # a collection starts
        if len(stack) + 1 > limits.max_depth:
            problem(
                pos,
                current_path(),
                _too_deep(limits),
            )
            raise _StopReadingError
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        check_props(event, pos, current_path())
        stored, path = place(container, pos, event)
        if not stored and stack and isinstance(stack[-1].container, dict):
            # a collection used as a key (abort raised) or a duplicate's value: read and drop
            path = (*stack[-1].path, "<dropped>")
        stack.append(_Frame(container=container, path=path))

    if not root_set:
        doc.data = None


def format_path(path: Path_) -> str:
    """``("entries", 3, "speaker")`` -> ``entries[3].speaker``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
