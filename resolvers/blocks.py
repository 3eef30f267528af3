"""Blocks and mutes: idempotent, private to the viewer, effective on the very next read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import BadUserInput
from core.models import Page
from resolvers.inputs import PageArgs, UserIdTarget, parse
from resolvers.registry import Resolver, resolver
from resolvers.visibility import refresh_after_change, visibility

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    from core.models import UserProfile
    from resolvers.context import RequestContext
    from store.repository import Store


def _other(ctx: RequestContext, arguments: Mapping[str, Any], what: str) -> tuple[str, str]:
    viewer = ctx.require_viewer()
    other = parse(UserIdTarget, arguments).user_id
    if other == viewer.id:
        raise BadUserInput(f"You cannot {what} yourself")
    return viewer.id, other


def _relation_change(
    field: str, what: str, change: Callable[[Store], Callable[[str, str], bool]]
) -> Resolver[None, Awaitable[UserProfile | None]]:
    """A mutation that blocks, mutes or lifts either: answered with the other person's profile
    (null if they have none)."""

    async def changed(
        ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
    ) -> UserProfile | None:
        viewer, other = _other(ctx, arguments, what)
        change(ctx.store)(viewer, other)
        refresh_after_change(ctx)
        return await ctx.loaders.user(other)

    return resolver(field)(changed)


block = _relation_change("Mutation.block", "block", lambda store: store.blocks.block)
unblock = _relation_change("Mutation.unblock", "unblock", lambda store: store.blocks.unblock)
mute = _relation_change("Mutation.mute", "mute", lambda store: store.blocks.mute)
unmute = _relation_change("Mutation.unmute", "unmute", lambda store: store.blocks.unmute)


def _hidden_people(
    field: str, listed: Callable[[Store], Callable[[str, int, str | None], Page[str]]]
) -> Resolver[None, Awaitable[Page[UserProfile]]]:
    """The people the viewer blocks or mutes, newest first. Not filtered by visibility: they
    are the very people the viewer chose to hide, listed so that it can be undone."""

    async def people(
        ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
    ) -> Page[UserProfile]:
        args = parse(PageArgs, arguments)
        page = listed(ctx.store)(ctx.require_viewer().id, args.limit, args.next_token)
        profiles = await ctx.loaders.users(page.items)
        return Page(items=[p for p in profiles if p is not None], next_token=page.next_token)

    return resolver(field)(people)


blocked_users = _hidden_people("Query.blockedUsers", lambda store: store.blocks.blocked)
muted_users = _hidden_people("Query.mutedUsers", lambda store: store.blocks.muted)


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
