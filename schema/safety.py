"""Blocks and mutes: root fields mixed into Query and Mutation (schema/operations.py)."""

from __future__ import annotations

import strawberry

import resolvers.blocks
from core.limits import PAGE
from schema.arguments import NextToken, PageLimit, page_arguments
from schema.types import Ctx, User, UserConnection


@strawberry.type
class SafetyQuery:
    @strawberry.field(description="Whom you block, newest first; nobody else can see this list.")
    async def blocked_users(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> UserConnection:
        page = await resolvers.blocks.blocked_users(
            info.context, None, page_arguments(limit, next_token)
        )
        return UserConnection.from_domain(page)

    @strawberry.field(description="Whom you mute, newest first; nobody else can see this list.")
    async def muted_users(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> UserConnection:
        page = await resolvers.blocks.muted_users(
            info.context, None, page_arguments(limit, next_token)
        )
        return UserConnection.from_domain(page)


@strawberry.type
class SafetyMutation:
    @strawberry.mutation(
        description=(
            "Block a user: follows between you end, neither can follow, like or comment on the "
            "other's content, and each disappears from the other's reads. Idempotent. Answers "
            "their profile (null if they have none)."
        )
    )
    async def block(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        return User.maybe(await resolvers.blocks.block(info.context, None, {"userId": user_id}))

    @strawberry.mutation(description="Lift a block (follows are not restored). Idempotent.")
    async def unblock(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        found = await resolvers.blocks.unblock(info.context, None, {"userId": user_id})
        return User.maybe(found)

    @strawberry.mutation(
        description=(
            "Mute a user: their posts and comments disappear from your reads only; they cannot "
            "tell. Idempotent."
        )
    )
    async def mute(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        return User.maybe(await resolvers.blocks.mute(info.context, None, {"userId": user_id}))

    @strawberry.mutation(description="Stop muting a user. Idempotent.")
    async def unmute(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        found = await resolvers.blocks.unmute(info.context, None, {"userId": user_id})
        return User.maybe(found)
