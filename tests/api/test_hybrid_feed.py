"""Hybrid feeds: above FEED_PULL_THRESHOLD followers an account's posts are not pushed; its
followers' feed pages merge its posts at read time, newest first, paging exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.api.conftest import Pump
from tests.api.test_feeds import follow, profile, publish
from tests.conftest import GraphQLClient, table_items
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

BIG, SMALL, FAN, FAN2, FAN3, LATE = "ubig", "usmall", "ufan", "ufan2", "ufan3", "ulate"
PAGE = """query($n: Int!, $t: String) { feed(limit: $n, nextToken: $t) {
  items { title author { handle } viewerHasLiked } nextToken } }"""


@pytest.fixture
def handler_env() -> dict[str, str]:
    return {"FEED_PULL_THRESHOLD": "2"}


def titles(api: GraphQLClient, user: str, limit: int = 50) -> list[str]:
    result = api.as_user(user).execute(PAGE, n=limit)
    assert "errors" not in result, result
    return [p["title"] for p in result["data"]["feed"]["items"]]


def all_pages(api: GraphQLClient, user: str, limit: int) -> list[str]:
    seen: list[str] = []
    token = None
    while True:
        result = api.as_user(user).execute(PAGE, n=limit, t=token)
        assert "errors" not in result, result
        page = result["data"]["feed"]
        assert len(page["items"]) <= limit
        seen += [p["title"] for p in page["items"]]
        token = page["nextToken"]
        if token is None:
            return seen


def entries_of(dynamodb: DynamoDBClient, table: str, owner: str) -> list[dict[str, Any]]:
    return [i for i in table_items(dynamodb, table) if i["PK"]["S"] == f"FEED#{owner}"]


@pytest.fixture
def world(api: GraphQLClient, pump: Pump, handler_module: Any) -> None:
    """BIG has 3 followers (above the threshold of 2), SMALL has 1 (FAN)."""
    for user in (BIG, SMALL, FAN, FAN2, FAN3, LATE):
        profile(api, user)
    for fan in (FAN, FAN2, FAN3):
        follow(api, fan, BIG)
    follow(api, FAN, SMALL)
    pump()


def interleaved(api: GraphQLClient, pump: Pump) -> list[str]:
    order = []
    for n in range(3):
        for author in (SMALL, BIG):
            title = f"{author} {n}"
            publish(api, author, title)
            pump()  # each post in its own moment
            order.append(title)
    return order[::-1]


@pytest.mark.usefixtures("world")
def test_a_pull_accounts_posts_appear_in_order_without_being_pushed(
    api: GraphQLClient, pump: Pump, dynamodb: DynamoDBClient, table: str
) -> None:
    # Given FAN follows a pull account (BIG) and a pushed one (SMALL); when both post in turn
    newest_first = interleaved(api, pump)
    # Then FAN's feed shows all six, newest first, merged
    assert titles(api, FAN) == newest_first
    # And BIG's posts were never written to its followers' feeds (only a marker each)
    fan_entries = entries_of(dynamodb, table, FAN)
    assert {i["authorId"]["S"] for i in fan_entries if i["type"]["S"] == "FeedEntry"} == {SMALL}
    assert [i["SK"]["S"] for i in fan_entries if i["type"]["S"] == "PullMarker"] == [f"PULL#{BIG}"]
    # And BIG's own feed has its own posts (pushed to the author as always)
    assert titles(api, BIG) == [t for t in newest_first if t.startswith(BIG)]


@pytest.mark.usefixtures("world")
@pytest.mark.parametrize("limit", [1, 2, 4])
def test_pagination_is_exact_across_the_merge(api: GraphQLClient, pump: Pump, limit: int) -> None:
    newest_first = interleaved(api, pump)
    assert all_pages(api, FAN, limit) == newest_first


@pytest.mark.usefixtures("world")
def test_a_page_with_a_pull_account_costs_three_round_trips(
    api: GraphQLClient, pump: Pump, counter: RequestCounter
) -> None:
    interleaved(api, pump)
    counter.reset()
    result = api.as_user(FAN).execute(PAGE, n=4)
    assert [p["title"] for p in result["data"]["feed"]["items"]] == [
        f"{BIG} 2",
        f"{SMALL} 2",
        f"{BIG} 1",
        f"{SMALL} 1",
    ]
    assert all(p["author"]["handle"] for p in result["data"]["feed"]["items"])
    # The feed's Query (with the markers), BIG's posts (one Query per pull account, side by
    # side), then ONE batch of the pushed posts, every author, the likes and the visibility set
    assert counter.calls == {"Query": 2, "BatchGetItem": 1}


def test_an_account_crossing_the_threshold_neither_loses_nor_doubles_posts(
    api: GraphQLClient, pump: Pump, handler_module: Any, dynamodb: DynamoDBClient, table: str
) -> None:
    for user in (BIG, FAN, FAN2, FAN3, LATE):
        profile(api, user)
    follow(api, FAN, BIG)
    follow(api, FAN2, BIG)
    pump()
    # Given BIG at the threshold (2 followers): its posts are pushed
    publish(api, BIG, "pushed 0")
    pump()
    publish(api, BIG, "pushed 1")
    pump()
    # When a third follower takes it past the threshold, and it posts on
    follow(api, FAN3, BIG)
    pump()
    pulled_ids = set()
    for n in range(3):
        pulled_ids.add(publish(api, BIG, f"pulled {n}"))
        pump()
    expected = ["pulled 2", "pulled 1", "pulled 0", "pushed 1", "pushed 0"]
    # Then every follower, before and after the crossing, sees each post once, in order
    for fan in (FAN, FAN2, FAN3):
        assert titles(api, fan) == expected, fan
        assert all_pages(api, fan, 2) == expected, fan
    # And one who follows later too (the backfill brings the pushed ones, the marker the rest)
    follow(api, LATE, BIG)
    pump()
    assert titles(api, LATE) == expected
    # And the pulled posts were written to no follower's feed
    written = {
        i["PK"]["S"]
        for i in table_items(dynamodb, table)
        if i["PK"]["S"].startswith("FEED#") and i.get("postId", {}).get("S") in pulled_ids
    }
    assert written == {f"FEED#{BIG}"}


@pytest.mark.usefixtures("world")
def test_unfollowing_or_muting_a_pull_account_drops_its_posts(
    api: GraphQLClient, pump: Pump
) -> None:
    interleaved(api, pump)
    mute = api.as_user(FAN2).execute("mutation($u: ID!) { mute(userId: $u) { id } }", u=BIG)
    assert "errors" not in mute, mute
    assert titles(api, FAN2) == []
    result = api.as_user(FAN).execute("mutation($u: ID!) { unfollow(userId: $u) { id } }", u=BIG)
    assert "errors" not in result, result
    pump()
    assert titles(api, FAN) == [f"{SMALL} {n}" for n in (2, 1, 0)]
