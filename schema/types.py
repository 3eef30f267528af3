"""Output types. Each maps one domain value; field resolvers go through the registry."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from core import models
from resolvers.context import RequestContext
from resolvers.registry import resolve
from schema.scalars import AWSDateTime

PageLimit = Annotated[int, strawberry.argument(description="Page size, 1 to 100.")]
NextToken = Annotated[
    str | None, strawberry.argument(description="The `nextToken` of the previous page.")
]


@strawberry.type(description="A member of the community.")
class User:
    id: strawberry.ID
    handle: str
    display_name: str
    created_at: AWSDateTime
    _profile: strawberry.Private[models.UserProfile]

    @classmethod
    def from_domain(cls, profile: models.UserProfile) -> User:
        return cls(
            id=strawberry.ID(profile.id),
            handle=profile.handle,
            display_name=profile.display_name,
            created_at=AWSDateTime(profile.created_at),
            _profile=profile,
        )

    @strawberry.field(description="The user's posts, newest first.")
    def posts(
        self,
        info: Info[RequestContext, None],
        limit: PageLimit = 20,
        next_token: NextToken = None,
    ) -> PostConnection:
        page = resolve(
            "User.posts", info.context, self._profile, {"limit": limit, "nextToken": next_token}
        )
        return PostConnection.from_domain(page)


@strawberry.type(description="A post in one category.")
class Post:
    id: strawberry.ID
    title: str
    body: str
    category: str
    created_at: AWSDateTime
    updated_at: AWSDateTime
    version: int = strawberry.field(
        description="Increments on every update; send it back as `expectedVersion`."
    )
    _post: strawberry.Private[models.Post]

    @classmethod
    def from_domain(cls, post: models.Post) -> Post:
        return cls(
            id=strawberry.ID(post.id),
            title=post.title,
            body=post.body,
            category=post.category,
            created_at=AWSDateTime(post.created_at),
            updated_at=AWSDateTime(post.updated_at),
            version=post.version,
            _post=post,
        )

    @strawberry.field(description="The author; null when the author has no profile.")
    async def author(self, info: Info[RequestContext, None]) -> User | None:
        profile = await resolve("Post.author", info.context, self._post, {})
        return User.from_domain(profile) if profile else None


@strawberry.type(description="One page of posts.")
class PostConnection:
    items: list[Post]
    next_token: str | None = strawberry.field(
        description="Pass as `nextToken` for the next page; null on the last page."
    )

    @classmethod
    def from_domain(cls, page: models.Page[models.Post]) -> PostConnection:
        return cls(items=[Post.from_domain(p) for p in page.items], next_token=page.next_token)


@strawberry.type(description="What `deletePost` removed.")
class DeletedPost:
    id: strawberry.ID
