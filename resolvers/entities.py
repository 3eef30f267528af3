"""Mentions linked to the people they name: `@handle`s that exist, with their offsets."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.entities import mentions
from core.limits import MENTIONS_PER_TEXT
from resolvers.registry import resolver
from store.repository import handle_owner

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Comment, Post, UserProfile
    from resolvers.context import RequestContext


@dataclass(frozen=True, slots=True)
class LinkedMention:
    user: UserProfile
    start: int
    end: int


async def linked(ctx: RequestContext, text: str) -> list[LinkedMention]:
    """The text's mentions of existing people: their handles in one batch, then the people
    (with whatever else the response loads)."""
    found = mentions(text)[:MENTIONS_PER_TEXT]
    if not found:
        return []

    async def owner(handle: str) -> str | None:
        lookup = handle_owner(handle)
        item = await ctx.loaders.items.load(lookup.key)
        return lookup.decode(item) if item else None

    owners = await asyncio.gather(*(owner(m.handle) for m in found))
    people = await asyncio.gather(*(ctx.loaders.user(o) for o in owners if o is not None))
    by_id = {p.id: p for p in people if p is not None}
    return [
        LinkedMention(by_id[o], m.start, m.end)
        for m, o in zip(found, owners, strict=True)
        if o is not None and o in by_id
    ]


@resolver("Post.mentions")
async def post_mentions(
    ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]
) -> list[LinkedMention]:
    return await linked(ctx, source.body)


@resolver("Comment.mentions")
async def comment_mentions(
    ctx: RequestContext, source: Comment, _arguments: Mapping[str, Any]
) -> list[LinkedMention]:
    return await linked(ctx, source.body)
