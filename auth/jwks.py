"""Where signing keys come from: a fixed set (dev issuer) or an issuer's JWKS URL, cached."""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any, Protocol

from core.errors import ConfigurationError, Unavailable

log = logging.getLogger("agora.auth")

#: An unknown `kid` may trigger a refetch at most this often, so bogus kids cannot amplify.
REFRESH_INTERVAL_SECONDS = 60.0
#: After a failed fetch, the next attempt waits this long (the known keys stay in use).
RETRY_AFTER_FAILURE_SECONDS = 5.0


class KeySource(Protocol):
    def key(self, kid: str) -> dict[str, Any] | None: ...


def _by_kid(jwks: Any) -> dict[str, dict[str, Any]]:
    keys = jwks.get("keys", []) if isinstance(jwks, dict) else []
    return {k["kid"]: k for k in keys if isinstance(k, dict) and "kid" in k}


class StaticKeys:
    def __init__(self, jwks: dict[str, Any]) -> None:
        self._keys = _by_kid(jwks)

    def key(self, kid: str) -> dict[str, Any] | None:
        return self._keys.get(kid)


class RemoteKeys:
    """Fetched on first use and cached per container; no network on the hot path."""

    def __init__(
        self,
        url: str,
        timeout: float = 3.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not url.startswith(("https://", "http://")):
            raise ConfigurationError(f"JWKS URL must be http(s): {url!r}")
        self._url = url
        self._timeout = timeout
        self._clock = clock
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: float | None = None
        self._lock = threading.Lock()

    def key(self, kid: str) -> dict[str, Any] | None:
        found = self._keys.get(kid)
        if found is not None:
            return found
        with self._lock:
            found = self._keys.get(kid)
            due = (
                self._fetched_at is None
                or self._clock() - self._fetched_at >= REFRESH_INTERVAL_SECONDS
            )
            if found is None and due:
                now = self._clock()
                # Counted as a fetch even if it fails, so a dead endpoint is not hammered.
                self._fetched_at = now - REFRESH_INTERVAL_SECONDS + RETRY_AFTER_FAILURE_SECONDS
                self._keys = self._fetch()
                self._fetched_at = now
                found = self._keys.get(kid)
        return found

    def _fetch(self) -> dict[str, dict[str, Any]]:
        log.info("fetching JWKS from %s", self._url)
        try:
            with urllib.request.urlopen(self._url, timeout=self._timeout) as response:  # noqa: S310
                return _by_kid(json.load(response))
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            log.error("JWKS fetch from %s failed: %s", self._url, exc)
            raise Unavailable("Sign-in cannot be checked right now; retry") from exc
