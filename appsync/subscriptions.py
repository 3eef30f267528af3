"""AppSync's subscriptions, checked when a client subscribes.

AppSync calls a subscription field's resolver once, at subscribe time, and never on delivery: an
error refuses the subscription, and null lets AppSync deliver the matching signals from then on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import BadUserInput, Forbidden

if TYPE_CHECKING:
    from collections.abc import Mapping

    from resolvers.context import RequestContext

#: The subscriptions schema/appsync_sdl.py declares.
SUBSCRIPTIONS = frozenset({"onPostEvent", "onNotification"})


def subscribe(field: str, arguments: Mapping[str, Any], ctx: RequestContext) -> None:
    """None lets the subscription start; a raised domain error refuses it."""
    viewer = ctx.require_viewer()
    if field not in SUBSCRIPTIONS:
        raise BadUserInput(f"No subscription {field}")
    if field == "onNotification" and arguments.get("recipientId") != viewer.id:
        raise Forbidden("onNotification delivers your own notifications: pass your own id")
