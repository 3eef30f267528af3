"""Everything a resolver may use for one request, built fresh per request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from core.clock import now_iso
from core.errors import NotModerator, Suspended, Unauthenticated
from core.safety import NO_REASON_GIVEN, Removal
from resolvers.loaders import Loaders

if TYPE_CHECKING:
    from auth.viewer import Viewer
    from core.config import Settings
    from core.models import Comment, CommentOrder, Page
    from core.safety import Suspension
    from store.repository import MediaStorage, Store


class Backends(Protocol):
    """Where the settings, the store and the bucket come from: created on first use, once per
    container, by the composition root (runtime.services.Services)."""

    @property
    def settings(self) -> Settings: ...

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
    #: First comment pages read together with their post: post id -> ((limit, order), page).
    prefetched_comments: dict[str, tuple[tuple[int, CommentOrder], Page[Comment]]] = field(
        default_factory=dict
    )
    #: What a websocket client sent in `connection_init` (Strawberry fills it in).
    connection_params: dict[str, Any] = field(default_factory=dict)
    #: The loaders' reads go to a thread: set for what runs on a long-lived server's own event
    #: loop (websocket subscriptions), where a synchronous call would hold every connection.
    offload_reads: bool = False
    _identified: bool = field(default=False, init=False, repr=False)
    _viewer: Viewer | None = field(default=None, init=False, repr=False)
    _loaders: Loaders | None = field(default=None, init=False, repr=False)

    # Lazy, so a request that touches no data (a cold start's health check) creates no client.
    @cached_property
    def store(self) -> Store:
        return self.backends.store

    @cached_property
    def media(self) -> MediaStorage:
        """The uploads bucket (S3 I/O and presigning)."""
        return self.backends.media

    @property
    def loaders(self) -> Loaders:
        if self._loaders is None:
            self._loaders = Loaders.for_store(self.store, offload=self.offload_reads)
        return self._loaders

    def renew_loaders(self) -> None:
        """Forget what the loaders read: for contexts that outlive a request (subscriptions)."""
        self._loaders = None

    @property
    def viewer(self) -> Viewer | None:
        if not self._identified:
            self._viewer = self.identify()
            self._identified = True
        return self._viewer

    @property
    def known_viewer_id(self) -> str | None:
        """The viewer's id if this request asked who it is; never asks (for logs)."""
        return self._viewer.id if self._viewer is not None else None

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
            raise NotModerator()
        return viewer

    @cached_property
    def suspension(self) -> Suspension | None:
        """The viewer's suspension if one is in force now: one read, at most once a request."""
        viewer = self.require_viewer()
        found = self.store.moderation.suspension(viewer.id)
        return found if found is not None and found.active_at(now_iso()) else None

    def require_standing(self) -> None:
        """Every write of a suspended viewer is refused, with the reason and the end."""
        suspension = self.suspension if self.viewer is not None else None
        if suspension is not None:
            raise Suspended(suspension.reason, suspension.until)

    def removal(self, reason: str | None) -> Removal | None:
        """A moderator's delete, to be audited if the content is someone else's."""
        viewer = self.require_viewer()
        if not self.is_moderator(viewer):
            return None
        return Removal(viewer.id, reason or NO_REASON_GIVEN)

    def deleting_as(self) -> str | None:
        """The author a delete must match: the viewer, or nobody for moderators, who delete
        anyone's posts and comments."""
        viewer = self.require_viewer()
        return None if self.is_moderator(viewer) else viewer.id
