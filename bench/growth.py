"""The rows of "How it grows": feed pages, polls and fan-outs by size."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bench.goals import GOALS
from bench.measure import Row, cpu_ms
from bench.queries import FEED, POLL


def feed_row(floor: Any, size: int) -> Row:
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


def poll_rows(
    ours: Callable[[dict[str, Any]], dict[str, Any]],
    clients: tuple[Any, ...],
    cursors: dict[int, str],
    rounds: int,
) -> list[str]:
    """Polls returning 0, 25 and 100 events, with their posts and authors (no floor)."""
    from bench.fixture import Meter, api_event

    lines = []
    for size, cursor in cursors.items():
        event = api_event(POLL, {"after": cursor, "limit": max(size, 1)})
        with Meter().on(*clients) as meter:
            answer = ours(event)
        assert answer["body"].count('"postId"') == size, answer["body"][:300]
        again = itertools.repeat(event)
        samples = [cpu_ms(ours, again, 10) for _ in range(rounds)]
        lines.append(
            f"| events per poll (with posts and authors) | {size} | {meter.total()} | "
            f"{1 + 2 * size} | {meter.total() / (1 + 2 * size):.3f}× | "
            f"{statistics.median(samples):.2f} ms | no floor | — |"
        )
    return lines


def end_of_log(world: Any, settle: timedelta) -> str:
    time.sleep(settle.total_seconds() + 0.05)
    cursor = world.store.changes.start("all", timedelta(hours=23))
    while True:
        events, cursor = world.store.changes.poll("all", cursor, 100, settle)
        if len(events) < 100:
            return str(cursor)


def poll_cursors(world: Any, settle: timedelta) -> dict[int, str]:
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


def followed_post(dynamodb: Any, author: str, followers: int) -> Any:
    """A new post's POST_CREATED event, by an author given `followers` followers."""
    from bench import fixture
    from core.ids import new_id
    from core.models import ChangeKind, LoggedChange

    fixture.add_followers(dynamodb, author, followers)
    return LoggedChange(
        id=new_id(),
        kind=ChangeKind.POST_CREATED,
        post_id=new_id(),
        author_id=author,
        at=time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
    )


def fan_out_row(world: Any, dynamodb: Any, followers: int, clients: Any) -> str:
    from bench.fixture import Meter
    from fanout.changes import ChangeLogged
    from fanout.service import FanOut

    event = followed_post(dynamodb, f"01HZFANOUT{followers:016d}", followers)
    import handler  # noqa: F401  (the same store the stream door uses)
    from runtime.aws_lambda import services

    fanout = FanOut(services.store)
    started, cpu = time.monotonic(), time.process_time()
    with Meter().on(*clients) as mine:
        fanout.apply(ChangeLogged(event))
    wall, cpu = time.monotonic() - started, time.process_time() - cpu
    writes = mine.requests["BatchWriteItem"]
    assert writes == -(-(followers + 1) // 25), (writes, followers)
    # The floor after ours, on the same followers: what the stand-in itself allows
    floor_wall, floor_cpu = fan_out_floor(dynamodb, event, services.settings.fanout.parallel_writes)
    if followers == 100_000:
        GOALS.measured(
            "fan-out 100,000",
            wall,
            f"{wall:.1f} s wall (floor {floor_wall:.1f} s, {wall / floor_wall:.2f}×)",
        )
    return (
        f"| fan-out of one post | {followers:,} followers | {mine.total()} "
        f"({writes} BatchWriteItem) | {followers + 1} PutItem | "
        f"{mine.total() / (followers + 1):.3f}× | {cpu:.2f} s ({wall:.1f} s wall) | "
        f"{floor_cpu:.2f} s ({floor_wall:.1f} s wall) | {wall / floor_wall:.2f}× wall |"
    )


def fan_out_floor(dynamodb: Any, event: Any, parallel: int) -> tuple[float, float]:
    """Plain boto3 doing the fan-out's work: page the author's followers off GSI1 and put the
    same feed item for each (and the author), `parallel` BatchWriteItems in flight. Seconds of
    wall and of CPU; the items go to partitions of their own, so ours are left as they were."""
    from concurrent.futures import ThreadPoolExecutor

    from bench import fixture

    started, cpu = time.monotonic(), time.process_time()
    owners, query = (
        [event.author_id],
        {
            "TableName": fixture.TABLE,
            "IndexName": "GSI1",
            "KeyConditionExpression": "GSI1PK = :pk",
            "ExpressionAttributeValues": {":pk": {"S": f"FOLLOWERS#{event.author_id}"}},
            "ProjectionExpression": "followerId",
        },
    )
    while True:
        page = dynamodb.query(**query)
        owners += [item["followerId"]["S"] for item in page["Items"]]
        if "LastEvaluatedKey" not in page:
            break
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def item(owner: str) -> dict[str, Any]:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
        return {
            "PK": {"S": f"FLOORFEED#{owner}"},
            "SK": {"S": f"{event.at}#{event.post_id}"},
            "type": {"S": "FeedEntry"},
            "topic": {"S": f"feed:{owner}"},
            "eventId": {"S": event.id},
            "kind": {"S": "POST_CREATED"},
            "postId": {"S": event.post_id},
            "authorId": {"S": event.author_id},
            "at": {"S": event.at},
            "createdAt": {"S": event.at},
            "expiresAt": {"N": str(int(time.time()) + 30 * 86_400)},
            "GSI1PK": {"S": f"FLOORFEEDLOG#{owner}"},
            "GSI1SK": {"S": f"{stamp}#{event.id}"},
        }

    def write(batch: list[str]) -> None:
        request = {fixture.TABLE: [{"PutRequest": {"Item": item(o)}} for o in batch]}
        while request:
            request = dynamodb.batch_write_item(RequestItems=request).get("UnprocessedItems")

    batches = [owners[s : s + 25] for s in range(0, len(owners), 25)]
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(write, batches))
    return time.monotonic() - started, time.process_time() - cpu


WRITES = ("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems")


def publish_row(world: Any, followers: int, clients: Any) -> str:
    """One post of an established pull account with `followers` followers, published."""
    from bench import fixture
    from bench.fixture import Meter
    from core.clock import now_iso
    from core.ids import new_id
    from core.models import ChangeKind, LoggedChange, UserProfile
    from fanout.changes import ChangeLogged
    from fanout.service import FanOut
    from runtime.aws_lambda import services
    from store.keys import user_key

    author = f"01HZPULL{followers:018d}"
    world.store.users.create(UserProfile(author, f"pull{followers}", "Famous", now_iso()))
    # Its follower count as a million follows would have left it, a pull account since then
    world.dynamodb.update_item(
        TableName=fixture.TABLE,
        Key={k: {"S": v} for k, v in user_key(author).items()},
        UpdateExpression="SET followerCount = :n, pullSince = :since",
        ExpressionAttributeValues={":n": {"N": str(followers)}, ":since": {"S": now_iso()}},
    )
    at = now_iso()
    event = LoggedChange(new_id(), ChangeKind.POST_CREATED, new_id(), author, at)
    with Meter().on(*clients) as mine:
        FanOut(services.store).apply(ChangeLogged(event))
    writes = sum(mine.requests[w] for w in WRITES)
    GOALS.measured(f"publish to {followers:,}", writes, f"{writes} write request(s)")
    return (
        f"| publish one post, pull account | {followers:,} followers | {mine.total()} "
        f"({writes} write) | {followers + 1} PutItem if pushed | "
        f"{mine.total() / (followers + 1):.6f}× | — | no floor | — |"
    )
