"""Likes: one item per (post, user) in the post's collection; likeCount moves with it."""

from __future__ import annotations

from typing import Any

from core.clock import now_iso
from core.errors import Blocked, PostNotFound
from store.blocks import not_blocked
from store.codecs import attribute_values, like_to_item
from store.errors import translated_errors
from store.keys import like_key, post_key
from store.tables import Repository
from store.transactions import TransactionCancelled, counter_change, transact


class LikeRepository(Repository):
    def _count(self, post_id: str, delta: int) -> dict[str, Any]:
        return counter_change(self._table, attribute_values(post_key(post_id)), "likeCount", delta)

    def like(self, post_id: str, user_id: str, author_id: str) -> bool:
        """Like once; returns False when already liked (idempotent).

        `author_id` (the post's) is checked in the same transaction: neither may block the other.
        """
        put = self._put_new(like_to_item(post_id, user_id, now_iso()))
        checks = not_blocked(self._table, user_id, author_id)
        return self._change(post_id, user_id, put, self._count(post_id, 1), checks)

    def unlike(self, post_id: str, user_id: str) -> bool:
        """Remove a like; returns False when there was none (idempotent)."""
        delete = self._delete_existing(like_key(post_id, user_id))
        return self._change(post_id, user_id, delete, self._count(post_id, -1))

    def _change(
        self,
        post_id: str,
        user_id: str,
        change: dict[str, Any],
        count: dict[str, Any],
        checks: list[dict[str, Any]] | None = None,
    ) -> bool:
        with translated_errors():
            try:
                transact(self._client, [change, count, *(checks or [])], self._charge(user_id))
            except TransactionCancelled as exc:
                if exc.failed(2) or exc.failed(3):
                    raise Blocked() from exc
                if exc.failed(1):
                    raise PostNotFound(post_id) from exc
                return False
        return True
