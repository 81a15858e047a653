"""Deck entries written straight as YAML text, where the text the emitter would write
is certain.

PyYAML's representer (pure Python even with libyaml) builds a node per scalar and was
most of the 6.5 s an import spent writing 50,000 entries. Most imported entries are a
mapping of short plain strings, ``|`` blocks, booleans and lists of tags: for those,
:func:`entry_text` writes what the emitter writes, character for character (a test
compares the two on generated strings). Anything less sure (escapes, a line past
the width the emitter folds at, a block with an indentation or keep indicator, a
nested mapping) gives ``None``, and the caller emits that entry with PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from studyapp.core.decks.yamlscalar import resolve_plain

__all__ = ["WIDTH", "entry_text"]

WIDTH = 100
"""The emitter's line width: a line no longer than this is never folded."""

_KEY = re.compile(r"[a-z_][a-z0-9_]*\Z")
_PLAIN = re.compile(
    r"[^\W_]"  # a letter or digit first: no indicator, no space
    r"(?:[^\x00-\x1f\x7f-\x9f:#\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\U00010000-\U0010ffff]"
    r"|:(?! )(?=.)"  # ": " and a final ":" mark a mapping
    r"|(?<! )#"  # " #" starts a comment
    r")*"
    r"(?<! )\Z",  # no trailing space
    re.DOTALL,
)
"""One line the emitter writes plain: printable to libyaml (which counts no character
beyond U+FFFF printable), no indicator, no edge spaces."""
_NOT_PLAIN = re.compile(
    r"[,\[\]{}#&*!|>'\"%@`]|[-?:](?: |\Z)|---|\.\.\.| |.*(?:: |:\Z| #| \Z)", re.DOTALL
)
"""Text the emitter never writes plain: an indicator first, a leading or trailing space,
a ": " or " #" inside."""
_LINE = re.compile(
    r"[^\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\U00010000-\U0010ffff]*"
)
"""Printable text (newlines allowed) for a ``|`` block."""
_PRINTABLE = re.compile(
    r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\U00010000-\U0010ffff]*"
)
"""One printable line (no tab, no break)."""
_YAML11_TYPED = frozenset("0123456789yYnNtTfFoO")
"""First characters of plain text YAML 1.1 (the emitter's resolver) may type."""
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


_SEEN: dict[tuple[str, int], str | None] = {}
"""Short strings already written (kinds, tags, "self"): most entries repeat them."""


def _short_string(value: str, prefix: str) -> str | None:
    key = (value, len(prefix))
    if key in _SEEN:
        return _SEEN[key]
    if len(_SEEN) >= 4096:
        _SEEN.clear()
    text = _SEEN[key] = _string(value, prefix)
    return text


def _string(value: str, prefix: str) -> str | None:
    """One line of text as the emitter writes it after ``prefix``, or None.

    The writer asks for double quotes where our YAML 1.2 reader would read the plain
    text as something else ("1965", "true"), and for plain text otherwise; the emitter
    writes plain text in single quotes where YAML 1.1 would type it ("yes") or an
    indicator or an edge space forbids it.
    """
    if not _PRINTABLE.fullmatch(value):
        return None
    if resolve_plain(value) != value:
        text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        typed = (
            value[0] in _YAML11_TYPED
            and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            != _STR_TAG
        )
        if not typed and _PLAIN.match(value):
            text = value
        elif typed or _NOT_PLAIN.match(value):
            text = "'" + value.replace("'", "''") + "'"
        else:
            return None  # plain or not: not certain
    return text if len(prefix) + len(text) <= WIDTH else None


def _block(value: str, indent: str) -> str | None:
    """``value`` (with a newline) as the ``|`` block the emitter writes, or None."""
    if value[0] in " \n" or not _LINE.fullmatch(value):
        return None  # a leading space or break asks for an indentation indicator
    body = value
    if value.endswith("\n"):
        body = value[:-1]
        if body.endswith("\n") or not body:
            return None  # "|+": kept breaks
        head = "|\n"
    else:
        head = "|-\n"
    if " \n" in body or body.endswith(" "):
        return None  # a space before a break: not a block
    lines = [indent + line if line else "" for line in body.split("\n")]
    return head + "\n".join(lines) + "\n"


def _scalar(value: object, prefix: str, indent: str) -> str | None:
    """The rest of the line after ``prefix`` (and any block lines), or None."""
    if isinstance(value, bool):
        return "true\n" if value else "false\n"
    if isinstance(value, str):
        if "\n" in value:
            return _block(value, indent)
        text = _short_string(value, prefix) if len(value) <= 24 else _string(value, prefix)
        return None if text is None else text + "\n"
    if type(value) is int:
        return f"{value}\n"
    return None


def entry_text(entry: dict[str, Any]) -> str | None:
    """The entry as an item of the block sequence ``entries:`` (at the left margin), or
    None where the emitter's text is not certain."""
    out: list[str] = []
    lead = "- "
    for key, value in entry.items():
        if not isinstance(key, str) or not _KEY.match(key) or _short_string(key, "") != key:
            return None  # (a key YAML 1.1 would type, such as "on", is quoted)
        prefix = f"{lead}{key}: "
        lead = "  "
        if isinstance(value, list):
            if not value:
                return None
            out.append(prefix[:-1] + "\n")
            for item in value:
                if not isinstance(item, str) or "\n" in item:
                    return None
                text = _scalar(item, "  - ", "")
                if text is None:
                    return None
                out.append("  - " + text)
            continue
        text = _scalar(value, prefix, "    ")
        if text is None:
            return None
        out.append(prefix + text)
    if not out:
        return None
    return "".join(out)
