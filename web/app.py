"""The ASGI application: the GraphQL endpoint, around services its caller composed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import BaseRoute, Route, WebSocketRoute

from web.view import GraphQLView

if TYPE_CHECKING:
    from starlette.types import Lifespan
    from strawberry.schema import BaseSchema

    from web.loop_threads import LoopThreads
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
    threads: LoopThreads | None = None,
) -> Starlette:
    """The app. `playground` (local serve only) turns Strawberry's GraphiQL page into the one
    served; without it there is no playground. `threads`: where a long-lived server executes
    operations (web/view.py); the Lambda passes none."""
    settings = services.settings
    settings.require_cursor_secret()
    view = GraphQLView(schema, services, playground=playground, threads=threads)
    # The same path answers websockets (subscriptions) when a server holds them (uvicorn).
    routes: list[BaseRoute] = [Route(GRAPHQL_PATH, view), WebSocketRoute(GRAPHQL_PATH, view)]
    routes += extra_routes
    middleware = [cors(settings.cors_allow_origins)] if apply_cors else []
    return Starlette(routes=routes, middleware=middleware, lifespan=_closing(threads))


def _closing(threads: LoopThreads | None) -> Lifespan[Starlette] | None:
    if threads is None:
        return None

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        threads.close()

    return lifespan
