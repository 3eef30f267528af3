"""Fields about the API itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.categories import CATEGORIES
from resolvers.registry import resolver

if TYPE_CHECKING:
    from collections.abc import Mapping

    from resolvers.context import RequestContext


@resolver("Query.health", public=True)
def health(_ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]) -> str:
    """Liveness without I/O: answers whether the function can run GraphQL at all."""
    return "ok"


@resolver("Query.categories")
def categories(_ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]) -> list[str]:
    return list(CATEGORIES)
