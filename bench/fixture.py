"""The benchmark's world: DynamoDB Local in its own process, a table of content, API events."""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bench.cold_start import EVENT
from core.clock import now_iso
from core.config import decode_secret
from core.models import FeedEntry, UserProfile
from core.notifications import Notice, NotificationKind
from store.batch import batch_write
from store.blocks import relation_item
from store.codecs import attribute_values, follow_to_item
from store.repository import Rates, Store
from store.safety_keys import block_index_keys, block_key, visibility_key
from store.table import create_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mypy_boto3_dynamodb import DynamoDBClient

TABLE = "bench"
CURSOR_SECRET = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
VIEWER = "01HZBENCHV1EWER00000000000"
#: A second viewer with the same feed who blocks 1,000 people (none of them in it).
BLOCKER = "01HZBENCHB10CKER0000000000"
BLOCKS = 1_000
AUTHORS = [f"01HZBENCHA{n:016d}" for n in range(20)]
#: Change-log settle window for the benchmark (one machine, one clock).
SETTLE_MS = 100


def environment(endpoint: str) -> dict[str, str]:
    """What the function's environment would hold, pointed at DynamoDB Local; the viewer comes
    from claims an API Gateway JWT authorizer verified (so no side verifies a signature)."""
    return {
        "TABLE_NAME": TABLE,
        "CURSOR_SECRET": CURSOR_SECRET,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
        "AUTH_TRUST_GATEWAY": "true",
        "CHANGES_SETTLE_MS": str(SETTLE_MS),
        # On, so every measured write carries its counter as in production, but out of reach.
        "RATE_LIMIT_WRITES": "1000000/300",
        "RATE_LIMIT_MEDIA": "1000000/1800",
    }


def client(endpoint: str) -> DynamoDBClient:
    """The floors' (and the seeding's) client, configured like the store's (`local_client`), so
    a ratio to a floor is what the GraphQL layer costs and not a difference of settings."""
    from cli.dynamodb_local import local_client

    own: DynamoDBClient = local_client(endpoint)
    return own


def api_event(
    query: str, variables: dict[str, Any] | None = None, viewer: str = VIEWER
) -> dict[str, Any]:
    """An API Gateway HTTP API (v2) event for one GraphQL request by the viewer: the cold-start
    benchmark's event with a JWT authorizer's claims and this request's body."""
    event: dict[str, Any] = copy.deepcopy(EVENT)
    event["requestContext"]["authorizer"] = {
        "jwt": {"claims": {"sub": viewer, "cognito:username": "viewer"}}
    }
    event["body"] = json.dumps({"query": query, "variables": variables or {}})
    return event


@dataclass
class World:
    """Ids of what was seeded."""

    store: Store
    dynamodb: DynamoDBClient
    commented_post: str = ""
    likeable: list[str] = field(default_factory=list)


def seed(dynamodb: DynamoDBClient, *, likeable: int) -> World:
    create_table(dynamodb, TABLE)
    store = Store.connect(dynamodb, TABLE, decode_secret(CURSOR_SECRET), rates=Rates.off())
    world = World(store, dynamodb)
    for n, user in enumerate([VIEWER, BLOCKER, *AUTHORS]):
        store.users.create(UserProfile(user, f"user{n}", f"User {n}", now_iso()))
    # Posts by 20 authors; the viewer's feed holds the newest 120 (the fan-out's entries,
    # written directly), the oldest serve as posts to like
    posts = []
    for n in range(max(120, likeable)):
        author = AUTHORS[n % len(AUTHORS)]
        posts.append(
            store.posts.create(author_id=author, title=f"Post {n}", body="x" * 200, category="tech")
        )
    for owner in (VIEWER, BLOCKER):
        store.feeds.add(FeedEntry(owner, p.id, p.author_id, p.created_at) for p in posts[-120:])
    seed_blocks(dynamodb, TABLE, BLOCKER, [f"01HZBENCHX{n:016d}" for n in range(BLOCKS)])
    # A post with 20 comments by different authors
    world.commented_post = posts[-1].id
    for n in range(20):
        store.comments.add(world.commented_post, AUTHORS[n], f"Comment {n} " + "y" * 100)
    world.likeable = [p.id for p in posts[:likeable]]
    notify(store, [p.id for p in posts[-30:]])
    return world


def notify(store: Store, post_ids: list[str]) -> None:
    """The viewer's notifications: 30 posts liked by 4 authors each, and follows of one day."""
    for post_id in post_ids:
        for author in AUTHORS[:4]:
            store.notifications.add(
                Notice(VIEWER, NotificationKind.LIKE, author, now_iso(), post_id)
            )
    for author in AUTHORS:
        store.notifications.add(Notice(VIEWER, NotificationKind.FOLLOW, author, now_iso()))


def add_followers(dynamodb: DynamoDBClient, author: str, count: int) -> None:
    """`count` follow items for `author`, written in batches (not through the API's transaction,
    which would also count each follower: the fan-out reads only these items)."""
    from store.batch import batch_write

    created = now_iso()
    batch_write(
        dynamodb,
        TABLE,
        puts=(follow_to_item(f"01HZF{n:021d}", author, created) for n in range(count)),
    )


class Meter:
    """DynamoDB requests and consumed capacity, per operation name, through botocore hooks."""

    OPERATIONS = (
        "Query",
        "GetItem",
        "BatchGetItem",
        "PutItem",
        "UpdateItem",
        "DeleteItem",
        "BatchWriteItem",
        "TransactWriteItems",
    )

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.capacity = 0.0

    def total(self) -> int:
        return sum(self.requests.values())

    def _ask_capacity(self, params: dict[str, Any], **_: Any) -> None:
        params.setdefault("ReturnConsumedCapacity", "TOTAL")

    def _count(self, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        self.requests[model.name] += 1
        consumed = parsed.get("ConsumedCapacity")
        for entry in consumed if isinstance(consumed, list) else [consumed] if consumed else []:
            self.capacity += float(entry.get("CapacityUnits", 0))

    @contextmanager
    def on(self, *clients: DynamoDBClient) -> Iterator[Meter]:
        hooks: list[tuple[DynamoDBClient, str, Callable[..., None]]] = []
        for dynamodb in clients:
            for name in self.OPERATIONS:
                hooks.append(
                    (dynamodb, f"provide-client-params.dynamodb.{name}", self._ask_capacity)
                )
                hooks.append((dynamodb, f"after-call.dynamodb.{name}", self._count))
        for dynamodb, event, hook in hooks:
            dynamodb.meta.events.register(event, hook)
        try:
            yield self
        finally:
            for dynamodb, event, hook in hooks:
                dynamodb.meta.events.unregister(event, hook)


def set_environment(endpoint: str) -> None:
    os.environ.update(environment(endpoint))


def seed_blocks(client: DynamoDBClient, table: str, blocker: str, blocked: Sequence[str]) -> None:
    """The items `BlockRepository.block` writes for people without follows, in bulk.

    Blocking one by one costs a transaction each on a growing item (minutes for a thousand on
    DynamoDB Local); this writes the same block items and visibility sets in a few requests.
    """
    created = now_iso()
    batch_write(
        client,
        table,
        puts=(
            relation_item(
                block_key(blocker, b), block_index_keys(blocker, b, created), "Block", blocker, b
            )
            for b in blocked
        ),
    )
    for start in range(0, len(blocked), 500):
        client.update_item(
            TableName=table,
            Key=attribute_values(visibility_key(blocker)),
            UpdateExpression="ADD blocks :members",
            ExpressionAttributeValues={":members": {"SS": list(blocked[start : start + 500])}},
        )
    batch_write(
        client,
        table,
        puts=(
            {**attribute_values(visibility_key(b)), "blockedBy": {"SS": [blocker]}} for b in blocked
        ),
    )
