"""GraphQL through `handler.handler`, with API Gateway HTTP API (v2) events from AWS's samples."""

from __future__ import annotations

import importlib
import json
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any

import pytest

from auth.dev_issuer import AUDIENCE, ISSUER, DevIssuer
from store.clients import dynamodb_client
from tests.conftest import ALICE, CURSOR_SECRET, missing_tool
from tests.support.events import events_dir, http_api_v2_event

pytestmark = pytest.mark.integration


@dataclass
class LambdaContext:
    aws_request_id: str = "req-0001"
    function_name: str = "agora"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:agora"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


@pytest.fixture
def jwks_url(issuer: DevIssuer) -> Iterator[str]:
    """The issuer's JWKS over real HTTP on loopback, as Cognito would publish it."""
    body = json.dumps(issuer.jwks()).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    finally:
        server.shutdown()


@pytest.fixture
def handler_module(
    monkeypatch: pytest.MonkeyPatch, dynamodb_endpoint: str, table: str, jwks_url: str
) -> Iterator[ModuleType]:
    if not (events_dir() / "apiGatewayProxyV2Event.json").exists():
        missing_tool(f"AWS sample events not found in {events_dir()}")
    for name, value in {
        "TABLE_NAME": table,
        "CURSOR_SECRET": CURSOR_SECRET,
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB": dynamodb_endpoint,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AUTH_ISSUER": ISSUER,
        "AUTH_AUDIENCE": AUDIENCE,
        "AUTH_JWKS_URL": jwks_url,
    }.items():
        monkeypatch.setenv(name, value)
    dynamodb_client.cache_clear()
    import web.lambda_door

    importlib.reload(web.lambda_door)
    import handler

    yield importlib.reload(handler)
    dynamodb_client.cache_clear()


def invoke(module: ModuleType, event: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = module.handler(event, LambdaContext())
    return response["statusCode"], json.loads(response["body"])


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
        http_api_v2_event({"query": "{ posts { items { id title } } }"}, base64_body=True),
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
    unsupported = sys.modules["web.lambda_door"].UnsupportedEvent
    with pytest.raises(unsupported, match="Unsupported event"):
        handler_module.handler({"hello": "world"}, LambdaContext())
