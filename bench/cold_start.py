"""Cold start: process start -> first answered GraphQL query, ours vs the hello-handler floor.

Each sample is a fresh interpreter that imports the handler module and answers `{ health }` from
an API Gateway HTTP API event; the two handlers alternate so machine noise hits both alike. The
figure that matters is the ratio of medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVENT = {
    "version": "2.0",
    "rawPath": "/graphql",
    "rawQueryString": "",
    "headers": {"content-type": "application/json"},
    "requestContext": {
        "http": {
            "method": "POST",
            "path": "/graphql",
            "protocol": "HTTP/1.1",
            "sourceIp": "127.0.0.1",
            "userAgent": "bench",
        },
        "stage": "$default",
        "requestId": "bench",
    },
    "body": json.dumps({"query": "{ health }"}),
    "isBase64Encoded": False,
}
SCRIPT = """
import json, sys
from {module} import handler
response = handler(json.loads(sys.argv[1]), None)
assert json.loads(response["body"]) == {{"data": {{"health": "ok"}}}}, response
"""
HANDLERS = {
    "agora (handler.handler)": "handler",
    "floor (bench/hello_handler.py)": "bench.hello_handler",
}


def sample(module: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", SCRIPT.format(module=module), json.dumps(EVENT)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def measure(rounds: int) -> tuple[dict[str, float], dict[str, list[float]]]:
    """Median seconds per handler (ours first, then the floor), and every sample."""
    env = {
        **os.environ,
        "TABLE_NAME": "bench",
        "CURSOR_SECRET": "A" * 64,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "x",
        "AWS_SECRET_ACCESS_KEY": "x",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for module in HANDLERS.values():  # warm the OS file cache and the .pyc files once
        sample(module, {**env, "PYTHONDONTWRITEBYTECODE": ""})
    times: dict[str, list[float]] = {name: [] for name in HANDLERS}
    for _ in range(rounds):
        for name, module in HANDLERS.items():
            times[name].append(sample(module, env))
    return {name: statistics.median(values) for name, values in times.items()}, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    medians, times = measure(args.rounds)
    ours, floor = medians.values()
    print(f"cold start, median of {args.rounds} fresh processes each (alternating):")
    for name, value in medians.items():
        spread = max(times[name]) - min(times[name])
        print(f"  {name:32} {value * 1000:7.0f} ms   (spread {spread * 1000:.0f} ms)")
    print(f"  ratio agora / floor: {ours / floor:.2f}x   (goal <= 1.10x)")


if __name__ == "__main__":
    main()
