"""One registry keyed "Type.field", shared by every front door so they cannot drift apart.

Root fields (Query, Mutation, Subscription) need a viewer unless registered as public: the
rule is enforced here, once, rather than remembered in each resolver.
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


def resolver(name: str, *, public: bool = False) -> Callable[[R], R]:
    """Register a function as the resolver of `Type.field`."""

    def register(function: R) -> R:
        if name in _RESOLVERS:
            raise ValueError(f"{name} already has a resolver")
        _RESOLVERS[name] = function
        if public:
            _PUBLIC.add(name)
        return function

    return register


def resolve(name: str, context: RequestContext, source: Any, arguments: Mapping[str, Any]) -> Any:
    if name not in _PUBLIC and name.partition(".")[0] in ROOT_TYPES:
        context.require_viewer()
    return _RESOLVERS[name](context, source, arguments)


def registered() -> Mapping[str, Resolver]:
    return dict(_RESOLVERS)


def is_public(name: str) -> bool:
    return name in _PUBLIC
