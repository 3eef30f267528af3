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


def test_no_module_is_over_300_lines() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text().splitlines()) for p in _modules()}
    assert {module: lines for module, lines in sizes.items() if lines > 300} == {}
    assert len(sizes) > 100  # the check read the tree
