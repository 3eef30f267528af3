"""Arguments many fields share, their defaults and descriptions taken from core/limits.py."""

from __future__ import annotations

from typing import Annotated

import strawberry

from core.limits import PAGE, POLL

PageLimit = Annotated[int, strawberry.argument(description=PAGE.describe("Page size"))]
NextToken = Annotated[
    str | None, strawberry.argument(description="The `nextToken` of the previous page.")
]
PollLimit = Annotated[int, strawberry.argument(description=POLL.describe("Events per poll"))]
After = Annotated[
    str | None,
    strawberry.argument(
        description="The `cursor` of your previous poll; omit it to get a cursor at now."
    ),
]


def page_arguments(limit: int, next_token: str | None) -> dict[str, object]:
    """A connection's arguments as its resolver reads them (GraphQL's names)."""
    return {"limit": limit, "nextToken": next_token}
