"""Likes: one item per (post, user) in the post's collection; likeCount moves with it."""

from __future__ import annotations

from typing import Any

from core.clock import now_iso
from core.errors import PostNotFound
from store.codecs import attribute_values, like_to_item
from store.errors import translated_errors
from store.keys import like_key, post_key
from store.tables import Repository
from store.transactions import TransactionCancelled, counter_change, transact


class LikeRepository(Repository):
    def _count(self, post_id: str, delta: int) -> dict[str, Any]:
        return counter_change(self._table, attribute_values(post_key(post_id)), "likeCount", delta)

    def like(self, post_id: str, user_id: str) -> bool:
        """Like once; returns False when already liked (idempotent)."""
        put = self._put_new(like_to_item(post_id, user_id, now_iso()))
        return self._change(post_id, put, self._count(post_id, 1))

    def unlike(self, post_id: str, user_id: str) -> bool:
        """Remove a like; returns False when there was none (idempotent)."""
        delete = self._delete_existing(like_key(post_id, user_id))
        return self._change(post_id, delete, self._count(post_id, -1))

    def _change(self, post_id: str, change: dict[str, Any], count: dict[str, Any]) -> bool:
        with translated_errors():
            try:
                transact(self._client, [change, count])
            except TransactionCancelled as exc:
                if exc.failed(1):
                    raise PostNotFound(post_id) from exc
                return False
        return True
