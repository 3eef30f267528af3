"""UserRepository against AWS DynamoDB Local."""

from __future__ import annotations

import pytest

from core.errors import HandleTaken
from core.models import UserProfile
from store.repository import Store
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration


def _user(uid: str, handle: str) -> UserProfile:
    return UserProfile(id=uid, handle=handle, display_name=handle.title(), created_at="2026")


def test_handles_are_unique_case_insensitively(store: Store) -> None:
    store.users.create(_user("u1", "alice"))
    with pytest.raises(HandleTaken):
        store.users.create(_user("u2", "Alice"))
    assert store.users.get("u2") is None


def test_get_many_batches_by_hundred_and_skips_missing(
    store: Store, counter: RequestCounter
) -> None:
    for i in range(150):
        store.users.create(_user(f"u{i}", f"user{i}"))
    counter.reset()
    found = store.users.get_many([f"u{i}" for i in range(150)] + ["nobody", "u1"])
    assert len(found) == 150
    assert found["u42"].handle == "user42"
    assert counter.calls["BatchGetItem"] == 2
