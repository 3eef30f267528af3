"""The floor of the load comparison: a Starlette server whose GraphQL endpoint does, in plain
boto3, what `bench/load.py`'s operations need (bench/floor.py's calls), and nothing else.

Idiomatic Starlette: the body read on the event loop, the boto3 calls on Starlette's thread
pool, one boto3 client shared by the threads. Bearer tokens are checked by the same verifier as
ours (the dev issuer's), and the demo users sign in at the same `/dev/` routes, so
`bench/load.py` drives both servers alike.

    .venv/bin/python -m bench.floor_server --port 8001 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from auth.tokens import bearer_token
from bench.floor import Floor
from cli.dev_issuer import DevIssuer
from cli.local import data_dir, local_cursor_secret
from cli.web_client import web_client_routes
from core.config import decode_secret

if TYPE_CHECKING:
    from collections.abc import Callable

    from starlette.requests import Request

#: bench/load.py names its operations (`query Feed {...`) but sends no operationName.
OPERATION = re.compile(r"\s*(?:query|mutation)\s+(\w+)")
#: uvicorn imports this in each worker process.
FACTORY = "bench.floor_server:app_from_env"


def floor_app(table: str, secret: bytes, issuer: DevIssuer, settle: timedelta) -> Starlette:
    dynamodb = boto3.client(
        "dynamodb", region_name="us-east-1", config=Config(max_pool_connections=64)
    )
    floor = Floor(dynamodb, table, secret)
    verifier = issuer.verifier()

    def poll(event: dict[str, Any]) -> dict[str, Any]:
        return floor.poll(event, settle)

    operations: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
        "Feed": floor.feed,
        "Create": floor.create_post,
        "Like": floor.like_post,
        "Poll": poll,
    }

    def answer(authorization: str | None, body: bytes) -> Response:
        viewer = verifier.verify(bearer_token(authorization) or "")
        event = {
            "requestContext": {"authorizer": {"jwt": {"claims": {"sub": viewer.id}}}},
            "body": body.decode(),
        }
        operation = OPERATION.match(json.loads(body)["query"])
        return Response(
            operations[operation[1] if operation else ""](event)["body"],
            media_type="application/json",
        )

    async def graphql(request: Request) -> Response:
        # The body is read on the loop; the rest, boto3 included, on Starlette's thread pool.
        body = await request.body()
        return await run_in_threadpool(answer, request.headers.get("authorization"), body)

    routes = [Route("/graphql", graphql, methods=["POST"]), *web_client_routes(issuer)]
    return Starlette(routes=routes, exception_handlers={KeyError: _unknown})


async def _unknown(_request: Request, exc: Exception) -> Response:
    return JSONResponse({"errors": [{"message": f"the floor has no {exc}"}]}, 400)


def app_from_env() -> Starlette:
    directory = data_dir()
    return floor_app(
        os.environ.get("TABLE_NAME", "agora"),
        decode_secret(os.environ.get("CURSOR_SECRET") or local_cursor_secret(directory)),
        DevIssuer.in_directory(directory),
        timedelta(milliseconds=int(os.environ.get("CHANGES_SETTLE_MS", "1000"))),
    )


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    uvicorn.run(
        FACTORY,
        factory=True,
        host="127.0.0.1",
        port=args.port,
        workers=args.workers,
        log_level="warning",
    )


if __name__ == "__main__":
    main()
