"""Everything a resolver may use for one request, built fresh per request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from strawberry.dataloader import DataLoader

from core.errors import Unauthenticated

if TYPE_CHECKING:
    from auth.viewer import Viewer
    from core.models import UserProfile
    from store.repository import Store


@dataclass
class Loaders:
    """Per-request batching: one BatchGetItem for every author a response needs."""

    users: DataLoader[str, UserProfile | None]

    @classmethod
    def for_store(cls, store: Store) -> Loaders:
        async def load_users(ids: list[str]) -> list[UserProfile | None]:
            found = store.users.get_many(ids)
            return [found.get(uid) for uid in ids]

        return cls(users=DataLoader(load_fn=load_users))


@dataclass
class RequestContext:
    store: Store
    #: The door's way of finding the caller (bearer token, gateway claims, AppSync identity).
    #: Called at most once, and only when a resolver asks; None means anonymous.
    identify: Callable[[], Viewer | None]
    request_id: str
    moderator_group: str = "moderators"
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders.for_store(self.store)

    @cached_property
    def viewer(self) -> Viewer | None:
        return self.identify()

    def require_viewer(self) -> Viewer:
        viewer = self.viewer
        if viewer is None:
            raise Unauthenticated("no credentials")
        return viewer

    def is_moderator(self, viewer: Viewer) -> bool:
        return self.moderator_group in viewer.groups
