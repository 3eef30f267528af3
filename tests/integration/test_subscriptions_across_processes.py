"""Two server processes on one table: a subscriber on one sees mutations made through the other.

Subscriptions read the change log in the table, not an in-process bus, so this is what a fleet of
servers behind a load balancer does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.served import wait_until_listening
from cli.demo import DEMO_USERS
from cli.dev_issuer import DevIssuer
from cli.local import free_port
from tests.integration.test_serve import run_node

pytestmark = pytest.mark.integration

AGORA = str(Path(sys.executable).parent / "agora")


@pytest.fixture
def two_servers(
    dynamodb_endpoint: str, s3_endpoint: str, tmp_path: Path
) -> Iterator[tuple[str, str, Path]]:
    """Server A runs the fan-out and seeds the demo data; server B only answers requests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    env |= {
        "AWS_ENDPOINT_URL_DYNAMODB": dynamodb_endpoint,
        "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": dynamodb_endpoint,
        "AWS_ENDPOINT_URL_S3": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_REGION": "us-east-1",
        "TABLE_NAME": f"agora-two-{free_port()}",
        "BUCKET_NAME": f"agora-two-{free_port()}",
        "AGORA_DATA_DIR": str(tmp_path),  # one dev issuer and cursor key for both
    }
    processes: list[subprocess.Popen[bytes]] = []
    urls = []
    try:
        for name, extra in (("a", []), ("b", ["--no-seed", "--no-fanout"])):
            port = free_port()
            log = (tmp_path / f"server-{name}.log").open("wb")  # read by nobody: never blocks
            processes.append(
                subprocess.Popen(
                    [AGORA, "serve", "--backend", "configured", "--port", str(port), *extra],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            url = f"http://127.0.0.1:{port}/graphql"
            # A seeds the demo data first, on the suite's shared DynamoDB Local: give it time
            wait_until_listening(url, deadline=time.monotonic() + 180)
            urls.append(url)
        yield urls[0], urls[1], tmp_path
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def test_a_subscriber_on_one_server_sees_a_post_made_through_another(
    two_servers: tuple[str, str, Path],
) -> None:
    server_a, server_b, data_dir = two_servers
    issuer = DevIssuer.in_directory(data_dir)
    alice, bob = (issuer.issue(DEMO_USERS[h][0], h) for h in ("alice", "bob"))
    # Given alice subscribed on server A; when bob posts through server B
    result = run_node("subscriptions.mjs", server_a, server_b, alice, bob)
    # Then alice's post events and home feed both deliver it
    assert [e["type"] for e in result["posts"] if e["postId"] == result["created"]] == [
        "POST_CREATED"
    ]
    assert [e["post"]["title"] for e in result["feed"] if e["postId"] == result["created"]] == [
        result["title"]
    ]
