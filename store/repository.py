"""The store as the resolvers see it: one object per container holding every repository."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.cursors import CursorCodec
from store.posts import PostRepository
from store.users import UserRepository

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@dataclass(frozen=True, slots=True)
class Store:
    posts: PostRepository
    users: UserRepository

    @classmethod
    def connect(cls, client: DynamoDBClient, table_name: str, cursor_secret: bytes) -> Store:
        cursors = CursorCodec(cursor_secret)
        return cls(
            posts=PostRepository(client, table_name, cursors),
            users=UserRepository(client, table_name),
        )
