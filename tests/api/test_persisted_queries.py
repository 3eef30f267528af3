"""Persisted queries: Apollo's APQ protocol, and an allow-list that runs only known operations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cli.dev_issuer import DevIssuer
from cli.local_app import local_app
from core.config import Settings
from core.errors import ConfigurationError
from store.repository import Store
from tests.conftest import ALICE, CURSOR_SECRET, GraphQLClient
from web.persisted import PersistedQueries, sha256

pytestmark = pytest.mark.integration

QUERY = "{ health categories }"


def persisted(digest: str, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": digest}}


def test_apq_registers_then_answers_by_hash(api: GraphQLClient) -> None:
    digest = sha256(QUERY)
    # Given an unknown hash, the client is told to send the query
    miss = api.post({"extensions": persisted(digest)})
    assert miss.status_code == 200
    assert miss.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert miss.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    # When it sends hash and query once
    registered = api.post({"query": QUERY, "extensions": persisted(digest)})
    assert registered.json()["data"]["health"] == "ok"
    # Then the hash alone is enough, over POST and over GET
    assert api.post({"extensions": persisted(digest)}).json()["data"]["health"] == "ok"
    over_get = api.http.get(
        "/graphql",
        params={"extensions": json.dumps(persisted(digest))},
        headers={**api.headers, "accept": "application/json"},  # as Apollo sends it
    )
    assert over_get.json()["data"]["health"] == "ok"


@pytest.mark.parametrize(
    "extensions",
    [
        pytest.param(persisted(sha256("{ other }")), id="hash of another query"),
        pytest.param(persisted(sha256(QUERY), version=2), id="unknown version"),
        pytest.param(persisted("not-a-hash"), id="malformed hash"),
    ],
)
def test_apq_refuses_mismatches(api: GraphQLClient, extensions: dict[str, Any]) -> None:
    response = api.post({"query": QUERY, "extensions": extensions})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.fixture
def allowlisted(table: str, store: Store, issuer: DevIssuer, tmp_path: Path) -> TestClient:
    manifest = tmp_path / "persisted-queries.json"
    manifest.write_text(json.dumps({sha256(QUERY): QUERY}))
    settings = Settings.from_env(
        {
            "TABLE_NAME": table,
            "CURSOR_SECRET": CURSOR_SECRET,
            "PERSISTED_QUERIES": "allowlist",
            "PERSISTED_QUERIES_MANIFEST": str(manifest),
        }
    )
    client = TestClient(local_app(settings, dev_issuer=issuer, store=store))
    client.headers["authorization"] = f"Bearer {issuer.issue(ALICE, 'alice')}"
    return client


def test_allowlist_runs_known_operations_by_hash_or_text(allowlisted: TestClient) -> None:
    by_hash = allowlisted.post("/graphql", json={"extensions": persisted(sha256(QUERY))})
    assert by_hash.json()["data"]["health"] == "ok"
    by_text = allowlisted.post("/graphql", json={"query": QUERY})
    assert by_text.json()["data"]["health"] == "ok"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"query": "{ health }"}, id="unregistered text"),
        pytest.param({"extensions": persisted(sha256("{ health }"))}, id="unregistered hash"),
        pytest.param(
            {"query": "{ health }", "extensions": persisted(sha256(QUERY))}, id="hash of another"
        ),
    ],
)
def test_allowlist_refuses_everything_else(allowlisted: TestClient, body: dict[str, Any]) -> None:
    response = allowlisted.post("/graphql", json=body)
    assert response.status_code in (400, 403)
    assert response.json()["errors"][0]["extensions"]["code"] in ("FORBIDDEN", "BAD_USER_INPUT")
    assert "data" not in response.json()


def test_allowlist_needs_a_manifest() -> None:
    with pytest.raises(ConfigurationError):
        PersistedQueries("allowlist", None)
    with pytest.raises(ConfigurationError):
        PersistedQueries("sometimes")
