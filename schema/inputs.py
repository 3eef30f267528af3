"""Input types. Limits are enforced by the resolvers' pydantic models and stated here."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A new post.")
class CreatePostInput:
    title: str = strawberry.field(description="1 to 200 characters.")
    category: str = strawberry.field(description="A category slug, see `categories`.")
    body: str = strawberry.field(default="", description="Up to 10,000 characters.")
    client_request_token: str | None = strawberry.field(
        default=None,
        description=(
            "8 to 64 of [A-Za-z0-9_-]. Retrying with the same token returns the same post "
            "instead of creating another (remembered for 24 hours)."
        ),
    )


@strawberry.input(description="Changes to a post; fields left out stay as they are.")
class UpdatePostInput:
    id: strawberry.ID
    expected_version: int = strawberry.field(
        description="The version you last read; a stale one fails with CONFLICT."
    )
    title: str | None = None
    body: str | None = None
    category: str | None = None
