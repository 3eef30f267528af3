"""Each GraphQL execution on a thread of its own, for a long-lived server.

The resolvers call boto3 synchronously, which is right in the Lambda (one request per container,
no thread to hop to). A server that holds many connections on one event loop must not: a
request would wait behind every other request's DynamoDB calls. So under uvicorn each operation
runs, start to finish, on a thread of this pool with an event loop of its own: the server's loop
(accepting connections, reading bodies, websockets, `{ health }`) never waits on DynamoDB, and
one request's DataLoader batches stay on one loop, as in the Lambda.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Coroutine
    from typing import Any

T = TypeVar("T")


class LoopThreads:
    """`size` threads, each running one coroutine at a time on its own event loop."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(
            max_workers=size, thread_name_prefix="graphql", initializer=self._open_loop
        )

    def _open_loop(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._local.loop = loop

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        loop: asyncio.AbstractEventLoop = self._local.loop
        return loop.run_until_complete(coroutine)

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """`coroutine` (not yet started) run on a pool thread, with the caller's context
        variables (the request id, the request's DynamoDB meter)."""
        context = contextvars.copy_context()
        try:
            future = self._pool.submit(context.run, self._run, coroutine)
        except RuntimeError:
            coroutine.close()  # the pool is shut down: never started, so never awaited
            raise
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
