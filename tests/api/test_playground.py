"""The GraphiQL playground works offline in local serve, signed in; the Lambda serves none."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from pathlib import Path
from types import ModuleType

import graphql
import pytest
from starlette.testclient import TestClient

from cli import playground as ide
from cli.dev_issuer import DevIssuer
from cli.local_app import local_app
from cli.playground_examples import POLL, READ
from core.config import Settings
from store.repository import Store
from tests.api.conftest import LambdaContext
from tests.conftest import ALICE, ROOT, missing_tool
from tests.support.events import http_api_v2_event

pytestmark = pytest.mark.integration

HTML = {"accept": "text/html"}
TOKEN = "Bearer eyJ.local.token"


@pytest.fixture
def playground(settings: Settings, store: Store, issuer: DevIssuer) -> TestClient:
    if not ide.ASSETS.is_dir():
        missing_tool("the playground's npm files (make serve installs web/playground)")
    app = local_app(
        settings,
        store=store,
        dev_issuer=issuer,
        graphiql=True,
        playground_headers={"Authorization": TOKEN},
    )
    return TestClient(app)


def test_the_page_loads_its_files_locally_with_their_integrity(playground: TestClient) -> None:
    page = playground.get("/graphql", headers=HTML)
    assert page.status_code == 200
    assert "unpkg.com" not in page.text
    assets = re.findall(
        r'(?:src|href)="(/playground/[^"]+)"\s+integrity="(sha384-[^"]+)"', page.text
    )
    assert len(assets) == 7
    for url, integrity in assets:
        served = playground.get(url)
        assert served.status_code == 200, url
        digest = base64.b64encode(hashlib.sha384(served.content).digest()).decode()
        assert integrity == f"sha384-{digest}", url


def test_the_headers_tab_is_prefilled_with_the_dev_token(playground: TestClient) -> None:
    page = playground.get("/graphql", headers=HTML).text
    assert "parameters.headers ||" in page
    assert TOKEN in page


def test_the_page_opens_on_agoras_example_operations(playground: TestClient) -> None:
    # Given the playground page of local serve
    page = playground.get("/graphql", headers=HTML).text
    # Then GraphiQL's generic welcome is gone and Agora's operations are the first tabs
    assert "Welcome to GraphiQL" not in page
    found = re.search(r"const AGORA_TABS = (\[.*?\]);\n", page)
    assert found is not None
    tabs = json.loads(found.group(1))
    schema = graphql.build_schema((ROOT / "schema.graphql").read_text())
    operations = []
    for tab in tabs:
        document = graphql.parse(tab["query"])
        # Each one is valid against the published schema, with variables for it
        assert graphql.validate(schema, document) == []
        names = [d.name.value for d in document.definitions if d.name]  # type: ignore[attr-defined]
        operations.append(names)
        assert set(json.loads(tab["variables"])) >= {
            v.variable.name.value
            for d in document.definitions
            for v in d.variable_definitions  # type: ignore[attr-defined]
        }
        # And each tab is signed in with the dev token
        assert json.loads(tab["headers"]) == {"Authorization": TOKEN}
    assert operations == [["Feed"], ["Write", "Like"], ["Poll"], ["StartUpload", "CompleteUpload"]]


def test_the_example_operations_run(playground: TestClient, issuer: DevIssuer) -> None:
    """The read and poll tabs, as they are, answer without errors for a signed-in user."""
    token = issuer.issue(ALICE, "alice")
    for tab in (READ, POLL):
        answer = playground.post(
            "/graphql",
            json={"query": tab.query, "variables": tab.variables},
            headers={"authorization": f"Bearer {token}"},
        ).json()
        assert "errors" not in answer, answer


def test_without_the_files_the_page_falls_back_to_the_cdn_and_says_so(
    settings: Settings,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(ide, "ASSETS", tmp_path / "missing")
    with caplog.at_level(logging.WARNING, logger="agora.playground"):
        app = local_app(settings, store=store, graphiql=True)
    page = TestClient(app).get("/graphql", headers=HTML).text
    assert "https://unpkg.com/graphiql@3.8.3/graphiql.min.js" in page
    assert "loads them from unpkg.com" in caplog.text


def test_the_lambda_serves_no_playground_and_no_token(handler_module: ModuleType) -> None:
    event = http_api_v2_event({})
    event["requestContext"]["http"]["method"] = "GET"
    event["headers"] = {"accept": "text/html"}
    event["body"] = ""
    response = handler_module.handler(event, LambdaContext())
    assert response["statusCode"] == 404
    assert "graphiql" not in response["body"].lower()
    assert "Bearer" not in response["body"]
