"""Blocks and mutes: idempotent, private to the viewer, effective on the very next read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import BadUserInput
from core.models import Page
from resolvers.inputs import PageArgs, UserIdTarget, parse
from resolvers.registry import resolver
from resolvers.visibility import refresh_after_change, visibility

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from core.models import UserProfile
    from resolvers.context import RequestContext


def _other(ctx: RequestContext, arguments: Mapping[str, Any], what: str) -> tuple[str, str]:
    viewer = ctx.require_viewer()
    other = parse(UserIdTarget, arguments).user_id
    if other == viewer.id:
        raise BadUserInput(f"You cannot {what} yourself")
    return viewer.id, other


async def _changed(
    ctx: RequestContext, arguments: Mapping[str, Any], what: str, change: Callable[[str, str], bool]
) -> UserProfile | None:
    """Apply the change; answer with the other person's profile (null if they have none)."""
    viewer, other = _other(ctx, arguments, what)
    change(viewer, other)
    refresh_after_change(ctx)
    return await ctx.loaders.user(other)


@resolver("Mutation.block")
async def block(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await _changed(ctx, arguments, "block", ctx.store.blocks.block)


@resolver("Mutation.unblock")
async def unblock(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await _changed(ctx, arguments, "unblock", ctx.store.blocks.unblock)


@resolver("Mutation.mute")
async def mute(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await _changed(ctx, arguments, "mute", ctx.store.blocks.mute)


@resolver("Mutation.unmute")
async def unmute(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await _changed(ctx, arguments, "unmute", ctx.store.blocks.unmute)


async def _people(ctx: RequestContext, page: Page[str]) -> Page[UserProfile]:
    # Not filtered: these are the people the viewer chose to hide, listed so they can undo it.
    profiles = await ctx.loaders.users(page.items)
    return Page(items=[p for p in profiles if p is not None], next_token=page.next_token)


@resolver("Query.blockedUsers")
async def blocked_users(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Page[UserProfile]:
    args = parse(PageArgs, arguments)
    viewer = ctx.require_viewer()
    return await _people(ctx, ctx.store.blocks.blocked(viewer.id, args.limit, args.next_token))


@resolver("Query.mutedUsers")
async def muted_users(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Page[UserProfile]:
    args = parse(PageArgs, arguments)
    viewer = ctx.require_viewer()
    return await _people(ctx, ctx.store.blocks.muted(viewer.id, args.limit, args.next_token))


@resolver("User.viewerBlocks")
async def viewer_blocks(
    ctx: RequestContext, source: UserProfile, _arguments: Mapping[str, Any]
) -> bool:
    return source.id in (await visibility(ctx)).blocks


@resolver("User.viewerMutes")
async def viewer_mutes(
    ctx: RequestContext, source: UserProfile, _arguments: Mapping[str, Any]
) -> bool:
    return source.id in (await visibility(ctx)).mutes
