"""Domain values passed between the store, the resolvers and the schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    author_id: str
    title: str
    body: str
    category: str
    created_at: str
    updated_at: str
    version: int
    like_count: int = 0
    comment_count: int = 0


@dataclass(frozen=True, slots=True)
class PostChanges:
    """Fields an update sets; None leaves a field as it is."""

    title: str | None = None
    body: str | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class UserProfile:
    id: str
    handle: str
    display_name: str
    created_at: str
    bio: str = ""
    follower_count: int = 0
    following_count: int = 0


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    post_id: str
    author_id: str
    body: str
    created_at: str


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One post in one user's home feed, written by the fan-out."""

    owner_id: str
    post_id: str
    author_id: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_token: str | None
