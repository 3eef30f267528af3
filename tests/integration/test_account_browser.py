"""The web client's delete-account and export, in a browser against `make serve`, whose local
stream poller runs the deletion's steps as the Lambda's stream would."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.served import Served, served_process
from cli.local import free_port
from tests.conftest import missing_tool
from tests.integration.test_serve import demo_token, gql, run_node

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A server of its own: this test deletes a demo account."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    data_dir = str(tmp_path_factory.mktemp("data"))
    env |= {"PORT": str(port), "AGORA_DATA_DIR": data_dir}
    with served_process(["make", "--no-print-directory", "serve"], env, port, data_dir) as server:
        yield server


def test_a_person_exports_then_deletes_their_account_in_the_web_client(served: Served) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    shots = ROOT / "test-output" / "account"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"
    erin = demo_token(served, "erin")
    erins_id = gql(served, erin, "{ me { id } }")["data"]["me"]["id"]
    # When erin downloads her data and deletes her account in the browser
    result = run_node("account_browser.mjs", app, str(shots), "erin", CHROMIUM=chromium)
    # Then every step happened, nothing left loopback, no script error
    assert result["steps"] == [
        "account-screen",
        "export-ready",
        "wrong-confirmation-refused",
        "deletion-running",
        "deletion-done",
    ]
    assert result["blocked"] == []
    assert result["errors"] == []
    assert result["archive"]["magic"] == "PK"
    assert result["archive"]["size"] > 1000
    # And the server agrees: her profile and handle are gone, her posts too
    carol = demo_token(served, "carol")
    found = gql(served, carol, '{ user(handle: "erin") { id } }')["data"]["user"]
    assert found is None
    posts = gql(served, carol, "{ posts(limit: 100) { items { author { id } } } }")["data"]
    assert all(
        p["author"] is None or p["author"]["id"] != erins_id for p in posts["posts"]["items"]
    )
    assert gql(served, erin, "{ accountDeletion { status } }")["data"]["accountDeletion"] == {
        "status": "DONE"
    }
