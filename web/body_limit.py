"""The request-body limit, by the bytes that arrive: a chunked body declares no length, and
a Lambda event may carry a body without a `content-length` header."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.types import Message, Receive, Scope


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"The request body is over {limit} bytes")
        self.limit = limit


def declared_too_large(scope: Scope, limit: int) -> bool:
    """The client said so up front: refuse before reading anything."""
    length = dict(scope.get("headers", [])).get(b"content-length", b"0")
    return length.isdigit() and int(length) > limit


def counted(receive: Receive, limit: int) -> Receive:
    """`receive` that raises BodyTooLarge as soon as more than `limit` body bytes arrived."""
    seen = 0

    async def receive_counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return receive_counted
