"""The content graph's output types: people, posts, comments and the mentions that link them.

They name each other (a user's posts, a post's author), so they live in one module (split, they
would import each other); field resolvers go through the registry.
"""

from __future__ import annotations

import strawberry
from strawberry.types import Info

import resolvers.blocks
import resolvers.bookmarks
import resolvers.comment_likes
import resolvers.comments
import resolvers.edits
import resolvers.entities
import resolvers.moderation
import resolvers.posts
import resolvers.social
import resolvers.uploads
import resolvers.users
from core import models
from core.entities import distinct_tags
from core.limits import EDITS, PAGE, REPLIES, THREAD_DEPTH
from resolvers.context import RequestContext
from resolvers.entities import LinkedMention
from schema.arguments import EditsLimit, NextToken, PageLimit, RepliesLimit, page_arguments
from schema.connection import Connection
from schema.edits import Edit
from schema.hashtags import HashtagSpan, hashtag_spans
from schema.media import Media
from schema.now_or_later import now_or_later
from schema.scalars import AWSDateTime
from schema.suspension import Suspension

Ctx = Info[RequestContext, None]


@strawberry.type(description="A member of the community.")
class User:
    id: strawberry.ID
    handle: str
    display_name: str
    bio: str
    created_at: AWSDateTime
    follower_count: int
    following_count: int
    _profile: strawberry.Private[models.UserProfile]

    @classmethod
    def from_domain(cls, profile: models.UserProfile) -> User:
        return cls(
            id=strawberry.ID(profile.id),
            handle=profile.handle,
            display_name=profile.display_name,
            bio=profile.bio,
            created_at=AWSDateTime(profile.created_at),
            follower_count=profile.follower_count,
            following_count=profile.following_count,
            _profile=profile,
        )

    @classmethod
    def maybe(cls, profile: models.UserProfile | None) -> User | None:
        return cls.from_domain(profile) if profile else None

    @strawberry.field(description="The profile picture, if any.")
    def avatar(self, info: Ctx) -> Media | None:
        return Media.maybe(resolvers.uploads.user_avatar(info.context, self._profile, {}))

    @strawberry.field(description="Whether the signed-in viewer follows this user.")
    async def viewer_follows(self, info: Ctx) -> bool:
        return await resolvers.users.viewer_follows(info.context, self._profile, {})

    @strawberry.field(description="Whether you block this user (only you can see this).")
    async def viewer_blocks(self, info: Ctx) -> bool:
        return await resolvers.blocks.viewer_blocks(info.context, self._profile, {})

    @strawberry.field(description="Whether you mute this user (only you can see this).")
    async def viewer_mutes(self, info: Ctx) -> bool:
        return await resolvers.blocks.viewer_mutes(info.context, self._profile, {})

    @strawberry.field(
        description="Their suspension in force, shown to them and to moderators; else null."
    )
    def suspension(self, info: Ctx) -> Suspension | None:
        found = resolvers.moderation.user_suspension(info.context, self._profile, {})
        return Suspension.from_domain(found) if found else None

    @strawberry.field(description="The user's posts, newest first.")
    async def posts(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> PostConnection:
        arguments = page_arguments(limit, next_token, info)
        page = await resolvers.posts.user_posts(info.context, self._profile, arguments)
        return PostConnection.from_domain(page)

    @strawberry.field(description="Who follows this user, newest first.")
    async def followers(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> UserConnection:
        arguments = page_arguments(limit, next_token)
        page = await resolvers.users.followers(info.context, self._profile, arguments)
        return UserConnection.from_domain(page)

    @strawberry.field(description="Whom this user follows, newest first.")
    async def following(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> UserConnection:
        arguments = page_arguments(limit, next_token)
        page = await resolvers.users.following(info.context, self._profile, arguments)
        return UserConnection.from_domain(page)


@strawberry.type(
    description=(
        "`@handle` of someone who exists, at [start, end) of the text in UTF-16 code units "
        "(how JavaScript indexes strings)."
    )
)
class Mention:
    user: User
    start: int
    end: int

    @classmethod
    def from_domain(cls, mention: LinkedMention) -> Mention:
        return cls(user=User.from_domain(mention.user), start=mention.start, end=mention.end)

    @classmethod
    def many(cls, found: list[LinkedMention]) -> list[Mention]:
        return [cls.from_domain(m) for m in found]


@strawberry.type(description="A post in one category.")
class Post:
    id: strawberry.ID
    title: str
    body: str
    category: str
    created_at: AWSDateTime
    updated_at: AWSDateTime
    version: int = strawberry.field(
        description="Increments on every update; send it back as `expectedVersion`."
    )
    like_count: int = strawberry.field(description="Exact: changes with each like.")
    comment_count: int = strawberry.field(description="Exact: changes with each comment.")
    repost_count: int = strawberry.field(description="Exact: changes with each repost.")

    # The body is parsed for tags only when a query asks for them: a page that does not pays
    # nothing.
    @strawberry.field(description="The body's #tags, normalized, once each.")
    def hashtags(self) -> list[str]:
        return distinct_tags(self._post.body)

    edited_at: AWSDateTime | None = strawberry.field(description="When the text last changed.")
    _post: strawberry.Private[models.Post]

    @classmethod
    def from_domain(cls, post: models.Post) -> Post:
        return cls(
            id=strawberry.ID(post.id),
            title=post.title,
            body=post.body,
            category=post.category,
            created_at=AWSDateTime(post.created_at),
            updated_at=AWSDateTime(post.updated_at),
            version=post.version,
            like_count=post.like_count,
            repost_count=post.repost_count,
            comment_count=post.comment_count,
            edited_at=AWSDateTime(post.edited_at) if post.edited_at else None,
            _post=post,
        )

    @strawberry.field(
        description="Where each #tag is in the body, so clients can link it without parsing."
    )
    def hashtag_spans(self) -> list[HashtagSpan]:
        return hashtag_spans(self._post.body)

    @strawberry.field(description="The body's mentions of people who exist.")
    async def mentions(self, info: Ctx) -> list[Mention]:
        return Mention.many(await resolvers.entities.post_mentions(info.context, self._post, {}))

    @strawberry.field(description="The author; null when the author has no profile.")
    def author(self, info: Ctx) -> User | None:
        return now_or_later(resolvers.users.post_author(info.context, self._post, {}), User.maybe)

    @strawberry.field(description="Attached images and videos, in order.")
    def media(self, info: Ctx) -> list[Media]:
        return Media.all_of(resolvers.uploads.post_media(info.context, self._post, {}))

    @strawberry.field(description="Whether the signed-in viewer likes this post.")
    def viewer_has_liked(self, info: Ctx) -> bool:
        return now_or_later(resolvers.social.viewer_has_liked(info.context, self._post, {}), bool)

    @strawberry.field(description="Whether the signed-in viewer bookmarked this post.")
    def viewer_has_bookmarked(self, info: Ctx) -> bool:
        found = resolvers.bookmarks.viewer_has_bookmarked(info.context, self._post, {})
        return now_or_later(found, bool)

    @strawberry.field(description="Whether the signed-in viewer reposted this post.")
    def viewer_has_reposted(self, info: Ctx) -> bool:
        found = resolvers.social.viewer_has_reposted(info.context, self._post, {})
        return now_or_later(found, bool)

    @strawberry.field(description="Comments on the post itself (replies hang from them).")
    async def comments(
        self,
        info: Ctx,
        limit: PageLimit = PAGE.default,
        next_token: NextToken = None,
        order: models.CommentOrder = models.CommentOrder.OLDEST,
    ) -> CommentConnection:
        arguments = {**page_arguments(limit, next_token, info), "order": order}
        page = await resolvers.comments.comments(info.context, self._post, arguments)
        return CommentConnection.from_domain(page)

    @strawberry.field(description="The versions edits replaced, newest first.")
    def edits(self, info: Ctx, limit: EditsLimit = EDITS.default) -> list[Edit]:
        return Edit.all_of(resolvers.edits.post_edits(info.context, self._post, {"limit": limit}))


@strawberry.type(description="A comment on a post, or a reply to one.")
class Comment:
    id: strawberry.ID
    post_id: strawberry.ID
    parent_id: strawberry.ID | None = strawberry.field(description="Null on the post itself.")
    depth: int = strawberry.field(description=f"0 on the post, at most {THREAD_DEPTH}.")
    reply_count: int = strawberry.field(description="Exact: direct replies, placeholders too.")
    like_count: int = strawberry.field(description="Exact: changes with each like.")
    deleted: bool = strawberry.field(description="A placeholder kept for its replies: no text.")
    body: str
    created_at: AWSDateTime
    version: int = strawberry.field(
        description="Increments on every edit; send it back as `expectedVersion`."
    )
    edited_at: AWSDateTime | None = strawberry.field(description="When the text last changed.")
    _comment: strawberry.Private[models.Comment]

    @classmethod
    def from_domain(cls, comment: models.Comment) -> Comment:
        # IDs and AWSDateTimes are strings to Python: the domain's values pass as they are.
        names = [name for name in cls.__annotations__ if not name.startswith("_")]
        return cls(_comment=comment, **{name: getattr(comment, name) for name in names})

    @strawberry.field(description="The author; null without a profile, or once deleted.")
    def author(self, info: Ctx) -> User | None:
        if self._comment.deleted:
            return None
        return now_or_later(
            resolvers.users.comment_author(info.context, self._comment, {}), User.maybe
        )

    @strawberry.field(description="Whether the signed-in viewer likes this comment.")
    def viewer_has_liked(self, info: Ctx) -> bool:
        found = resolvers.comment_likes.viewer_likes(info.context, self._comment, {})
        return now_or_later(found, bool)

    @strawberry.field(description="Direct replies, oldest first.")
    async def replies(
        self, info: Ctx, limit: RepliesLimit = REPLIES.default, next_token: NextToken = None
    ) -> CommentConnection:
        arguments = page_arguments(limit, next_token, info)
        page = await resolvers.comments.replies(info.context, self._comment, arguments)
        return CommentConnection.from_domain(page)

    @strawberry.field(description="The comment this replies to; null on the post, or hidden.")
    async def parent(self, info: Ctx) -> Comment | None:
        found = await resolvers.comments.parent(info.context, self._comment, {})
        return Comment.from_domain(found) if found else None

    @strawberry.field(description="The versions edits replaced, newest first.")
    def edits(self, info: Ctx, limit: EditsLimit = EDITS.default) -> list[Edit]:
        found = resolvers.edits.comment_edits(info.context, self._comment, {"limit": limit})
        return Edit.all_of(found)

    @strawberry.field(description="The body's mentions of people who exist.")
    async def mentions(self, info: Ctx) -> list[Mention]:
        found = await resolvers.entities.comment_mentions(info.context, self._comment, {})
        return Mention.many(found)


@strawberry.type(description="One page of posts.")
class PostConnection(Connection[Post]):
    next_token: str | None = strawberry.field(
        description="Pass as `nextToken` for the next page; null on the last page."
    )


@strawberry.type(description="One page of users.")
class UserConnection(Connection[User]):
    pass


@strawberry.type(description="One page of comments.")
class CommentConnection(Connection[Comment]):
    pass
