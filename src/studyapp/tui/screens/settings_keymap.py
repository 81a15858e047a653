"""The settings screen's key table, read from the TUI's source instead of importing it.

Listing every binding needs every screen and widget class. Importing them all on the
first open of the settings screen pulled in about 280 modules (pydantic for the deck
model, the FSRS optimizer, csv, email ...): 0.6 s of CPU before the screen could appear,
while keys typed meanwhile queued up. Binding declarations are literals
(``Binding("k", "act", "Does", id="x.y")``), so their syntax trees give the same rows
in a few tens of milliseconds, once per run. A module whose source cannot be read is
imported, as before; tests/tui/test_settings_open.py checks that both ways agree.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

KeymapRow = tuple[str, str, str, bool]
"""(binding id, key, what it does, remapped?)"""

_FIELDS = [f.name for f in dataclasses.fields(Binding)]
"""Binding's constructor arguments in order, to name positional arguments."""


def keymap_rows(app: App[Any], keys: Mapping[str, str]) -> list[KeymapRow]:
    """Every binding that has an id, with the learner's remapped key where there is one.

    The app's own classes come first, then widgets, then screens: where a dialog shares
    a binding id with its screen (browse.suspend, browse.reset) the dialog's
    description is listed.
    """
    rows: dict[str, KeymapRow] = {}
    app_bindings = [
        b
        for cls in type(app).__mro__
        if issubclass(cls, DOMNode)
        for b in cls.__dict__.get("BINDINGS", [])
        if isinstance(b, Binding)
    ]
    for binding in [*app_bindings, *declared_bindings()]:
        if not binding.id or binding.id in rows:
            continue
        remapped = binding.id in keys
        key = keys[binding.id] if remapped else binding.key
        what = binding.tooltip or binding.description or binding.action
        rows[binding.id] = (binding.id, key, what, remapped)
    return sorted(rows.values())


@functools.cache
def declared_bindings() -> tuple[Binding, ...]:
    """The bindings declared by studyapp's widgets, then its screens (read once a run)."""
    import studyapp.tui.screens as screens
    import studyapp.tui.widgets as widgets

    found: list[Binding] = []
    for package in (widgets, screens):
        prefix = package.__name__ + "."
        for info in pkgutil.walk_packages(package.__path__, prefix, onerror=lambda _: None):
            source = _source(info)
            if source is None:
                found += _imported_bindings(info.name)
            else:
                found += _parsed_bindings(source)
    return tuple(found)


def _source(info: pkgutil.ModuleInfo) -> str | None:
    """A module's source text, or None where there is none to read (bytecode only)."""
    find_spec = getattr(info.module_finder, "find_spec", None)
    spec = find_spec(info.name) if find_spec is not None else None
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return None
    try:
        return Path(origin).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _parsed_bindings(source: str) -> Iterator[Binding]:
    """The literal ``Binding(...)`` entries of ``BINDINGS`` in the module's top-level
    classes, in the order they are declared."""
    if "BINDINGS" not in source:
        return  # half the modules: not worth a parse
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a broken module must not take the settings screen down
        return
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            value = _bindings_value(statement)
            if isinstance(value, ast.List | ast.Tuple):
                for element in value.elts:
                    binding = _literal_binding(element)
                    if binding is not None:
                        yield binding


def _bindings_value(statement: ast.stmt) -> ast.expr | None:
    """The value assigned to ``BINDINGS`` by this class-body statement, if it is one."""
    if isinstance(statement, ast.Assign):
        names = [t.id for t in statement.targets if isinstance(t, ast.Name)]
        return statement.value if "BINDINGS" in names else None
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.value if statement.target.id == "BINDINGS" else None
    return None


def _literal_binding(node: ast.expr) -> Binding | None:
    """``Binding("k", "act", ..., id="x")`` built from its literal arguments, else None."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    if name != "Binding" or len(node.args) > len(_FIELDS):
        return None
    named: list[tuple[str | None, ast.expr]] = list(zip(_FIELDS, node.args, strict=False))
    named += [(k.arg, k.value) for k in node.keywords]
    arguments: dict[str, Any] = {}
    for field, value in named:
        if field is None:  # **kwargs: not a literal declaration
            return None
        try:
            arguments[field] = ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, RecursionError):
            return None
    try:
        return Binding(**arguments)
    except TypeError:
        return None


def _imported_bindings(module_name: str) -> Iterator[Binding]:
    """The bindings of a module's own DOM classes, by importing it (no source to read)."""
    try:
        module = importlib.import_module(module_name)
    except Exception:  # a broken module must not take the settings screen down
        return
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and issubclass(value, DOMNode)
            and value.__module__ == module.__name__
        ):
            for binding in value.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    yield binding
