"""Threads through GraphQL: replies, depth capping, paging at every level, orders, placeholders,
the two-request budget, blocks and reply notifications."""

from __future__ import annotations

from typing import Any

import pytest

from core.clock import now_iso
from core.limits import REPLY_PREVIEW, THREAD_DEPTH
from core.models import UserProfile
from store.repository import Store
from tests.api.conftest import Pump
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

CAROL = "carol-3"
ADD = """mutation($p: ID!, $parent: ID, $b: String!) {
  addComment(input: {postId: $p, parentId: $parent, body: $b}) { id parentId depth } }"""
DELETE = "mutation($p: ID!, $c: ID!) { deleteComment(postId: $p, id: $c) { id } }"
THREAD = """query($p: ID!) { post(id: $p) { commentCount comments(limit: 20) { items {
  id body deleted depth replyCount author { id }
  replies { items { id body depth author { id } } nextToken } } nextToken } } }"""
REPLIES = """query($p: ID!, $limit: Int!, $t: String) { post(id: $p) { comments(limit: 1) {
  items { replies(limit: $limit, nextToken: $t) { items { body } nextToken } } } } }"""


def profile(store: Store, user_id: str) -> None:
    store.users.create(UserProfile(user_id, user_id.replace("-", "_"), user_id, now_iso()))


@pytest.fixture
def post_id(store: Store) -> str:
    for person in (ALICE, BOB, CAROL):
        profile(store, person)
    return store.posts.create(author_id=ALICE, title="t", body="", category="tech").id


def data(result: dict[str, Any]) -> Any:
    assert "errors" not in result, result
    return result["data"]


def add(api: GraphQLClient, user: str, post_id: str, body: str, parent: str | None = None) -> Any:
    result = api.as_user(user).execute(ADD, p=post_id, parent=parent, b=body)
    return data(result)["addComment"]


def thread(api: GraphQLClient, post_id: str) -> Any:
    return data(api.execute(THREAD, p=post_id))["post"]


def test_a_reply_hangs_from_its_parent_and_counts_everywhere(
    api: GraphQLClient, post_id: str
) -> None:
    # Given a comment
    top = add(api, BOB, post_id, "top")
    assert (top["parentId"], top["depth"]) == (None, 0)
    # When two people reply
    first = add(api, CAROL, post_id, "first", top["id"])
    add(api, ALICE, post_id, "second", top["id"])
    # Then the replies hang from it, in order, and both counts are exact
    assert (first["parentId"], first["depth"]) == (top["id"], 1)
    post = thread(api, post_id)
    assert post["commentCount"] == 3
    (comment,) = post["comments"]["items"]  # replies are not comments on the post itself
    assert comment["replyCount"] == 2
    replies = comment["replies"]["items"]
    assert [(r["body"], r["depth"], r["author"]["id"]) for r in replies] == [
        ("first", 1, CAROL),
        ("second", 1, ALICE),
    ]
    query = """query($p: ID!) { post(id: $p) { comments { items {
      replies { items { parent { id } } } } } } }"""
    found = data(api.execute(query, p=post_id))["post"]["comments"]["items"][0]
    assert found["replies"]["items"][0]["parent"] == {"id": top["id"]}


def test_replies_deeper_than_the_cap_attach_to_the_deepest_allowed_ancestor(
    api: GraphQLClient, post_id: str
) -> None:
    # Given a chain of replies as deep as allowed
    chain = [add(api, BOB, post_id, "d0")]
    for depth in range(1, THREAD_DEPTH + 1):
        chain.append(add(api, BOB, post_id, f"d{depth}", chain[-1]["id"]))
    assert chain[-1]["depth"] == THREAD_DEPTH
    # When someone replies to the deepest one
    deeper = add(api, CAROL, post_id, "too deep", chain[-1]["id"])
    # Then it attaches beside it, to the deepest ancestor that may hold replies
    assert deeper["depth"] == THREAD_DEPTH
    assert deeper["parentId"] == chain[-2]["id"]
    assert [c["depth"] for c in chain] == list(range(THREAD_DEPTH + 1))


def test_every_level_pages_without_a_cap(api: GraphQLClient, store: Store, post_id: str) -> None:
    # Given 25 comments, 8 replies to the first and 8 replies to one of those
    tops = [store.comments.add(post_id, BOB, f"c{n}") for n in range(25)]
    replies = [store.comments.add(post_id, CAROL, f"r{n}", tops[0].id) for n in range(8)]
    for n in range(8):
        store.comments.add(post_id, BOB, f"rr{n}", replies[0].id)
    # Then the post's comments page in order, in every order asked
    query = """query($p: ID!, $o: CommentOrder!, $t: String) { post(id: $p) {
      comments(limit: 10, order: $o, nextToken: $t) { items { body } nextToken } } }"""
    for order, expected in (("OLDEST", list(range(25))), ("NEWEST", list(range(24, -1, -1)))):
        seen: list[str] = []
        token = None
        while True:
            page = data(api.execute(query, p=post_id, o=order, t=token))["post"]["comments"]
            seen += [c["body"] for c in page["items"]]
            token = page["nextToken"]
            if token is None:
                break
        assert seen == [f"c{n}" for n in expected]
    # And the replies page from the first replies on, at each level
    for limit in (REPLY_PREVIEW, 2, 5):
        seen, token = [], None
        while True:
            result = api.execute(REPLIES, p=post_id, limit=limit, t=token)
            page = data(result)["post"]["comments"]["items"][0]["replies"]
            seen += [r["body"] for r in page["items"]]
            token = page["nextToken"]
            if token is None:
                break
        assert seen == [f"r{n}" for n in range(8)], limit
    deep = """query($p: ID!) { post(id: $p) { comments(limit: 1) { items { replies(limit: 1) {
      items { replyCount replies(limit: 5) { items { body } nextToken } } } } } } }"""
    first_reply = data(api.execute(deep, p=post_id))["post"]["comments"]["items"][0]
    level = first_reply["replies"]["items"][0]
    assert level["replyCount"] == 8
    assert [r["body"] for r in level["replies"]["items"]] == [f"rr{n}" for n in range(5)]
    more = """query($p: ID!, $t: String) { post(id: $p) { comments(limit: 1) { items {
      replies(limit: 1) { items { replies(limit: 5, nextToken: $t) { items { body } } } } } } } }"""
    rest = data(api.execute(more, p=post_id, t=level["replies"]["nextToken"]))
    rest_items = rest["post"]["comments"]["items"][0]["replies"]["items"][0]["replies"]["items"]
    assert [r["body"] for r in rest_items] == [f"rr{n}" for n in range(5, 8)]


def test_a_token_of_one_level_is_refused_by_another(
    api: GraphQLClient, store: Store, post_id: str
) -> None:
    tops = [store.comments.add(post_id, BOB, f"c{n}") for n in range(3)]
    for n in range(REPLY_PREVIEW + 2):
        store.comments.add(post_id, CAROL, f"r{n}", tops[0].id)
    query = "query($p: ID!) { post(id: $p) { comments(limit: 1) { nextToken } } }"
    token = data(api.execute(query, p=post_id))["post"]["comments"]["nextToken"]
    result = api.execute(REPLIES, p=post_id, limit=2, t=token)
    assert error_codes(result) == ["BAD_USER_INPUT"]


def test_a_post_with_comments_and_their_first_replies_costs_two_requests(
    api: GraphQLClient, store: Store, post_id: str, counter: RequestCounter
) -> None:
    # Given 10 comments by 5 people, each with 3 replies
    people = [f"person-{n}" for n in range(5)]
    for person in people:
        profile(store, person)
    for n in range(10):
        top = store.comments.add(post_id, people[n % 5], f"c{n}")
        for r in range(3):
            store.comments.add(post_id, people[(n + r + 1) % 5], f"c{n}.{r}", top.id)
    # When the post is read with its comments, their replies, and everyone's profile
    counter.reset()
    post = data(api.execute(THREAD, p=post_id))["post"]
    # Then it costs one Query and one batch
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}
    assert len(post["comments"]["items"]) == 10
    for n, comment in enumerate(post["comments"]["items"]):
        assert [r["body"] for r in comment["replies"]["items"]] == [f"c{n}.{r}" for r in range(3)]
        assert all(r["author"]["id"] in people for r in comment["replies"]["items"])
    # And in the other orders too
    for order in ("NEWEST", "TOP"):
        counter.reset()
        query = THREAD.replace("comments(limit: 20)", f"comments(limit: 20, order: {order})")
        assert len(data(api.execute(query, p=post_id))["post"]["comments"]["items"]) == 10
        assert counter.calls == {"Query": 1, "BatchGetItem": 1}, order


def test_a_deleted_comment_with_replies_stays_as_a_placeholder(
    api: GraphQLClient, post_id: str
) -> None:
    # Given a comment with one reply, and another with none
    top = add(api, BOB, post_id, "top")
    reply = add(api, CAROL, post_id, "reply", top["id"])
    lone = add(api, BOB, post_id, "lone")
    # When both are deleted
    data(api.as_user(BOB).execute(DELETE, p=post_id, c=top["id"]))
    data(api.as_user(BOB).execute(DELETE, p=post_id, c=lone["id"]))
    # Then the one with a reply holds the thread together, without text or author
    post = thread(api, post_id)
    assert post["commentCount"] == 1
    (placeholder,) = post["comments"]["items"]
    assert placeholder["deleted"] is True
    assert (placeholder["body"], placeholder["author"]) == ("", None)
    assert [r["body"] for r in placeholder["replies"]["items"]] == ["reply"]
    # And it takes no new replies, and cannot be deleted twice
    result = api.as_user(ALICE).execute(ADD, p=post_id, parent=top["id"], b="late")
    assert error_codes(result) == ["NOT_FOUND"]
    assert error_codes(api.as_user(BOB).execute(DELETE, p=post_id, c=top["id"])) == ["NOT_FOUND"]
    # When the reply goes too, the placeholder's count follows
    data(api.as_user(CAROL).execute(DELETE, p=post_id, c=reply["id"]))
    post = thread(api, post_id)
    assert post["commentCount"] == 0
    assert post["comments"]["items"][0]["replyCount"] == 0
    assert post["comments"]["items"][0]["replies"]["items"] == []


def test_deleting_a_first_reply_lets_the_next_ones_show(
    api: GraphQLClient, store: Store, post_id: str
) -> None:
    top = store.comments.add(post_id, BOB, "top")
    replies = [store.comments.add(post_id, CAROL, f"r{n}", top.id) for n in range(5)]
    store.comments.delete(post_id, replies[1].id, author_id=CAROL)
    seen, token = [], None
    while True:
        page = data(api.execute(REPLIES, p=post_id, limit=REPLY_PREVIEW, t=token))
        replies_page = page["post"]["comments"]["items"][0]["replies"]
        seen += [r["body"] for r in replies_page["items"]]
        token = replies_page["nextToken"]
        if token is None:
            break
    assert seen == ["r0", "r2", "r3", "r4"]
    assert store.comments.get(post_id, top.id).reply_count == 4  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("parent", "code"),
    [
        ("01ARZ3NDEKTSV4RRFFQ69G5FAV", "NOT_FOUND"),  # well formed, nobody wrote it
        ("not-an-id", "BAD_USER_INPUT"),
        ("POST#COMMENT#01ARZ3NDEKTSV4RRFFQ69G5FAV", "BAD_USER_INPUT"),
    ],
)
def test_a_reply_to_nothing_is_refused_and_writes_nothing(
    api: GraphQLClient, post_id: str, dynamodb: Any, table: str, parent: str, code: str
) -> None:
    before = table_items(dynamodb, table)
    result = api.as_user(BOB).execute(ADD, p=post_id, parent=parent, b="hello")
    assert error_codes(result) == [code]
    assert table_items(dynamodb, table) == before


def test_a_blocked_person_cannot_reply_to_the_blockers_comment(
    api: GraphQLClient, store: Store, post_id: str, dynamodb: Any, table: str
) -> None:
    # Given bob's comment on alice's post, and bob blocking carol
    top = add(api, BOB, post_id, "top")
    store.blocks.block(BOB, CAROL)
    before = table_items(dynamodb, table)
    # Then carol cannot reply to it, and nothing is written
    result = api.as_user(CAROL).execute(ADD, p=post_id, parent=top["id"], b="hi")
    assert error_codes(result) == ["FORBIDDEN"]
    assert table_items(dynamodb, table) == before
    # While she can still comment on alice's post
    add(api, CAROL, post_id, "on the post")


def test_a_reply_notifies_the_comments_author_and_self_replies_are_silent(
    api: GraphQLClient, post_id: str, pump: Pump
) -> None:
    notifications = "{ notifications { items { kind actors { id } comment { body } } } }"
    top = add(api, BOB, post_id, "top")
    add(api, BOB, post_id, "my own follow-up", top["id"])
    add(api, CAROL, post_id, "a reply", top["id"])
    pump()
    bob = data(api.as_user(BOB).execute(notifications))["notifications"]["items"]
    assert bob == [{"kind": "REPLY", "actors": [{"id": CAROL}], "comment": {"body": "a reply"}}]
    alice = data(api.as_user(ALICE).execute(notifications))["notifications"]["items"]
    assert sorted(n["kind"] for n in alice) == ["COMMENT", "COMMENT", "COMMENT"]
