"""Fixtures for driving `handler.handler` as Lambda would: env, sample events, stream records."""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from cli.dev_issuer import AUDIENCE, ISSUER, DevIssuer
from cli.dynamodb_local import local_client
from store.clients import dynamodb_change_client, dynamodb_client, s3_client
from store.streams import StreamReader
from tests.conftest import CURSOR_SECRET, missing_tool
from tests.support.events import events_dir, stream_event
from tests.support.jwks_server import serve_jwks
from tests.support.queues import LocalQueue, local_queue

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


#: The change log's settle window for tests through the handler: short, one machine, one clock.
SETTLE_MS = 200


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
    with serve_jwks(issuer.jwks()) as server:
        yield server.url


@pytest.fixture
def trust_gateway() -> str:
    return "false"


@pytest.fixture
def queue() -> Iterator[LocalQueue]:
    """A real SQS queue on loopback (moto's server), for fan-out continuations."""
    with local_queue() as started:
        yield started


@pytest.fixture
def handler_env() -> dict[str, str]:
    """More environment for the function; a test module overrides it (an S3 bucket, say)."""
    return {}


@pytest.fixture
def handler_module(
    monkeypatch: pytest.MonkeyPatch,
    dynamodb_endpoint: str,
    table: str,
    jwks_url: str,
    trust_gateway: str,
    handler_env: dict[str, str],
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
        "AUTH_TRUST_GATEWAY": trust_gateway,
        "CHANGES_SETTLE_MS": str(SETTLE_MS),
        **handler_env,
    }.items():
        monkeypatch.setenv(name, value)
    dynamodb_client.cache_clear()
    dynamodb_change_client.cache_clear()
    s3_client.cache_clear()
    import runtime.aws_lambda

    importlib.reload(runtime.aws_lambda)
    import handler

    yield importlib.reload(handler)
    dynamodb_client.cache_clear()
    dynamodb_change_client.cache_clear()
    s3_client.cache_clear()


def invoke(module: ModuleType, event: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = module.handler(event, LambdaContext())
    return response["statusCode"], json.loads(response["body"])


@pytest.fixture
def stream_reader(dynamodb: DynamoDBClient, dynamodb_endpoint: str, table: str) -> StreamReader:
    """Reads the test table's real stream (DynamoDB Local), from now on."""
    return StreamReader(dynamodb, local_client(dynamodb_endpoint, "dynamodbstreams"), table)


Pump = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def pump(handler_module: ModuleType, stream_reader: StreamReader) -> Pump:
    """Deliver every pending stream record to `handler.handler`, as Lambda's event source
    mapping would, until the stream is quiet; returns the records delivered."""

    def deliver() -> list[dict[str, Any]]:
        delivered: list[dict[str, Any]] = []
        quiet_polls = 0
        while quiet_polls < 2:
            records = stream_reader.poll()
            if not records:
                quiet_polls += 1
                time.sleep(0.05)
                continue
            quiet_polls = 0
            result = handler_module.handler(stream_event(records), LambdaContext())
            assert result == {"batchItemFailures": []}
            delivered += records
        return delivered

    return deliver
