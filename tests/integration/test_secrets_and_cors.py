"""Production settings: the cursor key from Secrets Manager, rotation, CORS applied once."""

from __future__ import annotations

import base64
import logging
import secrets
import subprocess
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cli.dev_issuer import DevIssuer
from cli.local_app import local_app
from core.config import Settings
from runtime.services import Services
from store.repository import Store
from tests.conftest import ALICE, CURSOR_SECRET

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def secret(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    """A secret in (moto's) Secrets Manager, reached by the code's own client."""
    monkeypatch.setenv("AWS_ENDPOINT_URL_SECRETS_MANAGER", s3_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "local")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "local")
    from store.clients import secretsmanager_client

    secretsmanager_client.cache_clear()
    client = secretsmanager_client("us-east-1")
    arn = client.create_secret(Name=f"cursor-{secrets.token_hex(4)}", SecretString=_value())["ARN"]
    return client, arn


def _value() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def _services(table: str, arn: str) -> Services:
    settings = Settings.from_env({"TABLE_NAME": table, "CURSOR_SECRET_ARN": arn})
    return Services(settings)


def test_cursors_survive_a_rotation_across_containers(
    secret: tuple[Any, str],
    table: str,
    dynamodb: Any,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, arn = secret
    # The old container read its keys long before the rotation (the refresh limit has passed).
    monkeypatch.setattr("store.cursors.REFRESH_INTERVAL_SECONDS", 0.0)
    for n in range(3):
        store.posts.create(author_id=ALICE, title=f"p{n}", body="", category="tech")

    def container() -> Store:
        services = _services(table, arn)
        return Store.connect(dynamodb, table, services.cursor_keys)

    # Given a cursor handed out before the rotation, by a container that has the old key
    old_container = container()
    before = old_container.posts.recent(None, 1, None).next_token
    assert before is not None
    # When the secret is rotated (the old value becomes AWSPREVIOUS)
    client.put_secret_value(SecretId=arn, SecretString=_value())
    new_container = container()
    # Then a new container opens the old cursor, and seals new ones with the new key
    page = new_container.posts.recent(None, 1, before)
    after = page.next_token
    assert after is not None
    # And the old container, meeting a new-key cursor, reads the keys again and opens it
    assert len(old_container.posts.recent(None, 1, after).items) == 1


def test_a_forged_cursor_is_refused_with_keys_from_secrets_manager(
    secret: tuple[Any, str], table: str, dynamodb: Any
) -> None:
    _, arn = secret
    store = Store.connect(dynamodb, table, _services(table, arn).cursor_keys)
    forged = Store.connect(dynamodb, table, b"f" * 32)
    for n in range(2):
        store.posts.create(author_id=ALICE, title=f"p{n}", body="", category="tech")
    token = forged.posts.recent(None, 1, None).next_token
    assert token is not None
    from core.errors import InvalidCursor

    with pytest.raises(InvalidCursor):
        store.posts.recent(None, 1, token)


def _preflight(client: TestClient, origin: str) -> Any:
    return client.options(
        "/graphql",
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )


def test_local_serve_answers_preflights_for_allowed_origins_only(
    table: str, store: Store, issuer: DevIssuer
) -> None:
    settings = Settings.from_env(
        {
            "TABLE_NAME": table,
            "CURSOR_SECRET": CURSOR_SECRET,
            "CORS_ALLOW_ORIGINS": "http://localhost:3000,http://127.0.0.1:3000",
        }
    )
    app = local_app(settings, dev_issuer=issuer, store=store, apply_cors=True)
    with TestClient(app) as client:
        allowed = _preflight(client, "http://localhost:3000")
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "http://localhost:3000"
        assert set(allowed.headers["access-control-allow-headers"].split(", ")) >= {
            "authorization",
            "content-type",
        }
        assert "access-control-allow-credentials" not in allowed.headers
        refused = _preflight(client, "https://evil.example")
        assert "access-control-allow-origin" not in refused.headers
        simple = client.post(
            "/graphql", json={"query": "{ health }"}, headers={"origin": "http://127.0.0.1:3000"}
        )
        assert simple.headers["access-control-allow-origin"] == "http://127.0.0.1:3000"


def test_no_secret_value_reaches_the_logs(
    table: str, store: Store, issuer: DevIssuer, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings.from_env({"TABLE_NAME": table, "CURSOR_SECRET": CURSOR_SECRET})
    token = issuer.issue(ALICE, "alice")
    with caplog.at_level(logging.DEBUG), TestClient(local_app(settings, store=store)) as client:
        for query in (
            "{ posts(limit: 1) { nextToken } }",
            '{ posts(nextToken: "x") { nextToken } }',
        ):
            client.post(
                "/graphql", json={"query": query}, headers={"authorization": f"Bearer {token}"}
            )
        client.post(
            "/graphql",
            json={"query": "{ me { id } }"},
            headers={"authorization": "Bearer forged.token.value"},
        )
    logged = caplog.text
    assert logged  # the requests were logged at all
    assert CURSOR_SECRET not in logged
    assert token not in logged
    assert "forged.token.value" not in logged


def test_no_secret_is_committed() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not any(path.startswith(".agora/") for path in tracked)
    # Spelled in pieces so this file does not contain what it looks for.
    markers = ["-----BEGIN " + kind + "PRIVATE KEY-----" for kind in ("", "RSA ", "EC ")]
    for path in tracked:
        file = ROOT / path
        if file.suffix in {".py", ".yaml", ".yml", ".toml", ".json", ".md", ".cjs", ".graphql"}:
            text = file.read_text(errors="ignore")
            assert not any(marker in text for marker in markers), path
