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


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_token: str | None
