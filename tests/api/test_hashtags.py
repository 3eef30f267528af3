"""Hashtag timelines and trends through GraphQL, written by the fan-out from real stream records."""

from __future__ import annotations

from datetime import timedelta
from types import ModuleType
from typing import Any

import pytest

from core.clock import utc_now
from core.config import Settings
from fanout.hashtags import HashtagIndexer
from store.discovery_keys import tag_partition
from store.repository import Store
from tests.api.conftest import LambdaContext, Pump
from tests.conftest import GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter
from tests.support.events import stream_event
from tests.unit.test_entities import fullwidth

pytestmark = pytest.mark.integration

AUTHOR, READER = "uauthor", "ureader"
TIMELINE = """
query($tag: String!, $limit: Int! = 20, $t: String) {
  hashtag(tag: $tag) {
    tag
    posts(limit: $limit, nextToken: $t) {
      items { id title hashtags author { id handle } viewerHasLiked likeCount }
      nextToken
    }
  }
}"""
TRENDING = "query($n: Int! = 10) { trendingHashtags(limit: $n) { tag count } }"


def run(api: GraphQLClient, user: str, query: str, **variables: Any) -> dict[str, Any]:
    result = api.as_user(user).execute(query, **variables)
    assert "errors" not in result, result
    data: dict[str, Any] = result["data"]
    return data


def publish(api: GraphQLClient, title: str, body: str) -> str:
    data = run(
        api,
        AUTHOR,
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": title, "body": body, "category": "tech"},
    )
    post_id: str = data["createPost"]["id"]
    return post_id


def edit(api: GraphQLClient, post_id: str, body: str) -> None:
    version = run(api, AUTHOR, "query($p: ID!) { post(id: $p) { version } }", p=post_id)
    run(
        api,
        AUTHOR,
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }",
        i={"id": post_id, "expectedVersion": version["post"]["version"], "body": body},
    )


def timeline(api: GraphQLClient, tag: str, limit: int = 20) -> list[str]:
    """Every page of the tag, followed to the end: the titles, in order."""
    titles: list[str] = []
    token = None
    while True:
        data = run(api, READER, TIMELINE, tag=tag, limit=limit, t=token)["hashtag"]["posts"]
        titles += [p["title"] for p in data["items"]]
        token = data["nextToken"]
        if token is None:
            return titles


@pytest.fixture
def profiles(api: GraphQLClient) -> None:
    for user in (AUTHOR, READER):
        run(
            api,
            user,
            "mutation($i: CreateProfileInput!) { createProfile(input: $i) { id } }",
            i={"handle": user, "displayName": user.title()},
        )


def test_a_timeline_is_newest_first_and_follows_edits_and_deletes(
    api: GraphQLClient, pump: Pump, profiles: None
) -> None:
    # Given three posts spelling one tag three ways, and one without it
    first = publish(api, "first", "Trying #Agora")
    second = publish(api, "second", "more #AGORA, and #agora again")
    publish(api, "unrelated", "nothing to see #elsewhere")
    third = publish(api, "third", "#" + fullwidth("agora") + " in fullwidth")
    pump()
    # Then the tag's timeline has them, newest first, each once
    data = run(api, READER, TIMELINE, tag="#Agora")["hashtag"]
    assert data["tag"] == "agora"
    assert [p["title"] for p in data["posts"]["items"]] == ["third", "second", "first"]
    assert data["posts"]["items"][0]["author"] == {"id": AUTHOR, "handle": AUTHOR}
    # When one is edited out of the tag, another deleted, and an old one edited into it
    edit(api, second, "no tags now")
    run(api, AUTHOR, "mutation($p: ID!) { deletePost(id: $p) { id } }", p=third)
    pump()
    assert timeline(api, "agora") == ["first"]
    edit(api, second, "back to #agora")
    pump()
    # Then the timeline is the posts that use the tag now, in creation order
    assert timeline(api, "agora") == ["second", "first"]
    assert timeline(api, "elsewhere") == ["unrelated"]
    assert timeline(api, "nowhere") == []
    assert first


def test_a_page_costs_what_posts_by_category_costs(
    api: GraphQLClient, pump: Pump, profiles: None, counter: RequestCounter
) -> None:
    for n in range(25):
        publish(api, f"p{n}", f"#cheap post {n}")
    pump()
    counter.reset()
    run(
        api,
        READER,
        '{ posts(category: "tech", limit: 20) { items { id author { id } viewerHasLiked } } }',
    )
    by_category = dict(counter.calls)
    counter.reset()
    data = run(api, READER, TIMELINE, tag="cheap")["hashtag"]["posts"]
    assert len(data["items"]) == 20
    # One Query, then the posts, their authors, the likes and the visibility set in one batch
    assert dict(counter.calls) == {"Query": 1, "BatchGetItem": 1} == by_category


def test_pages_are_exact_across_the_shards_of_a_popular_tag(
    api: GraphQLClient,
    pump: Pump,
    profiles: None,
    store: Store,
    counter: RequestCounter,
    dynamodb: Any,
    table: str,
) -> None:
    # Given a tag spread over 4 shards, as the fan-out spreads a popular one
    store.hashtags.grow("busy", 4)
    titles = [f"busy {n:02d}" for n in range(23)]
    for title in titles:
        publish(api, title, "so #busy")
    pump()
    used = {
        i["PK"]["S"]
        for i in table_items(dynamodb, table)
        if i.get("type", {}).get("S") == "TagEntry"
    }
    assert used == {tag_partition("busy", s) for s in range(4)}, "every shard holds entries"
    # When it is paged 5 at a time
    counter.reset()
    pages = 0
    seen: list[str] = []
    token = None
    while True:
        data = run(api, READER, TIMELINE, tag="busy", limit=5, t=token)["hashtag"]["posts"]
        seen += [p["title"] for p in data["items"]]
        token = data["nextToken"]
        pages += 1
        if token is None:
            break
    # Then every post comes once, newest first, in 5 pages of one Query per shard + one batch
    assert seen == titles[::-1]
    assert pages == 5
    assert dict(counter.calls) == {"Query": 4 * pages, "BatchGetItem": pages}


def test_the_fan_out_spreads_a_tag_over_more_shards_as_it_gets_busy(store: Store) -> None:
    # Given an indexer whose shards take 2 posts an hour
    indexer = HashtagIndexer(store, posts_per_shard_hour=2)
    posts = [
        store.posts.create(author_id=AUTHOR, title=f"t{n}", body="#hot", category="tech")
        for n in range(6)
    ]
    for post in posts:
        indexer.retag(post.id)
    # Then the tag has grown to 4 shards (6 posts this hour / 2 = 3, to a power of two), and
    # its timeline holds each post once, newest first
    assert store.hashtags.shard_count("hot") == 4
    page = store.hashtags.page("hot", 100, None)
    assert [e.post_id for e in page.items] == [p.id for p in posts][::-1]
    # A retag of an unchanged post changes nothing
    indexer.retag(posts[0].id)
    assert [t.count for t in store.trends.trending(10)] == [6]


def test_trending_counts_the_last_day_from_one_item(
    api: GraphQLClient,
    pump: Pump,
    profiles: None,
    counter: RequestCounter,
    handler_module: ModuleType,
    settings: Settings,
    dynamodb: Any,
    table: str,
) -> None:
    # Given tags used 3, 2 and 1 times, one post deleted, and a batch delivered twice
    for body in ("#a #b", "#a #b #c", "#a", "#b"):
        publish(api, body, body)
    gone = publish(api, "gone", "#c #c")
    records = pump()
    run(api, AUTHOR, "mutation($p: ID!) { deletePost(id: $p) { id } }", p=gone)
    records += pump()
    assert handler_module.handler(stream_event(records), LambdaContext()) == {
        "batchItemFailures": []
    }
    # Then trendingHashtags answers from one GetItem, most used first
    counter.reset()
    assert run(api, READER, TRENDING, n=2)["trendingHashtags"] == [
        {"tag": "a", "count": 3},
        {"tag": "b", "count": 3},
    ]
    assert dict(counter.calls) == {"GetItem": 1}
    trends = run(api, READER, TRENDING)["trendingHashtags"]
    assert trends == [{"tag": "a", "count": 3}, {"tag": "b", "count": 3}, {"tag": "c", "count": 1}]
    # And a day later the same item says nothing is trending
    later = Store.connect(
        dynamodb, table, settings.cursor_secret, clock=lambda: utc_now() + timedelta(hours=25)
    )
    assert later.trends.trending(10) == []


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (TIMELINE, {"tag": ""}),
        (TIMELINE, {"tag": "#"}),
        (TIMELINE, {"tag": "2024"}),
        (TIMELINE, {"tag": "two words"}),
        (TIMELINE, {"tag": "a" * 101}),
        (TIMELINE, {"tag": "ok", "limit": 0}),
        (TIMELINE, {"tag": "ok", "limit": 101}),
        (TIMELINE, {"tag": "ok", "t": "forged"}),
        (TRENDING, {"n": 0}),
        (TRENDING, {"n": 51}),
    ],
)
def test_bad_input_is_refused(api: GraphQLClient, query: str, variables: dict[str, Any]) -> None:
    assert error_codes(api.as_user(READER).execute(query, **variables)) == ["BAD_USER_INPUT"]


def test_a_token_of_one_tag_is_refused_by_another(
    api: GraphQLClient, pump: Pump, profiles: None
) -> None:
    for n in range(3):
        publish(api, f"x{n}", "#one")
    pump()
    token = run(api, READER, TIMELINE, tag="one", limit=1)["hashtag"]["posts"]["nextToken"]
    assert token is not None
    other = api.as_user(READER).execute(TIMELINE, tag="two", limit=1, t=token)
    assert error_codes(other) == ["BAD_USER_INPUT"]


def test_discovery_needs_a_viewer(api: GraphQLClient) -> None:
    for query, variables in ((TIMELINE, {"tag": "a"}), (TRENDING, {})):
        assert error_codes(api.anonymous().execute(query, **variables)) == ["UNAUTHENTICATED"]
