"""Marks a person puts on a post — likes, reposts: one item per (post, person) in the post's
collection, its counter on the post moving in the same transaction, so counts are exact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import now_iso
from core.errors import Blocked, PostNotFound
from store.blocks import not_blocked
from store.codecs import attribute_values
from store.errors import translated_errors
from store.keys import post_key
from store.tables import Repository
from store.transactions import TransactionCancelled, counter_change, transact

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.items import Item
    from store.keys import Key


class PostMarks(Repository):
    #: The mark's key, its item (post id, person id, when), and the post's counter.
    key: Callable[[str, str], Key]
    item: Callable[[str, str, str], Item]
    counter: str

    def _count(self, post_id: str, delta: int) -> dict[str, Any]:
        return counter_change(self._table, attribute_values(post_key(post_id)), self.counter, delta)

    def _mark(self, post_id: str, user_id: str, author_id: str, **extra: str) -> bool:
        """Once; returns False when already marked (idempotent). `author_id` (the post's) is
        checked in the same transaction: neither may block the other."""
        item = self.item(post_id, user_id, now_iso())
        item.update({name: {"S": value} for name, value in extra.items()})
        checks = not_blocked(self._table, user_id, author_id)
        return self._change(post_id, self._put_new(item), self._count(post_id, 1), checks)

    def _unmark(self, post_id: str, user_id: str) -> bool:
        """Returns False when there was no mark (idempotent)."""
        delete = self._delete_existing(self.key(post_id, user_id))
        return self._change(post_id, delete, self._count(post_id, -1))

    def _change(
        self,
        post_id: str,
        change: dict[str, Any],
        count: dict[str, Any],
        checks: list[dict[str, Any]] | None = None,
    ) -> bool:
        with translated_errors():
            try:
                transact(self._client, [change, count, *(checks or [])])
            except TransactionCancelled as exc:
                if exc.failed(2) or exc.failed(3):
                    raise Blocked() from exc
                if exc.failed(1):
                    raise PostNotFound(post_id) from exc
                return False
        return True
