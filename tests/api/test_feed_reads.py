"""Reading the home feed: two sequential round trips, whatever the page selects.

Each test counts DynamoDB requests (botocore hooks) and the item loader's dispatches: the feed
page is its entries (one Query), then ONE batch of posts, authors and the viewer's likes
(several BatchGetItem requests of 100 keys are sent side by side, still one round trip).
"""

from __future__ import annotations

import asyncio
import math
from typing import TYPE_CHECKING, Any

import pytest

from core.clock import now_iso
from core.models import FeedEntry, UserProfile
from store.codecs import feed_entry_from_item, feed_entry_to_item
from store.repository import Store
from tests.conftest import ALICE, GraphQLClient
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    pass


pytestmark = pytest.mark.integration

AUTHORS = [f"author{n}" for n in range(10)]
PAGE = """query($n: Int!) { feed(limit: $n) { items { id author { handle } likeCount
  viewerHasLiked commentCount } nextToken } }"""


@pytest.fixture
def dispatches(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many keys each dispatch of the request's item loader asked for, in order."""
    seen: list[int] = []
    get_many = store.items.get_many

    def counted(keys: Any) -> Any:
        seen.append(len(keys))
        return get_many(keys)

    monkeypatch.setattr(store.items, "get_many", counted)
    return seen


def seed(store: Store, size: int, *, with_authors: bool = True) -> None:
    for author in AUTHORS:
        store.users.create(UserProfile(author, author, author.title(), now_iso()))
    entries = []
    for n in range(size):
        post = store.posts.create(
            author_id=AUTHORS[n % len(AUTHORS)], title=f"p{n}", body="", category="tech"
        )
        if n % 3 == 0:
            store.likes.like(post.id, ALICE, post.author_id)
        entries.append(FeedEntry(ALICE, post.id, post.author_id, post.created_at))
    if with_authors:
        store.feeds.add(entries)
        return
    # Entries as written before they carried the author
    for entry in entries:
        item = feed_entry_to_item(entry, 2_000_000_000)
        del item["authorId"]
        store.feeds._client.put_item(TableName=store.feeds._table, Item=item)


def check_page(items: list[dict[str, Any]], size: int) -> None:
    assert len(items) == size
    assert sum(i["viewerHasLiked"] for i in items) == len(range(0, size, 3))
    assert {i["author"]["handle"] for i in items} == set(AUTHORS)


@pytest.mark.parametrize("size", [20, 50, 100])
def test_a_feed_page_is_two_round_trips(
    api: GraphQLClient,
    store: Store,
    counter: RequestCounter,
    dispatches: list[int],
    size: int,
) -> None:
    # Given a feed of `size` posts by 10 authors, a third of them liked by the viewer
    seed(store, size)
    counter.reset()
    dispatches.clear()
    # When the viewer reads a page with authors, counts and viewerHasLiked
    result = api.execute(PAGE, n=size)
    # Then: one Query, then ONE loader dispatch of posts + authors + likes + visibility set
    check_page(result["data"]["feed"]["items"], size)
    keys = size + len(AUTHORS) + len(range(size)) + 1
    assert dispatches == [keys]
    assert counter.calls == {"Query": 1, "BatchGetItem": math.ceil(keys / 100)}


def test_entries_without_the_author_still_read_a_round_trip_later(
    api: GraphQLClient, store: Store, counter: RequestCounter, dispatches: list[int]
) -> None:
    # Given entries written before they carried their author
    seed(store, 20, with_authors=False)
    counter.reset()
    dispatches.clear()
    result = api.execute(PAGE, n=20)
    # Then the page is the same; its authors come one dispatch after the posts
    check_page(result["data"]["feed"]["items"], 20)
    assert dispatches == [20 + 20 + 1, len(AUTHORS)]
    assert counter.calls == {"Query": 1, "BatchGetItem": 2}


def test_a_page_that_selects_no_author_loads_none(
    api: GraphQLClient, store: Store, counter: RequestCounter, dispatches: list[int]
) -> None:
    seed(store, 20)
    dispatches.clear()
    result = api.execute("{ feed(limit: 20) { items { id title } } }")
    assert len(result["data"]["feed"]["items"]) == 20
    assert dispatches == [20 + 1]


def test_a_token_sealed_before_the_merge_still_continues(api: GraphQLClient, store: Store) -> None:
    # Given a token as pages used to seal it (the last entry's key, in the Query's scope)
    seed(store, 5)
    first = api.execute("{ feed(limit: 2) { items { title } } }")["data"]["feed"]["items"]
    entries = store.feeds.page(ALICE, 2, None, 0).entries
    last = entries[-1]
    old = store.feeds._cursors.encode(
        {"PK": {"S": f"FEED#{ALICE}"}, "SK": {"S": f"{last.created_at}#{last.post_id}"}},
        f"table:FEED#{ALICE}:",
    )
    # When the client sends it, the feed continues right after that entry
    result = api.execute(
        "query($t: String) { feed(limit: 10, nextToken: $t) { items { title } } }", t=old
    )
    rest = [p["title"] for p in result["data"]["feed"]["items"]]
    assert [p["title"] for p in first] + rest == [f"p{n}" for n in range(4, -1, -1)]


@pytest.fixture
def tasks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many asyncio tasks the event loop has been asked to create (one counter)."""
    created = [0]
    create_task = asyncio.BaseEventLoop.create_task

    def counted(loop: asyncio.BaseEventLoop, *args: Any, **kwargs: Any) -> Any:
        created[0] += 1
        return create_task(loop, *args, **kwargs)

    monkeypatch.setattr(asyncio.BaseEventLoop, "create_task", counted)
    return created


def test_a_pages_authors_and_likes_cost_no_task_per_post(
    api: GraphQLClient, store: Store, tasks: list[int]
) -> None:
    # Given a feed of 100 posts, a third of them liked by the viewer
    seed(store, 100)
    created = []
    for size in (10, 100):
        # When the viewer reads pages of 10 and of 100 with authors and viewerHasLiked
        tasks[0] = 0
        check_page(api.execute(PAGE, n=size)["data"]["feed"]["items"], size)
        created.append(tasks[0])
    # Then both pages create as many tasks: the batch is read before the posts' fields, which
    # answer at once instead of each awaiting it
    assert created[0] == created[1], created


def test_a_page_that_selects_no_tags_parses_no_body(
    api: GraphQLClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.entities
    import schema.hashtags

    parsed: list[str] = []
    found = core.entities.hashtags

    def counted(text: str) -> Any:
        parsed.append(text)
        return found(text)

    monkeypatch.setattr(core.entities, "hashtags", counted)
    monkeypatch.setattr(schema.hashtags, "hashtags", counted)
    # Given a feed of posts with tags in their bodies
    for author in AUTHORS[:1]:
        store.users.create(UserProfile(author, author, author.title(), now_iso()))
    post = store.posts.create(author_id=AUTHORS[0], title="t", body="#one #two", category="tech")
    store.feeds.add([FeedEntry(ALICE, post.id, post.author_id, post.created_at)])
    # When a page selects no tags, no body is parsed
    assert api.execute("{ feed(limit: 5) { items { id title } } }")["data"]["feed"]["items"]
    assert parsed == []
    # And when it selects them, they are there
    result = api.execute("{ feed(limit: 5) { items { hashtags hashtagSpans { tag } } } }")
    item = result["data"]["feed"]["items"][0]
    assert item == {"hashtags": ["one", "two"], "hashtagSpans": [{"tag": "one"}, {"tag": "two"}]}
    assert parsed == ["#one #two", "#one #two"]


def test_a_first_page_decodes_only_the_entries_it_can_show(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.feeds as feeds_module

    decoded: list[str] = []
    found = feed_entry_from_item

    def counted(item: Any) -> FeedEntry:
        decoded.append(item["SK"]["S"])
        return found(item)

    monkeypatch.setattr(feeds_module, "feed_entry_from_item", counted)
    # Given a feed of 30 entries, read with room for 20 pull markers
    store.feeds.add(
        FeedEntry(ALICE, f"p{n:02d}", AUTHORS[0], f"2026-01-01T00:00:{n:02d}.000Z")
        for n in range(30)
    )
    # When its first page of 5 is read
    page = store.feeds.page(ALICE, 5, None, pull_most=20)
    # Then it shows the newest 5, and decodes one entry more (for the next token), not 25
    assert [e.post_id for e in page.entries] == ["p29", "p28", "p27", "p26", "p25"]
    assert page.next_token is not None
    assert len(decoded) == 6
