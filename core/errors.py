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


class ProfileRequired(Forbidden):
    def __init__(self) -> None:
        super().__init__("Create your profile (createProfile) before following anyone")


class NotFound(AgoraError):
    code = ErrorCode.NOT_FOUND


class PostNotFound(NotFound):
    def __init__(self, post_id: str) -> None:
        super().__init__(f"Post {post_id} does not exist")


class ProfileNotFound(NotFound):
    def __init__(self, user_id: str) -> None:
        super().__init__(f"User {user_id} has no profile")


class CommentNotFound(NotFound):
    def __init__(self, comment_id: str) -> None:
        super().__init__(f"Comment {comment_id} does not exist")


class UploadNotFound(NotFound):
    def __init__(self, upload_id: str) -> None:
        # Someone else's upload is "not found" too: ids of others are not confirmed to exist.
        super().__init__(f"You have no upload {upload_id}")


class BadUserInput(AgoraError):
    code = ErrorCode.BAD_USER_INPUT


class InvalidCursor(BadUserInput):
    def __init__(self) -> None:
        super().__init__("nextToken is invalid or belongs to another query; start again without it")


class CursorExpired(BadUserInput):
    hints: ClassVar[dict[str, object]] = {"resync": True}

    def __init__(self) -> None:
        super().__init__(
            "This cursor is older than the change log's 24-hour retention: reload what you "
            "show, then poll again without `after`"
        )


class Conflict(AgoraError):
    code = ErrorCode.CONFLICT


class VersionConflict(Conflict):
    def __init__(self, expected: int, current: int) -> None:
        super().__init__(
            f"Version {expected} is stale: the current version is {current}; reload and retry"
        )
        self.current = current


class HandleTaken(Conflict):
    def __init__(self, handle: str) -> None:
        super().__init__(f"The handle {handle!r} is taken")


class ProfileExists(Conflict):
    def __init__(self) -> None:
        super().__init__("You already have a profile; use updateProfile")


class RequestTokenReused(Conflict):
    def __init__(self) -> None:
        super().__init__(
            "clientRequestToken was already used for a different post; use a new token"
        )


class MediaUnavailable(Conflict):
    def __init__(self) -> None:
        super().__init__(
            "An upload is not READY or PROCESSING, or is attached elsewhere; each attaches once"
        )


class Throttled(AgoraError):
    code = ErrorCode.THROTTLED
    retryable = True


class Unavailable(AgoraError):
    code = ErrorCode.UNAVAILABLE
    retryable = True


class ConfigurationError(Exception):
    """The deployment is misconfigured; raised at start-up, never shown to clients."""
