"""Follows, likes and reposts: idempotent, exact counts, answered with the fresh object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from core.errors import BadUserInput, NotFound, PostNotFound, ProfileNotFound
from resolvers.inputs import PostIdTarget, UserIdTarget, parse
from resolvers.registry import Resolver, resolver

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    from core.models import Post, UserProfile
    from resolvers.context import RequestContext
    from resolvers.loaders import Loaders

T = TypeVar("T")


def _followee(ctx: RequestContext, arguments: Mapping[str, Any]) -> tuple[str, str]:
    viewer = ctx.require_viewer()
    target = parse(UserIdTarget, arguments).user_id
    if target == viewer.id:
        raise BadUserInput("userId: you cannot follow yourself")
    return viewer.id, target


def _fresh(found: T | None, missing: NotFound) -> T:
    """What a mutation answers with, read strongly consistent so it includes the change made."""
    if found is None:
        raise missing
    return found


def _profile(ctx: RequestContext, user_id: str) -> UserProfile:
    return _fresh(ctx.store.users.get(user_id, consistent=True), ProfileNotFound(user_id))


@resolver("Mutation.follow")
def follow(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> UserProfile:
    follower, followee = _followee(ctx, arguments)
    ctx.store.follows.follow(follower, followee)
    return _profile(ctx, followee)


@resolver("Mutation.unfollow")
def unfollow(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> UserProfile:
    follower, followee = _followee(ctx, arguments)
    ctx.store.follows.unfollow(follower, followee)
    return _profile(ctx, followee)


def _post(ctx: RequestContext, post_id: str) -> Post:
    return _fresh(ctx.store.posts.get(post_id, consistent=True), PostNotFound(post_id))


def _marked(
    ctx: RequestContext,
    arguments: Mapping[str, Any],
    mark: Callable[[str, Post], object] | None,
    unmark: Callable[[str, str], object],
) -> Post:
    """A like or repost (`mark`, given the viewer and the post) or its undoing (`unmark`)."""
    viewer = ctx.require_viewer()
    post_id = parse(PostIdTarget, arguments).post_id
    if mark is not None:
        # The author is checked with the mark, in its transaction: neither may block the other.
        mark(viewer.id, _post(ctx, post_id))
    else:
        unmark(post_id, viewer.id)
    return _post(ctx, post_id)


def _like(ctx: RequestContext) -> Callable[[str, Post], object]:
    return lambda viewer, post: ctx.store.likes.like(post.id, viewer, post.author_id)


def _repost(ctx: RequestContext) -> Callable[[str, Post], object]:
    def repost(viewer: str, post: Post) -> object:
        if post.author_id == viewer:
            raise BadUserInput("postId: you cannot repost your own post")
        return ctx.store.reposts.repost(post.id, viewer, post.author_id, post.created_at)

    return repost


def _marks(
    on: str,
    off: str,
    mark: Callable[[RequestContext], Callable[[str, Post], object]],
    unmark: Callable[[RequestContext], Callable[[str, str], object]],
) -> tuple[Resolver[None, Post], Resolver[None, Post]]:
    """The mutations that put a mark on a post and take it back."""

    def put(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
        return _marked(ctx, arguments, mark(ctx), unmark(ctx))

    def take_back(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
        return _marked(ctx, arguments, None, unmark(ctx))

    return resolver(on)(put), resolver(off)(take_back)


def _viewer_has(
    name: str, has: Callable[[Loaders], Callable[[str, str], bool | Awaitable[bool]]]
) -> Resolver[Post, bool | Awaitable[bool]]:
    """Whether the signed-in viewer put that mark on the post, batched with the page (at once
    when the page's batch read it)."""

    def field(
        ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
    ) -> bool | Awaitable[bool]:
        viewer = ctx.viewer
        return viewer is not None and has(ctx.loaders)(source.id, viewer.id)

    return resolver(name)(field)


like_post, unlike_post = _marks(
    "Mutation.likePost", "Mutation.unlikePost", _like, lambda ctx: ctx.store.likes.unlike
)
#: Share a post with your followers' home feeds; reposting twice changes nothing.
repost, unrepost = _marks(
    "Mutation.repost", "Mutation.unrepost", _repost, lambda ctx: ctx.store.reposts.unrepost
)
viewer_has_liked = _viewer_has("Post.viewerHasLiked", lambda loaders: loaders.has_liked)
viewer_has_reposted = _viewer_has("Post.viewerHasReposted", lambda loaders: loaders.has_reposted)
