"""Domain errors and the one table that maps them to client-facing codes."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar


class ErrorCode(StrEnum):
    """Values of GraphQL `extensions.code` and of AppSync `errorType`."""

    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    CONFLICT = "CONFLICT"
    THROTTLED = "THROTTLED"
    UNAVAILABLE = "UNAVAILABLE"
    INTERNAL = "INTERNAL"


class AgoraError(Exception):
    """Base of every error whose message is safe to show a client."""

    code: ClassVar[ErrorCode] = ErrorCode.INTERNAL
    #: Whether a client may retry the same request unchanged.
    retryable: ClassVar[bool] = False
    #: More `extensions` entries for clients to act on (beside `code`).
    hints: ClassVar[dict[str, object]] = {}

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unauthenticated(AgoraError):
    """No usable credentials. Clients get one message whatever was wrong; logs get the reason."""

    code = ErrorCode.UNAUTHENTICATED
    PUBLIC_MESSAGE = "Sign in: this operation needs a valid bearer token"

    def __init__(self, reason: str = "no credentials") -> None:
        super().__init__(self.PUBLIC_MESSAGE)
        self.reason = reason


class Forbidden(AgoraError):
    code = ErrorCode.FORBIDDEN


class NotFound(AgoraError):
    code = ErrorCode.NOT_FOUND


class PostNotFound(NotFound):
    def __init__(self, post_id: str) -> None:
        super().__init__(f"Post {post_id} does not exist")


class BadUserInput(AgoraError):
    code = ErrorCode.BAD_USER_INPUT


class InvalidCursor(BadUserInput):
    def __init__(self) -> None:
        super().__init__("nextToken is invalid or belongs to another query; start again without it")


class Conflict(AgoraError):
    code = ErrorCode.CONFLICT


class VersionConflict(Conflict):
    def __init__(self, expected: int, current: int) -> None:
        super().__init__(
            f"Version {expected} is stale: the current version is {current}; reload and retry"
        )
        self.current = current


class Throttled(AgoraError):
    code = ErrorCode.THROTTLED
    retryable = True


class Unavailable(AgoraError):
    code = ErrorCode.UNAVAILABLE
    retryable = True


class ConfigurationError(Exception):
    """The deployment is misconfigured; raised at start-up, never shown to clients."""
