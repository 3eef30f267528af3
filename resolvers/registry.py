"""One registry keyed "Type.field", shared by every front door so they cannot drift apart."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from resolvers.context import RequestContext

Resolver = Callable[["RequestContext", Any, Mapping[str, Any]], Any]
R = TypeVar("R", bound=Resolver)

_RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[R], R]:
    """Register a function as the resolver of `Type.field`."""

    def register(function: R) -> R:
        if name in _RESOLVERS:
            raise ValueError(f"{name} already has a resolver")
        _RESOLVERS[name] = function
        return function

    return register


def resolve(name: str, context: RequestContext, source: Any, arguments: Mapping[str, Any]) -> Any:
    return _RESOLVERS[name](context, source, arguments)


def registered() -> Mapping[str, Resolver]:
    return dict(_RESOLVERS)
