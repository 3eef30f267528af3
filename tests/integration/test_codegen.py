"""`make codegen`: the web client's typed documents are what GraphQL Code Generator writes from
schema.graphql and the operations in examples/web/src, so a schema change that breaks the client
shows here (and in the client's compile), not in a user's browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing_tool

pytestmark = pytest.mark.integration

WEB = ROOT / "examples" / "web"
GENERATED = WEB / "src" / "gql"


def codegen(config: Path, **env: str) -> subprocess.CompletedProcess[str]:
    cli = WEB / "node_modules" / ".bin" / "graphql-codegen"
    if shutil.which("node") is None or not cli.exists():
        missing_tool("GraphQL Code Generator (make codegen installs examples/web's packages)")
    return subprocess.run(
        [str(cli), "--config", str(config)],
        cwd=WEB,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_committed_typed_documents_are_what_codegen_writes(tmp_path: Path) -> None:
    # When GraphQL Code Generator runs on today's schema and operations
    done = codegen(WEB / "codegen.ts", CODEGEN_OUT=f"{tmp_path}/")
    assert done.returncode == 0, done.stdout + done.stderr
    # Then it writes exactly the committed files: nothing drifted
    written = {p.name: p.read_text() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text() for p in GENERATED.iterdir()}
    assert sorted(written) == sorted(committed) == ["gql.ts", "graphql.ts", "index.ts"]
    drifted = [name for name in written if written[name] != committed[name]]
    assert drifted == [], f"run `make codegen` and commit examples/web/src/gql/ ({drifted})"


def test_an_operation_the_schema_does_not_have_fails_the_generation(tmp_path: Path) -> None:
    """The check can fail: a field missing from schema.graphql stops codegen, naming it."""
    stale = tmp_path / "stale.ts"
    stale.write_text('graphql(`query Stale { post(id: "1") { shareCount } }`);\n')
    config = tmp_path / "codegen.json"
    config.write_text(
        json.dumps(
            {
                "schema": str(ROOT / "schema.graphql"),
                "documents": [str(stale)],
                "generates": {f"{tmp_path}/out/": {"preset": "client"}},
            }
        )
    )
    done = codegen(config)
    assert done.returncode != 0
    assert "shareCount" in done.stdout + done.stderr
    assert not (tmp_path / "out").exists()
