"""Likes: one item per (post, user) in the post's collection; likeCount moves with it."""

from __future__ import annotations

from store.codecs import like_to_item
from store.keys import like_key
from store.post_marks import PostMarks


class LikeRepository(PostMarks):
    key = staticmethod(like_key)
    item = staticmethod(like_to_item)
    counter = "likeCount"

    def like(self, post_id: str, user_id: str, author_id: str) -> bool:
        """Like once; returns False when already liked (idempotent)."""
        return self._mark(post_id, user_id, author_id)

    def unlike(self, post_id: str, user_id: str) -> bool:
        """Remove a like; returns False when there was none (idempotent)."""
        return self._unmark(post_id, user_id)
