"""updateComment: the author changes the text, guarded by `expectedVersion` like updatePost."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from core.clock import now_iso
from core.models import UserProfile
from tests.api.conftest import LambdaContext
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.appsync import appsync_event

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.repository import Store

pytestmark = pytest.mark.integration

ADD = "mutation($i: AddCommentInput!) { addComment(input: $i) { id version editedAt } }"
UPDATE = """mutation($i: UpdateCommentInput!) {
  updateComment(input: $i) { id postId body version editedAt createdAt author { id } }
}"""
COMMENTS = """query($id: ID!) {
  post(id: $id) { commentCount comments { items { id body version editedAt } } }
}"""
MISSING = "01HZ0000000000000000000000"


@pytest.fixture
def comment(api: GraphQLClient, store: Store) -> dict[str, str]:
    """Alice's post with Bob's comment on it."""
    for user in (ALICE, BOB):
        store.users.create(UserProfile(user, user.lower()[-8:], user.title(), now_iso()))
    post_id = store.posts.create(author_id=ALICE, title="t", body="", category="tech").id
    added = api.as_user(BOB).execute(ADD, i={"postId": post_id, "body": "frist"})
    return {"postId": post_id, "id": added["data"]["addComment"]["id"]}


def update(api: GraphQLClient, comment: dict[str, str], **fields: Any) -> dict[str, Any]:
    return api.execute(UPDATE, i={**comment, "expectedVersion": 1, "body": "first", **fields})


def test_a_new_comment_is_version_1_and_never_edited(
    api: GraphQLClient, comment: dict[str, str]
) -> None:
    listed = api.execute(COMMENTS, id=comment["postId"])["data"]["post"]["comments"]["items"]
    assert listed == [{"id": comment["id"], "body": "frist", "version": 1, "editedAt": None}]


def test_the_author_changes_the_text(api: GraphQLClient, comment: dict[str, str]) -> None:
    # Given Bob's comment at version 1; when he changes its text
    result = update(api.as_user(BOB), comment)
    # Then it has the new text, the next version and when it was edited
    edited = result["data"]["updateComment"]
    assert edited["body"] == "first"
    assert edited["version"] == 2
    assert edited["editedAt"] >= edited["createdAt"]
    assert edited["author"] == {"id": BOB}
    # And reads see it; the post's comment count does not move
    post = api.execute(COMMENTS, id=comment["postId"])["data"]["post"]
    assert post["commentCount"] == 1
    assert post["comments"]["items"] == [
        {"id": comment["id"], "body": "first", "version": 2, "editedAt": edited["editedAt"]}
    ]
    # And the next edit goes from version 2
    again = update(api.as_user(BOB), comment, expectedVersion=2, body="third time")
    assert again["data"]["updateComment"]["version"] == 3


def test_a_stale_version_is_a_conflict_and_changes_nothing(
    api: GraphQLClient, comment: dict[str, str]
) -> None:
    bob = api.as_user(BOB)
    update(bob, comment)
    # When a second editor still holds version 1
    result = update(bob, comment, body="lost update")
    # Then CONFLICT names the current version, and the first edit stays
    assert error_codes(result) == ["CONFLICT"]
    assert "current version is 2" in result["errors"][0]["message"]
    items = api.execute(COMMENTS, id=comment["postId"])["data"]["post"]["comments"]["items"]
    assert [(c["body"], c["version"]) for c in items] == [("first", 2)]


@pytest.mark.parametrize("groups", [(), ("moderators",)], ids=["someone else", "a moderator"])
def test_nobody_but_the_author_may_change_a_comment(
    api: GraphQLClient, comment: dict[str, str], groups: tuple[str, ...]
) -> None:
    # Alice wrote the post, not the comment; moderators may delete comments, never edit them
    result = update(api.as_user(ALICE, *groups), comment)
    assert error_codes(result) == ["FORBIDDEN"]
    items = api.execute(COMMENTS, id=comment["postId"])["data"]["post"]["comments"]["items"]
    assert [(c["body"], c["version"]) for c in items] == [("frist", 1)]


@pytest.mark.parametrize(
    "target",
    [{"id": MISSING}, {"postId": MISSING}],
    ids=["no such comment", "no such post"],
)
def test_a_missing_comment_is_not_found(
    api: GraphQLClient, comment: dict[str, str], target: dict[str, str]
) -> None:
    result = update(api.as_user(BOB), {**comment, **target})
    assert error_codes(result) == ["NOT_FOUND"]


BAD_INPUT: dict[str, dict[str, Any]] = {
    "empty body": {"body": ""},
    "blank body": {"body": "   "},
    "oversized body": {"body": "x" * 2001},
    "version 0": {"expectedVersion": 0},
    "negative version": {"expectedVersion": -3},
    "malformed comment id": {"id": "COMMENT#1"},
    "malformed post id": {"postId": "POST#1"},
    "body of the wrong type": {"body": 5},
    "missing body": {"body": None},
}


@pytest.mark.parametrize("fields", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_and_writes_nothing(
    api: GraphQLClient,
    comment: dict[str, str],
    fields: dict[str, Any],
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    before = table_items(dynamodb, table)
    variables = {**comment, "expectedVersion": 1, "body": "fine", **fields}
    response = api.as_user(BOB).post({"query": UPDATE, "variables": {"i": variables}})
    assert response.status_code == 200
    assert error_codes(response.json()) == ["BAD_USER_INPUT"]
    assert table_items(dynamodb, table) == before


def test_without_a_token_it_is_refused(api: GraphQLClient, comment: dict[str, str]) -> None:
    assert error_codes(update(api.anonymous(), comment)) == ["UNAUTHENTICATED"]


def test_through_appsync_with_the_same_rules(
    api: GraphQLClient, comment: dict[str, str], handler_module: ModuleType
) -> None:
    """The AppSync door runs the same resolver: an edit, then CONFLICT as the errorType."""
    bob = {"sub": BOB, "username": "bob", "claims": {"sub": BOB}, "sourceIp": ["127.0.0.1"]}
    arguments = {"input": {**comment, "expectedVersion": 1, "body": "via AppSync"}}
    event = appsync_event("Mutation", "updateComment", arguments, bob)
    edited = handler_module.handler(event, LambdaContext())
    assert (edited["body"], edited["version"]) == ("via AppSync", 2)
    assert edited["editedAt"].endswith("Z")
    with pytest.raises(Exception) as raised:  # noqa: PT011 (the type's name is the contract)
        handler_module.handler(event, LambdaContext())
    assert type(raised.value).__name__ == "CONFLICT"
