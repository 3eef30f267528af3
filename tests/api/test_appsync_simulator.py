"""AWS Amplify's AppSync simulator, loaded with schema.appsync.graphql, resolves every field
through `handler.handler` and answers like our own endpoint (its realtime side:
test_appsync_signals.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import resolvers  # noqa: F401  (registers every resolver)
from cli.dev_issuer import DevIssuer
from core.clock import now_iso
from core.models import UserProfile
from resolvers.registry import ROOT_TYPES, registered
from store.repository import Store
from tests.api.conftest import LambdaContext
from tests.conftest import ALICE, BOB, missing_tool
from tests.support.lambda_bridge import lambda_bridge

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().parent.parent / "integration" / "appsync_simulator.cjs"
SIMULATOR = ROOT / "node_modules" / "@aws-amplify" / "amplify-appsync-simulator"

OPERATIONS: list[dict[str, Any]] = [
    {
        "name": "a page with batched authors",
        "query": "query { posts(limit: 10) { items { title viewerHasLiked author { handle } } } }",
    },
    {
        "name": "a post with comments",
        "query": "query($id: ID!) { post(id: $id) { title comments { items { body "
        "author { handle } } } } }",
        "variables": {"id": "{post}"},
    },
    {
        "name": "a mutation",
        "query": 'mutation { likePost(postId: "{post}") { likeCount viewerHasLiked } }',
    },
    {"name": "an error", "query": "query { posts(limit: 0) { items { id } } }"},
]


def _fill(text: str, post: str) -> str:
    return text.replace("{post}", post)


@pytest.fixture
def simulator_input(store: Store, issuer: DevIssuer, tmp_path: Path) -> dict[str, Any]:
    if shutil.which("node") is None or not SIMULATOR.exists():
        missing_tool("node and the npm package @aws-amplify/amplify-appsync-simulator")
    store.users.create(UserProfile(ALICE, "alice", "Alice", now_iso()))
    store.users.create(UserProfile(BOB, "bob", "Bob", now_iso()))
    post = store.posts.create(author_id=BOB, title="first", body="", category="tech")
    for n in range(4):
        store.posts.create(author_id=[ALICE, BOB][n % 2], title=f"p{n}", body="", category="tech")
    store.comments.add(post.id, ALICE, "hello")
    operations = [
        {
            **op,
            "query": _fill(op["query"], post.id),
            "variables": {k: _fill(v, post.id) for k, v in op.get("variables", {}).items()},
        }
        for op in OPERATIONS
    ]
    return {
        "schema": str(ROOT / "schema.appsync.graphql"),
        "resolvers": [
            {"typeName": t, "fieldName": f, "batch": t not in ROOT_TYPES}
            for t, f in (name.split(".") for name in sorted(registered()))
            if t != "Subscription"  # AppSync's own, from the fan-out's signals
        ],
        # A user-pool token for the same user, as AppSync's front end would have verified it (the
        # simulator decodes it and insists only that `iss` is a Cognito user pool's).
        "token": issuer.sign(
            {
                "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TEST",
                "sub": ALICE,
                "cognito:username": "alice",
                "token_use": "id",
                "iat": int(time.time()),
                "exp": int(time.time()) + 600,
            }
        ),
        "ourToken": issuer.issue(ALICE, "alice"),
        "operations": operations,
    }


def test_the_appsync_simulator_answers_like_our_endpoint(
    handler_module: ModuleType, simulator_input: dict[str, Any], tmp_path: Path
) -> None:
    # Given the simulator, with every field a direct Lambda resolver reaching handler.handler
    with lambda_bridge(handler_module.handler, LambdaContext()) as bridge:
        path = tmp_path / "input.json"
        path.write_text(json.dumps({**simulator_input, "bridgeUrl": bridge}))
        # When it answers the operations
        done = subprocess.run(
            ["node", str(SCRIPT), str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    # Then each answer equals our own endpoint's (same handler, asked right after)
    for operation in simulator_input["operations"]:
        simulated = results[operation["name"]]["response"]
        ours = results[operation["name"]]["ours"]
        if "errors" in ours:
            codes = {e["extensions"]["code"] for e in ours["errors"]}
            # AppSync adds graphql-js's own "null for non-nullable" error, which has no type.
            assert {e["errorType"] for e in simulated["errors"] if "errorType" in e} == codes
            assert simulated["data"] is None
        else:
            assert "errors" not in simulated, simulated
            assert simulated["data"] == ours["data"], operation["name"]
    # And the nested field was batched: one invocation for several parents
    assert max(results["a page with batched authors"]["invocations"]) == 5
