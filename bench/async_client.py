"""The synchronous boto3 client against an async one (aiobotocore), for the long-lived server's
choice and for the Lambda's cold start. Not part of `make bench`: aiobotocore is not a
dependency of the project; install it into a directory of its own and name it.

    .venv/bin/python -m pip install --target /tmp/aio aiobotocore
    .venv/bin/python -m bench.async_client --aio-path /tmp/aio --rounds 7

Cold: a fresh interpreter imports the library, creates a DynamoDB client and answers one
GetItem (DynamoDB Local), median of `rounds`, alternating. Warm: CPU of this process per GetItem
(all threads), as the server would make it: boto3 on the event loop (the Lambda's way), boto3
through `asyncio.to_thread` (the server's thread hop), aiobotocore awaited.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from typing import Any

TABLE = "async-client"
KEY = {"PK": {"S": "A"}, "SK": {"S": "B"}}

COLD_SYNC = """
import time; began = time.perf_counter()
import boto3
client = boto3.client("dynamodb", region_name="us-east-1")
client.get_item(TableName=%r, Key=%r)
print(time.perf_counter() - began)
"""
COLD_ASYNC = """
import time; began = time.perf_counter()
import asyncio
from aiobotocore.session import get_session
async def main():
    async with get_session().create_client("dynamodb", region_name="us-east-1") as client:
        await client.get_item(TableName=%r, Key=%r)
asyncio.run(main())
print(time.perf_counter() - began)
"""


def cold(script: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", script % (TABLE, KEY)], env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return float(out.stdout.strip()) * 1000


def warm_sync(client: Any, n: int, hop: bool) -> float:
    async def calls() -> None:
        for _ in range(n):
            if hop:
                await asyncio.to_thread(client.get_item, TableName=TABLE, Key=KEY)
            else:
                client.get_item(TableName=TABLE, Key=KEY)

    began = time.process_time()
    asyncio.run(calls())
    return (time.process_time() - began) / n * 1000


def warm_async(n: int) -> float:
    from aiobotocore.session import get_session  # type: ignore[import-not-found]

    async def calls() -> float:
        async with get_session().create_client("dynamodb", region_name="us-east-1") as client:
            await client.get_item(TableName=TABLE, Key=KEY)
            began = time.process_time()
            for _ in range(n):
                await client.get_item(TableName=TABLE, Key=KEY)
            return (time.process_time() - began) / n * 1000

    return asyncio.run(calls())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aio-path", required=True, help="where aiobotocore is installed")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    from bench.measure import dynamodb_local
    from cli.dynamodb_local import local_client
    from store.table import create_table

    with dynamodb_local() as endpoint:
        env = os.environ | {
            "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
        }
        os.environ.update(env)
        client = local_client(endpoint)
        create_table(client, TABLE)
        client.put_item(TableName=TABLE, Item={**KEY, "v": {"S": "x"}})
        aio_env = env | {"PYTHONPATH": args.aio_path}
        sync_cold, async_cold = [], []
        for _ in range(args.rounds):
            sync_cold.append(cold(COLD_SYNC, env))
            async_cold.append(cold(COLD_ASYNC, aio_env))
        sys.path.insert(0, args.aio_path)  # after boto3 is imported: it keeps its botocore
        on_loop = [warm_sync(client, args.calls, hop=False) for _ in range(args.rounds)]
        hopped = [warm_sync(client, args.calls, hop=True) for _ in range(args.rounds)]
        awaited = [warm_async(args.calls) for _ in range(args.rounds)]
    base = statistics.median(sync_cold)
    print("| client | cold: import, client, first GetItem | warm CPU per GetItem |")
    print("| --- | --- | --- |")
    print(f"| boto3, on the event loop | {base:.0f} ms | {statistics.median(on_loop):.3f} ms |")
    print(f"| boto3, `asyncio.to_thread` | (same) | {statistics.median(hopped):.3f} ms |")
    ratio = statistics.median(async_cold) / base
    print(
        f"| aiobotocore | {statistics.median(async_cold):.0f} ms ({ratio:.2f}×) | "
        f"{statistics.median(awaited):.3f} ms |"
    )


if __name__ == "__main__":
    main()
