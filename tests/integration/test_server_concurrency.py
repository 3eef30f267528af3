"""`agora serve` in front of a slow DynamoDB: a request waiting on it holds up no other request.

A proxy between the server and DynamoDB Local holds every byte while its gate is closed, so
"still waiting" is a count at the proxy, not a guess from timings.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from bench.served import Served, drained, gql, served_process
from cli.local import free_port
from tests.support.gated_proxy import GatedProxy

pytestmark = pytest.mark.integration

AGORA = str(Path(sys.executable).parent / "agora")
FEED = "{ feed(limit: 5) { items { id } } }"


@pytest.fixture
def proxy(dynamodb_endpoint: str) -> Iterator[GatedProxy]:
    address = urlsplit(dynamodb_endpoint)
    gated = GatedProxy((address.hostname or "127.0.0.1", address.port or 80))
    try:
        yield gated
    finally:
        gated.stop()


@pytest.fixture
def serve(proxy: GatedProxy, s3_endpoint: str, tmp_path: Path) -> Any:
    """`agora serve` (its own process) whose DynamoDB is the proxy; call it with extra options."""

    def start(*options: str) -> Any:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_"))}
        env |= {
            "AWS_ENDPOINT_URL_DYNAMODB": proxy.endpoint,
            "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": proxy.endpoint,
            "AWS_ENDPOINT_URL_S3": s3_endpoint,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "AWS_REGION": "us-east-1",
            "TABLE_NAME": f"agora-slow-{free_port()}",
            "BUCKET_NAME": f"agora-slow-{free_port()}",
            "AGORA_DATA_DIR": str(tmp_path),
        }
        port = free_port()
        command = [AGORA, "serve", "--backend", "configured", "--no-seed", "--no-fanout"]
        return served_process([*command, "--port", str(port), *options], env, port, str(tmp_path))

    return start


def test_health_answers_while_another_request_waits_on_dynamodb(
    serve: Any, proxy: GatedProxy
) -> None:
    with serve() as served:
        served_now: Served = served
        # Given DynamoDB holds every request from now on, and a feed page waiting on its Query
        proxy.close_gate()
        slow: dict[str, Any] = {}
        reader = threading.Thread(
            target=lambda: slow.update(answer=gql(served_now.url, served_now.token, FEED))
        )
        reader.start()
        assert proxy.arrived.wait(60), "the feed's Query never reached DynamoDB"
        # When another client asks for { health }
        health = httpx.post(served_now.url, json={"query": "{ health }"}, timeout=60)
        # Then it is answered while the feed's first attempt is still held at the proxy: not
        # answered, not timed out and retried on a second connection
        waiting, connections, answered = proxy.waiting, set(proxy.held_connections), bool(slow)
        assert health.json() == {"data": {"health": "ok"}}
        assert waiting >= 1, "the feed's Query is no longer held"
        assert len(connections) == 1, f"the feed's Query timed out and was retried: {connections}"
        assert not answered
        # And once DynamoDB answers, so does the feed page
        proxy.open_gate()
        reader.join(60)
        assert slow["answer"] == {"data": {"feed": {"items": []}}}


def test_several_workers_answer_on_one_port(serve: Any) -> None:
    with serve("--workers", "2") as served:
        answers = [gql(served.url, served.token, FEED) for _ in range(4)]
        assert answers == [{"data": {"feed": {"items": []}}}] * 4
        log = "".join(drained(served.log))
    started = {line for line in log.splitlines() if "Started server process" in line}
    assert len(started) == 2, log
