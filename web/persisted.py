"""Persisted queries: Apollo's automatic persisted queries (APQ), or an allow-list of operations.

APQ: a client sends `extensions.persistedQuery.sha256Hash` without the query; an unknown hash is
answered `PERSISTED_QUERY_NOT_FOUND` and the client sends hash and query once to register it.
Registrations are kept per container (bounded LRU): a new container simply asks again.
Allow-list: only operations whose hash is in the committed manifest run, whatever the client sends.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.errors import BadUserInput, ConfigurationError, Forbidden

MODES = ("apq", "allowlist", "off")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PersistedQueryNotFound(Exception):
    """APQ's signal to the client: send the query with its hash."""


def sha256(query: str) -> str:
    """The hash clients compute: over the query's UTF-8 bytes, which a lone surrogate lacks."""
    try:
        encoded = query.encode()
    except UnicodeEncodeError:
        raise BadUserInput("The query is not valid Unicode text (a lone surrogate)") from None
    return hashlib.sha256(encoded).hexdigest()


class PersistedQueries:
    def __init__(self, mode: str, manifest: dict[str, str] | None = None, size: int = 1000) -> None:
        if mode not in MODES:
            raise ConfigurationError(f"PERSISTED_QUERIES must be one of {', '.join(MODES)}")
        if mode == "allowlist" and not manifest:
            raise ConfigurationError("PERSISTED_QUERIES=allowlist needs PERSISTED_QUERIES_MANIFEST")
        self.mode = mode
        self._manifest = manifest or {}
        self._registered: OrderedDict[str, str] = OrderedDict()
        self._size = size

    @classmethod
    def from_manifest_file(cls, mode: str, path: str | None) -> PersistedQueries:
        manifest: dict[str, str] | None = None
        if path:
            raw = json.loads(Path(path).read_text())
            manifest = {sha256(query): query for query in raw.values()}
            if any(h != k for h, k in zip(manifest, raw, strict=True)):
                raise ConfigurationError("PERSISTED_QUERIES_MANIFEST: a hash does not match")
        return cls(mode, manifest)

    def resolve(
        self,
        query: str | None,
        extensions: dict[str, Any] | None,
        may_register: Callable[[], bool] = lambda: True,
    ) -> str | None:
        """The query text to execute.

        `may_register` is asked before a new hash is remembered: the cache is per container and
        bounded, so anonymous callers could otherwise fill it (and evict real clients' queries).
        A caller who may not register is still answered; its next hash-only request is not.
        """
        persisted = (extensions or {}).get("persistedQuery")
        if self.mode == "allowlist":
            return self._allowed(query, persisted)
        if self.mode == "off" or persisted is None:
            return query
        digest = self._hash_of(persisted)
        if query is None:
            known = self._registered.get(digest)
            if known is None:
                raise PersistedQueryNotFound()
            self._registered.move_to_end(digest)
            return known
        if sha256(query) != digest:
            raise BadUserInput("persistedQuery.sha256Hash does not match the query")
        if digest not in self._registered and may_register():
            self._registered[digest] = query
            if len(self._registered) > self._size:
                self._registered.popitem(last=False)
        return query

    def _allowed(self, query: str | None, persisted: Any) -> str:
        digest = self._hash_of(persisted) if persisted is not None else None
        if digest is None and query is not None:
            digest = sha256(query)
        if digest is None or digest not in self._manifest:
            raise Forbidden("Only registered operations are accepted here")
        if query is not None and sha256(query) != digest:
            raise BadUserInput("persistedQuery.sha256Hash does not match the query")
        return self._manifest[digest]

    @staticmethod
    def _hash_of(persisted: Any) -> str:
        if not isinstance(persisted, dict) or persisted.get("version") != 1:
            raise BadUserInput("persistedQuery must be {version: 1, sha256Hash}")
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise BadUserInput("persistedQuery.sha256Hash must be 64 lowercase hex characters")
        return digest
