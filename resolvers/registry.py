"""One registry keyed "Type.field", shared by every front door so they cannot drift apart.

Three rules are enforced here, once, rather than remembered in each resolver: root fields
(Query, Mutation, Subscription) need a viewer unless registered as public; fields registered
for moderators answer FORBIDDEN to everyone else; and a suspended viewer's mutations answer
FORBIDDEN with the suspension's reason and end.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from resolvers.context import RequestContext

Resolver = Callable[["RequestContext", Any, Mapping[str, Any]], Any]
R = TypeVar("R", bound=Resolver)

ROOT_TYPES = frozenset({"Query", "Mutation", "Subscription"})

_RESOLVERS: dict[str, Resolver] = {}
_PUBLIC: set[str] = set()
_MODERATORS: set[str] = set()


def resolver(name: str, *, public: bool = False, moderators: bool = False) -> Callable[[R], R]:
    """Register a function as the resolver of `Type.field` (`moderators`: theirs only)."""

    def register(function: R) -> R:
        if name in _RESOLVERS:
            raise ValueError(f"{name} already has a resolver")
        _RESOLVERS[name] = function
        if public:
            _PUBLIC.add(name)
        if moderators:
            _MODERATORS.add(name)
        return function

    return register


def resolve(name: str, context: RequestContext, source: Any, arguments: Mapping[str, Any]) -> Any:
    kind = name.partition(".")[0]
    if name not in _PUBLIC and kind in ROOT_TYPES:
        context.require_viewer()
    if name in _MODERATORS:
        context.require_moderator()
    if kind == "Mutation":
        context.require_standing()
    return _RESOLVERS[name](context, source, arguments)


def registered() -> Mapping[str, Resolver]:
    return dict(_RESOLVERS)


def is_public(name: str) -> bool:
    return name in _PUBLIC


def for_moderators() -> frozenset[str]:
    return frozenset(_MODERATORS)
