"""Everything a resolver may use for one request, built fresh per request."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from strawberry.dataloader import DataLoader

from auth.tokens import bearer_token
from core.errors import Unauthenticated

if TYPE_CHECKING:
    from auth.tokens import TokenVerifier
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
    verifier: TokenVerifier | None
    authorization: str | None
    request_id: str
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders.for_store(self.store)

    @cached_property
    def viewer(self) -> Viewer | None:
        """The caller, or None when anonymous. A token that fails validation is an error."""
        token = bearer_token(self.authorization)
        if token is None:
            return None
        if self.verifier is None:
            raise Unauthenticated("This deployment has no token issuer configured")
        return self.verifier.verify(token)

    def require_viewer(self) -> Viewer:
        viewer = self.viewer
        if viewer is None:
            raise Unauthenticated("Sign in: this operation needs a bearer token")
        return viewer
