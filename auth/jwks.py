"""Where signing keys come from: a fixed set (dev issuer) or an issuer's JWKS URL, cached."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from typing import Any, Protocol

from core.errors import ConfigurationError

#: An unknown `kid` may trigger a refetch at most this often, so bogus kids cannot amplify.
REFRESH_INTERVAL_SECONDS = 60.0


class KeySource(Protocol):
    def key(self, kid: str) -> dict[str, Any] | None: ...


class StaticKeys:
    def __init__(self, jwks: dict[str, Any]) -> None:
        self._keys = {k["kid"]: k for k in jwks.get("keys", []) if "kid" in k}

    def key(self, kid: str) -> dict[str, Any] | None:
        return self._keys.get(kid)


class RemoteKeys:
    """Fetched on first use and cached per container; no network on the hot path."""

    def __init__(self, url: str, timeout: float = 3.0) -> None:
        if not url.startswith(("https://", "http://")):
            raise ConfigurationError(f"JWKS URL must be http(s): {url!r}")
        self._url = url
        self._timeout = timeout
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = float("-inf")
        self._lock = threading.Lock()

    def key(self, kid: str) -> dict[str, Any] | None:
        found = self._keys.get(kid)
        if found is not None:
            return found
        with self._lock:
            if time.monotonic() - self._fetched_at >= REFRESH_INTERVAL_SECONDS:
                self._fetched_at = time.monotonic()
                self._keys = self._fetch()
        return self._keys.get(kid)

    def _fetch(self) -> dict[str, dict[str, Any]]:
        with urllib.request.urlopen(self._url, timeout=self._timeout) as response:  # noqa: S310
            jwks = json.load(response)
        return {k["kid"]: k for k in jwks.get("keys", []) if "kid" in k}
