"""Root operations of conversations: likes of comments, bookmarks."""

from __future__ import annotations

import strawberry

import resolvers.bookmarks
import resolvers.comment_likes
import resolvers.comments
from core.limits import PAGE
from schema.arguments import NextToken, PageLimit, page_arguments
from schema.types import Comment, Ctx, Post, PostConnection


@strawberry.type
class ConversationQuery:
    @strawberry.field(description="A comment by its post and id; null if there is none.")
    async def comment(self, info: Ctx, post_id: strawberry.ID, id: strawberry.ID) -> Comment | None:
        arguments = {"postId": post_id, "id": id}
        found = await resolvers.comments.comment(info.context, None, arguments)
        return Comment.from_domain(found) if found else None

    @strawberry.field(description="Your bookmarks, newest first; only you see them.")
    async def bookmarks(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> PostConnection:
        arguments = page_arguments(limit, next_token, info)
        page = await resolvers.bookmarks.bookmarks(info.context, None, arguments)
        return PostConnection.from_domain(page)


@strawberry.type
class ConversationMutation:
    @strawberry.mutation(description="Like a comment; liking twice changes nothing.")
    def like_comment(self, info: Ctx, post_id: strawberry.ID, id: strawberry.ID) -> Comment:
        arguments = {"postId": post_id, "id": id}
        return Comment.from_domain(
            resolvers.comment_likes.like_comment(info.context, None, arguments)
        )

    @strawberry.mutation(description="Take back a like of a comment; idempotent.")
    def unlike_comment(self, info: Ctx, post_id: strawberry.ID, id: strawberry.ID) -> Comment:
        arguments = {"postId": post_id, "id": id}
        liked = resolvers.comment_likes.unlike_comment(info.context, None, arguments)
        return Comment.from_domain(liked)

    @strawberry.mutation(description="Save a post for later; saving twice changes nothing.")
    async def bookmark(self, info: Ctx, post_id: strawberry.ID) -> Post:
        found = await resolvers.bookmarks.bookmark(info.context, None, {"postId": post_id})
        return Post.from_domain(found)

    @strawberry.mutation(description="Forget a saved post; idempotent. Null if the post is gone.")
    async def unbookmark(self, info: Ctx, post_id: strawberry.ID) -> Post | None:
        found = await resolvers.bookmarks.unbookmark(info.context, None, {"postId": post_id})
        return Post.from_domain(found) if found else None
