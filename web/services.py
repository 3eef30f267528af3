"""Long-lived collaborators, created lazily once per container and shared by requests."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from auth.jwks import RemoteKeys
from auth.tokens import TokenVerifier
from store.clients import dynamodb_client
from store.repository import Store

if TYPE_CHECKING:
    from core.config import Settings


@dataclass
class Services:
    settings: Settings
    #: Set by local serve (the dev issuer); otherwise derived from AUTH_ISSUER.
    verifier_override: TokenVerifier | None = None

    @cached_property
    def store(self) -> Store:
        client = dynamodb_client(self.settings.region)
        return Store.connect(client, self.settings.table_name, self.settings.cursor_secret)

    @cached_property
    def verifier(self) -> TokenVerifier | None:
        if self.verifier_override is not None:
            return self.verifier_override
        issuer = self.settings.auth_issuer
        if issuer is None:
            return None
        jwks_url = self.settings.auth_jwks_url or f"{issuer}/.well-known/jwks.json"
        return TokenVerifier(issuer, self.settings.auth_audience, RemoteKeys(jwks_url))
