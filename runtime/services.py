"""Long-lived collaborators, created lazily once per container and shared by requests."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import boto3

from auth.jwks import RemoteKeys
from auth.tokens import TokenPolicy, TokenVerifier
from fanout.signals import AppSyncSignals, NoSignals, Signals
from store.clients import (
    dynamodb_change_client,
    dynamodb_client,
    s3_client,
    secretsmanager_client,
    sqs_client,
)
from store.media import MediaStorage
from store.queues import ContinuationQueue
from store.repository import Rates, Store
from store.secrets import current_and_previous

if TYPE_CHECKING:
    from core.config import Settings


class Services:
    """Given collaborators win; missing ones are derived from settings on first use."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        media: MediaStorage | None = None,
        verifier: TokenVerifier | None = None,
    ) -> None:
        self.settings = settings
        if store is not None:
            self.store = store
        if media is not None:
            self.media = media
        if verifier is not None:
            self.verifier = verifier

    @cached_property
    def store(self) -> Store:
        region = self.settings.region
        return Store.connect(
            dynamodb_client(region),
            self.settings.table_name,
            self.cursor_keys,
            change_writes=dynamodb_change_client(region),
            rates=Rates(self.settings.write_rate, self.settings.media_rate),
        )

    def cursor_keys(self) -> list[bytes]:
        """Current key first. From Secrets Manager when configured (AWSCURRENT, AWSPREVIOUS),
        else from the environment; called on the first cursor and after an unknown key id."""
        settings = self.settings
        if settings.cursor_secret_arn:
            client = secretsmanager_client(settings.region)
            return current_and_previous(client, settings.cursor_secret_arn)
        return [settings.cursor_secret, settings.cursor_secret_previous]

    @cached_property
    def fanout_queue(self) -> ContinuationQueue | None:
        """The fan-out's continuation queue; None runs continuations in the same process."""
        url = self.settings.fanout.queue_url
        return ContinuationQueue(sqs_client(self.settings.region), url) if url else None

    @cached_property
    def signals(self) -> Signals:
        """Live signals for AppSync's subscriptions, signed with the function's own role."""
        url = self.settings.fanout.appsync_url
        if url is None:
            return NoSignals()
        credentials = boto3.session.Session().get_credentials()
        if credentials is None:
            raise RuntimeError("APPSYNC_GRAPHQL_URL is set but no AWS credentials are")
        return AppSyncSignals(url, self.settings.region, credentials)

    @cached_property
    def media(self) -> MediaStorage:
        return MediaStorage(s3_client(self.settings.region), self.settings.bucket_name)

    @cached_property
    def verifier(self) -> TokenVerifier | None:
        issuer = self.settings.auth_issuer
        if issuer is None:
            return None
        jwks_url = self.settings.auth_jwks_url or f"{issuer}/.well-known/jwks.json"
        policy = TokenPolicy(
            issuer=issuer,
            audiences=frozenset(self.settings.auth_audience),
            token_uses=self.settings.auth_token_uses,
        )
        return TokenVerifier(policy, RemoteKeys(jwks_url))
