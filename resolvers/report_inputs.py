"""The inputs of reports and moderators' decisions: one declaration each (schema/moderation.py
derives the GraphQL inputs from them)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from core.limits import MODERATOR_REASON, REPORT_NOTE, SUSPENSION_DAYS
from core.safety import ModerationAction, ReportReason
from resolvers.inputs import Arguments, CommentId, PostId, UserId
from resolvers.text_inputs import Lines, RequiredLines

Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=REPORT_NOTE.most), Lines]
ModeratorReason = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=MODERATOR_REASON.least, max_length=MODERATOR_REASON.most
    ),
    RequiredLines,
]
_ULID = "[0-9A-HJKMNP-TV-Z]{26}"
#: Case ids name their target: post:<id>, comment:<post id>:<id>, user:<id>.
CaseId = Annotated[
    str,
    StringConstraints(
        pattern=rf"^(post:{_ULID}|comment:{_ULID}:{_ULID}|user:[A-Za-z0-9_-]{{1,128}})$"
    ),
]


class ReportInput(Arguments):
    """Report a post (postId), a comment (postId and commentId) or a person (userId)."""

    reason: ReportReason
    post_id: PostId | None = None
    comment_id: CommentId | None = None
    user_id: UserId | None = None
    note: Note = Field("", description=f"For moderators. {REPORT_NOTE.describe()}")

    @model_validator(mode="after")
    def _one_target(self) -> ReportInput:
        if (self.post_id is not None) == (self.user_id is not None):
            raise ValueError("give postId (with commentId for a comment) or userId")
        if self.comment_id is not None and self.post_id is None:
            raise ValueError("commentId needs the comment's postId")
        return self


class CaseIdArgs(Arguments):
    id: CaseId


class ResolveReportInput(Arguments):
    """A moderator's decision on a case (all its open reports)."""

    id: CaseId = Field(description="The case: `ModerationCase.id`.")
    action: ModerationAction
    reason: ModeratorReason = Field(
        description=f"Why, for the audit log. {MODERATOR_REASON.describe()}"
    )
    suspend_for_days: int | None = Field(
        None,
        ge=1,
        le=SUSPENSION_DAYS,
        description=f"With SUSPEND_AUTHOR: days, 1 to {SUSPENSION_DAYS:,}.",
    )
    suspend_indefinitely: bool = Field(
        False, description="With SUSPEND_AUTHOR, instead of suspendForDays."
    )

    @model_validator(mode="after")
    def _suspension_when_suspending(self) -> ResolveReportInput:
        timed, forever = self.suspend_for_days is not None, self.suspend_indefinitely
        if self.action is ModerationAction.SUSPEND_AUTHOR:
            if timed == forever:
                raise ValueError("give suspendForDays or suspendIndefinitely: true, not both")
        elif timed or forever:
            raise ValueError("suspendForDays and suspendIndefinitely go with SUSPEND_AUTHOR only")
        return self


class DeletePostArgs(Arguments):
    id: PostId
    #: A moderator's, for the audit log (schema/arguments.py `RemovalReason`).
    reason: ModeratorReason | None = None


class DeleteCommentArgs(Arguments):
    post_id: PostId
    id: CommentId
    reason: ModeratorReason | None = None
