"""Follows and likes: idempotent, exact counts, answered with the fresh object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import BadUserInput, PostNotFound
from resolvers.inputs import PostIdTarget, UserIdTarget, parse
from resolvers.registry import resolver
from store.users import ProfileNotFound

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Post, UserProfile
    from resolvers.context import RequestContext


def _followee(ctx: RequestContext, arguments: Mapping[str, Any]) -> tuple[str, str]:
    viewer = ctx.require_viewer()
    target = parse(UserIdTarget, arguments).user_id
    if target == viewer.id:
        raise BadUserInput("You cannot follow yourself")
    return viewer.id, target


def _profile(ctx: RequestContext, user_id: str) -> UserProfile:
    # Strongly consistent: the answer must include the change just made.
    profile = ctx.store.users.get(user_id, consistent=True)
    if profile is None:
        raise ProfileNotFound(user_id)
    return profile


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
    # Strongly consistent: the answer must include the change just made.
    post = ctx.store.posts.get(post_id, consistent=True)
    if post is None:
        raise PostNotFound(post_id)
    return post


@resolver("Mutation.likePost")
def like_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    viewer = ctx.require_viewer()
    post_id = parse(PostIdTarget, arguments).post_id
    # The author is checked with the like, in its transaction: neither may block the other.
    ctx.store.likes.like(post_id, viewer.id, _post(ctx, post_id).author_id)
    return _post(ctx, post_id)


@resolver("Mutation.unlikePost")
def unlike_post(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Post:
    viewer = ctx.require_viewer()
    post_id = parse(PostIdTarget, arguments).post_id
    ctx.store.likes.unlike(post_id, viewer.id)
    return _post(ctx, post_id)


@resolver("Post.viewerHasLiked")
async def viewer_has_liked(
    ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
) -> bool:
    viewer = ctx.viewer
    return viewer is not None and await ctx.loaders.has_liked(source.id, viewer.id)
