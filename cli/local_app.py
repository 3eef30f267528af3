"""The composition root of local serve: the same app as the Lambda's, plus what only a developer's
machine has (the dev issuer's JWKS, the playground)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from cli import playground
from runtime.services import Services
from schema.build import build_schema
from web.app import create_app
from web.loop_threads import LoopThreads

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request

    from cli.dev_issuer import DevIssuer
    from core.config import Settings
    from store.media import MediaStorage
    from store.repository import Store

JWKS_PATH = "/.well-known/jwks.json"


def jwks_route(issuer: DevIssuer) -> Route:
    jwks = issuer.jwks()

    async def serve_jwks(_request: Request) -> JSONResponse:
        return JSONResponse(jwks)

    return Route(JWKS_PATH, serve_jwks, methods=["GET"])


def local_app(
    settings: Settings,
    *,
    dev_issuer: DevIssuer | None = None,
    graphiql: bool = False,
    apply_cors: bool = False,
    playground_headers: dict[str, str] | None = None,
    store: Store | None = None,
    media: MediaStorage | None = None,
    extra_routes: Sequence[BaseRoute] = (),
    server_threads: int = 0,
) -> Starlette:
    """`dev_issuer` replaces AUTH_ISSUER and publishes its JWKS; given collaborators win.
    `server_threads`: operations execute on a pool of that many threads, off the server's event
    loop (web/loop_threads.py); 0 runs them on the loop, as the Lambda does."""
    verifier = dev_issuer.verifier() if dev_issuer is not None else None
    services = Services(settings, store=store, media=media, verifier=verifier)
    schema = build_schema(settings.limits, introspection=settings.introspection)
    routes: list[BaseRoute] = []
    page = None
    if graphiql:
        page = playground.playground_page(playground_headers)
        routes += playground.asset_routes()
    if dev_issuer is not None:
        routes.append(jwks_route(dev_issuer))
    routes += extra_routes
    return create_app(
        services,
        schema,
        playground=page,
        apply_cors=apply_cors,
        extra_routes=routes,
        threads=LoopThreads(server_threads) if server_threads else None,
    )
