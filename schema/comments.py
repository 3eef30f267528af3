"""Comments, their threads and edit history."""

from __future__ import annotations

import strawberry

import resolvers.comment_likes
import resolvers.comments
import resolvers.edits
import resolvers.entities
import resolvers.users
from core import models
from core.limits import EDITS, REPLIES, THREAD_DEPTH
from schema.arguments import EditsLimit, NextToken, RepliesLimit, page_arguments
from schema.entities import Mention, mentions_of
from schema.scalars import AWSDateTime
from schema.types import Ctx, User


@strawberry.type(description="A version of a text that an edit replaced.")
class Edit:
    version: int
    title: str | None = strawberry.field(description="Posts only.")
    body: str
    written_at: AWSDateTime = strawberry.field(description="When this version was written.")
    replaced_at: AWSDateTime = strawberry.field(description="When the next edit replaced it.")

    @classmethod
    def from_domain(cls, edit: models.Edit) -> Edit:
        return cls(
            version=edit.version,
            title=edit.title,
            body=edit.body,
            written_at=AWSDateTime(edit.written_at),
            replaced_at=AWSDateTime(edit.replaced_at),
        )


@strawberry.type(description="A comment on a post, or a reply to one.")
class Comment:
    id: strawberry.ID
    post_id: strawberry.ID
    body: str = strawberry.field(description="Empty once deleted.")
    created_at: AWSDateTime
    version: int = strawberry.field(
        description="Increments on every edit; send it back as `expectedVersion`."
    )
    edited_at: AWSDateTime | None = strawberry.field(
        description="When the text was last changed; null if never."
    )
    parent_id: strawberry.ID | None = strawberry.field(
        description="The comment this replies to; null on the post itself."
    )
    depth: int = strawberry.field(
        description=f"0 on the post, 1 for a reply, at most {THREAD_DEPTH}."
    )
    reply_count: int = strawberry.field(
        description="Exact: direct replies, deleted placeholders included."
    )
    like_count: int = strawberry.field(description="Exact: changes with each like.")
    deleted: bool = strawberry.field(
        description="Deleted while it had replies: kept without text or author as a placeholder."
    )
    _comment: strawberry.Private[models.Comment]

    @classmethod
    def from_domain(cls, comment: models.Comment) -> Comment:
        return cls(
            id=strawberry.ID(comment.id),
            post_id=strawberry.ID(comment.post_id),
            body=comment.body,
            created_at=AWSDateTime(comment.created_at),
            version=comment.version,
            edited_at=AWSDateTime(comment.edited_at) if comment.edited_at else None,
            parent_id=strawberry.ID(comment.parent_id) if comment.parent_id else None,
            depth=comment.depth,
            reply_count=comment.reply_count,
            like_count=comment.like_count,
            deleted=comment.deleted,
            _comment=comment,
        )

    @strawberry.field(description="The author; null when they have no profile, or deleted.")
    async def author(self, info: Ctx) -> User | None:
        if self._comment.deleted:
            return None
        return User.maybe(await resolvers.users.comment_author(info.context, self._comment, {}))

    @strawberry.field(description="Whether the signed-in viewer likes this comment.")
    async def viewer_has_liked(self, info: Ctx) -> bool:
        return await resolvers.comment_likes.viewer_has_liked_comment(
            info.context, self._comment, {}
        )

    @strawberry.field(description="The body's mentions of people who exist.")
    async def mentions(self, info: Ctx) -> list[Mention]:
        found = await resolvers.entities.comment_mentions(info.context, self._comment, {})
        return mentions_of(found)

    @strawberry.field(description="Direct replies, oldest first.")
    async def replies(
        self, info: Ctx, limit: RepliesLimit = REPLIES.default, next_token: NextToken = None
    ) -> CommentConnection:
        arguments = page_arguments(limit, next_token, info)
        page = await resolvers.comments.replies(info.context, self._comment, arguments)
        return CommentConnection.from_domain(page)

    @strawberry.field(description="The comment this replies to; null on the post itself.")
    async def parent(self, info: Ctx) -> Comment | None:
        found = await resolvers.comments.parent(info.context, self._comment, {})
        return Comment.from_domain(found) if found else None

    @strawberry.field(description="The versions edits replaced, newest first.")
    def edits(self, info: Ctx, limit: EditsLimit = EDITS.default) -> list[Edit]:
        found = resolvers.edits.comment_edits(info.context, self._comment, {"limit": limit})
        return [Edit.from_domain(e) for e in found]


@strawberry.type(description="One page of comments.")
class CommentConnection:
    items: list[Comment]
    next_token: str | None

    @classmethod
    def from_domain(cls, page: models.Page[models.Comment]) -> CommentConnection:
        return cls(items=[Comment.from_domain(c) for c in page.items], next_token=page.next_token)
