"""The folders are layers: each imports only what lies below it, and stays small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPLICATION = (
    *("appsync", "auth", "cli", "core", "fanout", "resolvers", "runtime", "schema", "store"),
    *("web", "media", "bench", "infra"),
)
#: What each folder may never import (type-checking imports included).
FORBIDDEN = {
    "core": {
        *("store", "resolvers", "schema", "web", "appsync", "fanout", "runtime", "cli", "auth"),
        "media",
    },
    # Pure functions over bytes: nothing of ours but core/.
    "media": {"store", "resolvers", "schema", "web", "appsync", "fanout", "runtime", "cli", "auth"},
    "store": {"resolvers", "schema", "web", "appsync", "fanout", "runtime", "cli", "media"},
    "resolvers": {"schema", "web", "appsync", "fanout", "runtime", "cli"},
    "schema": {"web", "appsync", "fanout", "runtime", "cli"},
    "appsync": {"web", "fanout", "runtime", "cli"},
    "web": {"appsync", "fanout", "runtime", "cli"},
    "fanout": {"web", "appsync", "schema", "resolvers", "runtime", "cli"},
    "auth": {"store", "resolvers", "schema", "web", "appsync", "fanout", "runtime", "cli", "media"},
    "runtime": {"cli"},
    "bench": {"tests"},
}


def _modules() -> list[Path]:
    found = [ROOT / "handler.py"]
    for folder in APPLICATION:
        found += [p for p in (ROOT / folder).rglob("*.py") if "node_modules" not in p.parts]
    return found


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _module_names() -> dict[str, Path]:
    """Dotted name -> file, for every application module (packages by their __init__)."""
    named: dict[str, Path] = {}
    for path in _modules():
        parts = path.relative_to(ROOT).with_suffix("").parts
        named[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return named


def _imported_modules(path: Path, named: dict[str, Path]) -> set[str]:
    """The application modules a file names in an import, wherever it stands (functions and
    type-checking blocks included: a lazy import is still a circle to a reader)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            wanted = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            # `from pkg import sub` names the module pkg.sub; `from mod import name`, mod.
            wanted = [
                f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in named else node.module
                for a in node.names
            ]
        else:
            continue
        for name in wanted:
            while name and name not in named:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), or a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while (member := stack.pop()) != node:
                component.append(member)
            component.append(node)
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _folder(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_a_folder_imports_nothing_above_it(folder: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imports(path) if name.partition(".")[0] in FORBIDDEN[folder]
        )
        for path in _modules()
        if _folder(path) == folder
    }
    assert {module: names for module, names in wrong.items() if names} == {}


def test_resolvers_reach_the_table_only_through_the_stores_public_face() -> None:
    reached = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in _imports(path)
            if name.startswith("store.") and not name.startswith("store.repository")
        )
        for path in _modules()
        if _folder(path) == "resolvers"
    }
    assert {module: names for module, names in reached.items() if names} == {}


def test_no_two_modules_import_each_other_however_indirectly() -> None:
    named = _module_names()
    graph = {name: _imported_modules(path, named) - {name} for name, path in named.items()}
    assert sum(map(len, graph.values())) > 500  # the check read the imports
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_module_is_over_300_lines() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text().splitlines()) for p in _modules()}
    assert {module: lines for module, lines in sizes.items() if lines > 300} == {}
    assert len(sizes) > 100  # the check read the tree
