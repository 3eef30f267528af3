"""Per-request batching over ONE DataLoader of table keys.

Profiles, posts, the viewer's likes and follows requested in the same tick share a single
BatchGetItem (100 keys a request, sent side by side), which is what keeps a feed page at two
round trips.
"""

from __future__ import annotations

import asyncio
import inspect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from strawberry.dataloader import DataLoader

from core.safety import NOTHING_HIDDEN
from store.repository import lookups

if TYPE_CHECKING:
    from collections.abc import Awaitable, Iterable

    from core.models import Comment, Post, UserProfile
    from core.safety import VisibilitySet
    from store.repository import Item, Lookup, Store, TableKey

T = TypeVar("T")


@dataclass
class Loaders:
    items: DataLoader[TableKey, Item | None]
    #: Visibility sets this request changed and read back consistently (resolvers/visibility.py).
    known: dict[str, VisibilitySet] = field(default_factory=dict)

    @classmethod
    def for_store(cls, store: Store, *, offload: bool = False) -> Loaders:
        """`offload`: each batch read on a thread, not on the event loop (RequestContext)."""

        async def load(keys: list[TableKey]) -> list[Item | None]:
            if offload:
                return await asyncio.to_thread(store.items.get_many, keys)
            return store.items.get_many(keys)

        return cls(items=DataLoader(load_fn=load))

    async def _load(self, lookup: Lookup[T]) -> T | None:
        item = await self.items.load(lookup.key)
        return lookup.decode(item) if item else None

    def _already_read(self, key: TableKey) -> tuple[bool, Item | None]:
        """(True, item) when this request's batch has read `key` already."""
        future = self.items.cache_map.get(key)
        if future is None or not future.done() or future.cancelled() or future.exception():
            return False, None
        return True, future.result()

    def _now_or_later(self, lookup: Lookup[T]) -> T | Awaitable[T | None] | None:
        """The value itself when this request's batch has read its item already, else an awaitable.

        A field answered with a value costs graphql-core no coroutine and no task of its own:
        a page whose resolver awaited the batch its fields need answers them all at once.
        """
        read, item = self._already_read(lookup.key)
        if not read:
            return self._load(lookup)
        return lookup.decode(item) if item else None

    def user_now_or_later(self, user_id: str) -> UserProfile | Awaitable[UserProfile | None] | None:
        return self._now_or_later(lookups.user(user_id))

    def _marked(self, lookup: Lookup[bool]) -> bool | Awaitable[bool]:
        """Whether a mark (a like, a bookmark, a repost) exists: at once when read already."""
        found = self._now_or_later(lookup)
        return _truth(found) if inspect.isawaitable(found) else bool(found)

    async def user(self, user_id: str) -> UserProfile | None:
        return await self._load(lookups.user(user_id))

    async def _load_many(self, wanted: list[Lookup[T]]) -> list[T | None]:
        """Several items as one awaitable (no task per item, unlike gathering `_load`)."""
        items = await self.items.load_many([lookup.key for lookup in wanted])
        return [
            lookup.decode(item) if item else None
            for lookup, item in zip(wanted, items, strict=True)
        ]

    async def posts(self, post_ids: list[str]) -> list[Post | None]:
        return await self._load_many([lookups.post(p) for p in post_ids])

    async def users(self, user_ids: Iterable[str]) -> list[UserProfile | None]:
        return await self._load_many([lookups.user(u) for u in user_ids])

    async def comments(self, keys: Iterable[tuple[str, str]]) -> list[Comment | None]:
        """Comments by (post id, comment id)."""
        return await self._load_many([lookups.comment(p, c) for p, c in keys])

    async def visibility(self, user_id: str) -> VisibilitySet:
        """The user's visibility set: one item, read once per request with whatever else."""
        if user_id in self.known:
            return self.known[user_id]
        return await self._load(lookups.visibility(user_id)) or NOTHING_HIDDEN

    def known_visibility(self, user_id: str, found: VisibilitySet) -> None:
        self.known[user_id] = found

    def _prime(self, wanted: Iterable[Lookup[Any]]) -> None:
        # Loads started now go out in the batch being gathered; the cache keeps the futures
        # for the fields that ask later. A failed batch fails the awaited load too.
        self.items.load_many(list(dict.fromkeys(lookup.key for lookup in wanted)))

    def prime_users(self, user_ids: Iterable[str]) -> None:
        self._prime(lookups.user(u) for u in user_ids)

    def prime_comments(self, keys: Iterable[tuple[str, str]]) -> None:
        self._prime(lookups.comment(p, c) for p, c in keys)

    def prime_posts(self, post_ids: Iterable[str]) -> None:
        self._prime(lookups.post(p) for p in post_ids)

    def prime_likes(self, post_ids: Iterable[str], user_id: str) -> None:
        self._prime(lookups.like(p, user_id) for p in post_ids)

    async def post(self, post_id: str) -> Post | None:
        return await self._load(lookups.post(post_id))

    async def comment(self, post_id: str, comment_id: str) -> Comment | None:
        return await self._load(lookups.comment(post_id, comment_id))

    def has_liked(self, post_id: str, user_id: str) -> bool | Awaitable[bool]:
        return self._marked(lookups.like(post_id, user_id))

    def has_liked_comment(
        self, post_id: str, comment_id: str, user_id: str
    ) -> bool | Awaitable[bool]:
        return self._marked(lookups.comment_like(post_id, comment_id, user_id))

    def prime_comment_likes(self, keys: Iterable[tuple[str, str]], user_id: str) -> None:
        self._prime(lookups.comment_like(p, c, user_id) for p, c in keys)

    def has_bookmarked(self, user_id: str, post_id: str) -> bool | Awaitable[bool]:
        return self._marked(lookups.bookmark(user_id, post_id))

    def prime_bookmarks(self, post_ids: Iterable[str], user_id: str) -> None:
        self._prime(lookups.bookmark(user_id, p) for p in post_ids)

    def has_reposted(self, post_id: str, user_id: str) -> bool | Awaitable[bool]:
        return self._marked(lookups.repost(post_id, user_id))

    def prime_reposts(self, post_ids: Iterable[str], user_id: str) -> None:
        self._prime(lookups.repost(p, user_id) for p in post_ids)

    async def follows(self, follower_id: str, followee_id: str) -> bool:
        follows: bool | None = await self._load(lookups.follow(follower_id, followee_id))
        return bool(follows)


async def _truth(found: Awaitable[bool | None]) -> bool:
    return bool(await found)
