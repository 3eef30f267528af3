"""Everything a resolver may use for one request, built fresh per request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from strawberry.dataloader import DataLoader

from core.clock import now_iso
from core.errors import Forbidden, Unauthenticated
from core.safety import Suspended
from store.blocks import visibility_from_item
from store.codecs import comment_from_item, post_from_item, user_from_item
from store.keys import comment_key, follow_key, like_key, post_key, user_key
from store.safety_keys import visibility_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from auth.viewer import Viewer
    from core.config import Settings
    from core.models import Comment, Page, Post, UserProfile
    from core.safety import Suspension, VisibilitySet
    from store.items import TableKey
    from store.media import MediaStorage
    from store.repository import Store


def _table_key(key: dict[str, str]) -> TableKey:
    return key["PK"], key["SK"]


@dataclass
class Loaders:
    """Per-request batching over ONE DataLoader of table keys.

    Profiles, posts, the viewer's likes and follows requested in the same tick share a single
    BatchGetItem (up to 100 keys), which is what keeps a feed page at three requests.
    """

    items: DataLoader[TableKey, dict[str, Any] | None]
    #: Visibility sets this request changed and read back consistently (see visibility.py).
    known: dict[str, VisibilitySet] = field(default_factory=dict)

    @classmethod
    def for_store(cls, store: Store) -> Loaders:
        async def load(keys: list[TableKey]) -> list[dict[str, Any] | None]:
            return store.items.get_many(keys)

        return cls(items=DataLoader(load_fn=load))

    async def user(self, user_id: str) -> UserProfile | None:
        item = await self.items.load(_table_key(user_key(user_id)))
        return user_from_item(item) if item else None

    async def posts(self, post_ids: list[str]) -> list[Post | None]:
        """Several posts as one awaitable (no task per post, unlike gathering `post`)."""
        items = await self.items.load_many([_table_key(post_key(p)) for p in post_ids])
        return [post_from_item(item) if item else None for item in items]

    async def post(self, post_id: str) -> Post | None:
        item = await self.items.load(_table_key(post_key(post_id)))
        return post_from_item(item) if item else None

    async def comment(self, key: dict[str, str]) -> Comment | None:
        item = await self.items.load(_table_key(key))
        return comment_from_item(item) if item else None

    async def users(self, user_ids: Iterable[str]) -> list[UserProfile | None]:
        items = await self.items.load_many([_table_key(user_key(u)) for u in user_ids])
        return [user_from_item(item) if item else None for item in items]

    async def comments(self, keys: Iterable[tuple[str, str]]) -> list[Comment | None]:
        """Comments by (post id, comment id), as one awaitable."""
        table_keys = [_table_key(comment_key(post_id, cid)) for post_id, cid in keys]
        items = await self.items.load_many(table_keys)
        return [comment_from_item(item) if item else None for item in items]

    async def visibility(self, user_id: str) -> VisibilitySet:
        """The user's visibility set: one item, read once per request with whatever else."""
        if user_id in self.known:
            return self.known[user_id]
        return visibility_from_item(await self.items.load(_table_key(visibility_key(user_id))))

    def known_visibility(self, user_id: str, found: VisibilitySet) -> None:
        self.known[user_id] = found

    def _prime(self, keys: Iterable[TableKey]) -> None:
        # Loads started now go out in the batch being gathered; the cache keeps the futures
        # for the fields that ask later. A failed batch fails the awaited load too.
        self.items.load_many(list(dict.fromkeys(keys)))

    def prime_users(self, user_ids: Iterable[str]) -> None:
        self._prime(_table_key(user_key(u)) for u in user_ids)

    def prime_posts(self, post_ids: Iterable[str]) -> None:
        self._prime(_table_key(post_key(p)) for p in post_ids)

    def prime_likes(self, post_ids: Iterable[str], user_id: str) -> None:
        self._prime(_table_key(like_key(p, user_id)) for p in post_ids)

    async def has_liked(self, post_id: str, user_id: str) -> bool:
        return await self.items.load(_table_key(like_key(post_id, user_id))) is not None

    async def follows(self, follower_id: str, followee_id: str) -> bool:
        return await self.items.load(_table_key(follow_key(follower_id, followee_id))) is not None


class Backends(Protocol):
    """Where the store and the bucket come from: created on first use, once per container."""

    @property
    def store(self) -> Store: ...

    @property
    def media(self) -> MediaStorage: ...


@dataclass
class RequestContext:
    backends: Backends
    #: The door's way of finding the caller (bearer token, gateway claims, AppSync identity).
    #: Called at most once, and only when a resolver asks; None means anonymous.
    identify: Callable[[], Viewer | None]
    request_id: str
    settings: Settings
    #: First comment pages read together with their post: post id -> (limit, page).
    prefetched_comments: dict[str, tuple[int, Page[Comment]]] = field(default_factory=dict)
    #: What a websocket client sent in `connection_init` (Strawberry fills it in).
    connection_params: dict[str, Any] = field(default_factory=dict)

    # Lazy, so a request that touches no data (a cold start's health check) creates no client.
    @cached_property
    def store(self) -> Store:
        return self.backends.store

    @cached_property
    def media(self) -> MediaStorage:
        """The uploads bucket (S3 I/O and presigning)."""
        return self.backends.media

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders.for_store(self.store)

    def renew_loaders(self) -> None:
        """Forget what the loaders read: for contexts that outlive a request (subscriptions)."""
        self.__dict__.pop("loaders", None)

    @cached_property
    def viewer(self) -> Viewer | None:
        return self.identify()

    def require_viewer(self) -> Viewer:
        viewer = self.viewer
        if viewer is None:
            raise Unauthenticated("no credentials")
        return viewer

    def is_moderator(self, viewer: Viewer) -> bool:
        return self.settings.moderator_group in viewer.groups

    def require_moderator(self) -> Viewer:
        viewer = self.require_viewer()
        if not self.is_moderator(viewer):
            raise Forbidden("Only moderators may do this")
        return viewer

    @cached_property
    def suspension(self) -> Suspension | None:
        """The viewer's suspension if one is in force now: one read, at most once a request."""
        viewer = self.require_viewer()
        found = self.store.moderation.suspension(viewer.id)
        return found if found is not None and found.active_at(now_iso()) else None

    def require_standing(self) -> None:
        """Every write of a suspended viewer is refused, with the reason and the end."""
        if self.viewer is not None and self.suspension is not None:
            raise Suspended(self.suspension)
