"""The root types. Every field delegates to the resolver registry."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from resolvers.registry import resolve
from schema.inputs import CreatePostInput, UpdatePostInput
from schema.types import DeletedPost, NextToken, PageLimit, Post, PostConnection, User

Ctx = Info[RequestContext, None]


@strawberry.type
class Query:
    @strawberry.field(description="A post by id; null if there is none.")
    def post(self, info: Ctx, id: strawberry.ID) -> Post | None:
        found = resolve("Query.post", info.context, None, {"id": id})
        return Post.from_domain(found) if found else None

    @strawberry.field(
        description="Newest posts first, in one category or, without `category`, in all of them."
    )
    def posts(
        self,
        info: Ctx,
        category: str | None = None,
        limit: PageLimit = 20,
        next_token: NextToken = None,
    ) -> PostConnection:
        page = resolve(
            "Query.posts",
            info.context,
            None,
            {"category": category, "limit": limit, "nextToken": next_token},
        )
        return PostConnection.from_domain(page)

    @strawberry.field(description="A user by id; null if there is none.")
    async def user(self, info: Ctx, id: strawberry.ID) -> User | None:
        found = await resolve("Query.user", info.context, None, {"id": id})
        return User.from_domain(found) if found else None

    @strawberry.field(description="The signed-in user's profile; null if they have none yet.")
    async def me(self, info: Ctx) -> User | None:
        found = await resolve("Query.me", info.context, None, {})
        return User.from_domain(found) if found else None

    @strawberry.field(description="The category slugs a post may use.")
    def categories(self, info: Ctx) -> list[str]:
        found: list[str] = resolve("Query.categories", info.context, None, {})
        return found

    @strawberry.field(description='"ok" when the API can answer; needs no sign-in.')
    def health(self, info: Ctx) -> str:
        status: str = resolve("Query.health", info.context, None, {})
        return status


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Publish a post as the signed-in user.")
    def create_post(self, info: Ctx, input: CreatePostInput) -> Post:
        created = resolve(
            "Mutation.createPost", info.context, None, {"input": strawberry.asdict(input)}
        )
        return Post.from_domain(created)

    @strawberry.mutation(description="Change your own post; `expectedVersion` guards lost updates.")
    def update_post(self, info: Ctx, input: UpdatePostInput) -> Post:
        updated = resolve(
            "Mutation.updatePost", info.context, None, {"input": strawberry.asdict(input)}
        )
        return Post.from_domain(updated)

    @strawberry.mutation(description="Delete your own post.")
    def delete_post(self, info: Ctx, id: strawberry.ID) -> DeletedPost:
        deleted = resolve("Mutation.deletePost", info.context, None, {"id": id})
        return DeletedPost(id=strawberry.ID(deleted))
