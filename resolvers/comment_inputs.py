"""The arguments and inputs of the comment operations (the rest: resolvers/inputs.py)."""

from __future__ import annotations

from pydantic import Field

from core.limits import COMMENT_BODY
from resolvers.inputs import Arguments, CommentBody, CommentId, PostId


class AddCommentInput(Arguments):
    """A comment on a post."""

    post_id: PostId
    body: CommentBody = Field(description=COMMENT_BODY.describe())


class UpdateCommentInput(Arguments):
    """New text for your comment."""

    post_id: PostId
    id: CommentId
    expected_version: int = Field(
        ge=1, description="The version you last read; a stale one fails with CONFLICT."
    )
    body: CommentBody = Field(description=COMMENT_BODY.describe())


class DeleteCommentArgs(Arguments):
    post_id: PostId
    id: CommentId
