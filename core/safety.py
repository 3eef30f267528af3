"""Domain values of safety: the visibility set, reports, moderation cases, audit, suspensions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.models import Post


@dataclass(frozen=True, slots=True)
class VisibilitySet:
    """What one viewer must not see: the ONE rule every read path applies (docs/SAFETY.md)."""

    blocks: frozenset[str] = frozenset()
    blocked_by: frozenset[str] = frozenset()
    mutes: frozenset[str] = frozenset()
    hidden: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", self.blocks | self.blocked_by | self.mutes)

    def hides(self, author_id: str | None) -> bool:
        """Whether content by `author_id` is hidden from this viewer (None: no author)."""
        return author_id is not None and author_id in self.hidden

    def blocks_either_way(self, user_id: str) -> bool:
        return user_id in self.blocks or user_id in self.blocked_by


NOTHING_HIDDEN = VisibilitySet()


class ReportReason(StrEnum):
    SPAM = "SPAM"
    HARASSMENT = "HARASSMENT"
    HATE = "HATE"
    VIOLENCE = "VIOLENCE"
    SEXUAL_CONTENT = "SEXUAL_CONTENT"
    SELF_HARM = "SELF_HARM"
    ILLEGAL = "ILLEGAL"
    OTHER = "OTHER"


class TargetKind(StrEnum):
    POST = "POST"
    COMMENT = "COMMENT"
    USER = "USER"


class CaseStatus(StrEnum):
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"


class ModerationAction(StrEnum):
    DISMISS = "DISMISS"
    REMOVE_CONTENT = "REMOVE_CONTENT"
    SUSPEND_AUTHOR = "SUSPEND_AUTHOR"


def post_case_id(post_id: str) -> str:
    """A moderation case per reported thing; its id says what it is about."""
    return f"post:{post_id}"


def comment_case_id(post_id: str, comment_id: str) -> str:
    return f"comment:{post_id}:{comment_id}"


def user_case_id(user_id: str) -> str:
    return f"user:{user_id}"


@dataclass(frozen=True, slots=True)
class ReportTarget:
    """What a report is about; `post_id` is also set for a comment (its address)."""

    kind: TargetKind
    case_id: str
    author_id: str
    post_id: str | None = None
    comment_id: str | None = None
    user_id: str | None = None


def post_target(post: Post) -> ReportTarget:
    return ReportTarget(TargetKind.POST, post_case_id(post.id), post.author_id, post_id=post.id)


def comment_target(post_id: str, comment_id: str, author_id: str) -> ReportTarget:
    case_id = comment_case_id(post_id, comment_id)
    return ReportTarget(
        TargetKind.COMMENT, case_id, author_id, post_id=post_id, comment_id=comment_id
    )


@dataclass(frozen=True, slots=True)
class ReportedContent:
    """The content as it was when reported, kept even if it is edited or deleted later."""

    title: str = ""
    body: str = ""
    handle: str = ""
    display_name: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    case_id: str
    reporter_id: str
    reason: ReportReason
    note: str
    created_at: str
    target_kind: TargetKind
    content: ReportedContent


@dataclass(frozen=True, slots=True)
class ModerationCase:
    """All reports on one target, as the moderation queue shows them."""

    id: str
    target: ReportTarget
    status: CaseStatus
    report_count: int
    reasons: dict[ReportReason, int]
    first_reported_at: str
    last_reported_at: str
    content: ReportedContent
    version: int
    resolution: ModerationAction | None = None


@dataclass(frozen=True, slots=True)
class Suspension:
    user_id: str
    reason: str
    at: str
    by: str
    #: None: indefinitely.
    until: str | None

    def active_at(self, now: str) -> bool:
        return self.until is None or self.until > now


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: str
    at: str
    moderator_id: str
    action: ModerationAction
    case_id: str
    target_kind: TargetKind
    author_id: str
    reason: str
    report_count: int
    suspended_until: str | None = None
    indefinitely: bool = False


#: The audit entry's reason when a moderator deletes someone's content without giving one.
NO_REASON_GIVEN = "(no reason given)"


@dataclass(frozen=True, slots=True)
class Removal:
    """A moderator deleting someone else's post or comment outside a report: audited."""

    moderator_id: str
    reason: str

    def entry(self, entry_id: str, at: str, target: ReportTarget) -> AuditEntry:
        return AuditEntry(
            id=entry_id,
            at=at,
            moderator_id=self.moderator_id,
            action=ModerationAction.REMOVE_CONTENT,
            case_id=target.case_id,
            target_kind=target.kind,
            author_id=target.author_id,
            reason=self.reason,
            report_count=0,
        )
