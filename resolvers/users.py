"""Profiles: explicit creation with a unique handle, updates, and lookups by id or handle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import now_iso
from core.errors import BadUserInput
from core.models import Page, UserProfile
from resolvers.inputs import (
    CreateProfileInput,
    PageArgs,
    UpdateProfileInput,
    UserArgs,
    parse,
)
from resolvers.registry import resolver
from resolvers.uploads import attachable_media
from resolvers.visibility import visible_profile, visible_profiles

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from core.models import Comment, Post
    from resolvers.context import RequestContext


@resolver("Query.user")
async def user(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> UserProfile | None:
    args = parse(UserArgs, arguments)
    user_id = args.id or ctx.store.users.id_of_handle(args.handle or "")
    if user_id is None:
        return None
    return await visible_profile(ctx, ctx.loaders.user(user_id))


@resolver("Query.me")
async def me(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await ctx.loaders.user(ctx.require_viewer().id)


@resolver("Mutation.createProfile")
def create_profile(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> UserProfile:
    viewer = ctx.require_viewer()
    args = parse(CreateProfileInput, arguments.get("input"), at="input")
    profile = UserProfile(
        id=viewer.id,
        handle=args.handle,
        display_name=args.display_name,
        bio=args.bio,
        created_at=now_iso(),
    )
    return ctx.store.users.create(profile)


@resolver("Mutation.updateProfile")
def update_profile(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> UserProfile:
    viewer = ctx.require_viewer()
    args = parse(UpdateProfileInput, arguments.get("input"), at="input")
    avatar = None
    if args.avatar_upload_id is not None:
        (avatar,) = attachable_media(ctx, viewer, [args.avatar_upload_id])
        if not avatar.content_type.startswith("image/"):
            raise BadUserInput("input.avatarUploadId: must be an image")
    return ctx.store.users.update(
        viewer.id, display_name=args.display_name, bio=args.bio, avatar=avatar
    )


async def _author(
    ctx: RequestContext, source: Post | Comment, _arguments: Mapping[str, Any]
) -> UserProfile | None:
    """Null when the author has no profile; batched with every other lookup of the response."""
    return await ctx.loaders.user(source.author_id)


post_author = resolver("Post.author")(_author)
comment_author = resolver("Comment.author")(_author)


@resolver("User.viewerFollows")
async def viewer_follows(
    ctx: RequestContext, source: UserProfile, _arguments: Mapping[str, Any]
) -> bool:
    viewer = ctx.viewer
    if viewer is None or viewer.id == source.id:
        return False
    return await ctx.loaders.follows(viewer.id, source.id)


async def _profiles(
    ctx: RequestContext,
    ids: Callable[[str, int, str | None], Page[str]],
    user_id: str,
    arguments: Mapping[str, Any],
) -> Page[UserProfile]:
    """A page of users whose ids `ids` reads, their profiles batched in one request."""
    args = parse(PageArgs, arguments)
    return await visible_profiles(ctx, ids(user_id, args.limit, args.next_token))


@resolver("User.followers")
async def followers(
    ctx: RequestContext, source: UserProfile, arguments: Mapping[str, Any]
) -> Page[UserProfile]:
    return await _profiles(ctx, ctx.store.follows.followers, source.id, arguments)


@resolver("User.following")
async def following(
    ctx: RequestContext, source: UserProfile, arguments: Mapping[str, Any]
) -> Page[UserProfile]:
    return await _profiles(ctx, ctx.store.follows.following, source.id, arguments)
