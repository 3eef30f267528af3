"""The arguments and inputs of the comment operations (the rest: resolvers/inputs.py)."""

from __future__ import annotations

from pydantic import Field

from core.limits import COMMENT_BODY, EDITS, REPLIES, THREAD_DEPTH
from core.models import CommentOrder
from resolvers.inputs import Arguments, CommentBody, CommentId, PageArgs, PostId


class AddCommentInput(Arguments):
    """A comment on a post, or a reply to one of its comments."""

    post_id: PostId
    parent_id: CommentId | None = Field(
        None,
        description=(
            "The comment this replies to. A reply deeper than "
            f"{THREAD_DEPTH} levels attaches to the deepest allowed ancestor."
        ),
    )
    body: CommentBody = Field(description=COMMENT_BODY.describe())


class CommentsArgs(PageArgs):
    order: CommentOrder = CommentOrder.OLDEST


class RepliesArgs(Arguments):
    limit: int = Field(REPLIES.default, ge=1, le=REPLIES.most)
    next_token: str | None = None
    prefetch: tuple[str, ...] = ()  # as PageArgs.prefetch


class EditsArgs(Arguments):
    limit: int = Field(EDITS.default, ge=1, le=EDITS.most)


class UpdateCommentInput(Arguments):
    """New text for your comment."""

    post_id: PostId
    id: CommentId
    expected_version: int = Field(
        ge=1, description="The version you last read; a stale one fails with CONFLICT."
    )
    body: CommentBody = Field(description=COMMENT_BODY.describe())


class CommentArgs(Arguments):
    post_id: PostId
    id: CommentId
