"""Who may do what: sign-in for every operation but `health`, owners and moderators."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from resolvers.registry import ROOT_TYPES, is_public, registered
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

ANONYMOUS_REFUSED = {
    "posts": "{ posts { items { id } } }",
    "post": '{ post(id: "01HZ0000000000000000000000") { id } }',
    "user": '{ user(id: "u1") { id } }',
    "me": "{ me { id } }",
    "categories": "{ categories }",
    "createPost": 'mutation { createPost(input: {title: "t", category: "tech"}) { id } }',
    "updatePost": 'mutation { updatePost(input: {id: "01HZ0000000000000000000000", '
    'expectedVersion: 1, title: "x"}) { id } }',
    "deletePost": 'mutation { deletePost(id: "01HZ0000000000000000000000") { id } }',
    "feed": "{ feed { items { id } } }",
    "postsByIds": '{ postsByIds(ids: ["01HZ0000000000000000000000"]) { id } }',
    "postEvents": "{ postEvents { cursor } }",
    "feedUpdates": "{ feedUpdates { cursor } }",
    "createProfile": 'mutation { createProfile(input: {handle: "anon", displayName: "A"}) { id } }',
    "updateProfile": 'mutation { updateProfile(input: {bio: "x"}) { id } }',
    "follow": 'mutation { follow(userId: "u1") { id } }',
    "unfollow": 'mutation { unfollow(userId: "u1") { id } }',
    "likePost": 'mutation { likePost(postId: "01HZ0000000000000000000000") { id } }',
    "unlikePost": 'mutation { unlikePost(postId: "01HZ0000000000000000000000") { id } }',
    "addComment": 'mutation { addComment(input: {postId: "01HZ0000000000000000000000", '
    'body: "x"}) { id } }',
    "deleteComment": 'mutation { deleteComment(postId: "01HZ0000000000000000000000", '
    'id: "01HZ0000000000000000000001") { id } }',
    "updateComment": 'mutation { updateComment(input: {postId: "01HZ0000000000000000000000", '
    'id: "01HZ0000000000000000000001", expectedVersion: 1, body: "x"}) { id } }',
    "createUpload": 'mutation { createUpload(input: {contentType: "image/png", size: 10, '
    'filename: "a.png"}) { url } }',
    "completeUpload": 'mutation { completeUpload(id: "01HZ0000000000000000000000") { id } }',
    "block": 'mutation { block(userId: "u1") { id } }',
    "unblock": 'mutation { unblock(userId: "u1") { id } }',
    "mute": 'mutation { mute(userId: "u1") { id } }',
    "unmute": 'mutation { unmute(userId: "u1") { id } }',
    "blockedUsers": "{ blockedUsers { items { id } } }",
    "mutedUsers": "{ mutedUsers { items { id } } }",
    "report": 'mutation { report(input: {userId: "u1", reason: SPAM}) { id } }',
    "myReports": "{ myReports { items { id } } }",
    "moderationQueue": "{ moderationQueue { items { id } } }",
    "moderationCase": '{ moderationCase(id: "user:u1") { id } }',
    "auditLog": "{ auditLog { items { id } } }",
    "resolveReport": 'mutation { resolveReport(input: {id: "user:u1", action: DISMISS, '
    'reason: "x"}) { id } }',
    "notifications": "{ notifications { items { id } } }",
    "likeComment": 'mutation { likeComment(postId: "01HZ0000000000000000000000", '
    'id: "01HZ0000000000000000000001") { id } }',
    "unlikeComment": 'mutation { unlikeComment(postId: "01HZ0000000000000000000000", '
    'id: "01HZ0000000000000000000001") { id } }',
    "bookmark": 'mutation { bookmark(postId: "01HZ0000000000000000000000") { id } }',
    "unbookmark": 'mutation { unbookmark(postId: "01HZ0000000000000000000000") { id } }',
    "bookmarks": "{ bookmarks { items { id } } }",
    "comment": '{ comment(postId: "01HZ0000000000000000000000", '
    'id: "01HZ0000000000000000000001") { id } }',
    "unreadNotificationCount": "{ unreadNotificationCount }",
    "notificationUpdates": "{ notificationUpdates { cursor } }",
    "hashtag": '{ hashtag(tag: "a") { tag posts { items { id } } } }',
    "trendingHashtags": "{ trendingHashtags { tag count } }",
    "searchUsers": '{ searchUsers(query: "a") { items { id } } }',
    "markNotificationsSeen": "mutation { markNotificationsSeen }",
    "accountDeletion": "{ accountDeletion { status } }",
    "deleteAccount": 'mutation { deleteAccount(confirm: "x") { status } }',
    "exportAccount": "mutation { exportAccount { url } }",
    "repost": 'mutation { repost(postId: "01HZ0000000000000000000000") { id } }',
    "unrepost": 'mutation { unrepost(postId: "01HZ0000000000000000000000") { id } }',
}


#: Subscriptions: the socket is refused at connection_init (tests/integration/test_serve.py).
REFUSED_AT_CONNECTION = {"onPostEvent", "onFeedUpdate", "onNotification"}


def test_only_health_is_public_and_every_other_root_field_is_tested_here() -> None:
    roots = {name for name in registered() if name.partition(".")[0] in ROOT_TYPES}
    assert {name for name in roots if is_public(name)} == {"Query.health"}
    tested = set(ANONYMOUS_REFUSED) | REFUSED_AT_CONNECTION
    assert {name.partition(".")[2] for name in roots} - {"health"} == tested


@pytest.mark.parametrize("query", ANONYMOUS_REFUSED.values(), ids=ANONYMOUS_REFUSED.keys())
def test_anonymous_callers_are_refused(api: GraphQLClient, query: str) -> None:
    assert error_codes(api.anonymous().execute(query)) == ["UNAUTHENTICATED"]


def test_health_needs_no_sign_in(api: GraphQLClient) -> None:
    assert api.anonymous().execute("{ health }") == {"data": {"health": "ok"}}


@pytest.fixture
def alices_post(store: Store) -> str:
    return store.posts.create(author_id=ALICE, title="mine", body="b", category="tech").id


@pytest.mark.parametrize("groups", [(), ("moderators",)], ids=["member", "moderator"])
def test_nobody_edits_another_users_post(
    api: GraphQLClient,
    alices_post: str,
    groups: tuple[str, ...],
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    before = table_items(dynamodb, table)
    result = api.as_user(BOB, *groups).execute(
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }",
        i={"id": alices_post, "expectedVersion": 1, "title": "hijacked"},
    )
    assert error_codes(result) == ["FORBIDDEN"]
    assert table_items(dynamodb, table) == before


def test_member_cannot_delete_another_users_post(
    api: GraphQLClient, alices_post: str, store: Store
) -> None:
    result = api.as_user(BOB).execute(
        "mutation($id: ID!) { deletePost(id: $id) { id } }", id=alices_post
    )
    assert error_codes(result) == ["FORBIDDEN"]
    assert store.posts.get(alices_post) is not None


def test_moderator_can_delete_any_post(api: GraphQLClient, alices_post: str, store: Store) -> None:
    result = api.as_user(BOB, "moderators").execute(
        "mutation($id: ID!) { deletePost(id: $id) { id } }", id=alices_post
    )
    assert result == {"data": {"deletePost": {"id": alices_post}}}
    assert store.posts.get(alices_post) is None


def test_moderator_delete_of_missing_post_is_not_found(api: GraphQLClient) -> None:
    result = api.as_user(BOB, "moderators").execute(
        'mutation { deletePost(id: "01HZ0000000000000000000000") { id } }'
    )
    assert error_codes(result) == ["NOT_FOUND"]


def test_a_differently_named_group_is_not_moderation(api: GraphQLClient, alices_post: str) -> None:
    result = api.as_user(BOB, "moderators-trainee").execute(
        "mutation($id: ID!) { deletePost(id: $id) { id } }", id=alices_post
    )
    assert error_codes(result) == ["FORBIDDEN"]
