from __future__ import annotations

import base64

import pytest

from core.errors import InvalidCursor
from store.cursors import CursorCodec

KEY = {"PK": {"S": "POST#1"}, "SK": {"S": "POST"}, "GSI3PK": {"S": "POSTS"}}
codec = CursorCodec(b"k" * 32)


def test_round_trip_within_the_same_scope() -> None:
    token = codec.encode(KEY, "posts:GSI3:POSTS")
    assert codec.decode(token, "posts:GSI3:POSTS") == KEY


def test_token_does_not_reveal_the_key_schema() -> None:
    token = codec.encode(KEY, "scope")
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    # Whole fragments of the plain JSON (two random bytes alone would match "PK" one run in
    # about 600: long enough substrings cannot appear by chance)
    assert b"POST#1" not in raw
    assert b'"PK":' not in raw
    assert b"GSI3PK" not in raw


def _flip(token: str, at: int) -> str:
    replacement = "A" if token[at] != "A" else "B"
    return token[:at] + replacement + token[at + 1 :]


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda t: t[:-5], id="truncated"),
        pytest.param(lambda t: _flip(t, len(t) // 2), id="one character changed"),
        pytest.param(lambda t: "", id="empty"),
        pytest.param(lambda t: "not base64 !!!", id="garbage"),
        pytest.param(lambda t: "A" * 5000, id="oversized"),
        pytest.param(lambda t: base64.urlsafe_b64encode(b'{"PK":{"S":"x"}}').decode(), id="forged"),
    ],
)
def test_tampered_tokens_are_rejected(make_token: object) -> None:
    token = codec.encode(KEY, "scope")
    with pytest.raises(InvalidCursor):
        codec.decode(make_token(token), "scope")  # type: ignore[operator]


def test_token_from_another_query_is_rejected() -> None:
    token = codec.encode(KEY, "posts:GSI1:CAT#tech")
    with pytest.raises(InvalidCursor):
        codec.decode(token, "posts:GSI1:CAT#music")


def test_token_sealed_with_another_secret_is_rejected() -> None:
    token = CursorCodec(b"x" * 32).encode(KEY, "scope")
    with pytest.raises(InvalidCursor):
        codec.decode(token, "scope")
