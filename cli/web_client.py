"""Local serve only: the reference web client at /app/, and the dev issuer's sign-in for it.

The sign-in stands in for Cognito's: it lists the demo users and signs a token for the one
picked. It is never part of the Lambda.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from cli.demo import DEMO_USERS, MODERATORS, demo_groups

if TYPE_CHECKING:
    from starlette.requests import Request

    from cli.dev_issuer import DevIssuer

#: The client's built files (examples/web: `npm run build` writes public/js).
PUBLIC = Path(__file__).resolve().parents[1] / "examples" / "web" / "public"
APP_PATH = "/app"

#: Origins local serve answers CORS for unless CORS_ALLOW_ORIGINS says otherwise: the dev
#: servers frontend tools start by default (Create React App and Next.js on 3000, Vite on 5173,
#: webpack-dev-server and Vue CLI on 8080), by name and by address.
LOCAL_DEV_ORIGINS: tuple[str, ...] = tuple(
    f"http://{host}:{port}" for port in (3000, 5173, 8080) for host in ("localhost", "127.0.0.1")
)


def web_client_routes(issuer: DevIssuer, moderator_group: str = "moderators") -> list[BaseRoute]:
    async def users(_request: Request) -> JSONResponse:
        return JSONResponse(
            [
                {"handle": h, "displayName": name, "moderator": h in MODERATORS}
                for h, (_id, name) in DEMO_USERS.items()
            ]
        )

    async def sign_in(request: Request) -> JSONResponse:
        # Only JSON: a form or text/plain POST needs no CORS preflight, so any page could send it.
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send application/json"}, 415)
        try:
            body = await request.json()
        except ValueError:
            body = None
        handle = body.get("handle") if isinstance(body, dict) else None
        if handle not in DEMO_USERS:
            return JSONResponse({"error": f"pick one of {', '.join(DEMO_USERS)}"}, 400)
        user_id = DEMO_USERS[handle][0]
        token = issuer.issue(user_id, handle, groups=demo_groups(handle, moderator_group))
        return JSONResponse({"token": token, "userId": user_id, "handle": handle})

    async def to_app(_request: Request) -> RedirectResponse:
        return RedirectResponse(f"{APP_PATH}/")

    routes: list[BaseRoute] = [
        Route("/dev/users", users, methods=["GET"]),
        Route("/dev/sign-in", sign_in, methods=["POST"]),
    ]
    if (PUBLIC / "js" / "main.js").exists():
        routes += [
            Route(APP_PATH, to_app),
            Mount(APP_PATH, StaticFiles(directory=PUBLIC, html=True), name="web-client"),
        ]
    return routes
