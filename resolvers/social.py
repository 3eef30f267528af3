"""Follows, likes and reposts: idempotent, exact counts, answered with the fresh object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from core.errors import BadUserInput, NotFound, PostNotFound, ProfileNotFound
from resolvers.inputs import PostIdTarget, UserIdTarget, parse
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from core.models import Post, UserProfile
    from resolvers.context import RequestContext

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


@resolver("Mutation.likePost")
def like_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    return _marked(ctx, arguments, _like(ctx), ctx.store.likes.unlike)


@resolver("Mutation.unlikePost")
def unlike_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    return _marked(ctx, arguments, None, ctx.store.likes.unlike)


@resolver("Mutation.repost")
def repost(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    """Share a post with your followers' home feeds; reposting twice changes nothing."""
    return _marked(ctx, arguments, _repost(ctx), ctx.store.reposts.unrepost)


@resolver("Mutation.unrepost")
def unrepost(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    return _marked(ctx, arguments, None, ctx.store.reposts.unrepost)


@resolver("Post.viewerHasReposted")
async def viewer_has_reposted(
    ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
) -> bool:
    viewer = ctx.viewer
    return viewer is not None and await ctx.loaders.has_reposted(source.id, viewer.id)


@resolver("Post.viewerHasLiked")
async def viewer_has_liked(
    ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
) -> bool:
    viewer = ctx.viewer
    return viewer is not None and await ctx.loaders.has_liked(source.id, viewer.id)
