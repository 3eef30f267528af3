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


class Blocked(Forbidden):
    """A write between two people one of whom blocks the other."""

    def __init__(self) -> None:
        super().__init__("You cannot interact with this user: one of you blocks the other")


class NotModerator(Forbidden):
    def __init__(self) -> None:
        super().__init__("Only moderators may do this")


class Suspended(Forbidden):
    """Every write of a suspended user; reads and `me` keep working."""

    def __init__(self, reason: str, until: str | None) -> None:
        end = f"until {until}" if until else "indefinitely"
        super().__init__(f"Your account is suspended {end}: {reason}")
        self.reason = reason
        self.until = until

    @property
    def hints(self) -> dict[str, object]:  # type: ignore[override]
        return {"suspensionReason": self.reason, "suspendedUntil": self.until}


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


class CaseNotFound(NotFound):
    def __init__(self, case_id: str) -> None:
        super().__init__(f"There is no moderation case {case_id}")


class UploadNotFound(NotFound):
    def __init__(self, upload_id: str) -> None:
        # Someone else's upload is "not found" too: ids of others are not confirmed to exist.
        super().__init__(f"You have no upload {upload_id}")


class BadUserInput(AgoraError):
    code = ErrorCode.BAD_USER_INPUT


class InvalidCursor(BadUserInput):
    def __init__(self, argument: str = "nextToken") -> None:
        super().__init__(
            f"{argument}: invalid, or it belongs to another query; start again without it"
        )
        #: The argument that carried the cursor (`nextToken` of a page, `after` of a poll).
        self.argument = argument


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


class TooManyRelations(Conflict):
    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"You already {what} {limit:,} people, the most allowed; undo one first")


class AlreadyReported(Conflict):
    def __init__(self) -> None:
        super().__init__("You have already reported this; moderators have your report")


class CaseResolved(Conflict):
    def __init__(self) -> None:
        super().__init__("This case is already resolved; see the audit log")


class Throttled(AgoraError):
    code = ErrorCode.THROTTLED
    retryable = True


class RateLimited(Throttled):
    """A person's writes over one of their limits (core/limits.py); nothing was written."""

    def __init__(self, what: str, retry_after: int) -> None:
        super().__init__(f"Too many {what} for now: the limit is reached; retry in {retry_after} s")
        self.retry_after = retry_after

    @property
    def hints(self) -> dict[str, object]:  # type: ignore[override]
        return {"retryAfter": self.retry_after}


class Unavailable(AgoraError):
    code = ErrorCode.UNAVAILABLE
    retryable = True


class ConfigurationError(Exception):
    """The deployment is misconfigured; raised at start-up, never shown to clients."""
