"""Profiles, follows, likes, comments through GraphQL: behaviour, budgets, exact counts."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

from core.clock import now_iso
from core.models import FeedEntry, UserProfile
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

CREATE_PROFILE = "mutation($i: CreateProfileInput!) { createProfile(input: $i) { id handle } }"
LIKE = "mutation($p: ID!) { likePost(postId: $p) { likeCount viewerHasLiked } }"
UNLIKE = "mutation($p: ID!) { unlikePost(postId: $p) { likeCount viewerHasLiked } }"
FOLLOW = "mutation($u: ID!) { follow(userId: $u) { followerCount viewerFollows } }"
UNFOLLOW = "mutation($u: ID!) { unfollow(userId: $u) { followerCount viewerFollows } }"
COMMENT = "mutation($i: AddCommentInput!) { addComment(input: $i) { id body author { id } } }"


def make_profile(store: Store, user_id: str) -> None:
    store.users.create(UserProfile(user_id, user_id.lower(), user_id.title(), now_iso()))


def make_post(store: Store, author: str = ALICE, title: str = "t") -> str:
    return store.posts.create(author_id=author, title=title, body="", category="tech").id


# Profiles


def test_profile_lifecycle(api: GraphQLClient) -> None:
    alice = api.as_user(ALICE)
    assert alice.execute("{ me { id } }") == {"data": {"me": None}}
    created = alice.execute(CREATE_PROFILE, i={"handle": "alice", "displayName": "Alice"})
    assert created["data"]["createProfile"] == {"id": ALICE, "handle": "alice"}
    updated = alice.execute(
        'mutation { updateProfile(input: {bio: "Hi"}) { bio displayName followerCount } }'
    )
    assert updated["data"]["updateProfile"] == {
        "bio": "Hi",
        "displayName": "Alice",
        "followerCount": 0,
    }
    by_handle = api.execute('{ user(handle: "alice") { id } }')
    assert by_handle["data"]["user"] == {"id": ALICE}
    assert api.execute('{ user(handle: "nobody") { id } }') == {"data": {"user": None}}


@pytest.mark.parametrize(
    ("first", "second", "code"),
    [
        (("alice", ALICE), ("alice", BOB), "CONFLICT"),  # handle taken
        (("alice", ALICE), ("alice2", ALICE), "CONFLICT"),  # second profile
    ],
)
def test_profile_conflicts(
    api: GraphQLClient, first: tuple[str, str], second: tuple[str, str], code: str
) -> None:
    api.as_user(first[1]).execute(CREATE_PROFILE, i={"handle": first[0], "displayName": "A"})
    result = api.as_user(second[1]).execute(
        CREATE_PROFILE, i={"handle": second[0], "displayName": "B"}
    )
    assert error_codes(result) == [code]


# Follows


def test_follow_is_idempotent_with_exact_counts(api: GraphQLClient, store: Store) -> None:
    make_profile(store, ALICE)
    make_profile(store, BOB)
    alice = api.as_user(ALICE)
    for _ in range(2):
        result = alice.execute(FOLLOW, u=BOB)
        assert result["data"]["follow"] == {"followerCount": 1, "viewerFollows": True}
    me = alice.execute("{ me { followingCount following { items { id } } } }")["data"]["me"]
    assert me == {"followingCount": 1, "following": {"items": [{"id": BOB}]}}
    followers = alice.execute(
        "query($u: ID!) { user(id: $u) { followers { items { id } nextToken } } }", u=BOB
    )
    assert followers["data"]["user"]["followers"] == {"items": [{"id": ALICE}], "nextToken": None}
    for _ in range(2):
        result = alice.execute(UNFOLLOW, u=BOB)
        assert result["data"]["unfollow"] == {"followerCount": 0, "viewerFollows": False}


def test_concurrent_follows_keep_exact_counts(
    store: Store, dynamodb: DynamoDBClient, table: str
) -> None:
    # Given 20 users and one popular account
    make_profile(store, "star")
    fans = [f"fan{n}" for n in range(20)]
    for fan in fans:
        make_profile(store, fan)

    # When they follow and unfollow it concurrently, in random order
    def churn(fan: str) -> None:
        rng = random.Random(fan)
        for _ in range(6):
            if rng.random() < 0.6:
                store.follows.follow(fan, "star")
            else:
                store.follows.unfollow(fan, "star")

    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(churn, fans))
    # Then every count equals the follow items that exist
    items = table_items(dynamodb, table)
    follows = [i for i in items if i["SK"]["S"] == "FOLLOWS#star"]
    star = store.users.get("star")
    assert star is not None
    assert star.follower_count == len(follows)
    for fan in fans:
        profile = store.users.get(fan)
        assert profile is not None
        assert profile.following_count == sum(1 for i in follows if i["PK"]["S"] == f"USER#{fan}")


# Likes


def test_like_is_idempotent_and_shows_for_the_viewer_only(api: GraphQLClient, store: Store) -> None:
    post_id = make_post(store)
    bob = api.as_user(BOB)
    for _ in range(2):
        assert bob.execute(LIKE, p=post_id)["data"]["likePost"] == {
            "likeCount": 1,
            "viewerHasLiked": True,
        }
    seen_by_alice = api.execute(
        "query($p: ID!) { post(id: $p) { likeCount viewerHasLiked } }", p=post_id
    )
    assert seen_by_alice["data"]["post"] == {"likeCount": 1, "viewerHasLiked": False}
    for _ in range(2):
        assert bob.execute(UNLIKE, p=post_id)["data"]["unlikePost"] == {
            "likeCount": 0,
            "viewerHasLiked": False,
        }


def test_concurrent_likes_keep_an_exact_count(
    store: Store, dynamodb: DynamoDBClient, table: str
) -> None:
    post_id = make_post(store)
    users = [f"liker{n}" for n in range(20)]

    def churn(user: str) -> None:
        rng = random.Random(user)
        for _ in range(6):
            if rng.random() < 0.6:
                store.likes.like(post_id, user, ALICE)
            else:
                store.likes.unlike(post_id, user)

    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(churn, users))
    likes = [i for i in table_items(dynamodb, table) if i["SK"]["S"].startswith("LIKE#")]
    post = store.posts.get(post_id)
    assert post is not None
    assert post.like_count == len(likes)
    assert len(likes) > 0


# Comments


def test_comments_oldest_first_with_pages_and_exact_count(api: GraphQLClient, store: Store) -> None:
    post_id = make_post(store)
    for n in range(5):
        api.as_user(BOB).execute(COMMENT, i={"postId": post_id, "body": f"c{n}"})
    query = """query($p: ID!, $t: String) { post(id: $p) { commentCount
        comments(limit: 2, nextToken: $t) { items { body } nextToken } } }"""
    seen, token = [], None
    while True:
        post = api.execute(query, p=post_id, t=token)["data"]["post"]
        assert post["commentCount"] == 5
        seen += [c["body"] for c in post["comments"]["items"]]
        token = post["comments"]["nextToken"]
        if token is None:
            break
    assert seen == ["c0", "c1", "c2", "c3", "c4"]


@pytest.mark.parametrize(
    ("deleter", "groups", "code"),
    [(BOB, (), None), (ALICE, (), "FORBIDDEN"), (ALICE, ("moderators",), None)],
    ids=["author", "someone else", "moderator"],
)
def test_who_may_delete_a_comment(
    api: GraphQLClient, store: Store, deleter: str, groups: tuple[str, ...], code: str | None
) -> None:
    post_id = make_post(store)
    comment = api.as_user(BOB).execute(COMMENT, i={"postId": post_id, "body": "hi"})
    comment_id = comment["data"]["addComment"]["id"]
    result = api.as_user(deleter, *groups).execute(
        "mutation($p: ID!, $c: ID!) { deleteComment(postId: $p, id: $c) { id } }",
        p=post_id,
        c=comment_id,
    )
    post = store.posts.get(post_id)
    assert post is not None
    if code is None:
        assert result == {"data": {"deleteComment": {"id": comment_id}}}
        assert post.comment_count == 0
    else:
        assert error_codes(result) == [code]
        assert post.comment_count == 1


# Round trips


def _seed_feed(store: Store, viewer: str, size: int) -> None:
    authors = [f"author{n}" for n in range(10)]
    for author in authors:
        make_profile(store, author)
    entries = []
    for n in range(size):
        post = store.posts.create(
            author_id=authors[n % len(authors)], title=f"p{n}", body="", category="tech"
        )
        if n % 3 == 0:
            store.likes.like(post.id, viewer, post.author_id)
        if n % 4 == 0:
            store.comments.add(post.id, authors[0], "first!")
        entries.append(FeedEntry(viewer, post.id, post.author_id, post.created_at))
    store.feeds.add(entries)


@pytest.mark.parametrize("size", [20, 50])
def test_a_feed_page_costs_at_most_three_requests(
    api: GraphQLClient, store: Store, counter: RequestCounter, size: int
) -> None:
    _seed_feed(store, ALICE, size)
    counter.reset()
    result = api.execute(
        "query($n: Int!) { feed(limit: $n) { items { id author { handle } likeCount "
        "viewerHasLiked commentCount } } }",
        n=size,
    )
    items = result["data"]["feed"]["items"]
    assert len(items) == size
    assert sum(i["viewerHasLiked"] for i in items) == len(range(0, size, 3))
    assert all(i["author"]["handle"].startswith("author") for i in items)
    assert counter.total <= 3, counter.calls


@pytest.mark.parametrize(
    "query",
    [
        "query($p: ID!) { post(id: $p) { title commentCount comments(limit: 20) "
        "{ items { body author { handle } } nextToken } } }",
        "query($p: ID!, $n: Int! = 20) { post(id: $p) { title commentCount comments(limit: $n) "
        "{ items { body author { handle } } nextToken } } }",
        "query($p: ID!) { post(id: $p) { ...comments } } fragment comments on Post { title "
        "comments(limit: 20) { items { body author { handle } } nextToken } }",
        "query($p: ID!) { post(id: $p) { ... on Post { ... { comments(limit: 20) "
        "{ items { body author { handle } } nextToken } } } } }",
    ],
    ids=["literal limit", "variable limit", "a fragment named like the field", "inline fragments"],
)
def test_a_post_with_20_comments_and_their_authors_costs_two_requests(
    api: GraphQLClient, store: Store, counter: RequestCounter, query: str
) -> None:
    post_id = make_post(store)
    for n in range(25):
        make_profile(store, f"commenter{n}")
        store.comments.add(post_id, f"commenter{n}", f"c{n}")
    counter.reset()
    result = api.execute(query, p=post_id)
    comments = result["data"]["post"]["comments"]
    assert [c["body"] for c in comments["items"]] == [f"c{n}" for n in range(20)]
    assert all(c["author"]["handle"] for c in comments["items"])
    assert counter.calls == {"Query": 1, "BatchGetItem": 1}
    # And the token it returned continues with the remaining five
    rest = api.execute(
        "query($p: ID!, $t: String) { post(id: $p) { comments(limit: 20, nextToken: $t) "
        "{ items { body } nextToken } } }",
        p=post_id,
        t=comments["nextToken"],
    )["data"]["post"]["comments"]
    assert [c["body"] for c in rest["items"]] == [f"c{n}" for n in range(20, 25)]
    assert rest["nextToken"] is None


# Bad input


@pytest.fixture
def world(store: Store) -> dict[str, str]:
    make_profile(store, ALICE)
    make_profile(store, BOB)
    live = make_post(store, BOB, "live")
    deleted = make_post(store, BOB, "deleted")
    store.posts.delete(deleted, author_id=BOB)
    return {"live": live, "deleted": deleted}


BAD: dict[str, tuple[str, dict[str, Any], str]] = {
    "follow a missing user": (FOLLOW, {"u": "nobody"}, "NOT_FOUND"),
    "follow yourself": (FOLLOW, {"u": ALICE}, "BAD_USER_INPUT"),
    "follow a malformed id": (FOLLOW, {"u": "USER#x"}, "BAD_USER_INPUT"),
    "like a deleted post": (LIKE, {"p": "{deleted}"}, "NOT_FOUND"),
    "like a malformed post id": (LIKE, {"p": "nope"}, "BAD_USER_INPUT"),
    "comment over 2,000 characters": (
        COMMENT,
        {"i": {"postId": "{live}", "body": "x" * 2001}},
        "BAD_USER_INPUT",
    ),
    "empty comment": (COMMENT, {"i": {"postId": "{live}", "body": "  "}}, "BAD_USER_INPUT"),
    "comment on a missing post": (
        COMMENT,
        {"i": {"postId": "{deleted}", "body": "hello?"}},
        "NOT_FOUND",
    ),
    "delete a missing comment": (
        'mutation($p: ID!) { deleteComment(postId: $p, id: "01HZ0000000000000000000000") { id } }',
        {"p": "{live}"},
        "NOT_FOUND",
    ),
    "bad handle": (CREATE_PROFILE, {"i": {"handle": "A B", "displayName": "x"}}, "BAD_USER_INPUT"),
    "user by id and handle": ('{ user(id: "u1", handle: "a") { id } }', {}, "BAD_USER_INPUT"),
}


@pytest.mark.parametrize(("query", "variables", "code"), BAD.values(), ids=BAD.keys())
def test_bad_social_input(
    api: GraphQLClient,
    world: dict[str, str],
    dynamodb: DynamoDBClient,
    table: str,
    query: str,
    variables: dict[str, Any],
    code: str,
) -> None:
    before = table_items(dynamodb, table)

    def fill(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        return value.format(**world) if isinstance(value, str) and "{" in value else value

    filled = fill(variables)
    result = api.execute(query, **filled)
    assert error_codes(result) == [code], result
    assert table_items(dynamodb, table) == before


def test_following_needs_your_own_profile(api: GraphQLClient, store: Store) -> None:
    make_profile(store, BOB)
    result = api.as_user(ALICE).execute(FOLLOW, u=BOB)
    assert error_codes(result) == ["FORBIDDEN"]
    assert "createProfile" in result["errors"][0]["message"]
