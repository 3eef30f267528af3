"""`agora create-table` and `agora seed` against whatever endpoint is configured."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from cli.demo import DEMO_POSTS, DEMO_USERS
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
    assert main(["seed"]) == 0
    assert main(["seed"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"table {configured}: created",
        f"table {configured}: already exists",
        f"seeded {len(DEMO_POSTS)} posts",
        "demo data already present",
    ]
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
