"""Blocks and mutes: root fields mixed into Query and Mutation (schema/operations.py)."""

from __future__ import annotations

import strawberry

from resolvers.registry import resolve
from schema.types import DEFAULT_PAGE, Ctx, NextToken, PageLimit, User, UserConnection


@strawberry.type
class SafetyQuery:
    @strawberry.field(description="Whom you block, newest first; nobody else can see this list.")
    async def blocked_users(
        self, info: Ctx, limit: PageLimit = DEFAULT_PAGE, next_token: NextToken = None
    ) -> UserConnection:
        arguments = {"limit": limit, "nextToken": next_token}
        return UserConnection.from_domain(
            await resolve("Query.blockedUsers", info.context, None, arguments)
        )

    @strawberry.field(description="Whom you mute, newest first; nobody else can see this list.")
    async def muted_users(
        self, info: Ctx, limit: PageLimit = DEFAULT_PAGE, next_token: NextToken = None
    ) -> UserConnection:
        arguments = {"limit": limit, "nextToken": next_token}
        return UserConnection.from_domain(
            await resolve("Query.mutedUsers", info.context, None, arguments)
        )


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
        return User.maybe(await resolve("Mutation.block", info.context, None, {"userId": user_id}))

    @strawberry.mutation(description="Lift a block (follows are not restored). Idempotent.")
    async def unblock(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        found = await resolve("Mutation.unblock", info.context, None, {"userId": user_id})
        return User.maybe(found)

    @strawberry.mutation(
        description=(
            "Mute a user: their posts and comments disappear from your reads only; they cannot "
            "tell. Idempotent."
        )
    )
    async def mute(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        return User.maybe(await resolve("Mutation.mute", info.context, None, {"userId": user_id}))

    @strawberry.mutation(description="Stop muting a user. Idempotent.")
    async def unmute(self, info: Ctx, user_id: strawberry.ID) -> User | None:
        found = await resolve("Mutation.unmute", info.context, None, {"userId": user_id})
        return User.maybe(found)
