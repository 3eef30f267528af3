"""`agora create-table`, `agora seed` and `agora serve` against whatever endpoint is configured."""

from __future__ import annotations

import os
import re
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.served import drained, gql, served_process
from cli.demo import DEMO_USERS, demo_posts
from cli.local import free_port
from cli.main import main
from store.clients import dynamodb_change_client, dynamodb_client
from tests.conftest import CURSOR_SECRET

pytestmark = pytest.mark.integration


@pytest.fixture
def configured(
    monkeypatch: pytest.MonkeyPatch, dynamodb_endpoint: str, dynamodb: object
) -> Iterator[str]:
    name = f"agora-cli-{uuid.uuid4().hex[:8]}"
    for key, value in {
        "TABLE_NAME": name,
        "CURSOR_SECRET": CURSOR_SECRET,
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB": dynamodb_endpoint,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
    }.items():
        monkeypatch.setenv(key, value)
    dynamodb_client.cache_clear()
    dynamodb_change_client.cache_clear()
    yield name
    dynamodb_client("us-east-1").delete_table(TableName=name)
    dynamodb_client.cache_clear()
    dynamodb_change_client.cache_clear()


def test_create_table_then_seed_are_idempotent(
    configured: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create-table"]) == 0
    assert main(["create-table"]) == 0
    # (no S3 is configured here: the pictures are left out)
    assert main(["seed", "--no-pictures"]) == 0
    assert main(["seed", "--no-pictures"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"table {configured}: created", f"table {configured}: already exists"]
    assert re.fullmatch(
        rf"seeded {len(DEMO_USERS)} users, {len(demo_posts())} posts \(0 with a picture\), "
        r"\d+ likes and \d+ comments in [\d.]+ s",
        out[2],
    ), out[2]
    assert out[3:] == ["demo data already present"]
    client = dynamodb_client("us-east-1")
    table = client.describe_table(TableName=configured)["Table"]
    assert {i["IndexName"] for i in table["GlobalSecondaryIndexes"]} == {"GSI1", "GSI2", "GSI3"}
    profiles = client.scan(
        TableName=configured,
        FilterExpression="SK = :p",
        ExpressionAttributeValues={":p": {"S": "PROFILE"}},
    )["Items"]
    assert len(profiles) == len(DEMO_USERS)


def test_token_prints_a_jwt_on_its_last_line(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGORA_DATA_DIR", str(tmp_path))
    assert main(["token", "carol"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.count(".") == 2
    with pytest.raises(SystemExit, match="unknown demo user"):
        main(["token", "mallory"])


def test_serve_against_dynamodb_local_with_only_its_endpoint_set(
    dynamodb_endpoint: str, s3_endpoint: str, tmp_path: Path
) -> None:
    """The stream endpoint follows AWS_ENDPOINT_URL_DYNAMODB, so the fan-out reads the right one."""
    # Given DynamoDB Local's endpoint, and no AWS_ENDPOINT_URL_DYNAMODB_STREAMS
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    env |= {
        "AWS_ENDPOINT_URL_DYNAMODB": dynamodb_endpoint,
        "AWS_ENDPOINT_URL_S3": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "TABLE_NAME": f"agora-serve-{uuid.uuid4().hex[:8]}",
        "BUCKET_NAME": f"agora-serve-{uuid.uuid4().hex[:8]}",
        "AGORA_DATA_DIR": str(tmp_path),
        "PORT": str(port),
    }
    agora = str(Path(sys.executable).parent / "agora")
    # When `agora serve` starts on it and alice posts
    with served_process([agora, "serve"], env, port, str(tmp_path)) as served:
        main_token = served.token
        created = gql(
            served.url,
            main_token,
            'mutation { createPost(input: {title: "Via DynamoDB Local", category: "tech"}) '
            "{ id } }",
        )["data"]["createPost"]["id"]
        bob = _demo_token("bob", tmp_path)
        # Then the fan-out, reading DynamoDB Local's stream, puts it in bob's feed
        deadline = time.monotonic() + 20
        feed: list[str] = []
        while created not in feed and time.monotonic() < deadline:
            page = gql(served.url, bob, "{ feed(limit: 5) { items { id } } }")
            feed = [p["id"] for p in page["data"]["feed"]["items"]]
            time.sleep(0.2)
        log = "".join(drained(served.log))
    assert created in feed, log
    assert "configured AWS endpoints" in log
    assert "Traceback" not in log


def _demo_token(user: str, data_dir: Path) -> str:
    from cli.demo import demo_user_id
    from cli.dev_issuer import DevIssuer

    return DevIssuer.in_directory(data_dir).issue(demo_user_id(user), user)
