"""Every field's resolver as a typed handle, also registered as "Type.field" for AppSync.

The schema calls a field's handle (`resolvers.posts.create_post(ctx, None, arguments)`), so a
reader and mypy follow it from the schema to the function and know what it returns; the AppSync
door, which only has the field's name, finds the same handle in the registry. Three rules are
enforced here, once, rather than remembered in each resolver: root fields (Query, Mutation,
Subscription) need a viewer unless registered as public; fields registered for moderators
answer FORBIDDEN to everyone else; a suspended viewer's mutations answer FORBIDDEN with the
suspension's reason and end (docs/SAFETY.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from resolvers.context import RequestContext

S = TypeVar("S")
R = TypeVar("R")

ROOT_TYPES = frozenset({"Query", "Mutation", "Subscription"})


class Resolver(Generic[S, R]):
    """The resolver of one field: a function of (context, source, arguments) -> domain value."""

    __slots__ = ("_function", "_needs_standing", "_needs_viewer", "moderators", "name", "public")

    def __init__(
        self,
        name: str,
        function: Callable[[RequestContext, S, Mapping[str, Any]], R],
        *,
        public: bool = False,
        moderators: bool = False,
        suspended_too: bool = False,
    ) -> None:
        self.name = name
        self.public = public
        self.moderators = moderators
        self._function = function
        kind = name.partition(".")[0]
        self._needs_viewer = not public and kind in ROOT_TYPES
        self._needs_standing = kind == "Mutation" and not suspended_too

    def __call__(self, context: RequestContext, source: S, arguments: Mapping[str, Any]) -> R:
        if self._needs_viewer:
            context.require_viewer()
        if self.moderators:
            context.require_moderator()
        if self._needs_standing:
            context.require_standing()
        return self._function(context, source, arguments)

    def __repr__(self) -> str:
        return f"<resolver of {self.name}>"


_RESOLVERS: dict[str, Resolver[Any, Any]] = {}


def resolver(
    name: str, *, public: bool = False, moderators: bool = False, suspended_too: bool = False
) -> Callable[[Callable[[RequestContext, S, Mapping[str, Any]], R]], Resolver[S, R]]:
    """Make a function the resolver of `Type.field` (`moderators`: theirs alone;
    `suspended_too`: a mutation a suspended person may still make, as deleting their account)."""

    def register(function: Callable[[RequestContext, S, Mapping[str, Any]], R]) -> Resolver[S, R]:
        if name in _RESOLVERS:
            raise ValueError(f"{name} already has a resolver")
        handle = Resolver(
            name, function, public=public, moderators=moderators, suspended_too=suspended_too
        )
        _RESOLVERS[name] = handle
        return handle

    return register


def resolve(name: str, context: RequestContext, source: Any, arguments: Mapping[str, Any]) -> Any:
    """By name, for a door that only knows the field's name (AppSync)."""
    return _RESOLVERS[name](context, source, arguments)


def registered() -> Mapping[str, Resolver[Any, Any]]:
    return dict(_RESOLVERS)


def is_public(name: str) -> bool:
    return name in _RESOLVERS and _RESOLVERS[name].public


def for_moderators() -> frozenset[str]:
    return frozenset(name for name, handle in _RESOLVERS.items() if handle.moderators)
