"""The ASGI application: the GraphQL endpoint, plus the dev issuer's JWKS in local serve."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from schema.build import build_schema
from web.ide import ASSETS, ASSETS_PATH
from web.services import Services
from web.view import GraphQLView

if TYPE_CHECKING:
    from starlette.requests import Request
    from strawberry.schema import BaseSchema

    from auth.dev_issuer import DevIssuer
    from core.config import Settings
    from store.media import MediaStorage
    from store.repository import Store

GRAPHQL_PATH = "/graphql"
JWKS_PATH = "/.well-known/jwks.json"


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
    settings: Settings,
    *,
    dev_issuer: DevIssuer | None = None,
    graphiql: bool = False,
    apply_cors: bool = False,
    playground_headers: dict[str, str] | None = None,
    store: Store | None = None,
    media: MediaStorage | None = None,
    services: Services | None = None,
    schema: BaseSchema | None = None,
    extra_routes: Sequence[BaseRoute] = (),
) -> Starlette:
    """The app; `dev_issuer` (local serve only) replaces AUTH_ISSUER and publishes its JWKS."""
    settings.require_cursor_secret()
    if services is None:
        services = Services(
            settings,
            store=store,
            media=media,
            verifier=dev_issuer.verifier() if dev_issuer is not None else None,
        )
    if schema is None:
        schema = build_schema(settings.limits, introspection=settings.introspection)
    view = GraphQLView(schema, services, graphiql=graphiql, playground_headers=playground_headers)
    # The same path answers websockets (subscriptions) when a server holds them (uvicorn).
    routes: list[BaseRoute] = [Route(GRAPHQL_PATH, view), WebSocketRoute(GRAPHQL_PATH, view)]
    if graphiql and ASSETS.is_dir():
        routes.append(Mount(ASSETS_PATH, StaticFiles(directory=ASSETS), name="playground"))
    if dev_issuer is not None:
        jwks = dev_issuer.jwks()

        async def serve_jwks(_request: Request) -> JSONResponse:
            return JSONResponse(jwks)

        routes.append(Route(JWKS_PATH, serve_jwks, methods=["GET"]))
    routes += extra_routes
    middleware = [cors(settings.cors_allow_origins)] if apply_cors else []
    return Starlette(routes=routes, middleware=middleware)
