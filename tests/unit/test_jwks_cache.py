"""RemoteKeys: one fetch per container, at most one refetch a minute for unknown kids."""

from __future__ import annotations

import pytest

from auth.jwks import REFRESH_INTERVAL_SECONDS, RemoteKeys
from core.errors import ConfigurationError
from tests.support.clock import FakeClock
from tests.support.jwks_server import serve_jwks

KEY = {"kid": "k1", "kty": "RSA", "n": "x", "e": "AQAB"}


def test_known_kids_never_refetch() -> None:
    with serve_jwks({"keys": [KEY]}) as server:
        keys = RemoteKeys(server.url, clock=FakeClock(1000.0))
        for _ in range(100):
            assert keys.key("k1") == KEY
        assert server.fetches == 1


def test_unknown_kids_refetch_at_most_once_a_minute() -> None:
    clock = FakeClock(1000.0)
    with serve_jwks({"keys": [KEY]}) as server:
        keys = RemoteKeys(server.url, clock=clock)
        # Given the keys were fetched
        assert keys.key("k1") == KEY
        # When bogus kids arrive all through the next minute
        for second in range(59):
            clock.now += 1
            assert keys.key(f"bogus-{second}") is None
        # Then nothing was refetched
        assert server.fetches == 1
        # And once the minute is over, one unknown kid triggers exactly one refetch
        clock.now += REFRESH_INTERVAL_SECONDS
        server.jwks = {"keys": [KEY, {**KEY, "kid": "k2"}]}
        assert keys.key("k2") is not None
        assert keys.key("bogus-again") is None
        assert server.fetches == 2


def test_rotation_is_picked_up_by_the_first_token_with_the_new_kid() -> None:
    clock = FakeClock(1000.0)
    with serve_jwks({"keys": [KEY]}) as server:
        keys = RemoteKeys(server.url, clock=clock)
        keys.key("k1")
        server.jwks = {"keys": [{**KEY, "kid": "k2"}]}
        clock.now += REFRESH_INTERVAL_SECONDS
        assert keys.key("k2") is not None


def test_only_http_urls_are_accepted() -> None:
    with pytest.raises(ConfigurationError):
        RemoteKeys("file:///etc/passwd")
