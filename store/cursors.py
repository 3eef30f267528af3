"""Opaque, tamper-evident page cursors: AES-GCM over the DynamoDB key of the last item.

A cursor is bound to the query it came from (its scope is the AEAD's associated data), so a
client can neither read the key schema from it, forge one, nor replay it against another query.
Each cursor names the key that sealed it, so keys can rotate: the current key seals, the current
and the previous one open.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from core.errors import InvalidCursor

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"\x02"
_KEY_ID_BYTES = 4
_NONCE_BYTES = 12
#: Longest token accepted before any decoding work; real ones are ~200 characters.
MAX_TOKEN_LENGTH = 1024
#: A cursor from an unknown key may trigger a re-read of the keys at most this often.
REFRESH_INTERVAL_SECONDS = 60.0

KeySource = Callable[[], Sequence[bytes]]


class _Key:
    def __init__(self, secret: bytes) -> None:
        # A dedicated key per purpose, so the configured secret may serve others safely.
        derived = hashlib.sha256(b"agora-cursor-v1" + secret).digest()
        self.id = hashlib.sha256(derived).digest()[:_KEY_ID_BYTES]
        # Imported on the first cursor, not at cold start.
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.aead: AESGCM = AESGCM(derived)


class CursorCodec:
    def __init__(
        self, keys: KeySource | bytes, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """`keys` gives the secrets, current first; read on first use and cached."""
        self._source: KeySource = (lambda: [keys]) if isinstance(keys, bytes) else keys
        self._clock = clock
        self._keys: list[_Key] | None = None
        self._read_at = float("-inf")
        self._lock = threading.Lock()

    def _keyring(self, refresh: bool = False) -> list[_Key]:
        with self._lock:
            stale = refresh and self._clock() - self._read_at >= REFRESH_INTERVAL_SECONDS
            if self._keys is None or stale:
                self._read_at = self._clock()
                self._keys = [_Key(secret) for secret in self._source() if secret]
            return self._keys

    def encode(self, key: dict[str, Any], scope: str) -> str:
        current = self._keyring()[0]
        nonce = os.urandom(_NONCE_BYTES)
        plain = json.dumps(key, separators=(",", ":"), sort_keys=True).encode()
        sealed = current.aead.encrypt(nonce, plain, scope.encode())
        token = _VERSION + current.id + nonce + sealed
        return base64.urlsafe_b64encode(token).rstrip(b"=").decode()

    def decode(self, token: str, scope: str) -> dict[str, Any]:
        if not token or len(token) > MAX_TOKEN_LENGTH:
            raise InvalidCursor()
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise InvalidCursor() from None
        header = 1 + _KEY_ID_BYTES + _NONCE_BYTES
        if raw[:1] != _VERSION or len(raw) < header + 16:
            raise InvalidCursor()
        key_id, nonce, sealed = raw[1:5], raw[5:header], raw[header:]
        key = self._find(key_id)
        from cryptography.exceptions import InvalidTag

        try:
            plain = key.aead.decrypt(nonce, sealed, scope.encode())
        except InvalidTag:
            raise InvalidCursor() from None
        value = json.loads(plain)
        if not isinstance(value, dict):
            raise InvalidCursor()
        return value

    def _find(self, key_id: bytes) -> _Key:
        for refresh in (False, True):
            for key in self._keyring(refresh):
                if key.id == key_id:
                    return key
        raise InvalidCursor()
