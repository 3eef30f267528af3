"""The committed SDL is what the code serves."""

from __future__ import annotations

from pathlib import Path

from cli.main import main
from schema.build import sdl

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == sdl(), "schema.graphql is stale: run `make export-schema` and commit it"


def test_export_schema_writes_the_sdl(tmp_path: Path) -> None:
    target = tmp_path / "out.graphql"
    assert main(["export-schema", "--output", str(target)]) == 0
    assert target.read_text() == sdl()
