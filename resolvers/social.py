"""Follows and likes: idempotent, exact counts, answered with the fresh object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from core.errors import BadUserInput, NotFound, PostNotFound, ProfileNotFound
from resolvers.inputs import PostIdTarget, UserIdTarget, parse
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Awaitable, Mapping

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


def _liked(ctx: RequestContext, arguments: Mapping[str, Any], like: bool) -> Post:
    viewer = ctx.require_viewer()
    post_id = parse(PostIdTarget, arguments).post_id
    if like:
        # The author is checked with the like, in its transaction: neither may block the other.
        ctx.store.likes.like(post_id, viewer.id, _post(ctx, post_id).author_id)
    else:
        ctx.store.likes.unlike(post_id, viewer.id)
    return _post(ctx, post_id)


@resolver("Mutation.likePost")
def like_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    return _liked(ctx, arguments, like=True)


@resolver("Mutation.unlikePost")
def unlike_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    return _liked(ctx, arguments, like=False)


@resolver("Post.viewerHasLiked")
def viewer_has_liked(
    ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
) -> bool | Awaitable[bool]:
    viewer = ctx.viewer
    return viewer is not None and ctx.loaders.has_liked_now_or_later(source.id, viewer.id)
