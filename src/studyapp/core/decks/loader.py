"""Load deck (and other user-written YAML) files into validated models.

The steps are: cap the size, decode strict UTF-8, read YAML the hardened way
(``yamlread``), validate with pydantic, and translate every error into a
``file:line:col: path: message`` :class:`~studyapp.core.base.problems.Problem`
that says what to do. All problems in a file are reported together.
"""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.problems import DeckLoadError, Problem, UserFileError
from studyapp.core.base.userfile import (
    DEFAULT_LIMITS,
    Limits,
    decode_utf8,
    limits_from_env,
    read_bytes,
    read_text,
)
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.model import KINDS, Deck
from studyapp.core.decks.yamlread import Document, Path_, format_path, read_yaml

M = TypeVar("M", bound=BaseModel)

__all__ = [
    "DEFAULT_LIMITS",
    "DeckLoadError",
    "Limits",
    "deck_from_bytes",
    "decode_utf8",
    "limits_from_env",
    "load_deck",
    "load_model",
    "parse_deck",
    "read_bytes",
    "read_text",
]


def load_model(
    path: Path | str,
    model: type[M],
    *,
    limits: Limits | None = None,
    display: str | None = None,
    error: type[UserFileError] = UserFileError,
) -> M:
    """Load any user-written YAML file into ``model``; raise ``error`` with all problems."""
    path = Path(path)
    shown = display if display is not None else str(path)
    text, problems = read_text(path, limits or limits_from_env(), shown)
    if text is None:
        raise error(shown, problems)
    return parse_model(text, model, shown, limits=limits, error=error)


def parse_model(
    text: str,
    model: type[M],
    display: str,
    *,
    limits: Limits | None = None,
    error: type[UserFileError] = UserFileError,
    extra_checks: typing.Callable[[Document, str], list[Problem]] | None = None,
) -> M:
    """Validate YAML ``text`` into ``model``; every problem is reported at once."""
    limits = limits or limits_from_env()
    if len(text) > limits.max_bytes:  # characters >= bytes/4; the file cap is the real one
        raise error(
            display,
            [Problem(display, 0, 0, "", f"the text is larger than {limits.max_bytes:,} bytes")],
        )
    with paused_gc():  # one pause for reading and validating: ~1M objects that all survive
        return _parse(text, model, display, limits, error, extra_checks)


def _parse(
    text: str,
    model: type[M],
    display: str,
    limits: Limits,
    error: type[UserFileError],
    extra_checks: typing.Callable[[Document, str], list[Problem]] | None,
) -> M:
    # Read without positions: they are noted only if a problem needs one (read again).
    doc = read_yaml(text, display, limits, positions=False)
    problems = list(doc.problems)
    if not doc.complete or (problems and doc.data is None):
        # Validating half a file would only add misleading "missing field" noise.
        raise error(display, problems)
    if doc.data is None:
        raise error(display, [Problem(display, 0, 0, "", "the file is empty")])  # no line
    if not isinstance(doc.data, dict):
        line, col = doc.position(())
        raise error(
            display,
            [
                *problems,
                Problem(
                    display, line, col, "", "expected a mapping of fields (id: ..., title: ...)"
                ),
            ],
        )
    if extra_checks is not None:
        problems += extra_checks(doc, display)
    result: M | None = None
    try:
        result = model.model_validate(doc.data)
    except ValidationError as exc:
        damaged = {format_path(p) for p in doc.damaged}
        for detail in exc.errors(include_url=False):
            found = translate(detail, doc, model, display)
            if not any(_under(found.path, d) for d in damaged):
                problems.append(found)
    if problems or result is None:
        raise error(display, _dedupe(problems))
    return result


def _under(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent + ".") or path.startswith(parent + "[")


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for p in problems:
        key = (p.line, p.col, p.path, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# ------------------------------------------------------------------ decks


def parse_deck(text: str, display: str, *, limits: Limits | None = None) -> Deck:
    """Validate deck YAML text (already read and decoded)."""
    return parse_model(
        text, Deck, display, limits=limits, error=DeckLoadError, extra_checks=_duplicate_ids
    )


def load_deck(
    path: Path | str,
    *,
    limits: Limits | None = None,
    display: str | None = None,
    cache: DeckCache | None = None,
    keep: bool = True,
) -> Deck:
    """Load and validate one deck file, raising :class:`DeckLoadError` with every problem.

    With a ``cache``, a deck whose bytes were validated before is read back from
    it instead of being parsed and validated again; ``keep=False`` only reads it
    (see :func:`deck_from_bytes`).
    """
    path = Path(path)
    shown = display if display is not None else str(path)
    limits = limits or limits_from_env()
    raw, problems = read_bytes(path, limits, shown)
    if raw is None:
        raise DeckLoadError(shown, problems)
    return deck_from_bytes(raw, shown, limits=limits, cache=cache, keep=keep)


def deck_from_bytes(
    raw: bytes,
    display: str,
    *,
    limits: Limits | None = None,
    cache: DeckCache | None = None,
    key: str | None = None,
    keep: bool = True,
) -> Deck:
    """A deck file's bytes (already read under the size cap) validated, or from the cache.

    ``key`` is the bytes' cache key when the caller has computed it already. With
    ``keep=False`` a miss is not written back: writing an entry makes the deck's
    cards and their leaks (tens of seconds for some 50,000-entry decks), which a
    one-off tool (``validate``, ``export``) should not pay for.
    """
    if cache is not None:
        key = key or DeckCache.key(raw)
        if (cached := cache.get(key)) is not None:
            return cached
    text, problems = decode_utf8(raw, display)
    if text is None:
        raise DeckLoadError(display, problems)
    deck = parse_deck(text, display, limits=limits or limits_from_env())
    if cache is not None and key is not None and keep:
        cache.put(key, deck)
    return deck


def _duplicate_ids(doc: Document, display: str) -> list[Problem]:
    entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        return []
    first: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        entry_id = entry.get("id")
        if not isinstance(entry_id, str | int):
            continue
        key = str(entry_id)
        if key not in first:
            first[key] = index  # (its line is looked up only if the id comes again)
            continue
        path: Path_ = ("entries", index, "id")
        line, col = doc.position(path)
        earlier = doc.position(("entries", first[key], "id"))[0]
        problems.append(
            Problem(
                display,
                line,
                col,
                format_path(path),
                f"duplicate entry id {key!r} (first used at line {earlier}); "
                "ids must be unique in a deck",
            )
        )
    return problems


# --------------------------------------------------------- error translation


def _walk(doc: Document, loc: tuple[int | str, ...]) -> tuple[Path_, bool]:
    """Map a pydantic ``loc`` onto the data: (path, whether the last part exists)."""
    node: Any = doc.data
    path: list[str | int] = []
    exists = True
    previous: int | str | None = None
    for part in loc:
        is_tag = isinstance(previous, int) and isinstance(node, dict) and node.get("kind") == part
        previous = part
        if is_tag:
            continue  # the discriminated-union tag pydantic inserts after an index
        in_mapping = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and ("[" in part or part.startswith("function-")):
            continue  # union member or validator names
        else:
            path.append(part)
            exists = False
            node = None
    return tuple(path), exists


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that owns the last part of ``loc`` (for field suggestions)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, part)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp: Any, part: int | str) -> Any:
    tp = _strip_annotated(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if isinstance(part, str) and part in tp.model_fields:
            return tp.model_fields[part].annotation
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is list and isinstance(part, int):
        return args[0] if args else None
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            arg = _strip_annotated(arg)
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                kind = arg.model_fields.get("kind")
                if kind is not None and typing.get_args(kind.annotation) == (part,):
                    return arg
        members = [a for a in args if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0], part)
    return None


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _owner_loc(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The loc of the model holding the field (drop the field; keep union tags)."""
    return loc[:-1]


def _kind_of(doc: Document, path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "entries" and isinstance(path[1], int):
        entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
        if isinstance(entries, list) and path[1] < len(entries):
            entry = entries[path[1]]
            if isinstance(entry, dict) and isinstance(entry.get("kind"), str):
                return str(entry["kind"])
    return None


def _describe_input(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_NUMBER_ERRORS = frozenset(
    {
        "int_type",
        "float_type",
        "int_parsing",
        "float_parsing",
        "greater_than_equal",
        "greater_than",
        "less_than_equal",
        "less_than",
    }
)


def _empty(path: Path_, kind: str, message: str, ctx: dict[str, Any]) -> str:
    """A field written with nothing after its colon (YAML reads it as null): say so, and
    what to write, never "got None"."""
    name = str(path[-1]) if path and isinstance(path[-1], str) else ""
    what = f"{name} is empty" if name else "this list item is empty"
    key = f"{name}: " if name else "- "
    if kind in _NUMBER_ERRORS or "number" in message:
        return f"{what}: write the number (e.g. {key}12)"
    if "date" in message:
        return f"{what}: write the date (e.g. {key}2025-06-03)"
    if kind == "bool_type":
        return f"{what}: write true or false"
    if kind == "list_type":
        return f"{what}: write a list, one item a line starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{what}: write its 'field: value' lines, indented below it"
    if kind == "literal_error" and ctx.get("expected"):
        return f"{what}: write {ctx['expected']}"
    return f"{what}: write its text" if kind == "string_type" else f"{what}: write its value"


def translate(detail: ErrorDetails, doc: Document, model: type[BaseModel], display: str) -> Problem:
    """Turn one pydantic error into a Problem an author can act on."""
    loc = tuple(detail["loc"])
    kind = detail["type"]
    path, exists = _walk(doc, loc)
    shown = format_path(path)
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    message = str(detail["msg"])

    if kind == "missing":
        line, col = doc.position(path[:-1])
        owner = _model_at(model, _owner_loc(loc))
        field_name = str(path[-1]) if path else "?"
        message = f"missing required field {field_name!r}"
        if owner is not None:
            required = [n for n, f in owner.model_fields.items() if f.is_required()]
            entry_kind = _kind_of(doc, path)
            what = f"a {entry_kind} entry" if entry_kind else "this"
            if owner is Deck:
                what = "a deck"
            message += f" ({what} needs: {', '.join(required)})"
        return Problem(display, line, col, shown, message)

    if kind == "extra_forbidden":
        line, col = doc.position(path, key=True)
        owner = _model_at(model, _owner_loc(loc))
        name = str(path[-1]) if path else "?"
        message = f"unknown field {name!r}"
        if owner is not None:
            allowed = list(owner.model_fields)
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean {close[0]!r}?"
            else:
                message += f"; allowed here: {', '.join(allowed)}"
        return Problem(display, line, col, shown, message)

    line, col = doc.position(path) if exists else doc.position(path[:-1])
    if value is None and exists and kind not in ("union_tag_invalid", "union_tag_not_found"):
        return Problem(display, line, col, shown, _empty(path, kind, message, ctx))
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", value))
        close = difflib.get_close_matches(tag, KINDS, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        kind_path = (*path, "kind")
        line, col = doc.position(kind_path)
        said = f"unknown kind {tag!r}{hint} (kinds: {', '.join(KINDS)})"
        if isinstance(value, dict) and "kind" in value and value["kind"] is None:
            said = f"kind is empty: write one of: {', '.join(KINDS)}"
        return Problem(display, line, col, format_path(kind_path), said)
    if kind == "union_tag_not_found":
        return Problem(
            display, line, col, shown, f"every entry needs a 'kind:' (one of: {', '.join(KINDS)})"
        )
    if kind == "string_type":
        message = f"expected text, got {_describe_input(value)}"
        if isinstance(value, bool):
            message += "; put it in quotes if you mean the word"
    elif kind in ("int_type", "float_type", "int_parsing", "float_parsing"):
        message = f"expected a number, got {_describe_input(value)}"
    elif kind == "list_type":
        message = f"expected a list (lines starting with '- '), got {_describe_input(value)}"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"expected a mapping of 'field: value' lines, got {_describe_input(value)}"
    elif kind == "string_pattern_mismatch":
        if path and path[-1] == "id":
            message = (
                f"{value!r} is not a valid id: use lowercase letters, digits, '.', '_' or '-' "
                "(e.g. lee-elected-2025), at most 80 characters"
            )
        elif "language" in path:
            message = f"{value!r} is not a language tag; write e.g. en, ja or pt-BR"
        else:
            message = f"{value!r} is not allowed here: {message}"
    elif kind == "too_short" and path == ("entries",):
        message = "a deck needs at least one entry"
    elif kind == "too_short":
        message = f"needs at least {ctx.get('min_length')} items, has {ctx.get('actual_length')}"
    elif kind == "too_long":
        message = f"may have at most {ctx.get('max_length')} items, has {ctx.get('actual_length')}"
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {
            "greater_than_equal": ("at least", "ge"),
            "greater_than": ("more than", "gt"),
            "less_than_equal": ("at most", "le"),
            "less_than": ("less than", "lt"),
        }[kind]
        message = f"must be {bound[0]} {ctx.get(bound[1])}, got {_describe_input(value)}"
    elif kind == "value_error":
        message = message.removeprefix("Value error, ")
        if message.startswith("expected a number, got ") and not isinstance(value, str):
            # the model's words show a Python repr ("got [1, 2]"); say what was written
            message = f"expected a number, got {_describe_input(value)}; write digits, e.g. 55.5"
    elif kind == "literal_error":
        message = f"got {_describe_input(value)}; {message.lower()}"
    elif kind == "bool_type":
        message = f"expected true or false, got {_describe_input(value)}"
    return Problem(display, line, col, shown, message)
