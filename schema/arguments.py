"""Arguments many fields share, their defaults and descriptions taken from core/limits.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from core.limits import EDITS, MODERATOR_REASON, PAGE, POLL, REPLIES
from core.models import CommentOrder
from schema.selection import item_fields

if TYPE_CHECKING:
    from strawberry.types import Info

strawberry.enum(CommentOrder, description="How a post's comments are sorted.")

PageLimit = Annotated[int, strawberry.argument(description=PAGE.describe("Page size"))]
NextToken = Annotated[
    str | None, strawberry.argument(description="The `nextToken` of the previous page.")
]
RepliesLimit = Annotated[int, strawberry.argument(description=REPLIES.describe("Replies"))]
EditsLimit = Annotated[int, strawberry.argument(description=EDITS.describe("Versions"))]
PollLimit = Annotated[int, strawberry.argument(description=POLL.describe("Events per poll"))]
RemovalReason = Annotated[
    str | None,
    strawberry.argument(
        description="Why, for the audit log, when a moderator deletes someone else's content "
        f"(ignored otherwise). {MODERATOR_REASON.describe()}"
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="The `cursor` of your previous poll; omit it to get a cursor at now."
    ),
]


def page_arguments(
    limit: int, next_token: str | None, info: Info[Any, Any] | None = None
) -> dict[str, object]:
    """A connection's arguments as its resolver reads them (GraphQL's names); with `info`, the
    hint of what each item's selection will load (resolvers/visibility.py)."""
    arguments: dict[str, object] = {"limit": limit, "nextToken": next_token}
    if info is not None:
        arguments["prefetch"] = item_fields(info)
    return arguments


def poll_arguments(after: str | None, limit: int, info: Info[Any, Any]) -> dict[str, object]:
    """A poll's arguments as its resolver reads them, with the hint of what its items load."""
    return {"after": after, "limit": limit, "prefetch": item_fields(info)}
