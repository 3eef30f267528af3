"""The app `agora serve` runs, built the same way in its own process or in each uvicorn worker.

A worker is a fresh interpreter (uvicorn spawns them): it reads what the serving process
decided from the environment, which it inherits (endpoints, secrets, CORS, the data directory
holding the dev issuer's key), and builds its own app, store and clients around it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cli.demo import DEMO_USERS
from cli.dev_issuer import DevIssuer
from cli.local import DEFAULT_THREADS, data_dir
from cli.local_app import local_app
from cli.loopback import loopback_only
from cli.web_client import web_client_routes
from core import logs
from core.config import Settings

if TYPE_CHECKING:
    from starlette.types import ASGIApp

#: Where the serving process tells its workers how to build the app.
HOST_VARIABLE = "AGORA_SERVE_HOST"
THREADS_VARIABLE = "AGORA_SERVE_THREADS"


@dataclass(frozen=True)
class ServedApp:
    app: ASGIApp
    #: The first demo user's dev token (None under a configured AUTH_ISSUER).
    token: str | None
    handle: str


def served_app(settings: Settings, host: str, threads: int) -> ServedApp:
    # A configured issuer (AUTH_ISSUER) replaces the dev issuer entirely.
    issuer = None if settings.auth_issuer else DevIssuer.in_directory(data_dir())
    handle = next(iter(DEMO_USERS))
    token = issuer.issue(DEMO_USERS[handle][0], handle) if issuer else None
    # Local only: the playground opens signed in as the first demo user.
    headers = {"Authorization": f"Bearer {token}"} if token else None
    app = local_app(
        settings,
        dev_issuer=issuer,
        graphiql=True,
        apply_cors=True,
        playground_headers=headers,
        extra_routes=web_client_routes(issuer, settings.moderator_group) if issuer else (),
        server_threads=threads,
    )
    return ServedApp(loopback_only(app, host), token, handle)


def worker_app() -> ASGIApp:
    """uvicorn's factory in each worker process."""
    logs.configure(as_json=False)
    threads = int(os.environ.get(THREADS_VARIABLE, str(DEFAULT_THREADS)))
    host = os.environ.get(HOST_VARIABLE, "127.0.0.1")
    return served_app(Settings.from_env(), host, threads).app
