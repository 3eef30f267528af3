"""Items by key for the per-request loader, which batches every lookup of a response.

A `Lookup` is one item's table key and what that item means once read, so the loader above the
store batches lookups of every kind into one BatchGetItem without knowing a key or a codec.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from store.batch import batch_get
from store.blocks import visibility_from_item
from store.bookmarks import bookmark_key
from store.codecs import key_of, post_from_item, user_from_item
from store.comment_codecs import comment_from_item
from store.keys import Key, comment_key, follow_key, like_key, post_key, user_key
from store.repost_keys import repost_key
from store.safety_keys import visibility_key
from store.tables import Repository
from store.thread_keys import comment_like_key

if TYPE_CHECKING:
    from core.models import Comment, Post, UserProfile
    from core.safety import VisibilitySet
    from store.items import Item, TableKey

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Lookup(Generic[T]):
    key: TableKey
    decode: Callable[[Item], T]


def _table_key(key: Key) -> TableKey:
    return key["PK"], key["SK"]


def _exists(_item: Item) -> bool:
    return True


def user(user_id: str) -> Lookup[UserProfile]:
    return Lookup(_table_key(user_key(user_id)), user_from_item)


def post(post_id: str) -> Lookup[Post]:
    return Lookup(_table_key(post_key(post_id)), post_from_item)


def comment(post_id: str, comment_id: str) -> Lookup[Comment]:
    return Lookup(_table_key(comment_key(post_id, comment_id)), comment_from_item)


def like(post_id: str, user_id: str) -> Lookup[bool]:
    """Whether `user_id` likes the post."""
    return Lookup(_table_key(like_key(post_id, user_id)), _exists)


def comment_like(post_id: str, comment_id: str, user_id: str) -> Lookup[bool]:
    """Whether `user_id` likes the comment."""
    return Lookup(_table_key(comment_like_key(post_id, comment_id, user_id)), _exists)


def bookmark(user_id: str, post_id: str) -> Lookup[bool]:
    """Whether `user_id` bookmarked the post."""
    return Lookup(_table_key(bookmark_key(user_id, post_id)), _exists)


def repost(post_id: str, user_id: str) -> Lookup[bool]:
    """Whether `user_id` reposted the post."""
    return Lookup(_table_key(repost_key(post_id, user_id)), _exists)


def follow(follower_id: str, followee_id: str) -> Lookup[bool]:
    """Whether `follower_id` follows `followee_id`."""
    return Lookup(_table_key(follow_key(follower_id, followee_id)), _exists)


def visibility(user_id: str) -> Lookup[VisibilitySet]:
    """Whom the user blocks, who blocks them, whom they mute (absent: nobody)."""
    return Lookup(_table_key(visibility_key(user_id)), visibility_from_item)


class ItemReader(Repository):
    def get_many(self, keys: Sequence[TableKey]) -> list[Item | None]:
        """Items in the order of `keys`, None where there is none: ⌈distinct/100⌉ requests."""
        distinct = list(dict.fromkeys(keys))
        found = {
            key_of(item): item
            for item in batch_get(
                self._client,
                self._table,
                [{"PK": {"S": pk}, "SK": {"S": sk}} for pk, sk in distinct],
            )
        }
        return [found.get(key) for key in keys]
