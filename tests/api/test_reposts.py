"""Reposts: exact counts, once per feed with "reposted by", undone by unrepost, hidden with the
people hidden, and notified to the author grouped like likes. Through `handler.handler`'s
stream door (real stream records of DynamoDB Local)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.api.conftest import Pump
from tests.api.test_feeds import follow, profile, publish
from tests.conftest import GraphQLClient, error_codes
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

AUTHOR, SHARER, OTHER, FAN, BOTH = "uauthor", "usharer", "uother", "ufan", "uboth"
REPOST = "mutation($p: ID!) { repost(postId: $p) { id repostCount viewerHasReposted } }"
UNREPOST = "mutation($p: ID!) { unrepost(postId: $p) { id repostCount viewerHasReposted } }"
FEED = """query($n: Int! = 20, $t: String) { feed(limit: $n, nextToken: $t) {
  entries { post { title author { handle } repostCount viewerHasReposted viewerHasLiked }
  repostedBy { handle } } nextToken } }"""


def run(api: GraphQLClient, user: str, query: str, **variables: Any) -> dict[str, Any]:
    result = api.as_user(user).execute(query, **variables)
    assert "errors" not in result, result
    data: dict[str, Any] = result["data"]
    return data


def feed(api: GraphQLClient, user: str) -> list[tuple[str, str | None]]:
    entries = run(api, user, FEED)["feed"]["entries"]
    return [(e["post"]["title"], (e["repostedBy"] or {}).get("handle")) for e in entries]


@pytest.fixture
def world(api: GraphQLClient, pump: Pump, handler_module: Any) -> None:
    """FAN follows SHARER; BOTH follows SHARER and AUTHOR."""
    for user in (AUTHOR, SHARER, OTHER, FAN, BOTH):
        profile(api, user)
    follow(api, FAN, SHARER)
    follow(api, BOTH, SHARER)
    follow(api, BOTH, AUTHOR)
    follow(api, FAN, OTHER)
    pump()


@pytest.mark.usefixtures("world")
def test_a_repost_reaches_the_reposters_followers_once_with_reposted_by(
    api: GraphQLClient, pump: Pump
) -> None:
    # Given a post by AUTHOR; when SHARER reposts it
    post_id = publish(api, AUTHOR, "original")
    pump()
    answer = run(api, SHARER, REPOST, p=post_id)["repost"]
    assert answer == {"id": post_id, "repostCount": 1, "viewerHasReposted": True}
    pump()
    # Then SHARER's follower sees it "reposted by" SHARER; SHARER too, in their own feed
    assert feed(api, FAN) == [("original", SHARER)]
    assert feed(api, SHARER) == [("original", SHARER)]
    # And a follower of both sees it once, as the author's post (it was already there)
    assert feed(api, BOTH) == [("original", None)]
    assert feed(api, AUTHOR) == [("original", None)]
    # When OTHER reposts it too, FAN (following both reposters) still sees it once
    run(api, OTHER, REPOST, p=post_id)
    pump()
    assert feed(api, FAN) == [("original", SHARER)]
    post = run(api, FAN, FEED)["feed"]["entries"][0]["post"]
    assert post["repostCount"] == 2
    assert post["viewerHasReposted"] is False


@pytest.mark.usefixtures("world")
def test_unrepost_undoes_it_and_both_are_idempotent(api: GraphQLClient, pump: Pump) -> None:
    post_id = publish(api, AUTHOR, "shared")
    pump()
    run(api, SHARER, REPOST, p=post_id)
    again = run(api, SHARER, REPOST, p=post_id)["repost"]
    assert again["repostCount"] == 1
    pump()
    assert feed(api, FAN) == [("shared", SHARER)]
    gone = run(api, SHARER, UNREPOST, p=post_id)["unrepost"]
    assert gone == {"id": post_id, "repostCount": 0, "viewerHasReposted": False}
    assert run(api, SHARER, UNREPOST, p=post_id)["unrepost"]["repostCount"] == 0
    pump()
    assert feed(api, FAN) == []
    assert feed(api, BOTH) == [("shared", None)]


@pytest.mark.usefixtures("world")
def test_repost_counts_stay_exact_under_concurrent_reposts(api: GraphQLClient, pump: Pump) -> None:
    post_id = publish(api, AUTHOR, "popular")
    people = [f"ur{n}" for n in range(8)]
    for person in people:
        profile(api, person)
    results: list[dict[str, Any]] = []

    def repost(person: str) -> None:
        results.append(api.as_user(person).execute(REPOST, p=post_id))

    threads = [threading.Thread(target=repost, args=(p,)) for p in people * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all("errors" not in r for r in results), results
    counts = run(api, AUTHOR, "query($p: ID!) { post(id: $p) { repostCount } }", p=post_id)
    assert counts["post"]["repostCount"] == len(people)


@pytest.mark.usefixtures("world")
@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"p": "not-an-id"}, "BAD_USER_INPUT"),
        ({"p": "01HZZZZZZZZZZZZZZZZZZZZZZZ"}, "NOT_FOUND"),
    ],
)
def test_bad_reposts_are_refused(api: GraphQLClient, variables: dict[str, str], code: str) -> None:
    assert error_codes(api.as_user(SHARER).execute(REPOST, **variables)) == [code]


@pytest.mark.usefixtures("world")
def test_reposting_your_own_post_or_a_blockers_is_refused(api: GraphQLClient, pump: Pump) -> None:
    post_id = publish(api, AUTHOR, "mine")
    assert error_codes(api.as_user(AUTHOR).execute(REPOST, p=post_id)) == ["BAD_USER_INPUT"]
    run(api, AUTHOR, "mutation($u: ID!) { block(userId: $u) { id } }", u=OTHER)
    assert error_codes(api.as_user(OTHER).execute(REPOST, p=post_id)) == ["FORBIDDEN"]
    counts = run(api, AUTHOR, "query($p: ID!) { post(id: $p) { repostCount } }", p=post_id)
    assert counts["post"]["repostCount"] == 0


@pytest.mark.usefixtures("world")
def test_a_repost_by_or_of_a_hidden_person_is_hidden(api: GraphQLClient, pump: Pump) -> None:
    post_id = publish(api, AUTHOR, "seen through a friend")
    pump()
    run(api, SHARER, REPOST, p=post_id)
    pump()
    assert feed(api, FAN) == [("seen through a friend", SHARER)]
    # When FAN mutes the post's author, the repost is hidden
    run(api, FAN, "mutation($u: ID!) { mute(userId: $u) { id } }", u=AUTHOR)
    assert feed(api, FAN) == []
    run(api, FAN, "mutation($u: ID!) { unmute(userId: $u) { id } }", u=AUTHOR)
    assert feed(api, FAN) == [("seen through a friend", SHARER)]
    # When FAN mutes the reposter (still following them), the repost is hidden too
    run(api, FAN, "mutation($u: ID!) { mute(userId: $u) { id } }", u=SHARER)
    assert feed(api, FAN) == []


@pytest.mark.usefixtures("world")
def test_the_author_is_notified_grouped_like_likes(api: GraphQLClient, pump: Pump) -> None:
    post_id = publish(api, AUTHOR, "notable")
    pump()
    run(api, SHARER, REPOST, p=post_id)
    run(api, OTHER, REPOST, p=post_id)
    pump()
    query = "{ notifications { items { kind count actors { handle } post { title } } } }"
    items = [i for i in run(api, AUTHOR, query)["notifications"]["items"] if i["kind"] != "FOLLOW"]
    assert items == [
        {
            "kind": "REPOST",
            "count": 2,
            "actors": [{"handle": OTHER}, {"handle": SHARER}],
            "post": {"title": "notable"},
        }
    ]
    run(api, OTHER, UNREPOST, p=post_id)
    pump()
    items = run(api, AUTHOR, query)["notifications"]["items"]
    assert [(i["kind"], i["count"]) for i in items if i["kind"] != "FOLLOW"] == [("REPOST", 1)]


@pytest.mark.usefixtures("world")
def test_a_feed_with_reposts_is_two_round_trips(
    api: GraphQLClient, pump: Pump, counter: RequestCounter
) -> None:
    for n in range(5):
        post_id = publish(api, AUTHOR, f"p{n}")
        pump()
        run(api, SHARER, REPOST, p=post_id)
    publish(api, OTHER, "own")
    pump()
    counter.reset()
    entries = run(api, FAN, FEED)["feed"]["entries"]
    assert [e["post"]["title"] for e in entries] == ["own", "p4", "p3", "p2", "p1", "p0"]
    assert {(e["repostedBy"] or {}).get("handle") for e in entries} == {SHARER, None}
    # The Query, then ONE batch: posts, authors, reposters, likes, reposts, the set
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}
