"""The demo data: believable, exact counters, pictures in storage, paginated lists, idempotent."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from cli.demo import PEOPLE, demo_posts, seed
from core.categories import CATEGORIES
from store.keys import COMMENT_PREFIX, FOLLOWS_PREFIX, LIKE_PREFIX
from store.repository import Store
from tests.conftest import GraphQLClient, table_items

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from cli.demo import SeedReport
    from cli.demo.seeding import Clock
    from core.config import Settings
    from store.media import MediaStorage

pytestmark = pytest.mark.integration

POSTS = """query Posts($next: String) {
  posts(limit: 20, nextToken: $next) {
    items { id title category createdAt likeCount commentCount
            media { url contentType altText } author { handle } }
    nextToken
  }
}"""


@pytest.fixture
def seeded(
    dynamodb: DynamoDBClient,
    settings: Settings,
    media: MediaStorage,
    capsys: pytest.CaptureFixture[str],
) -> SeedReport:
    def store_at(clock: Clock) -> Store:
        return Store.connect(dynamodb, settings.table_name, settings.cursor_secret, clock=clock)

    report = seed(store_at, media)
    with capsys.disabled():  # the timing, in the test run's output
        print(f"\n{report}")
    return report


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
    seeded: SeedReport, api: GraphQLClient, media: MediaStorage
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
    assert sum(p["likeCount"] for p in items) == seeded.likes > 100
    assert sum(p["commentCount"] for p in items) == seeded.comments > 40
    assert any(p["likeCount"] == 0 for p in items)
    assert any(p["commentCount"] == 0 for p in items)


def test_counters_agree_with_the_items_they_count(
    seeded: SeedReport, dynamodb: DynamoDBClient, settings: Settings
) -> None:
    items = table_items(dynamodb, settings.table_name)
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
    seeded: SeedReport,
    dynamodb: DynamoDBClient,
    settings: Settings,
    media: MediaStorage,
) -> None:
    before = len(table_items(dynamodb, settings.table_name))

    def store_at(clock: Clock) -> Store:
        return Store.connect(dynamodb, settings.table_name, settings.cursor_secret, clock=clock)

    again = seed(store_at, media)
    assert again.posts == 0
    assert str(again) == "demo data already present"
    assert len(table_items(dynamodb, settings.table_name)) == before
