"""Blocks, moderation and suspensions behind AppSync: the same rules through `handler.handler`."""

from __future__ import annotations

import copy
from types import ModuleType
from typing import Any

import pytest

from core.clock import now_iso
from core.models import UserProfile
from core.safety import ReportReason
from store.repository import Store
from tests.api.conftest import LambdaContext
from tests.conftest import ALICE, BOB
from tests.support.appsync import appsync_event
from tests.support.events import _load

pytestmark = pytest.mark.integration

IDENTITY = {**_load("appSyncDirectResolver.json")["identity"], "sub": ALICE, "username": "alice"}
IDENTITY["claims"] = {**IDENTITY["claims"], "sub": ALICE, "cognito:username": "alice"}
MODERATOR = copy.deepcopy(IDENTITY)
MODERATOR["groups"] = ["moderators"]
MODERATOR["claims"]["cognito:groups"] = ["moderators"]


def call(module: ModuleType, event: Any) -> Any:
    return module.handler(event, LambdaContext())


@pytest.fixture
def people(store: Store) -> None:
    store.users.create(UserProfile(ALICE, "alice", "Alice", now_iso()))
    store.users.create(UserProfile(BOB, "bob", "Bob", now_iso()))


@pytest.mark.usefixtures("people")
def test_a_block_through_appsync_hides_the_blocked_persons_posts(
    handler_module: ModuleType, store: Store
) -> None:
    store.posts.create(author_id=BOB, title="bob's", body="", category="tech")
    mine = store.posts.create(author_id=ALICE, title="alice's", body="", category="tech")
    page = appsync_event("Query", "posts", {"limit": 10}, IDENTITY)
    assert len(call(handler_module, page)["items"]) == 2
    blocked = call(handler_module, appsync_event("Mutation", "block", {"userId": BOB}, IDENTITY))
    assert blocked["id"] == BOB
    assert [p["id"] for p in call(handler_module, page)["items"]] == [mine.id]


@pytest.mark.parametrize(
    ("field", "arguments"),
    [
        ("moderationQueue", {}),
        ("auditLog", {}),
        ("moderationCase", {"id": f"user:{BOB}"}),
    ],
)
@pytest.mark.usefixtures("people")
def test_moderation_fields_are_forbidden_to_members_and_open_to_moderators(
    handler_module: ModuleType, field: str, arguments: dict[str, Any]
) -> None:
    with pytest.raises(Exception) as raised:  # noqa: PT011 (the type's name is the contract)
        call(handler_module, appsync_event("Query", field, arguments, IDENTITY))
    assert type(raised.value).__name__ == "FORBIDDEN"
    call(handler_module, appsync_event("Query", field, arguments, MODERATOR))


@pytest.mark.usefixtures("people")
def test_a_suspended_users_mutation_through_appsync_is_forbidden(
    handler_module: ModuleType, store: Store
) -> None:
    report = {"input": {"userId": ALICE, "reason": ReportReason.SPAM.value}}
    bob = {**IDENTITY, "sub": BOB, "username": "bob"}
    bob["claims"] = {**IDENTITY["claims"], "sub": BOB, "cognito:username": "bob"}
    call(handler_module, appsync_event("Mutation", "report", report, bob))
    decision = {
        "input": {
            "id": f"user:{ALICE}",
            "action": "SUSPEND_AUTHOR",
            "reason": "spam",
            "suspendIndefinitely": True,
        }
    }
    resolved = call(handler_module, appsync_event("Mutation", "resolveReport", decision, MODERATOR))
    assert resolved["status"] == "RESOLVED"
    create = {"input": {"title": "still here?", "category": "tech"}}
    with pytest.raises(Exception) as raised:  # noqa: PT011
        call(handler_module, appsync_event("Mutation", "createPost", create, IDENTITY))
    assert type(raised.value).__name__ == "FORBIDDEN"
    assert "suspended indefinitely: spam" in str(raised.value)
    me = call(handler_module, appsync_event("Query", "me", {}, IDENTITY))
    assert me["id"] == ALICE
