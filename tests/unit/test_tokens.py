from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from jose import jwt

from auth.dev_issuer import AUDIENCE, ISSUER, DevIssuer
from auth.tokens import bearer_token
from core.errors import Unauthenticated


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> DevIssuer:
    return DevIssuer.in_directory(tmp_path_factory.mktemp("keys"))


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "u1", "iat": now, "exp": now + 60}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(issuer: DevIssuer, claims: dict[str, Any], **headers: Any) -> str:
    return jwt.encode(
        claims,
        issuer._private_pem.decode(),
        algorithm="RS256",
        headers={"kid": issuer.kid, **headers},
    )


def test_issued_token_verifies_to_its_viewer(issuer: DevIssuer) -> None:
    viewer = issuer.verifier().verify(issuer.issue("u1", "alice"))
    assert (viewer.id, viewer.username) == ("u1", "alice")


def test_key_persists_per_directory(tmp_path: Path) -> None:
    first = DevIssuer.in_directory(tmp_path)
    second = DevIssuer.in_directory(tmp_path)
    assert second.verifier().verify(first.issue("u1", "a")).id == "u1"
    assert (tmp_path / "dev-issuer-key.pem").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param(_claims(exp=int(time.time()) - 3600), id="expired"),
        pytest.param(_claims(iss="https://evil.example"), id="wrong issuer"),
        pytest.param(_claims(aud="another-app"), id="wrong audience"),
        pytest.param(_claims(exp=None), id="no expiry"),
        pytest.param(_claims(sub="a#b"), id="subject with key separator"),
        pytest.param(_claims(nbf=int(time.time()) + 3600), id="not yet valid"),
    ],
)
def test_rejects_bad_claims(issuer: DevIssuer, claims: dict[str, Any]) -> None:
    with pytest.raises(Unauthenticated):
        issuer.verifier().verify(_sign(issuer, claims))


def test_rejects_hs256_signed_with_the_public_key(issuer: DevIssuer) -> None:
    public_pem = issuer.jwks()["keys"][0]["n"]
    forged = jwt.encode(_claims(), public_pem, algorithm="HS256", headers={"kid": issuer.kid})
    with pytest.raises(Unauthenticated, match="algorithm"):
        issuer.verifier().verify(forged)


def test_rejects_alg_none(issuer: DevIssuer) -> None:
    import base64
    import json

    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    unsigned = f"{part({'alg': 'none', 'kid': issuer.kid})}.{part(_claims())}."
    with pytest.raises(Unauthenticated):
        issuer.verifier().verify(unsigned)


def test_rejects_unknown_key_and_foreign_signature(issuer: DevIssuer, tmp_path: Path) -> None:
    other = DevIssuer.in_directory(tmp_path)
    with pytest.raises(Unauthenticated, match="unknown key"):
        issuer.verifier().verify(other.issue("u1", "a"))
    impostor = _sign(other, _claims(), kid=issuer.kid)
    with pytest.raises(Unauthenticated):
        issuer.verifier().verify(impostor)


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, None), ("", None), ("Bearer abc", "abc"), ("bearer  abc ", "abc"), ("abc", "abc")],
)
def test_bearer_token_parsing(header: str | None, expected: str | None) -> None:
    assert bearer_token(header) == expected


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer "])
def test_other_schemes_are_refused(header: str) -> None:
    with pytest.raises(Unauthenticated):
        bearer_token(header)
