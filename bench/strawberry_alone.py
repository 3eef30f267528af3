"""The least a Strawberry schema adds to the floor: the read rows' documents over ready objects.

A minimal schema with only the fields the benchmark documents select, plain attributes where
the real schema has them, synchronous resolvers for the root fields and `comments(limit)`,
Strawberry's parser and validation caches and no other extension. Its objects are built from
the floor's own answer before timing, so neither I/O nor the mapping into types is counted:
this is a lower bound for any server whose schema is Strawberry.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import strawberry
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.types import Info

from schema.scalars import AWSDateTime, schema_config


@strawberry.type
class Author:
    id: strawberry.ID | None = None
    handle: str = ""
    display_name: str = ""


@strawberry.type
class Comment:
    id: strawberry.ID
    body: str
    created_at: AWSDateTime
    author: Author | None


@strawberry.type
class CommentConnection:
    items: list[Comment]
    next_token: str | None


@strawberry.type
class Post:
    id: strawberry.ID | None = None
    title: str = ""
    body: str = ""
    like_count: int = 0
    comment_count: int = 0
    viewer_has_liked: bool = False
    created_at: AWSDateTime = AWSDateTime("")
    author: Author | None = None
    page_of_comments: strawberry.Private[CommentConnection | None] = None

    @strawberry.field
    def comments(self, limit: int = 20) -> CommentConnection | None:
        return self.page_of_comments


@strawberry.type
class FeedConnection:
    items: list[Post]
    next_token: str | None


@strawberry.enum
class ChangeType(enum.Enum):
    POST_CREATED = "POST_CREATED"
    POST_UPDATED = "POST_UPDATED"
    POST_DELETED = "POST_DELETED"
    COMMENT_ADDED = "COMMENT_ADDED"


@strawberry.type
class ChangeEvent:
    type: ChangeType
    post_id: strawberry.ID
    post: Post | None


@strawberry.type
class ChangeBatch:
    items: list[ChangeEvent]
    cursor: str


@dataclass
class Answers:
    """The root value: what each root field returns, built before timing."""

    feed: FeedConnection | None = None
    post: Post | None = None
    post_events: ChangeBatch | None = None


@strawberry.type
class Query:
    @strawberry.field
    def health(self) -> str:
        return "ok"

    @strawberry.field
    def feed(self, info: Info, limit: int = 20, next_token: str | None = None) -> FeedConnection:
        answers: Answers = info.root_value
        assert answers.feed is not None
        return answers.feed

    @strawberry.field
    def post(self, info: Info, id: strawberry.ID) -> Post | None:
        answers: Answers = info.root_value
        return answers.post

    @strawberry.field
    def post_events(self, info: Info, after: str | None = None, limit: int = 25) -> ChangeBatch:
        answers: Answers = info.root_value
        assert answers.post_events is not None
        return answers.post_events


SCHEMA = strawberry.Schema(
    query=Query, config=schema_config(), extensions=[ParserCache, ValidationCache]
)


def _author(data: dict[str, Any] | None) -> Author | None:
    if data is None:
        return None
    return Author(
        id=data.get("id"), handle=data.get("handle", ""), display_name=data.get("displayName", "")
    )


def _post(data: dict[str, Any] | None) -> Post | None:
    if data is None:
        return None
    comments = data.get("comments")
    return Post(
        id=data.get("id"),
        title=data.get("title", ""),
        body=data.get("body", ""),
        like_count=data.get("likeCount", 0),
        comment_count=data.get("commentCount", 0),
        viewer_has_liked=data.get("viewerHasLiked", False),
        created_at=AWSDateTime(data.get("createdAt", "")),
        author=_author(data.get("author")),
        page_of_comments=None
        if comments is None
        else CommentConnection(
            items=[
                Comment(
                    id=c["id"],
                    body=c["body"],
                    created_at=AWSDateTime(c["createdAt"]),
                    author=_author(c["author"]),
                )
                for c in comments["items"]
            ],
            next_token=comments["nextToken"],
        ),
    )


def answers_from(data: dict[str, Any]) -> Answers:
    """The root value that makes SCHEMA answer what the floor answered (`data` of its body)."""
    answers = Answers()
    if "feed" in data:
        page = data["feed"]
        items = [p for p in (_post(item) for item in page["items"]) if p is not None]
        answers.feed = FeedConnection(items=items, next_token=page["nextToken"])
    if "post" in data:
        answers.post = _post(data["post"])
    if "postEvents" in data:
        batch = data["postEvents"]
        answers.post_events = ChangeBatch(
            items=[
                ChangeEvent(type=ChangeType(e["type"]), post_id=e["postId"], post=_post(e["post"]))
                for e in batch["items"]
            ],
            cursor=batch["cursor"],
        )
    return answers


def executed(query: str, answers: Answers, variables: dict[str, Any]) -> dict[str, Any]:
    """One synchronous execution; its data, which must be free of errors."""
    result = SCHEMA.execute_sync(query, variable_values=variables, root_value=answers)
    assert not result.errors, result.errors
    assert result.data is not None
    return result.data
