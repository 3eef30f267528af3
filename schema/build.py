"""The Strawberry schema with its extensions, assembled from configuration."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types.execution import PreExecutionError

import resolvers  # noqa: F401  (registers every resolver)
from schema.changes import Subscription
from schema.cost import cost_limiter
from schema.errors import ErrorCodes, ErrorCodesWithoutSuggestions, is_client_error, shape_error
from schema.operations import Mutation, Query
from schema.request_log import RequestLog
from schema.scalars import schema_config

if TYPE_CHECKING:
    from strawberry.schema.schema import StreamResult
    from strawberry.types import ExecutionContext

    from core.config import Limits

log = logging.getLogger("agora.graphql")


class AgoraSchema(strawberry.Schema):
    async def stream(self, *args: Any, **kwargs: Any) -> StreamResult:
        """Strawberry's stream, answering every request error as a result.

        A document over the token limit fails inside the parser cache's hook, where
        `Schema.execute` reports it but `Schema.stream` (websockets) lets it escape: the
        socket then only saw `complete`, with no error and no code.
        """
        return _reporting(self, await super().stream(*args, **kwargs))

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log client errors briefly and unexpected ones with their traceback; every line
        carries the request id (core.logs)."""
        for error in errors:
            if is_client_error(error):
                # The client sees one UNAUTHENTICATED message; the log says which check failed.
                reason = getattr(error.original_error, "reason", None)
                log.info("client error: %s%s", error.message, f" [{reason}]" if reason else "")
            else:
                log.error(
                    "unexpected error at %s", error.path, exc_info=error.original_error or error
                )


async def _reporting(schema: AgoraSchema, results: StreamResult) -> StreamResult:
    try:
        async for result in results:
            yield result
    except GraphQLError as error:
        schema.process_errors([error])
        yield PreExecutionError(data=None, errors=[shape_error(error)])


def build_schema(limits: Limits, *, introspection: bool) -> AgoraSchema:
    # The limiters' rule classes are made once: each limiter instance makes new ones, which
    # would give every request a new validation-cache key (no hits: measured in BENCHMARKS.md).
    limit_rules = [
        *QueryDepthLimiter(max_depth=limits.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules,
    ]
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        RequestLog,  # outermost: it times the rest and sees the errors as clients do
        ErrorCodes if introspection else ErrorCodesWithoutSuggestions,
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: AddValidationRules(limit_rules),
        cost_limiter(limits.max_cost, limits.max_subscription_cost),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return AgoraSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=schema_config(),
    )


def sdl(*, subscriptions: bool = True) -> str:
    """The schema's SDL, independent of runtime configuration.

    Without `subscriptions` for AppSync, which declares its own (schema/appsync_sdl.py).
    """
    schema = strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription if subscriptions else None,
        config=schema_config(),
    )
    return schema.as_str() + "\n"
