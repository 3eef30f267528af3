"""Edit history: what edits replaced, with their times; edits notify nobody and move nothing."""

from __future__ import annotations

from typing import Any

import pytest

from core.clock import now_iso
from core.models import UserProfile
from store.repository import Store
from tests.api.conftest import Pump
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

UPDATE_POST = """mutation($i: UpdatePostInput!) { updatePost(input: $i) { version editedAt } }"""
UPDATE_COMMENT = """mutation($i: UpdateCommentInput!) {
  updateComment(input: $i) { version editedAt } }"""
POST = """query($p: ID!, $n: Int! = 10) { post(id: $p) { title body editedAt
  edits(limit: $n) { version title body writtenAt replacedAt }
  comments { items { body editedAt edits(limit: $n) { version body writtenAt replacedAt } } } } }"""


@pytest.fixture
def post_id(store: Store) -> str:
    for person in (ALICE, BOB):
        store.users.create(UserProfile(person, person.replace("-", "_"), person, now_iso()))
    return store.posts.create(author_id=ALICE, title="v1", body="one", category="tech").id


def data(result: dict[str, Any]) -> Any:
    assert "errors" not in result, result
    return result["data"]


def edit_post(api: GraphQLClient, post_id: str, version: int, **changes: str) -> Any:
    inputs = {"id": post_id, "expectedVersion": version, **changes}
    return data(api.as_user(ALICE).execute(UPDATE_POST, i=inputs))["updatePost"]


def test_a_post_keeps_every_version_an_edit_replaced(api: GraphQLClient, post_id: str) -> None:
    # Given a post never edited
    fresh = data(api.execute(POST, p=post_id))["post"]
    assert (fresh["editedAt"], fresh["edits"]) == (None, [])
    # When it is edited twice, and its category changed once (not an edit of its text)
    first = edit_post(api, post_id, 1, title="v2", body="two")
    second = edit_post(api, post_id, 2, body="three")
    moved = edit_post(api, post_id, 3, category="science")
    # Then the post says when, and keeps what each edit replaced, newest first
    post = data(api.execute(POST, p=post_id))["post"]
    assert (post["title"], post["body"], post["editedAt"]) == ("v2", "three", second["editedAt"])
    assert moved["editedAt"] == second["editedAt"]
    assert [(e["version"], e["title"], e["body"]) for e in post["edits"]] == [
        (2, "v2", "two"),
        (1, "v1", "one"),
    ]
    assert post["edits"][0]["writtenAt"] == first["editedAt"]
    assert post["edits"][0]["replacedAt"] == second["editedAt"]
    assert post["edits"][1]["replacedAt"] == first["editedAt"]
    # And `limit` holds
    assert len(data(api.execute(POST, p=post_id, n=1))["post"]["edits"]) == 1


def test_a_comment_keeps_its_history_and_a_stale_edit_keeps_nothing(
    api: GraphQLClient, store: Store, post_id: str
) -> None:
    comment = store.comments.add(post_id, BOB, "frist")
    edit = {"postId": post_id, "id": comment.id, "body": "first", "expectedVersion": 1}
    edited = data(api.as_user(BOB).execute(UPDATE_COMMENT, i=edit))["updateComment"]
    stale = api.as_user(BOB).execute(UPDATE_COMMENT, i={**edit, "body": "lost"})
    assert error_codes(stale) == ["CONFLICT"]
    (shown,) = data(api.execute(POST, p=post_id))["post"]["comments"]["items"]
    assert (shown["body"], shown["editedAt"]) == ("first", edited["editedAt"])
    assert shown["edits"] == [
        {
            "version": 1,
            "body": "frist",
            "writtenAt": comment.created_at,
            "replacedAt": edited["editedAt"],
        }
    ]


@pytest.mark.parametrize("limit", [0, 51, -1])
def test_an_edits_limit_out_of_range_is_bad_input(
    api: GraphQLClient, post_id: str, limit: int
) -> None:
    result = api.execute(POST, p=post_id, n=limit)
    assert error_codes(result) == ["BAD_USER_INPUT"]


def test_a_page_of_never_edited_posts_reads_no_history(
    api: GraphQLClient, store: Store, post_id: str, counter: RequestCounter
) -> None:
    counter.reset()
    data(api.execute("{ posts(limit: 20) { items { id edits { version } } } }"))
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}


def test_an_edit_notifies_nobody_and_leaves_the_post_in_its_place_in_feeds(
    api: GraphQLClient, store: Store, post_id: str, pump: Pump
) -> None:
    # Given bob follows alice, who posts again; bob comments on the first post
    store.follows.follow(BOB, ALICE)
    later = store.posts.create(author_id=ALICE, title="later", body="", category="tech").id
    comment = store.comments.add(post_id, BOB, "nice")
    pump()
    feed = "{ feed { items { id } } }"
    before = [p["id"] for p in data(api.as_user(BOB).execute(feed))["feed"]["items"]]
    assert before == [later, post_id]
    count = "{ unreadNotificationCount }"
    unread = {p: data(api.as_user(p).execute(count)) for p in (ALICE, BOB)}
    assert unread[ALICE]["unreadNotificationCount"] >= 1  # bob's comment: the count can move
    # When alice edits the older post and bob his comment
    edit_post(api, post_id, 1, body="edited")
    edit = {"postId": post_id, "id": comment.id, "body": "very nice", "expectedVersion": 1}
    data(api.as_user(BOB).execute(UPDATE_COMMENT, i=edit))
    pump()
    # Then bob's feed keeps its order and nobody has news
    after = [p["id"] for p in data(api.as_user(BOB).execute(feed))["feed"]["items"]]
    assert after == before
    assert {p: data(api.as_user(p).execute(count)) for p in (ALICE, BOB)} == unread
