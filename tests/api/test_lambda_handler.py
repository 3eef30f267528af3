"""GraphQL through `handler.handler`, with API Gateway HTTP API (v2) events from AWS's samples."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from cli.dev_issuer import DevIssuer
from core.logs import FORMAT
from store.repository import Store
from tests.api.conftest import LambdaContext, invoke
from tests.conftest import ALICE, ROOT
from tests.support.events import function_url_event, http_api_v2_event, rest_api_v1_event

pytestmark = pytest.mark.integration


def test_create_and_list_through_the_lambda(handler_module: ModuleType, issuer: DevIssuer) -> None:
    token = issuer.issue(ALICE, "alice")
    create = http_api_v2_event(
        {"query": 'mutation { createPost(input: {title: "Lambda", category: "news"}) { id } }'},
        headers={"authorization": f"Bearer {token}"},
    )
    status, body = invoke(handler_module, create)
    assert status == 200
    assert "errors" in body  # "news" is not a category
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"

    create["body"] = json.dumps(
        {"query": 'mutation { createPost(input: {title: "From Lambda", category: "tech"}) { id } }'}
    )
    status, body = invoke(handler_module, create)
    assert status == 200, body
    post_id = body["data"]["createPost"]["id"]

    status, body = invoke(
        handler_module,
        http_api_v2_event(
            {"query": "{ posts { items { id title } } }"},
            headers={"authorization": f"Bearer {token}"},
            base64_body=True,
        ),
    )
    assert status == 200
    assert body["data"]["posts"]["items"] == [{"id": post_id, "title": "From Lambda"}]


def test_writes_without_a_valid_token_are_refused(
    handler_module: ModuleType, tmp_path: Any
) -> None:
    stranger = DevIssuer.in_directory(tmp_path)  # same issuer name, a key the JWKS lacks
    event = http_api_v2_event(
        {"query": 'mutation { createPost(input: {title: "x", category: "tech"}) { id } }'},
        headers={"authorization": f"Bearer {stranger.issue(ALICE, 'alice')}"},
    )
    status, body = invoke(handler_module, event)
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert body["data"] is None


def test_malformed_body_is_a_coded_400(handler_module: ModuleType) -> None:
    status, body = invoke(handler_module, http_api_v2_event("{oops"))
    assert status == 400
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_introspection_is_off_in_the_lambda_by_default(handler_module: ModuleType) -> None:
    status, body = invoke(
        handler_module, http_api_v2_event({"query": "{ __schema { queryType { name } } }"})
    )
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_unknown_events_fail_loudly(handler_module: ModuleType) -> None:
    unsupported = sys.modules["runtime.aws_lambda"].UnsupportedEvent
    with pytest.raises(unsupported, match="Unsupported event"):
        handler_module.handler({"hello": "world"}, LambdaContext())


CREATE_QUERY = {
    "query": 'mutation { createPost(input: {title: "via gateway", category: "tech"}) '
    "{ id author { id } } }"
}
GATEWAY_CLAIMS = {"sub": ALICE, "cognito:username": "alice", "cognito:groups": "[moderators]"}


def _with_gateway_claims(claims: dict[str, Any] | None) -> dict[str, Any]:
    event = http_api_v2_event(CREATE_QUERY)
    if claims is not None:
        event["requestContext"]["authorizer"]["jwt"]["claims"] = claims
    return event


@pytest.mark.parametrize("trust_gateway", ["true"])
def test_gateway_verified_claims_are_the_viewer_when_trusted(
    handler_module: ModuleType, store: Store
) -> None:
    status, body = invoke(handler_module, _with_gateway_claims(GATEWAY_CLAIMS))
    assert status == 200
    assert "errors" not in body, body
    created = store.posts.get(body["data"]["createPost"]["id"])
    assert created is not None
    assert created.author_id == ALICE


@pytest.mark.parametrize("trust_gateway", ["true"])
def test_gateway_claims_without_a_subject_are_refused(handler_module: ModuleType) -> None:
    _, body = invoke(handler_module, _with_gateway_claims(None))  # the sample's own claims
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_gateway_claims_are_ignored_unless_trusted(handler_module: ModuleType) -> None:
    _, body = invoke(handler_module, _with_gateway_claims(GATEWAY_CLAIMS))
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


HEALTH_AND_POSTS = {"query": "{ health posts(limit: 1) { items { id } } }"}


@pytest.mark.parametrize(
    "make_event",
    [
        pytest.param(rest_api_v1_event, id="REST API v1"),
        pytest.param(function_url_event, id="function URL"),
        pytest.param(http_api_v2_event, id="HTTP API v2"),
    ],
)
def test_every_http_door_answers(
    handler_module: ModuleType, issuer: DevIssuer, make_event: Any
) -> None:
    event = make_event(
        HEALTH_AND_POSTS, headers={"authorization": f"Bearer {issuer.issue(ALICE, 'alice')}"}
    )
    status, body = invoke(handler_module, event)
    assert status == 200
    assert body == {"data": {"health": "ok", "posts": {"items": []}}}


def test_a_named_stage_prefix_is_handled(handler_module: ModuleType) -> None:
    event = http_api_v2_event({"query": "{ health }"})
    event["requestContext"]["stage"] = "prod"
    event["rawPath"] = "/prod/graphql"
    status, body = invoke(handler_module, event)
    assert (status, body) == (200, {"data": {"health": "ok"}})


def test_a_body_that_is_not_graphql_is_a_clear_400(handler_module: ModuleType) -> None:
    status, body = invoke(handler_module, http_api_v2_event({"message": "hello world"}))
    assert status == 400
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_the_lambda_adds_no_cors_headers(handler_module: ModuleType) -> None:
    event = http_api_v2_event({"query": "{ health }"}, headers={"origin": "http://localhost:3000"})
    response = handler_module.handler(event, LambdaContext())
    assert response["statusCode"] == 200
    headers = {k.lower() for k in response.get("headers", {})}
    assert not any(h.startswith("access-control-") for h in headers)


def test_every_log_line_of_a_request_carries_the_gateway_request_id(
    handler_module: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    event = http_api_v2_event({"query": "{ posts(limit: 0) { items { id } } }"})
    event["requestContext"]["requestId"] = "gw-request-4711"
    with caplog.at_level(logging.INFO):
        invoke(handler_module, event)
    ours = [r for r in caplog.records if r.name.startswith("agora")]
    assert ours  # the refused input was logged
    assert {getattr(r, "request_id", None) for r in ours} == {"gw-request-4711"}
    line = logging.Formatter(FORMAT).format(ours[0])
    assert "gw-request-4711" in line


def test_an_http_cold_start_imports_no_other_door() -> None:
    # Given a fresh interpreter, as a new Lambda container is
    script = (
        "import json, sys\n"
        "from handler import handler\n"
        "event = json.loads(sys.argv[1])\n"
        "body = json.loads(handler(event, None)['body'])\n"
        "assert body == {'data': {'health': 'ok'}}, body\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('appsync', 'fanout'))))\n"
    )
    event = http_api_v2_event(json.dumps({"query": "{ health }"}))
    env = {
        **os.environ,
        "TABLE_NAME": "cold",
        "CURSOR_SECRET": "A" * 64,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "x",
        "AWS_SECRET_ACCESS_KEY": "x",
    }
    # When its first event is an HTTP one
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(event)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    # Then it answered without importing the stream, queue or AppSync doors: of those folders,
    # only the signal client the services hold and the record check that recognises events
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert loaded == ["fanout", "fanout.events", "fanout.signals"]
