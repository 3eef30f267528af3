from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from auth.jwks import StaticKeys
from auth.tokens import TokenPolicy, TokenVerifier, bearer_token
from cli.dev_issuer import AUDIENCE, ISSUER, DevIssuer
from core.errors import Unauthenticated


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> DevIssuer:
    return DevIssuer.in_directory(tmp_path_factory.mktemp("keys"))


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "u1",
        "token_use": "id",
        "iat": now,
        "exp": now + 60,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _verifier(issuer: DevIssuer, token_uses: frozenset[str] | None) -> TokenVerifier:
    policy = TokenPolicy(ISSUER, frozenset({AUDIENCE}), token_uses=token_uses)
    return TokenVerifier(policy, StaticKeys(issuer.jwks()))


def test_issued_token_verifies_to_its_viewer(issuer: DevIssuer) -> None:
    viewer = issuer.verifier().verify(issuer.issue("u1", "alice", groups=("moderators",)))
    assert (viewer.id, viewer.username, viewer.groups) == ("u1", "alice", frozenset({"moderators"}))


def test_key_persists_per_directory_readable_by_owner_only(tmp_path: Path) -> None:
    first = DevIssuer.in_directory(tmp_path)
    second = DevIssuer.in_directory(tmp_path)
    assert second.verifier().verify(first.issue("u1", "a")).id == "u1"
    assert (tmp_path / "dev-issuer-key.pem").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("token_uses", "token_use", "accepted"),
    [
        (frozenset({"id"}), "id", True),
        (frozenset({"id"}), "access", False),
        (frozenset({"access"}), "id", False),
        (None, None, True),  # AUTH_TOKEN_USE=any: plain OIDC tokens without the claim
        (frozenset({"id", "access"}), None, False),
    ],
)
def test_token_use_is_checked_against_configuration(
    issuer: DevIssuer, token_uses: frozenset[str] | None, token_use: str | None, accepted: bool
) -> None:
    claims = _claims(token_use=token_use)
    if token_use == "access":
        claims = _claims(token_use="access", aud=None, client_id=AUDIENCE)
    token = issuer.sign(claims)
    if accepted:
        assert _verifier(issuer, token_uses).verify(token).id == "u1"
    else:
        with pytest.raises(Unauthenticated) as caught:
            _verifier(issuer, token_uses).verify(token)
        assert "token_use" in caught.value.reason


def test_list_audience_of_plain_oidc_tokens(issuer: DevIssuer) -> None:
    token = issuer.sign(_claims(aud=["other", AUDIENCE]))
    assert issuer.verifier().verify(token).id == "u1"


def test_small_clock_skew_is_tolerated(issuer: DevIssuer) -> None:
    now = int(time.time())
    token = issuer.sign(_claims(iat=now + 10, exp=now - 10))
    assert issuer.verifier().verify(token).id == "u1"


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, None), ("", None), ("Bearer abc", "abc"), ("bearer  abc ", "abc")],
)
def test_bearer_token_parsing(header: str | None, expected: str | None) -> None:
    assert bearer_token(header) == expected


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer ", "abc.def.ghi"])
def test_anything_but_a_bearer_token_is_refused(header: str) -> None:
    with pytest.raises(Unauthenticated) as caught:
        bearer_token(header)
    assert caught.value.message == Unauthenticated.PUBLIC_MESSAGE
    assert "Bearer" in caught.value.reason


#: RFC 7515 §4.1.11: a `crit` extension we do not understand must make the token invalid; we
#: understand none. RFC 7797's unencoded payload (`b64: false`) is such an extension. RFC 7519
#: §2: NumericDate is a JSON number, so `exp: "9999999999"` is not one.
REFUSED_SHAPES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "unknown crit": ({"crit": ["urn:example:policy"], "urn:example:policy": 1}, {}),
    "empty crit": ({"crit": []}, {}),
    "b64 false": ({"b64": False, "crit": ["b64"]}, {}),
    "b64 false without crit": ({"b64": False}, {}),
    "exp as a string": ({}, {"exp": str(int(time.time()) + 600)}),
    "iat as a string": ({}, {"iat": str(int(time.time()))}),
    "nbf as a string": ({}, {"nbf": str(int(time.time()))}),
    "exp as a boolean": ({}, {"exp": True}),
}


@pytest.mark.parametrize(("headers", "claims"), REFUSED_SHAPES.values(), ids=REFUSED_SHAPES)
def test_tokens_outside_what_we_implement_are_refused(
    issuer: DevIssuer, headers: dict[str, Any], claims: dict[str, Any]
) -> None:
    # Given a token signed with the right key, but with a header or claim shape we refuse
    token = issuer.sign(_claims(**claims), **headers)
    # When it is verified, then it is refused with a reason for the log
    with pytest.raises(Unauthenticated) as caught:
        issuer.verifier().verify(token)
    assert caught.value.message == Unauthenticated.PUBLIC_MESSAGE
    assert caught.value.reason
