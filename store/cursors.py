"""Opaque, tamper-evident page cursors: AES-GCM over the DynamoDB key of the last item.

A cursor is bound to the query it came from (its scope is the AEAD's associated data), so a
client can neither read the key schema from it, forge one, nor replay it against another query.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from functools import cached_property
from typing import TYPE_CHECKING, Any

from core.errors import InvalidCursor

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"\x01"
_NONCE_BYTES = 12
#: Longest token accepted before any decoding work; real ones are ~200 characters.
MAX_TOKEN_LENGTH = 1024


class CursorCodec:
    def __init__(self, secret: bytes) -> None:
        # Derive a dedicated key so the configured secret can serve other purposes safely.
        self._key = hashlib.sha256(b"agora-cursor-v1" + secret).digest()

    @cached_property
    def _aead(self) -> AESGCM:
        # Imported on the first cursor, not at cold start.
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(self._key)

    def encode(self, key: dict[str, Any], scope: str) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        plain = json.dumps(key, separators=(",", ":"), sort_keys=True).encode()
        sealed = self._aead.encrypt(nonce, plain, scope.encode())
        return base64.urlsafe_b64encode(_VERSION + nonce + sealed).rstrip(b"=").decode()

    def decode(self, token: str, scope: str) -> dict[str, Any]:
        if not token or len(token) > MAX_TOKEN_LENGTH:
            raise InvalidCursor()
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise InvalidCursor() from None
        if raw[:1] != _VERSION or len(raw) < 1 + _NONCE_BYTES + 16:
            raise InvalidCursor()
        nonce, sealed = raw[1 : 1 + _NONCE_BYTES], raw[1 + _NONCE_BYTES :]
        from cryptography.exceptions import InvalidTag

        try:
            plain = self._aead.decrypt(nonce, sealed, scope.encode())
        except InvalidTag:
            raise InvalidCursor() from None
        key = json.loads(plain)
        if not isinstance(key, dict):
            raise InvalidCursor()
        return key
