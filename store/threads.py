"""Reading threads: any level of a post's comments, in any order, a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.models import CommentOrder
from store.codecs import attribute_values
from store.comment_codecs import comment_from_item
from store.keys import comment_key
from store.pages import page_scope
from store.table import INDEXES
from store.tables import Repository
from store.thread_keys import order_index, thread_partition

if TYPE_CHECKING:
    from core.models import Comment, Page


class ThreadRepository(Repository):
    def level(
        self,
        post_id: str,
        parent_id: str | None,
        order: CommentOrder,
        limit: int,
        after: str | None,
    ) -> Page[Comment]:
        """A page of a post's comments (`parent_id` None) or of one comment's replies."""
        index, newest_first = order_index(order)
        partition = thread_partition(post_id, parent_id)
        return self._query_page(
            partition, limit, after, comment_from_item, index=index, newest_first=newest_first
        )

    def continuing(self, post_id: str, parent_id: str, last_id: str) -> str:
        """The token of the replies after `last_id`, oldest first, as `level` would seal it:
        the first replies a comment carries then page on like any other."""
        pk_name, sk_name = INDEXES["GSI1"]
        partition = thread_partition(post_id, parent_id)
        key = {**comment_key(post_id, last_id), pk_name: partition, sk_name: last_id}
        return self._cursors.encode(attribute_values(key), page_scope("GSI1", partition, None))
