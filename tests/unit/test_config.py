from __future__ import annotations

import base64

import pytest

from core.config import Settings
from core.errors import ConfigurationError

SECRET = base64.b64encode(b"x" * 32).decode()


def test_defaults() -> None:
    settings = Settings.from_env({})
    assert (settings.table_name, settings.region, settings.introspection) == (
        "agora",
        "us-east-1",
        False,
    )
    assert settings.limits.max_depth == 10


def test_reads_documented_variables() -> None:
    settings = Settings.from_env(
        {
            "TABLE_NAME": "t",
            "BUCKET_NAME": "b",
            "AWS_REGION": "eu-west-1",
            "CURSOR_SECRET": SECRET,
            "AUTH_ISSUER": "https://issuer.example/",
            "AUTH_AUDIENCE": "a, b",
            "INTROSPECTION": "true",
            "MAX_QUERY_DEPTH": "6",
        }
    )
    assert settings.table_name == "t"
    assert settings.bucket_name == "b"
    assert settings.region == "eu-west-1"
    assert settings.cursor_secret == b"x" * 32
    assert settings.auth_issuer == "https://issuer.example"
    assert settings.auth_audience == ("a", "b")
    assert settings.introspection is True
    assert settings.limits.max_depth == 6


@pytest.mark.parametrize(
    "env",
    [
        {"CURSOR_SECRET": "not base64!"},
        {"CURSOR_SECRET": base64.b64encode(b"short").decode()},
        {"MAX_QUERY_DEPTH": "deep"},
        {"MAX_QUERY_DEPTH": "1000"},
        {"INTROSPECTION": "maybe"},
        {"AUTH_ISSUER": "https://issuer.example"},  # without AUTH_AUDIENCE
        {"AUTH_TOKEN_USE": "refresh"},
        {"AUTH_TRUST_GATEWAY": "sometimes"},
    ],
)
def test_rejects_bad_values_clearly(env: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError):
        Settings.from_env(env)


def test_a_missing_cursor_secret_is_refused_where_cursors_are_needed() -> None:
    with pytest.raises(ConfigurationError, match="CURSOR_SECRET"):
        Settings.from_env({}).require_cursor_secret()


@pytest.mark.parametrize(
    ("raw", "uses"),
    [
        ("", frozenset({"id", "access"})),
        ("both", frozenset({"id", "access"})),
        ("id", frozenset({"id"})),
        ("ACCESS", frozenset({"access"})),
        ("any", None),
    ],
)
def test_token_use(raw: str, uses: frozenset[str] | None) -> None:
    assert Settings.from_env({"AUTH_TOKEN_USE": raw}).auth_token_uses == uses


def test_auth_defaults_are_strict() -> None:
    settings = Settings.from_env({})
    assert settings.auth_trust_gateway is False
    assert settings.moderator_group == "moderators"
    custom = Settings.from_env({"AUTH_TRUST_GATEWAY": "1", "AUTH_MODERATOR_GROUP": "mods"})
    assert (custom.auth_trust_gateway, custom.moderator_group) == (True, "mods")


def test_abuse_limits_come_from_the_environment_within_bounds() -> None:
    limits = Settings.from_env(
        {"MAX_QUERY_COST": "500", "MAX_REQUEST_BYTES": "2048", "MAX_QUERY_DEPTH": "5"}
    ).limits
    assert (limits.max_cost, limits.max_body_bytes, limits.max_depth) == (500, 2048, 5)
    defaults = Settings.from_env({}).limits
    assert (defaults.max_cost, defaults.max_body_bytes) == (2000, 256 * 1024)
    with pytest.raises(ConfigurationError):
        Settings.from_env({"MAX_REQUEST_BYTES": str(7 * 1024 * 1024)})  # over Lambda's 6 MB
