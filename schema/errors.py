"""The error model: every error a client sees carries `extensions.code`; surprises are masked."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from core.errors import AgoraError, ErrorCode

log = logging.getLogger("agora.errors")

INTERNAL_MESSAGE = "Internal error"


def is_client_error(error: GraphQLError) -> bool:
    """Domain errors, and parse/validation/variable errors, which have no execution path.

    An error raised during execution that is not a domain error (a null in a non-null field,
    a bug) is ours, even when graphql-core produced it.
    """
    original = error.original_error
    if isinstance(original, AgoraError):
        return True
    if error.path:
        return False
    return original is None or isinstance(original, GraphQLError)


def shape_error(error: GraphQLError) -> GraphQLError:
    """A copy of the error that is safe to send, with its code. Idempotent."""
    if error.extensions and "code" in error.extensions:
        return error
    original = error.original_error
    if isinstance(original, AgoraError):
        message, code = original.message, original.code
    elif is_client_error(error):
        message, code = error.message, ErrorCode.BAD_USER_INPUT
    else:
        message, code = INTERNAL_MESSAGE, ErrorCode.INTERNAL
    extensions: dict[str, object] = {"code": code.value}
    if isinstance(original, AgoraError):
        if original.retryable:
            extensions["retryable"] = True
        extensions.update(original.hints)
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


class ErrorCodes(SchemaExtension):
    """Rewrites the operation's errors through `shape_error` before they are serialised."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [shape_error(e) for e in errors]
