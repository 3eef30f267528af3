"""Per-person write limits: configuration and the counters' keys, without AWS."""

from __future__ import annotations

import pytest

from core.config import Settings
from core.errors import ConfigurationError, RateLimited
from core.limits import MEDIA, WRITES, Rate
from store.limit_keys import counter_key, window_start


def test_defaults_are_near_mastodons() -> None:
    settings = Settings.from_env({})
    assert settings.write_rate == WRITES == Rate("writes", 300, 300)
    assert settings.media_rate == MEDIA == Rate("media", 30, 1800)


def test_rates_come_from_the_environment_or_are_turned_off() -> None:
    settings = Settings.from_env({"RATE_LIMIT_WRITES": "100/60", "RATE_LIMIT_MEDIA": "off"})
    assert settings.write_rate == Rate("writes", 100, 60)
    assert settings.media_rate is None


@pytest.mark.parametrize("raw", ["300", "a/b", "0/300", "300/0", "300/100000", "-1/5"])
def test_bad_rates_are_refused_clearly(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="RATE_LIMIT_WRITES"):
        Settings.from_env({"RATE_LIMIT_WRITES": raw})


def test_windows_are_fixed_and_keys_sort_by_window() -> None:
    assert window_start(1_000_499.9, 300) == 1_000_200
    assert window_start(1_000_500.0, 300) == 1_000_500
    early = counter_key("u1", "writes", 999_900)["SK"]
    late = counter_key("u1", "writes", 1_000_200)["SK"]
    assert early < late
    assert counter_key("u1", "writes", 0)["PK"] == "LIMIT#u1"


def test_an_over_limit_error_says_when_to_retry() -> None:
    error = RateLimited("writes", 42)
    assert error.hints == {"retryAfter": 42}
    assert "42 s" in error.message
