from __future__ import annotations

from core.models import Post, UserProfile
from store.codecs import post_from_item, post_to_item, user_from_item, user_to_item

POST = Post(
    id="01HZ0000000000000000000000",
    author_id="u1",
    title="Hello",
    body="",
    category="tech",
    created_at="2026-01-01T00:00:00.000Z",
    updated_at="2026-01-01T00:00:00.000Z",
    version=3,
)


def test_post_round_trips_and_carries_its_index_keys() -> None:
    item = post_to_item(POST)
    assert post_from_item(item) == POST
    assert item["PK"] == {"S": "POST#01HZ0000000000000000000000"}
    assert item["GSI1PK"] == {"S": "CAT#tech"}
    assert item["GSI2PK"] == {"S": "AUTHOR#u1"}
    assert item["version"] == {"N": "3"}


def test_user_round_trips() -> None:
    user = UserProfile(id="u1", handle="alice", display_name="Alice", created_at="2026")
    assert user_from_item(user_to_item(user)) == user
