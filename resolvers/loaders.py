"""Per-request batching over ONE DataLoader of table keys.

Profiles, posts, the viewer's likes and follows requested in the same tick share a single
BatchGetItem (up to 100 keys), which is what keeps a feed page at three requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from strawberry.dataloader import DataLoader

from store.repository import lookups

if TYPE_CHECKING:
    from core.models import Comment, Post, UserProfile
    from store.repository import Item, Lookup, Store, TableKey

T = TypeVar("T")


@dataclass
class Loaders:
    items: DataLoader[TableKey, Item | None]

    @classmethod
    def for_store(cls, store: Store) -> Loaders:
        async def load(keys: list[TableKey]) -> list[Item | None]:
            return store.items.get_many(keys)

        return cls(items=DataLoader(load_fn=load))

    async def _load(self, lookup: Lookup[T]) -> T | None:
        item = await self.items.load(lookup.key)
        return lookup.decode(item) if item else None

    async def user(self, user_id: str) -> UserProfile | None:
        return await self._load(lookups.user(user_id))

    async def posts(self, post_ids: list[str]) -> list[Post | None]:
        """Several posts as one awaitable (no task per post, unlike gathering `post`)."""
        wanted = [lookups.post(p) for p in post_ids]
        items = await self.items.load_many([lookup.key for lookup in wanted])
        return [
            lookup.decode(item) if item else None
            for lookup, item in zip(wanted, items, strict=True)
        ]

    async def post(self, post_id: str) -> Post | None:
        return await self._load(lookups.post(post_id))

    async def comment(self, post_id: str, comment_id: str) -> Comment | None:
        return await self._load(lookups.comment(post_id, comment_id))

    async def has_liked(self, post_id: str, user_id: str) -> bool:
        liked: bool | None = await self._load(lookups.like(post_id, user_id))
        return bool(liked)

    async def follows(self, follower_id: str, followee_id: str) -> bool:
        follows: bool | None = await self._load(lookups.follow(follower_id, followee_id))
        return bool(follows)
