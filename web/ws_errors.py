"""graphql-transport-ws with the error table's promise kept: every error a socket carries has a
code, also those Strawberry's handler writes itself ("Subscription limit reached")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)

from core.errors import ErrorCode
from resolvers.context import RequestContext

if TYPE_CHECKING:
    from strawberry.subscriptions.protocols.graphql_transport_ws.types import Message


def _coded(error: Any) -> Any:
    if not isinstance(error, dict) or (error.get("extensions") or {}).get("code"):
        return error
    # Errors that reach the socket uncoded are the transport's refusals of the client's request.
    extensions = {**(error.get("extensions") or {}), "code": ErrorCode.BAD_USER_INPUT.value}
    return {**error, "extensions": extensions}


def with_codes(message: dict[str, Any]) -> dict[str, Any]:
    """The message, each of its errors carrying `extensions.code`."""
    payload = message.get("payload")
    if message.get("type") == "error" and isinstance(payload, list):
        return {**message, "payload": [_coded(e) for e in payload]}
    if message.get("type") == "next" and isinstance(payload, dict) and payload.get("errors"):
        return {**message, "payload": {**payload, "errors": [_coded(e) for e in payload["errors"]]}}
    return message


class CodedTransportWSHandler(BaseGraphQLTransportWSHandler[RequestContext, None]):
    async def send_message(self, message: Message) -> None:
        await super().send_message(with_codes(dict(message)))  # type: ignore[arg-type]
