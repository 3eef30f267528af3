"""The ASGI application: the GraphQL endpoint, around services its caller composed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import BaseRoute, Route, WebSocketRoute

from web.view import GraphQLView

if TYPE_CHECKING:
    from strawberry.schema import BaseSchema

    from web.view import HttpServices

GRAPHQL_PATH = "/graphql"

#: What a browser may send: the token and JSON. Credentials (cookies) are never allowed.
CORS_HEADERS = ("authorization", "content-type")


def cors(origins: Sequence[str]) -> Middleware:
    """Local serve's CORS; in AWS, API Gateway answers preflights from the same list."""
    return Middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=["GET", "POST"],
        allow_headers=list(CORS_HEADERS),
        allow_credentials=False,
        max_age=600,
    )


def create_app(
    services: HttpServices,
    schema: BaseSchema,
    *,
    playground: Callable[[str], str] | None = None,
    apply_cors: bool = False,
    extra_routes: Sequence[BaseRoute] = (),
) -> Starlette:
    """The app. `playground` (local serve only) turns Strawberry's GraphiQL page into the one
    served; without it there is no playground."""
    settings = services.settings
    settings.require_cursor_secret()
    view = GraphQLView(schema, services, playground=playground)
    # The same path answers websockets (subscriptions) when a server holds them (uvicorn).
    routes: list[BaseRoute] = [Route(GRAPHQL_PATH, view), WebSocketRoute(GRAPHQL_PATH, view)]
    routes += extra_routes
    middleware = [cors(settings.cors_allow_origins)] if apply_cors else []
    return Starlette(routes=routes, middleware=middleware)
