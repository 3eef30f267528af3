"""The root types. Every field calls its resolver's handle and maps what it returns."""

from __future__ import annotations

from typing import Any

import strawberry

import resolvers.changes
import resolvers.comments
import resolvers.feed
import resolvers.meta
import resolvers.posts
import resolvers.social
import resolvers.uploads
import resolvers.users
from core.limits import IDS_PER_REQUEST, PAGE, POLL
from core.models import CommentOrder
from schema.accounts import AccountMutation, AccountQuery
from schema.arguments import (
    After,
    NextToken,
    PageLimit,
    PollLimit,
    RemovalReason,
    page_arguments,
    poll_arguments,
)
from schema.changes import ChangeBatch
from schema.conversations import ConversationMutation, ConversationQuery
from schema.deleted import Deleted
from schema.discovery import DiscoveryQueries
from schema.feed import FeedConnection
from schema.inputs import (
    AddCommentInput,
    CreatePostInput,
    CreateProfileInput,
    CreateUploadInput,
    UpdateCommentInput,
    UpdatePostInput,
    UpdateProfileInput,
)
from schema.media import Upload, UploadTicket
from schema.moderation import ModerationMutation, ModerationQuery
from schema.notifications import NotificationMutations, NotificationQueries
from schema.safety import SafetyMutation, SafetyQuery
from schema.selection import connection_item_fields, item_fields, only_field_named
from schema.types import (
    Comment,
    Ctx,
    Post,
    PostConnection,
    User,
)


def first_comments_wanted(info: Ctx) -> dict[str, Any]:
    """The hint of a first-page `comments` selection under this field, if there is one: its
    `limit`, order and what its items select.

    Lets `post(id)` read the post, those comments and their first replies in two requests.
    Fragments and aliases are read through (schema/selection.py); anything unusual (several
    selections, directives, a nextToken, a limit or order that will fail validation) simply
    skips the optimisation.
    """
    selection = only_field_named(info.selected_fields[0].selections, "comments")
    if selection is None:
        return {}
    arguments: dict[str, Any] = selection.arguments
    # Literals arrive as their source text ("20", "TOP"), variables as values.
    limit = arguments.get("limit", PAGE.default)
    if isinstance(limit, str) and limit.isdigit():
        limit = int(limit)
    order = arguments.get("order", CommentOrder.OLDEST.value)
    if arguments.get("nextToken") or not isinstance(limit, int) or not 1 <= limit <= PAGE.most:
        return {}
    if str(order) not in CommentOrder.__members__:
        return {}
    return {
        "prefetchComments": limit,
        "commentsOrder": CommentOrder(str(order)),
        "commentFields": connection_item_fields(selection.selections),
    }


@strawberry.type
class Query(
    ConversationQuery,
    NotificationQueries,
    DiscoveryQueries,
    SafetyQuery,
    ModerationQuery,
    AccountQuery,
):
    @strawberry.field(description="A post by id; null if there is none.")
    async def post(self, info: Ctx, id: strawberry.ID) -> Post | None:
        arguments = {"id": id, **first_comments_wanted(info)}
        found = await resolvers.posts.post(info.context, None, arguments)
        return Post.from_domain(found) if found else None

    @strawberry.field(
        description=(
            f"Up to {IDS_PER_REQUEST} posts by id, in that order, null where there is none: "
            "what a client refreshes on screen (counts, edits) in one request."
        )
    )
    async def posts_by_ids(self, info: Ctx, ids: list[strawberry.ID]) -> list[Post | None]:
        found = await resolvers.posts.posts_by_ids(info.context, None, {"ids": ids})
        return [Post.from_domain(p) if p else None for p in found]

    @strawberry.field(
        description="Newest posts first, in one category or, without `category`, in all of them."
    )
    async def posts(
        self,
        info: Ctx,
        category: str | None = None,
        limit: PageLimit = PAGE.default,
        next_token: NextToken = None,
    ) -> PostConnection:
        arguments = {"category": category, **page_arguments(limit, next_token, info)}
        page = await resolvers.posts.posts(info.context, None, arguments)
        return PostConnection.from_domain(page)

    @strawberry.field(
        description="Your home feed: posts by the people you follow and your own, newest first."
    )
    async def feed(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> FeedConnection:
        # What `entries { post { … } }` selects counts as what `items { … }` does.
        entries = item_fields(info, under="entries")
        prefetch = (
            *item_fields(info),
            *(f.removeprefix("post.") for f in entries if f.startswith("post.")),
        )
        arguments = {"limit": limit, "nextToken": next_token, "prefetch": prefetch}
        found = await resolvers.feed.feed(info.context, None, arguments)
        return FeedConnection.from_domain(found)

    @strawberry.field(
        description=(
            "What happened to posts after your cursor: in one category, by one author, or "
            "(with neither) everywhere. Each event once, in the same order for every poller."
        )
    )
    async def post_events(
        self,
        info: Ctx,
        category: str | None = None,
        author_id: strawberry.ID | None = None,
        after: After = None,
        limit: PollLimit = POLL.default,
    ) -> ChangeBatch:
        arguments = {
            "category": category,
            "authorId": author_id,
            **poll_arguments(after, limit, info),
        }
        batch = await resolvers.changes.post_events(info.context, None, arguments)
        return ChangeBatch.from_domain(batch)

    @strawberry.field(description="What reached your home feed after your cursor, oldest first.")
    async def feed_updates(
        self, info: Ctx, after: After = None, limit: PollLimit = POLL.default
    ) -> ChangeBatch:
        arguments = poll_arguments(after, limit, info)
        batch = await resolvers.changes.feed_updates(info.context, None, arguments)
        return ChangeBatch.from_domain(batch)

    @strawberry.field(description="A user by id or by handle (give one); null if there is none.")
    async def user(
        self, info: Ctx, id: strawberry.ID | None = None, handle: str | None = None
    ) -> User | None:
        found = await resolvers.users.user(info.context, None, {"id": id, "handle": handle})
        return User.maybe(found)

    @strawberry.field(description="Your profile; null until you create one (createProfile).")
    async def me(self, info: Ctx) -> User | None:
        return User.maybe(await resolvers.users.me(info.context, None, {}))

    @strawberry.field(description="The category slugs a post may use.")
    def categories(self, info: Ctx) -> list[str]:
        return resolvers.meta.categories(info.context, None, {})

    @strawberry.field(description='"ok" when the API can answer; needs no sign-in.')
    def health(self, info: Ctx) -> str:
        return resolvers.meta.health(info.context, None, {})


@strawberry.type
class Mutation(
    ConversationMutation,
    NotificationMutations,
    SafetyMutation,
    ModerationMutation,
    AccountMutation,
):
    @strawberry.mutation(description="Publish a post as the signed-in user.")
    def create_post(self, info: Ctx, input: CreatePostInput) -> Post:
        arguments = {"input": input}
        return Post.from_domain(resolvers.posts.create_post(info.context, None, arguments))

    @strawberry.mutation(description="Change your own post; `expectedVersion` guards lost updates.")
    def update_post(self, info: Ctx, input: UpdatePostInput) -> Post:
        arguments = {"input": input}
        return Post.from_domain(resolvers.posts.update_post(info.context, None, arguments))

    @strawberry.mutation(
        description="Delete your own post (moderators: anyone's, audited with `reason`)."
    )
    def delete_post(self, info: Ctx, id: strawberry.ID, reason: RemovalReason = None) -> Deleted:
        arguments = {"id": id, "reason": reason}
        return Deleted.from_domain(resolvers.posts.delete_post(info.context, None, arguments))

    @strawberry.mutation(description="Create your profile; every user has at most one.")
    def create_profile(self, info: Ctx, input: CreateProfileInput) -> User:
        arguments = {"input": input}
        return User.from_domain(resolvers.users.create_profile(info.context, None, arguments))

    @strawberry.mutation(description="Change your display name or bio.")
    def update_profile(self, info: Ctx, input: UpdateProfileInput) -> User:
        arguments = {"input": input}
        return User.from_domain(resolvers.users.update_profile(info.context, None, arguments))

    @strawberry.mutation(description="Follow a user; following twice changes nothing.")
    def follow(self, info: Ctx, user_id: strawberry.ID) -> User:
        return User.from_domain(resolvers.social.follow(info.context, None, {"userId": user_id}))

    @strawberry.mutation(description="Stop following a user; idempotent.")
    def unfollow(self, info: Ctx, user_id: strawberry.ID) -> User:
        followee = resolvers.social.unfollow(info.context, None, {"userId": user_id})
        return User.from_domain(followee)

    @strawberry.mutation(description="Like a post; liking twice changes nothing.")
    def like_post(self, info: Ctx, post_id: strawberry.ID) -> Post:
        return Post.from_domain(resolvers.social.like_post(info.context, None, {"postId": post_id}))

    @strawberry.mutation(description="Take back a like; idempotent.")
    def unlike_post(self, info: Ctx, post_id: strawberry.ID) -> Post:
        post = resolvers.social.unlike_post(info.context, None, {"postId": post_id})
        return Post.from_domain(post)

    @strawberry.mutation(
        description=(
            "Share a post with your followers' home feeds (not your own post); reposting twice "
            "changes nothing."
        )
    )
    def repost(self, info: Ctx, post_id: strawberry.ID) -> Post:
        return Post.from_domain(resolvers.social.repost(info.context, None, {"postId": post_id}))

    @strawberry.mutation(description="Take back a repost; it leaves your followers' feeds.")
    def unrepost(self, info: Ctx, post_id: strawberry.ID) -> Post:
        return Post.from_domain(resolvers.social.unrepost(info.context, None, {"postId": post_id}))

    @strawberry.mutation(description="Permission to upload one file straight to storage.")
    def create_upload(self, info: Ctx, input: CreateUploadInput) -> UploadTicket:
        arguments = {"input": input}
        return UploadTicket.from_domain(
            resolvers.uploads.create_upload(info.context, None, arguments)
        )

    @strawberry.mutation(
        description=(
            "Hand an uploaded file to processing: PROCESSING (then READY or REJECTED), REJECTED "
            "with a reason, or PENDING with a hint while the file has not arrived."
        )
    )
    def complete_upload(self, info: Ctx, id: strawberry.ID) -> Upload:
        return Upload.from_domain(resolvers.uploads.complete_upload(info.context, None, {"id": id}))

    @strawberry.mutation(description="Comment on a post.")
    def add_comment(self, info: Ctx, input: AddCommentInput) -> Comment:
        arguments = {"input": input}
        return Comment.from_domain(resolvers.comments.add_comment(info.context, None, arguments))

    @strawberry.mutation(
        description="Change your own comment's text; `expectedVersion` guards lost updates."
    )
    def update_comment(self, info: Ctx, input: UpdateCommentInput) -> Comment:
        arguments = {"input": input}
        return Comment.from_domain(resolvers.comments.update_comment(info.context, None, arguments))

    @strawberry.mutation(
        description="Delete your own comment (moderators: anyone's, audited with `reason`)."
    )
    def delete_comment(
        self, info: Ctx, post_id: strawberry.ID, id: strawberry.ID, reason: RemovalReason = None
    ) -> Deleted:
        arguments = {"postId": post_id, "id": id, "reason": reason}
        return Deleted.from_domain(resolvers.comments.delete_comment(info.context, None, arguments))
