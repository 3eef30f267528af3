"""The demo data: believable, exact counters, pictures in storage, paginated lists, idempotent."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from starlette.testclient import TestClient

from cli.demo import PEOPLE, SeedReport, demo_posts, seed
from cli.demo.seeding import PictureBucket
from cli.local_app import local_app
from core.categories import CATEGORIES
from core.config import Settings
from store.buckets import create_bucket
from store.keys import COMMENT_PREFIX, FOLLOWS_PREFIX, LIKE_PREFIX
from store.media import MediaStorage
from store.repository import Store
from store.table import create_table
from tests.conftest import ALICE, CURSOR_SECRET, GraphQLClient, SessionTables, table_items

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

    from cli.demo.seeding import Clock, StoreAt
    from cli.dev_issuer import DevIssuer

pytestmark = pytest.mark.integration

POSTS = """query Posts($next: String) {
  posts(limit: 20, nextToken: $next) {
    items { id title category createdAt likeCount commentCount
            media { url contentType altText } author { handle } }
    nextToken
  }
}"""


@dataclass
class Demo:
    """One seeded table and bucket for the whole module: seeding is the slow part."""

    report: SeedReport
    api: GraphQLClient
    settings: Settings
    media: MediaStorage


def store_at(dynamodb: DynamoDBClient, settings: Settings) -> StoreAt:
    def connect(clock: Clock) -> Store:
        return Store.connect(dynamodb, settings.table_name, settings.cursor_secret, clock=clock)

    return connect


@pytest.fixture(scope="module")
def demo(
    dynamodb: DynamoDBClient,
    s3: S3Client,
    issuer: DevIssuer,
    session_tables: SessionTables,
    request: pytest.FixtureRequest,
) -> Iterator[Demo]:
    with session_tables.holding():
        yield from _demo(dynamodb, s3, issuer, request)


def _demo(
    dynamodb: DynamoDBClient, s3: S3Client, issuer: DevIssuer, request: pytest.FixtureRequest
) -> Iterator[Demo]:
    name = f"agora-demo-{uuid.uuid4().hex[:12]}"
    create_table(dynamodb, name)
    create_bucket(s3, name, "us-east-1")
    settings = Settings.from_env(
        {"TABLE_NAME": name, "BUCKET_NAME": name, "CURSOR_SECRET": CURSOR_SECRET}
    )
    media = MediaStorage(s3, name)
    try:
        store = Store.connect(dynamodb, name, settings.cursor_secret)
        report = seed(store_at(dynamodb, settings), PictureBucket(s3, name))
        capture = request.config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled():  # the timing, in the test run's output
            print(f"\n{report}")
        app = local_app(settings, dev_issuer=issuer, store=store, media=media)
        with TestClient(app, raise_server_exceptions=False) as http:
            yield Demo(report, GraphQLClient(http, issuer).as_user(ALICE), settings, media)
    finally:
        dynamodb.delete_table(TableName=name)
        for obj in s3.list_objects_v2(Bucket=name).get("Contents", []):
            s3.delete_object(Bucket=name, Key=obj["Key"])
        s3.delete_bucket(Bucket=name)


@pytest.fixture
def seeded(demo: Demo) -> SeedReport:
    return demo.report


@pytest.fixture
def api(demo: Demo) -> GraphQLClient:
    return demo.api


def all_posts(api: GraphQLClient) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    pages, token = 0, None
    while True:
        page = api.execute(POSTS, next=token)["data"]["posts"]
        items += page["items"]
        pages += 1
        token = page["nextToken"]
        if token is None:
            return items, pages


def test_a_dozen_people_with_avatars_bios_and_full_feeds(
    seeded: SeedReport, api: GraphQLClient
) -> None:
    assert seeded.users == len(PEOPLE) == 12
    for person in PEOPLE:
        user = api.execute(
            "query($h: String!) { user(handle: $h) { bio followingCount followerCount "
            "avatar { url contentType } } }",
            h=person.handle,
        )["data"]["user"]
        assert user["bio"] == person.bio
        assert user["avatar"]["contentType"] == "image/png"
        assert user["followingCount"] >= 3
        assert user["followerCount"] >= 2


def test_weeks_of_posts_in_every_category_some_with_pictures(
    seeded: SeedReport, api: GraphQLClient
) -> None:
    items, pages = all_posts(api)
    # Enough that the list paginates
    assert len(items) == len(demo_posts()) == seeded.posts >= 50
    assert pages >= 3
    assert set(Counter(p["category"] for p in items)) == set(CATEGORIES)
    assert len({p["author"]["handle"] for p in items}) == 12
    # Spread over the last weeks, newest first, none in the future
    stamps = [datetime.fromisoformat(p["createdAt"].replace("Z", "+00:00")) for p in items]
    assert stamps == sorted(stamps, reverse=True)
    assert max(stamps) <= datetime.now(UTC)
    assert max(stamps) - min(stamps) > timedelta(days=21)
    assert len({s.date() for s in stamps}) >= 20
    # Pictures were drawn at seed time and stored, each with its alt text
    pictured = [p for p in items if p["media"]]
    assert len(pictured) == seeded.pictures >= 10
    assert all(
        m["contentType"] == "image/jpeg" and m["altText"] for p in pictured for m in p["media"]
    )
    # Likes and comments, not on every post
    assert sum(p["likeCount"] for p in items) == seeded.likes > 80
    assert sum(p["commentCount"] for p in items) == seeded.comments > 40
    assert any(p["likeCount"] == 0 for p in items)
    assert any(p["commentCount"] == 0 for p in items)


def test_counters_agree_with_the_items_they_count(
    seeded: SeedReport, demo: Demo, dynamodb: DynamoDBClient
) -> None:
    items = table_items(dynamodb, demo.settings.table_name)
    likes = Counter(i["PK"]["S"] for i in items if i["SK"]["S"].startswith(LIKE_PREFIX))
    comments = Counter(i["PK"]["S"] for i in items if i["SK"]["S"].startswith(COMMENT_PREFIX))
    posts = [i for i in items if i["SK"]["S"] == "POST"]
    assert len(posts) == seeded.posts
    for post in posts:
        assert int(post.get("likeCount", {"N": "0"})["N"]) == likes[post["PK"]["S"]]
        assert int(post.get("commentCount", {"N": "0"})["N"]) == comments[post["PK"]["S"]]
    profiles = {i["PK"]["S"]: i for i in items if i["SK"]["S"] == "PROFILE"}
    follows = [i for i in items if i["SK"]["S"].startswith(FOLLOWS_PREFIX)]
    following = Counter(i["PK"]["S"] for i in follows)
    for key, profile in profiles.items():
        assert int(profile["followingCount"]["N"]) == following[key]


def test_comments_come_after_their_post_and_before_now(
    seeded: SeedReport, api: GraphQLClient
) -> None:
    items, _ = all_posts(api)
    commented = next(p for p in items if p["commentCount"] >= 3)
    post = api.execute(
        "query($id: ID!) { post(id: $id) { createdAt comments { items { createdAt } } } }",
        id=commented["id"],
    )["data"]["post"]
    times = [c["createdAt"] for c in post["comments"]["items"]]
    assert post["createdAt"] < times[0]
    assert times == sorted(times)
    assert times[-1] < datetime.now(UTC).isoformat()


def test_seeding_again_changes_nothing_and_says_so(
    demo: Demo, dynamodb: DynamoDBClient, s3: S3Client
) -> None:
    before = len(table_items(dynamodb, demo.settings.table_name))
    started = time.perf_counter()
    again = seed(store_at(dynamodb, demo.settings), PictureBucket(s3, demo.settings.bucket_name))
    assert again.posts == 0
    assert str(again) == "demo data already present"
    assert time.perf_counter() - started < 5  # one query, not a second seeding
    assert len(table_items(dynamodb, demo.settings.table_name)) == before
