"""The error model: every error a client sees carries `extensions.code`; surprises are masked."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from core.errors import AgoraError, ErrorCode

log = logging.getLogger("agora.errors")

INTERNAL_MESSAGE = "Internal error"
#: Strawberry's own refusals of a request (no query, no such operation, a mutation over a
#: subscription-only socket); over HTTP its view answers them, over websockets they arrive here.
RequestErrors = MissingQueryError | CannotGetOperationTypeError | InvalidOperationTypeError
#: graphql-core's "Did you mean 'feed'?" tails, which spell out the schema.
_SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


def is_client_error(error: GraphQLError) -> bool:
    """Domain errors, and parse/validation/variable errors, which have no execution path.

    An error raised during execution that is not a domain error (a null in a non-null field,
    a bug) is ours, even when graphql-core produced it.
    """
    original = error.original_error
    if isinstance(original, AgoraError | RequestErrors):
        return True
    if error.path:
        return False
    return original is None or isinstance(original, GraphQLError)


def shape_error(error: GraphQLError, *, hide_suggestions: bool = False) -> GraphQLError:
    """A copy of the error that is safe to send, with its code. Idempotent.

    `hide_suggestions` (introspection off): no "Did you mean ...?" naming fields or types.
    """
    if error.extensions and "code" in error.extensions:
        return error
    original = error.original_error
    if isinstance(original, AgoraError):
        message, code = original.message, original.code
    elif is_client_error(error):
        message, code = error.message, ErrorCode.BAD_USER_INPUT
        if hide_suggestions:
            message = _SUGGESTION.sub("", message)
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
    """Rewrites errors through `shape_error` before they are serialised: the operation's, and
    each result a subscription streams (websockets), which never reach `on_operation`."""

    hide_suggestions = False

    def on_operation(self) -> Iterator[None]:
        yield
        self._shape(self.execution_context.result)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        self._shape(result)
        yield

    def _shape(self, result: Any) -> None:
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [shape_error(e, hide_suggestions=self.hide_suggestions) for e in errors]


class ErrorCodesWithoutSuggestions(ErrorCodes):
    """With introspection off, error messages do not spell out the schema either."""

    hide_suggestions = True
