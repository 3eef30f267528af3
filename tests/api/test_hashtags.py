"""Hashtag timelines and trends through GraphQL, written by the fan-out from real stream records."""

from __future__ import annotations

from datetime import timedelta
from types import ModuleType
from typing import Any

import pytest

from core.clock import utc_now
from core.config import Settings
from core.hashtags import TagEntry
from fanout.changes import TagEntryWritten, change_of
from fanout.hashtags import HashtagIndexer
from store.discovery_keys import tag_partition
from store.repository import Store
from store.streams import StreamReader
from store.tag_timelines import TagEntryChange
from tests.api.conftest import LambdaContext, Pump
from tests.api.test_feeds import drain
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


def test_pages_of_a_popular_tag_are_exact_and_each_one_query(
    api: GraphQLClient,
    pump: Pump,
    profiles: None,
    store: Store,
    counter: RequestCounter,
    dynamodb: Any,
    table: str,
) -> None:
    # Given a tag with 7 posts, then spread over 4 write shards, as the fan-out spreads a
    # popular one, and 47 posts more: more than its head holds, so a chunk went out too
    before = [f"before {n:02d}" for n in range(7)]
    for title in before:
        publish(api, title, "so #busy")
    pump()
    store.hashtags.grow("busy", 4)
    after = [f"busy {n:02d}" for n in range(47)]
    for title in after:
        publish(api, title, "so #busy")
    pump()
    items = table_items(dynamodb, table)
    written = {i["PK"]["S"] for i in items if i.get("type", {}).get("S") == "TagEntry"}
    assert written == {tag_partition("busy", s) for s in range(5)}, "shard 0 and 4 write shards"
    read_side = [i for i in items if i["PK"]["S"] == tag_partition("busy", 0)]
    assert sum(i.get("type", {}).get("S") == "TagChunk" for i in read_side) == 1
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
    # Then every post comes once, newest first, across head, chunks and the older entries,
    # each page one Query and one batch: what posts(category) costs
    assert seen == (before + after)[::-1]
    assert pages == 11
    assert dict(counter.calls) == {"Query": pages, "BatchGetItem": pages}


def test_a_late_entry_joins_the_chunk_its_time_belongs_to(store: Store) -> None:
    # Given a popular tag's read side holding a head and chunks of 20 posts' entries
    store.hashtags.grow("late", 2)
    entries = [
        TagEntry(f"01POST{n:020d}", AUTHOR, f"2099-01-01T00:{n // 60:02d}:{n % 60:02d}.000Z")
        for n in range(0, 120, 2)
    ]
    store.tag_timelines.absorb("late", [TagEntryChange(e) for e in entries[:50]])
    store.tag_timelines.absorb("late", [TagEntryChange(e) for e in entries[50:]])
    # When entries arrive late (older than the head), one of them twice
    late = [
        TagEntry(f"01LATE{n:020d}", AUTHOR, f"2099-01-01T00:{n // 60:02d}:{n % 60:02d}.000Z")
        for n in (1, 33, 77)
    ]
    store.tag_timelines.absorb("late", [TagEntryChange(e) for e in late])
    store.tag_timelines.absorb("late", [TagEntryChange(late[1])])
    # Then the timeline pages them in their place, each once
    paged: list[TagEntry] = []
    token = None
    while True:
        page = store.hashtags.page("late", 7, token)
        paged += page.items
        token = page.next_token
        if token is None:
            break
    expected = sorted([*entries, *late], key=lambda e: (e.created_at, e.post_id), reverse=True)
    assert paged == expected


def test_entries_that_leave_the_write_shards_leave_head_and_chunks(
    store: Store, dynamodb: Any, table: str
) -> None:
    # Given a popular tag's read side with a head and a chunk of 20
    store.hashtags.grow("gone", 2)
    entries = [
        TagEntry(f"01POST{n:020d}", AUTHOR, f"2099-01-01T00:00:{n:02d}.000Z") for n in range(50)
    ]
    store.tag_timelines.absorb("gone", [TagEntryChange(e) for e in entries])
    # When entries are deleted from the write shards (a post deleted, edited out of the tag,
    # or its author's account deleted): one of the head, the whole chunk; and one comes back
    leaving = [entries[49], *entries[:20]]
    store.tag_timelines.absorb("gone", [TagEntryChange(e, present=False) for e in leaving])
    store.tag_timelines.absorb(
        "gone", [TagEntryChange(entries[5], present=False), TagEntryChange(entries[5])]
    )
    # Then the read side holds the rest, the emptied chunk is gone, and no item names them
    paged = store.hashtags.page("gone", 100, None).items
    assert paged == [e for e in entries[::-1] if e not in leaving or e == entries[5]]
    left = str(
        [i for i in table_items(dynamodb, table) if i["PK"]["S"] == tag_partition("gone", 0)]
    )
    assert [e.post_id for e in leaving if e != entries[5] and e.post_id in left] == []


def test_the_fan_out_spreads_a_tag_over_more_shards_as_it_gets_busy(
    store: Store, stream_reader: StreamReader
) -> None:
    # Given an indexer whose shards take 2 posts an hour
    indexer = HashtagIndexer(store, posts_per_shard_hour=2)
    posts = [
        store.posts.create(author_id=AUTHOR, title=f"t{n}", body="#hot", category="tech")
        for n in range(6)
    ]
    for post in posts:
        indexer.retag(post.id)
    # And the write shards' entries absorbed from the stream, as the fan-out does
    for record in drain(stream_reader):
        change = change_of(record)
        if isinstance(change, TagEntryWritten):
            indexer.apply(change)
    indexer.flush()
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
