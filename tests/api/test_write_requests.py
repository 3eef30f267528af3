"""DynamoDB requests of a person's writes, with the write limits on and off: the same.

The limit counters ride in the write's own TransactWriteItems (docs/LIMITS.md), so createPost
and likePost send exactly what docs/ARCHITECTURE.md and bench/run.py budget, whether limits
apply or not; the counter is seen inside that one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from store.limit_keys import limit_partition
from store.repository import Rates, Store
from tests.conftest import ALICE, BOB, GraphQLClient

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mypy_boto3_dynamodb import DynamoDBClient

    from core.config import Settings
    from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

PROFILE = "mutation($h: String!) { createProfile(input: {handle: $h, displayName: $h}) { id } }"
CREATE = 'mutation { createPost(input: {title: "Counted", category: "tech"}) { id } }'
LIKE = "mutation($p: ID!) { likePost(postId: $p) { id } }"
#: What each write sends (docs/ARCHITECTURE.md "Request budgets", bench/run.py's rows).
BUDGETS = {
    # 1 GetItem (the viewer's suspension) + 1 TransactWriteItems (post, its change-log
    # entries, the write-limit counter)
    "createPost": {"GetItem": 1, "TransactWriteItems": 1},
    # 2 GetItem (the viewer's suspension, the post's author) + 1 TransactWriteItems (like,
    # exact count, block checks, the write-limit counter) + the answer's read (1 GetItem)
    "likePost": {"GetItem": 3, "TransactWriteItems": 1},
}


@pytest.fixture(params=["limits on", "limits off"])
def limited(request: pytest.FixtureRequest) -> bool:
    on: bool = request.param == "limits on"
    return on


@pytest.fixture
def store(dynamodb: DynamoDBClient, settings: Settings, limited: bool) -> Store:
    """The default limits (core/limits.py), or none."""
    rates = Rates() if limited else Rates.off()
    return Store.connect(dynamodb, settings.table_name, settings.cursor_secret, rates=rates)


@pytest.fixture
def transactions(dynamodb: DynamoDBClient) -> Iterator[list[dict[str, Any]]]:
    """The items of every TransactWriteItems the client sends, as sent."""
    sent: list[dict[str, Any]] = []

    def keep(params: dict[str, Any], **_: Any) -> None:
        sent.append(params)

    event = "provide-client-params.dynamodb.TransactWriteItems"
    dynamodb.meta.events.register(event, keep)
    try:
        yield sent
    finally:
        dynamodb.meta.events.unregister(event, keep)


def _counters_in(transaction: dict[str, Any]) -> list[dict[str, Any]]:
    """The write-limit counter updates in one transaction (store/meters.py)."""
    updates = [i["Update"] for i in transaction["TransactItems"] if "Update" in i]
    return [u for u in updates if u["Key"]["PK"]["S"] == limit_partition(ALICE)]


def _bobs_post(api: GraphQLClient) -> str:
    """Profiles for Alice and Bob, and a post of Bob's for her to like."""
    bob = api.as_user(BOB)
    assert "errors" not in bob.execute(PROFILE, h="bob")
    assert "errors" not in api.execute(PROFILE, h="alice")
    created = bob.execute(CREATE)
    assert "errors" not in created, created
    post_id: str = created["data"]["createPost"]["id"]
    return post_id


@pytest.mark.parametrize("write", sorted(BUDGETS))
def test_a_write_costs_its_budget_and_the_limit_adds_no_request(
    api: GraphQLClient,
    counter: RequestCounter,
    transactions: list[dict[str, Any]],
    limited: bool,
    write: str,
) -> None:
    # Given Alice and a post of Bob's, with the write limits on or off
    post_id = _bobs_post(api)
    counter.reset()
    transactions.clear()
    # When she writes once
    result = api.execute(CREATE) if write == "createPost" else api.execute(LIKE, p=post_id)
    # Then it sends exactly its budget, whether the limits apply or not
    assert "errors" not in result, result
    assert dict(counter.calls) == BUDGETS[write]
    # And with them on, the counter is in the write's one transaction; off, it is not
    assert len(transactions) == 1
    assert len(_counters_in(transactions[0])) == (1 if limited else 0)
