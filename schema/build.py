"""The Strawberry schema with its extensions, assembled from configuration."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import strawberry
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

import resolvers  # noqa: F401  (registers every resolver)
from schema.errors import ErrorCodes, is_client_error
from schema.operations import Mutation, Query
from schema.scalars import schema_config

if TYPE_CHECKING:
    from graphql import GraphQLError
    from strawberry.types import ExecutionContext

    from core.config import Limits

log = logging.getLogger("agora.graphql")


class AgoraSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log unexpected errors with the request id; client errors are not ours to alarm on."""
        request_id = getattr(getattr(execution_context, "context", None), "request_id", None)
        for error in errors:
            if is_client_error(error):
                # The client sees one UNAUTHENTICATED message; the log says which check failed.
                reason = getattr(error.original_error, "reason", None)
                log.info(
                    "client error (request %s): %s%s",
                    request_id,
                    error.message,
                    f" [{reason}]" if reason else "",
                    extra={"request_id": request_id},
                )
            else:
                log.error(
                    "unexpected error at %s (request %s)",
                    error.path,
                    request_id,
                    exc_info=error.original_error or error,
                    extra={"request_id": request_id},
                )


def build_schema(limits: Limits, *, introspection: bool) -> AgoraSchema:
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        ErrorCodes,
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: QueryDepthLimiter(max_depth=limits.max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return AgoraSchema(
        query=Query, mutation=Mutation, extensions=extensions, config=schema_config()
    )


def sdl() -> str:
    """The schema's SDL, independent of runtime configuration."""
    return strawberry.Schema(query=Query, mutation=Mutation, config=schema_config()).as_str() + "\n"
