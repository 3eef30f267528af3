"""Lambda on loopback: each POSTed JSON payload is one invocation of a handler.

Stands in for the Lambda service between the AppSync simulator and `handler.handler` (`/invoke`;
a raised error is answered the way Lambda reports it, `{errorType, errorMessage}`, status 500),
and for API Gateway in front of the same handler (`/graphql`: the request becomes an HTTP API
event), so a client can ask both doors in turn.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.events import http_api_v2_event

Handler = Callable[[Any, Any], Any]


@contextmanager
def lambda_bridge(handler: Handler, context: Any) -> Iterator[str]:
    lock = threading.Lock()  # one invocation at a time, as one Lambda container

    class Invoke(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            payload = json.loads(self.rfile.read(int(self.headers["content-length"])))
            if self.path == "/graphql":
                event = http_api_v2_event(
                    payload, headers={"authorization": self.headers.get("authorization", "")}
                )
                with lock:
                    # Lambda runs handlers on its main thread, which has an event loop.
                    asyncio.set_event_loop(asyncio.new_event_loop())
                    response = handler(event, context)
                raw, status = response["body"].encode(), response["statusCode"]
                self._answer(raw, status)
                return
            try:
                with lock:
                    body, status = handler(payload, context), 200
            except Exception as exc:
                body, status = {"errorType": type(exc).__name__, "errorMessage": str(exc)}, 500
            self._answer(json.dumps(body).encode(), status)

        def _answer(self, raw: bytes, status: int) -> None:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Invoke)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
