"""Per-person write limits: a counter inside each write's own transaction (docs/LIMITS.md)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest
from botocore.config import Config

from core.limits import Rate
from schema.build import build_schema
from store import clients
from store.repository import Rates, Store
from tests.api.conftest import LambdaContext
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.events import http_api_v2_event

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

    from mypy_boto3_dynamodb import DynamoDBClient

    from cli.dev_issuer import DevIssuer
    from core.config import Settings

pytestmark = pytest.mark.integration

CAROL = "01HZTESTCAR0L000000000000C"
WRITES = 30
MEDIA = 3
#: Windows are fixed (aligned to the epoch): a test that spans two would get twice the limit.
WINDOW = 3600
CREATE = 'mutation { createPost(input: {title: "Limited", category: "tech"}) { id } }'


@pytest.fixture
def store(dynamodb: DynamoDBClient, settings: Settings) -> Store:
    rates = Rates(Rate("writes", WRITES, WINDOW), Rate("media", MEDIA, 1800))
    return Store.connect(dynamodb, settings.table_name, settings.cursor_secret, rates=rates)


@pytest.fixture
def handler_env() -> dict[str, str]:
    return {"RATE_LIMIT_WRITES": f"{WRITES}/{WINDOW}"}


@pytest.fixture(autouse=True)
def early_in_a_window() -> None:
    """Each test runs inside one window of both limits (at most a few minutes' wait, rarely)."""
    left = WINDOW - time.time() % WINDOW
    if left < 180:
        time.sleep(left + 1)


@pytest.fixture
def patient_clients(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No timeouts, no resends: DynamoDB Local on a shared two-core machine takes seconds to
    commit 50 transactions on one hot item, and it does not honour the client request token
    that makes a resent TransactWriteItems idempotent in AWS, so a resend after a timeout
    would answer the client wrongly (the table stays exact either way)."""
    patient = Config(read_timeout=120, retries={"mode": "standard", "total_max_attempts": 1})
    monkeypatch.setattr(clients, "DEFAULT_CONFIG", patient)
    monkeypatch.setattr(clients, "CHANGE_WRITE_CONFIG", patient)
    clients.dynamodb_client.cache_clear()
    clients.dynamodb_change_client.cache_clear()
    yield
    clients.dynamodb_client.cache_clear()
    clients.dynamodb_change_client.cache_clear()


def _posts_by(dynamodb: DynamoDBClient, table: str, author: str) -> int:
    items = table_items(dynamodb, table)
    return sum(1 for i in items if i["SK"]["S"] == "POST" and i["authorId"]["S"] == author)


def _throttled_with_retry_after(result: dict[str, Any], most: int) -> None:
    assert error_codes(result) == ["THROTTLED"], result
    retry_after = result["errors"][0]["extensions"]["retryAfter"]
    assert 1 <= retry_after <= most


def test_fifty_concurrent_clients_of_one_viewer_get_exactly_the_limit_through(
    patient_clients: None,
    handler_module: ModuleType,
    issuer: DevIssuer,
    dynamodb: DynamoDBClient,
    table: str,
) -> None:
    # Given 50 clients of one person, each its own Lambda invocation, starting together
    event = http_api_v2_event(
        {"query": CREATE}, headers={"authorization": f"Bearer {issuer.issue(ALICE, 'alice')}"}
    )
    start = threading.Barrier(50)

    def client(_: int) -> dict[str, Any]:
        asyncio.set_event_loop(asyncio.new_event_loop())
        start.wait()
        response = handler_module.handler(event, LambdaContext())
        assert response["statusCode"] == 200
        answer: dict[str, Any] = json.loads(response["body"])
        return answer

    # When each creates a post at once
    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(client, range(50)))

    # Then exactly the limit's number got through, the rest THROTTLED with retryAfter
    through = [r for r in results if "errors" not in r]
    refused = [r for r in results if "errors" in r]
    assert len(through) == WRITES
    for result in refused:
        _throttled_with_retry_after(result, WINDOW)
    # And the table holds exactly those posts: a refused write wrote nothing
    assert _posts_by(dynamodb, table, ALICE) == WRITES


def test_aliased_writes_in_one_request_count_one_each(
    api: GraphQLClient, dynamodb: DynamoDBClient, table: str
) -> None:
    # Given one document with 15 aliased createPost fields (the most aliases a request may hold)
    fields = " ".join(
        f'p{n}: createPost(input: {{title: "Alias {n}", category: "tech"}}) {{ id }}'
        for n in range(15)
    )
    # When it is sent three times
    first = api.execute(f"mutation {{ {fields} }}")
    assert "errors" not in api.execute(f"mutation {{ {fields} }}")
    second = api.execute(f"mutation {{ {fields} }}")
    # Then 30 fields succeed in all and the 31st is THROTTLED (Post! is non-null: the answer's
    # data is null and execution stops there, so the posts are counted in the table)
    assert "errors" not in first
    assert error_codes(second) == ["THROTTLED"]
    assert _posts_by(dynamodb, table, ALICE) == WRITES


def _world(api: GraphQLClient) -> dict[str, str]:
    """Bob's profile and post, Alice's profile, post and comment: 3 of Alice's writes."""
    bob = api.as_user(BOB)
    bob.execute('mutation { createProfile(input: {handle: "bob", displayName: "Bob"}) { id } }')
    bobs = bob.execute(CREATE)["data"]["createPost"]["id"]
    api.execute('mutation { createProfile(input: {handle: "alice", displayName: "A"}) { id } }')
    own = api.execute(CREATE)["data"]["createPost"]["id"]
    comment = api.execute(
        'mutation($p: ID!) { addComment(input: {postId: $p, body: "hi"}) { id } }', p=own
    )["data"]["addComment"]["id"]
    return {"bob": BOB, "bobs": bobs, "own": own, "comment": comment}


#: Every write a person makes, each of which must count (and, over the limit, write nothing).
WRITES_OF_A_PERSON = {
    "createPost": CREATE,
    "updatePost": 'mutation { updatePost(input: {id: "{own}", expectedVersion: 1, title: "T"}) '
    "{ id } }",
    "deletePost": 'mutation { deletePost(id: "{own}") { id } }',
    "addComment": 'mutation { addComment(input: {postId: "{bobs}", body: "x"}) { id } }',
    "updateComment": 'mutation { updateComment(input: {postId: "{own}", id: "{comment}", '
    'expectedVersion: 1, body: "y"}) { id } }',
    "deleteComment": 'mutation { deleteComment(postId: "{own}", id: "{comment}") { id } }',
    "likePost": 'mutation { likePost(postId: "{bobs}") { id } }',
    "repost": 'mutation { repost(postId: "{bobs}") { id } }',
    "follow": 'mutation { follow(userId: "{bob}") { id } }',
    "block": 'mutation { block(userId: "{bob}") { id } }',
    "mute": 'mutation { mute(userId: "{bob}") { id } }',
    "report": 'mutation { report(input: {reason: SPAM, postId: "{bobs}"}) { id } }',
    "updateProfile": 'mutation { updateProfile(input: {bio: "new"}) { id } }',
    "createUpload": 'mutation { createUpload(input: {contentType: "image/png", size: 10, '
    'filename: "a.png"}) { url } }',
    "markNotificationsSeen": "mutation { markNotificationsSeen }",
    "exportAccount": "mutation { exportAccount { url } }",
    "likeComment": 'mutation { likeComment(postId: "{own}", id: "{comment}") { id } }',
    "bookmark": 'mutation { bookmark(postId: "{bobs}") { id } }',
    "unbookmark": 'mutation { unbookmark(postId: "{bobs}") { id } }',
    "createProfile": 'mutation { createProfile(input: {handle: "carol", displayName: "C"}) '
    "{ id } }",
    "unlikePost": 'mutation { unlikePost(postId: "{bobs}") { id } }',
    "unrepost": 'mutation { unrepost(postId: "{bobs}") { id } }',
    "unfollow": 'mutation { unfollow(userId: "{bob}") { id } }',
    "unblock": 'mutation { unblock(userId: "{bob}") { id } }',
    "unmute": 'mutation { unmute(userId: "{bob}") { id } }',
    "unlikeComment": 'mutation { unlikeComment(postId: "{own}", id: "{comment}") { id } }',
}
#: A write that takes another back: that one is made first (a counted write too), so a refused
#: undo has something it must leave in place.
UNDOES = {
    "unlikePost": "likePost",
    "unrepost": "repost",
    "unfollow": "follow",
    "unblock": "block",
    "unmute": "mute",
    "unlikeComment": "likeComment",
}
#: Writes of someone without a profile yet (Carol); Alice makes the others.
BY_A_NEWCOMER = frozenset({"createProfile"})
#: Every other mutation: not counted, and why (docs/LIMITS.md, "Which writes count").
UNCOUNTED = {
    "completeUpload": "the second half of an upload already counted (as media too); idempotent",
    "resolveReport": "a moderator's action: a spam wave must not lock moderators out",
    "deleteAccount": "never refused by a limit: a person can always leave",
}


def _query(write: str, ids: dict[str, str]) -> str:
    query = WRITES_OF_A_PERSON[write]
    for name, value in ids.items():
        query = query.replace("{" + name + "}", value)
    return query


def _writer(api: GraphQLClient, write: str) -> GraphQLClient:
    return api.as_user(CAROL) if write in BY_A_NEWCOMER else api


def test_every_mutation_is_counted_or_says_why_not(settings: Settings) -> None:
    # Given every field of the schema's Mutation type
    mutation = build_schema(settings.limits, introspection=True)._schema.mutation_type
    assert mutation is not None
    fields = set(mutation.fields)
    # Then each is in the table of counted writes or in the list of uncounted ones, not both
    assert not WRITES_OF_A_PERSON.keys() & UNCOUNTED.keys()
    assert sorted(fields - WRITES_OF_A_PERSON.keys() - UNCOUNTED.keys()) == []
    # And neither list names a mutation the schema does not have
    assert sorted((WRITES_OF_A_PERSON.keys() | UNCOUNTED.keys()) - fields) == []
    assert set(UNDOES) <= WRITES_OF_A_PERSON.keys() >= set(UNDOES.values())
    assert all(reason.strip() for reason in UNCOUNTED.values())


@pytest.mark.parametrize("write", sorted(WRITES_OF_A_PERSON))
def test_every_write_counts_and_over_the_limit_writes_nothing(
    api: GraphQLClient, dynamodb: DynamoDBClient, table: str, write: str
) -> None:
    # Given a person whose writes reach the limit (Alice's world, with what an undo takes
    # back; or Carol, who has no profile yet, and only posts)
    ids = _world(api)
    writer = _writer(api, write)
    made = 0 if write in BY_A_NEWCOMER else 3
    if write in UNDOES:
        assert "errors" not in writer.execute(_query(UNDOES[write], ids))
        made += 1
    for _ in range(WRITES - made):
        assert "errors" not in writer.execute(CREATE)
    before = table_items(dynamodb, table)
    # When they write once more
    result = writer.execute(_query(write, ids))
    # Then THROTTLED with retryAfter, and the table is exactly as it was
    _throttled_with_retry_after(result, WINDOW)
    assert sorted(map(str, table_items(dynamodb, table))) == sorted(map(str, before))


def test_the_same_writes_under_the_limit_go_through(api: GraphQLClient) -> None:
    """The table above is of writes that succeed when the limit is not reached."""
    ids = _world(api)
    order = ["likeComment", "unlikeComment", "bookmark", "unbookmark", "likePost", "unlikePost"]
    order += ["repost", "unrepost", "follow", "unfollow", "report"]
    order += ["updateProfile", "createUpload", "updateComment"]
    order += ["deleteComment", "updatePost", "deletePost", "mute", "unmute", "block"]
    order += ["addComment", "unblock", "markNotificationsSeen", "createPost", "exportAccount"]
    order += ["createProfile"]
    assert sorted(order) == sorted(WRITES_OF_A_PERSON)
    for write in order:
        result = _writer(api, write).execute(_query(write, ids))
        if write == "addComment":  # after the block
            assert error_codes(result) == ["FORBIDDEN"], result
            continue
        assert "errors" not in result, (write, result)


def test_uploads_have_a_media_limit_of_their_own(api: GraphQLClient) -> None:
    # Given a person with their media limit's number of uploads
    upload = WRITES_OF_A_PERSON["createUpload"]
    for _ in range(MEDIA):
        assert "errors" not in api.execute(upload)
    # When they ask for one more, Then THROTTLED with the media window's retryAfter
    result = api.execute(upload)
    _throttled_with_retry_after(result, 1800)
    assert "media" in result["errors"][0]["message"]
    # And other writes still go through
    assert "errors" not in api.execute(CREATE)
