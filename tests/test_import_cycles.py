"""No circle of imports between studyapp's modules, deferred imports included.

Every module under ``src/studyapp`` is parsed (never imported). An edge A -> B is an
import of B anywhere in A: at module level, and also inside a function or method, since
a deferred import still forms a circle a reader must untangle. Only imports under
``if TYPE_CHECKING:`` are left out (they never run). ``from studyapp.x import y`` counts
as importing ``studyapp.x.y`` when ``y`` is a submodule, else ``studyapp.x``; importing a
package counts as importing its ``__init__.py`` only, not its submodules.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from pathlib import Path

from tests.conftest import REPO

SRC = REPO / "src"
ROOT = "studyapp"


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name (a package is its ``__init__.py``)."""
    modules = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _runtime_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements under ``node`` that can run: all but ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:  # the else branch does run
                if isinstance(other, ast.Import | ast.ImportFrom):
                    yield other
                else:
                    yield from _runtime_imports(other)
        else:
            yield from _runtime_imports(child)


def _known(name: str, modules: Collection[str]) -> str | None:
    """The module ``name`` names, or its nearest parent package that exists here."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(name: str, source: str, modules: Collection[str], *, package: bool) -> set[str]:
    """The studyapp modules that module ``name`` imports (``package``: an ``__init__.py``)."""
    here = name if package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_imports(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:  # relative: from . import x, from ..y import z
                parts = here.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                stem = ".".join([*parts, node.module] if node.module else parts)
            else:
                stem = node.module or ""
            targets = [
                f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in modules else stem
                for alias in node.names
            ]
        for target in targets:
            if target == ROOT or target.startswith(ROOT + "."):
                known = _known(target, modules)
                if known is not None and known != name:
                    found.add(known)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each studyapp module and the studyapp modules it imports."""
    modules = module_files()
    return {
        name: imports_of(
            name, path.read_text(encoding="utf-8"), modules, package=path.name == "__init__.py"
        )
        for name, path in modules.items()
    }


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle per strongly connected component of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan; the graph is small, recursion is fine
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_circle_in(component, graph) for component in sorted(components)]


def _circle_in(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest way from the component's first module back to itself, inside it."""
    start, members = component[0], set(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node] & members):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    raise AssertionError(f"no circle in a strongly connected component: {component}")


MODULES = {"studyapp", "studyapp.a", "studyapp.a.sub", "studyapp.a.other", "studyapp.b"}
SOURCE = """
from __future__ import annotations
from typing import TYPE_CHECKING
import os
from studyapp import __version__
from studyapp.a import sub, helper
import studyapp.b as b
if TYPE_CHECKING:
    from studyapp.a.other import Hint
else:
    import studyapp.a.missing
def later() -> None:
    from . import other
"""


def test_what_counts_as_an_import() -> None:
    """Deferred imports count, TYPE_CHECKING ones do not; a name is its module or package."""
    found = imports_of("studyapp.a.sub2", SOURCE, MODULES, package=False)
    # from studyapp import __version__: the package; from studyapp.a import sub, helper:
    # the submodule sub and the package (for helper); studyapp.a.missing is no module, so
    # its package; from . import other (deferred, in a function): the submodule.
    assert found == {"studyapp", "studyapp.a", "studyapp.a.sub", "studyapp.b", "studyapp.a.other"}
    only_hint = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import studyapp.b\n"
    assert imports_of("studyapp.a", only_hint, MODULES, package=True) == set()
    # importing a package is not importing its submodules; a package's relative import
    assert imports_of(
        "studyapp.a", "from . import sub\nimport studyapp.b\n", MODULES, package=True
    ) == {
        "studyapp.a.sub",
        "studyapp.b",
    }


def test_a_circle_is_found_and_shown() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]


def test_no_import_cycles() -> None:
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)
