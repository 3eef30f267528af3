"""Home-feed figures, before and after side by side in one run: `python -m bench.feeds`.

- A feed page's sequential round trips and requests, read from entries that carry their
  author (now) and from entries without it (the previous format, which the read still
  accepts: posts first, authors and likes a round trip later, as every page did before).
- Fanning one post out to F followers: wall time with 1 batch write in flight (before) and
  with `FANOUT_PARALLEL_WRITES` (now), in parts of `FANOUT_FEEDS_PER_INVOCATION` feeds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from bench.queries import FEED
from bench.repost_rows import REPOST_VIEWER, WITH_REPOSTS, seed_reposted_feed

OLD_VIEWER = "01HZBENCH0LDF0RMAT00000000"


def _strip_authors(dynamodb: Any, table: str, owner: str) -> None:
    """Rewrite the owner's feed entries without `authorId`, as entries used to be written."""
    from store.keys import feed_partition

    response = dynamodb.query(
        TableName=table,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": feed_partition(owner)}},
    )
    for item in response["Items"]:
        item.pop("authorId", None)
        dynamodb.put_item(TableName=table, Item=item)


def feed_rows(world: Any, sizes: list[int], repeats: int) -> list[str]:
    import handler
    from bench import fixture
    from bench.fixture import Meter
    from core.models import FeedEntry
    from runtime.aws_lambda import services
    from store.clients import dynamodb_client

    posts = world.store.feeds.page(fixture.VIEWER, 100, None, 0).entries
    world.store.feeds.add(
        FeedEntry(OLD_VIEWER, e.post_id, e.author_id, e.created_at) for e in posts
    )
    _strip_authors(world.dynamodb, fixture.TABLE, OLD_VIEWER)
    seed_reposted_feed(world)
    items = services.store.items
    real = items.get_many
    dispatches = [0]

    def counted(keys: Any) -> Any:
        dispatches[0] += 1
        return real(keys)

    items.get_many = counted  # type: ignore[method-assign]
    rows = []
    for size in sizes:
        figures = {}
        viewers = (
            ("before", OLD_VIEWER, FEED),
            ("now", fixture.VIEWER, FEED),
            ("reposts", REPOST_VIEWER, WITH_REPOSTS),
        )
        for label, viewer, query in viewers:
            event = fixture.api_event(query, {"limit": size}, viewer)
            handler.handler(event, None)
            dispatches[0] = 0
            with Meter().on(dynamodb_client("us-east-1")) as meter:
                body = handler.handler(event, None)["body"]
            assert '"errors"' not in body, body[:300]
            trips = meter.requests["Query"] + dispatches[0]
            walls = []
            for _ in range(repeats):
                started = time.perf_counter()
                handler.handler(event, None)
                walls.append((time.perf_counter() - started) * 1000)
            figures[label] = (trips, meter.total(), statistics.median(walls))
        (b_trips, b_requests, b_wall), (n_trips, n_requests, n_wall) = (
            figures["before"],
            figures["now"],
        )
        rows.append(
            f"| feed page of {size} | {b_trips} ({b_requests} requests) | "
            f"{n_trips} ({n_requests} requests) | {n_trips / b_trips:.2f}× | "
            f"{b_wall:.1f} ms | {n_wall:.1f} ms | {n_wall / b_wall:.2f}× |"
        )
        r_trips, r_requests, r_wall = figures["reposts"]
        rows.append(
            f"| feed with reposts, page of {size} (half reposted, `entries {{ post repostedBy }}`) "
            f"| — | {r_trips} ({r_requests} requests) | budget 2 round trips | — | "
            f"{r_wall:.1f} ms | {r_wall / b_wall:.2f}× |"
        )
    items.get_many = real  # type: ignore[method-assign]
    return rows


def fan_out_row(world: Any, followers: int, parallel: int, per_invocation: int) -> str:
    from bench.growth import followed_post
    from core.config import FanOutSettings
    from fanout.changes import ChangeLogged
    from fanout.service import FanOut

    author = f"01HZFAN{parallel:03d}{followers:016d}"
    event = followed_post(world.dynamodb, author, followers)
    from runtime.aws_lambda import services

    settings = FanOutSettings(feeds_per_invocation=per_invocation, parallel_writes=parallel)
    fanout = FanOut(services.store, settings=settings)
    started, cpu = time.monotonic(), time.process_time()
    fanout.apply(ChangeLogged(event))
    wall, cpu = time.monotonic() - started, time.process_time() - cpu
    parts = -(-(followers + 1) // per_invocation)
    return (
        f"| fan-out of one post | {followers:,} followers | {parallel} in flight | "
        f"{parts} part(s) of ≤ {per_invocation:,} | {wall:.1f} s wall | {cpu:.1f} s CPU |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="20,50,100", help="feed page sizes")
    parser.add_argument("--repeats", type=int, default=20, help="timed requests per figure")
    parser.add_argument("--followers", default="1000", help="fan-out sizes, comma-separated")
    parser.add_argument(
        "--before-up-to",
        type=int,
        default=10_000,
        help="largest fan-out also timed with 1 write in flight",
    )
    parser.add_argument("--per-invocation", type=int, default=50_000)
    parser.add_argument("--parallel", type=int, default=8)
    args = parser.parse_args()

    from cli.dynamodb_local import DynamoDBLocal, find_jar

    jar = find_jar()
    if jar is None:
        raise SystemExit("DynamoDB Local is not installed: run `make bench`'s prerequisites")
    server = DynamoDBLocal.start(jar, timeout=120)
    try:
        from bench import fixture

        fixture.set_environment(server.endpoint)
        import logging

        logging.disable(logging.INFO)  # the request log lines would drown the tables
        world = fixture.seed(fixture.client(server.endpoint), likeable=10)
        print(
            "| feed read | round trips before | round trips now | ratio | wall before | "
            "wall now | ratio |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for row in feed_rows(world, [int(s) for s in args.sizes.split(",")], args.repeats):
            print(row, flush=True)
        print()
        print("| what | size | writes in flight | parts | wall | CPU |")
        print("| --- | --- | --- | --- | --- | --- |")
        for followers in [int(f) for f in args.followers.split(",")]:
            if followers <= args.before_up_to:
                print(fan_out_row(world, followers, 1, args.per_invocation), flush=True)
            print(fan_out_row(world, followers, args.parallel, args.per_invocation), flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
