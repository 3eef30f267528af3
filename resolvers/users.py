"""Users: profiles by id and the signed-in viewer's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolvers.inputs import UserIdArgs, parse
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Awaitable, Mapping

    from core.models import UserProfile
    from resolvers.context import RequestContext


@resolver("Query.user")
def user(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Awaitable[UserProfile | None]:
    args = parse(UserIdArgs, arguments)
    return ctx.loaders.users.load(args.id)


@resolver("Query.me")
def me(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> Awaitable[UserProfile | None]:
    viewer = ctx.require_viewer()
    return ctx.loaders.users.load(viewer.id)
