"""The long-lived server under load, against its floor, in one run: `agora serve` and
`bench/floor_server.py` (Starlette + plain boto3) on the same DynamoDB Local table, each driven
in turn by the same 50 clients of `bench/load.py`, alternating.

    .venv/bin/python -m bench.server_load --seconds 20 --rounds 2 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import load
from bench.goals import GOALS
from bench.measure import dynamodb_local
from bench.served import ROOT, served_process, wait_until_listening
from cli.embedded_aws import start_s3
from cli.local import free_port

AGORA = str(Path(sys.executable).parent / "agora")
#: The goal (#27): the server keeps at least this share of the floor's throughput.
GOAL = 0.6


@contextmanager
def floor_server(env: dict[str, str], workers: int) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "bench.floor_server", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        wait_until_listening(url, deadline=time.monotonic() + 120)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@contextmanager
def s3_emulator() -> Iterator[str]:
    s3, endpoint = start_s3()
    try:
        yield endpoint
    finally:
        s3.stop()


def environment(endpoint: str, s3: str, data_dir: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    return env | {
        "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
        "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": endpoint,
        "AWS_ENDPOINT_URL_S3": s3,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_REGION": "us-east-1",
        "TABLE_NAME": f"agora-load-{free_port()}",
        "BUCKET_NAME": f"agora-load-{free_port()}",
        "AGORA_DATA_DIR": data_dir,
        "CHANGES_SETTLE_MS": "1000",
    }


def compare(
    endpoint: str, *, seconds: float, users: int, rounds: int, workers: int
) -> list[dict[str, Any]]:
    """One result per server and round, ours first in each round."""
    results: list[dict[str, Any]] = []
    with s3_emulator() as s3, tempfile.TemporaryDirectory() as data_dir:
        env = environment(endpoint, s3, data_dir)
        port = free_port()
        command = [AGORA, "serve", "--backend", "configured", "--port", str(port)]
        with (
            served_process([*command, "--workers", str(workers)], env, port, data_dir) as ours,
            floor_server(env, workers) as floor_url,
        ):
            for round_number in range(rounds):
                for name, url in (("agora", ours.url), ("floor", floor_url)):
                    seed = 20261122 + round_number
                    run = load.run(url, seconds, users, seed, check=name == "agora")
                    results.append({"server": name, "round": round_number + 1, **asyncio.run(run)})
    return results


def rows(results: list[dict[str, Any]], seconds: float, workers: int) -> list[str]:
    lines = [
        f"{results[0]['users']} clients of `bench/load.py` for {seconds:.0f} s per run (then the "
        f"requests in flight finish), {workers} uvicorn worker(s) per server, alternating; "
        "DynamoDB Local on loopback.",
        "",
        "| round | server | requests | throughput | p50 | p99 | statuses | writes missing |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        missing = (
            f"{result['missingPosts']} of {result['postsChecked']} posts, "
            f"{result['missingLikes']} of {result['likesChecked']} likes"
            if "missingPosts" in result
            else "not checked"
        )
        statuses = ", ".join(f"{n} × {code}" for code, n in result["statuses"].items())
        lines.append(
            f"| {result['round']} | {result['server']} | {result['requests']} | "
            f"{result['throughput']:.1f} / s | {result['p50Ms']:,.0f} ms | "
            f"{result['p99Ms']:,.0f} ms | {statuses} | {missing} |"
        )
    ratios = []
    for round_number in sorted({r["round"] for r in results}):
        ours, floor = (
            next(r for r in results if r["round"] == round_number and r["server"] == name)
            for name in ("agora", "floor")
        )
        ratios.append(ours["throughput"] / floor["throughput"])
    for ratio in ratios:
        GOALS.measured("server throughput", ratio, f"{ratio:.2f}×")
    shown = ", ".join(f"{r:.2f}×" for r in ratios)
    lines += [
        "",
        f"Throughput of `agora serve` / the floor's: {shown} (median "
        f"{statistics.median(ratios):.2f}×; goal ≥ {GOAL}×).",
    ]
    return lines


def load_section(endpoint: str, seconds: float, rounds: int, workers: int) -> list[str]:
    """`make bench`'s rows (DynamoDB Local already running at `endpoint`)."""
    results = compare(endpoint, seconds=seconds, users=50, rounds=rounds, workers=workers)
    return rows(results, seconds, workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with dynamodb_local() as endpoint:
        results = compare(
            endpoint,
            seconds=args.seconds,
            users=args.users,
            rounds=args.rounds,
            workers=args.workers,
        )
    for line in rows(results, args.seconds, args.workers):
        print(line)


if __name__ == "__main__":
    main()
