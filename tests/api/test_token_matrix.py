"""Exactly the right tokens: each case its own token, verified against a JWKS served on loopback."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cli.dev_issuer import DevIssuer
from cli.local_app import local_app
from core.config import Settings
from core.errors import Unauthenticated
from store.repository import Store
from tests.conftest import ALICE, CURSOR_SECRET, table_items
from tests.support.jwks_server import JwksServer, serve_jwks

pytestmark = pytest.mark.integration

ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TEST"
CLIENT = "test-app-client"
CREATE = {
    "query": 'mutation { createPost(input: {title: "t", category: "tech"}) { id author { id } } }'
}


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> DevIssuer:
    return DevIssuer.in_directory(tmp_path_factory.mktemp("pool-key"))


@pytest.fixture(scope="module")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> DevIssuer:
    return DevIssuer.in_directory(tmp_path_factory.mktemp("other-key"))


@pytest.fixture
def jwks(signer: DevIssuer) -> Iterator[JwksServer]:
    with serve_jwks(signer.jwks()) as server:
        yield server


@pytest.fixture
def http(table: str, store: Store, jwks: JwksServer) -> Iterator[TestClient]:
    settings = Settings.from_env(
        {
            "TABLE_NAME": table,
            "CURSOR_SECRET": CURSOR_SECRET,
            "AUTH_ISSUER": ISSUER,
            "AUTH_AUDIENCE": f"{CLIENT},another-client-of-ours",
            "AUTH_JWKS_URL": jwks.url,
        }
    )
    with TestClient(local_app(settings, store=store), raise_server_exceptions=False) as client:
        yield client


def id_claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": CLIENT,
        "sub": ALICE,
        "cognito:username": "alice",
        "token_use": "id",
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def access_claims(**overrides: Any) -> dict[str, Any]:
    claims = id_claims(aud=None, token_use="access", client_id=CLIENT, username="alice")
    claims.pop("cognito:username")
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segment(obj: dict[str, Any]) -> str:
    return _b64(json.dumps(obj).encode())


def alg_none(signer: DevIssuer, _: DevIssuer) -> str:
    return f"{_segment({'alg': 'none', 'kid': signer.kid})}.{_segment(id_claims())}."


def hs256_with_public_pem(signer: DevIssuer, _: DevIssuer) -> str:
    """The 2024 algorithm-confusion attack: HMAC keyed with the issuer's public key PEM."""
    from cryptography.hazmat.primitives import serialization

    public_pem = (
        serialization.load_pem_private_key(signer._private_pem, password=None)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    signing_input = f"{_segment({'alg': 'HS256', 'kid': signer.kid, 'typ': 'JWT'})}."
    signing_input += _segment(id_claims())
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(mac)}"


def tampered_payload(signer: DevIssuer, _: DevIssuer) -> str:
    header, _payload, signature = signer.sign(id_claims()).split(".")
    return f"{header}.{_segment(id_claims(sub='01HZTESTB0B00000000000000B'))}.{signature}"


def truncated_signature(signer: DevIssuer, _: DevIssuer) -> str:
    return signer.sign(id_claims())[:-10]


def signed(**claims: Any) -> Callable[[DevIssuer, DevIssuer], str]:
    return lambda signer, _: signer.sign(id_claims(**claims))


NOW = int(time.time())
REJECTED: dict[str, tuple[Callable[[DevIssuer, DevIssuer], str], str, str]] = {
    # name: (token maker, Authorization prefix, what the log must say)
    "expired": (signed(exp=NOW - 120, iat=NOW - 900), "Bearer ", "expired"),
    "not yet valid": (signed(nbf=NOW + 3600), "Bearer ", "not yet valid"),
    "issued in the future": (signed(iat=NOW + 3600), "Bearer ", "future"),
    "no expiry": (signed(exp=None), "Bearer ", "exp"),
    "wrong issuer": (signed(iss="https://accounts.example.com"), "Bearer ", "issuer"),
    "wrong audience": (signed(aud="someone-elses-client"), "Bearer ", "audience"),
    "wrong client id": (
        lambda s, _: s.sign(access_claims(client_id="someone-elses-client")),
        "Bearer ",
        "audience",
    ),
    "wrong token_use": (signed(token_use="refresh"), "Bearer ", "token_use"),
    "alg none": (alg_none, "Bearer ", "algorithm"),
    "HS256 with the public key as secret": (hs256_with_public_pem, "Bearer ", "algorithm"),
    "unknown kid": (lambda s, _: s.sign(id_claims(), kid="not-a-key-of-ours"), "Bearer ", "key id"),
    "payload tampered after signing": (tampered_payload, "Bearer ", "ignature"),
    "signature truncated": (truncated_signature, "Bearer ", "ignature"),
    "not a JWT": (lambda s, _: "hello-world", "Bearer ", "not a JWS"),
    "missing Bearer": (lambda s, _: s.sign(id_claims()), "", "Bearer"),
    "valid token from another issuer": (
        lambda _, other: other.sign(id_claims(iss="https://other-issuer.example")),
        "Bearer ",
        "key id",
    ),
    "another issuer's key under our kid": (
        lambda signer, other: other.sign(id_claims(), kid=signer.kid),
        "Bearer ",
        "ignature",
    ),
    "subject that could forge a key": (signed(sub="x#PROFILE"), "Bearer ", "subject"),
}


@pytest.mark.parametrize(("make", "prefix", "logged"), REJECTED.values(), ids=REJECTED.keys())
def test_rejected_tokens(
    make: Callable[[DevIssuer, DevIssuer], str],
    prefix: str,
    logged: str,
    http: TestClient,
    signer: DevIssuer,
    stranger: DevIssuer,
    dynamodb: Any,
    table: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Given a table and a token with one defect
    before = table_items(dynamodb, table)
    token = make(signer, stranger)
    # When it is used to write
    with caplog.at_level(logging.INFO, logger="agora.graphql"):
        response = http.post("/graphql", json=CREATE, headers={"authorization": prefix + token})
    # Then: UNAUTHENTICATED with the one public message, the reason only in the log, no write
    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    assert body["errors"][0]["message"] == Unauthenticated.PUBLIC_MESSAGE
    assert logged in caplog.text
    assert table_items(dynamodb, table) == before


@pytest.mark.parametrize(
    "claims",
    [pytest.param(id_claims(), id="ID token"), pytest.param(access_claims(), id="access token")],
)
def test_accepted_tokens(claims: dict[str, Any], http: TestClient, signer: DevIssuer) -> None:
    token = signer.sign({**claims, "iat": int(time.time()), "exp": int(time.time()) + 600})
    response = http.post("/graphql", json=CREATE, headers={"authorization": f"Bearer {token}"})
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["createPost"]["id"]


def test_second_audience_is_accepted(http: TestClient, signer: DevIssuer) -> None:
    token = signer.sign(id_claims(aud="another-client-of-ours"))
    response = http.post("/graphql", json=CREATE, headers={"authorization": f"Bearer {token}"})
    assert "errors" not in response.json()


def test_jwks_is_fetched_once_across_many_requests(
    http: TestClient, signer: DevIssuer, jwks: JwksServer
) -> None:
    headers = {"authorization": f"Bearer {signer.sign(id_claims())}"}
    for _ in range(25):
        response = http.post("/graphql", json={"query": "{ categories }"}, headers=headers)
        assert "errors" not in response.json()
    assert jwks.fetches == 1


def test_bogus_kids_do_not_amplify_fetches(
    http: TestClient, signer: DevIssuer, jwks: JwksServer
) -> None:
    good = {"authorization": f"Bearer {signer.sign(id_claims())}"}
    http.post("/graphql", json={"query": "{ categories }"}, headers=good)
    for n in range(30):
        bogus = signer.sign(id_claims(), kid=f"bogus-{n}")
        http.post("/graphql", json=CREATE, headers={"authorization": f"Bearer {bogus}"})
    assert jwks.fetches == 1  # the first fetch; bogus kids within the minute refetch nothing


def test_unreachable_jwks_is_unavailable_not_internal(
    table: str, store: Store, signer: DevIssuer, tmp_path: Path
) -> None:
    settings = Settings.from_env(
        {
            "TABLE_NAME": table,
            "CURSOR_SECRET": CURSOR_SECRET,
            "AUTH_ISSUER": ISSUER,
            "AUTH_AUDIENCE": CLIENT,
            "AUTH_JWKS_URL": "http://127.0.0.1:9/.well-known/jwks.json",  # discard port: refused
        }
    )
    with TestClient(local_app(settings, store=store), raise_server_exceptions=False) as client:
        token = signer.sign(id_claims())
        body = client.post("/graphql", json=CREATE, headers={"authorization": f"Bearer {token}"})
    error = body.json()["errors"][0]
    assert error["extensions"] == {"code": "UNAVAILABLE", "retryable": True}
