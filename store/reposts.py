"""Reposts: one item per (post, reposter) in the post's collection; repostCount moves with it.

The item carries the post's author and creation time, which the fan-out needs to put the
repost in the reposter's followers' feeds (and to leave it out where the post already is).
"""

from __future__ import annotations

from store.codecs import attribute_values
from store.post_marks import PostMarks
from store.repost_keys import repost_key


def repost_to_item(post_id: str, user_id: str, created_at: str) -> dict[str, dict[str, str]]:
    return {
        **attribute_values(repost_key(post_id, user_id)),
        "type": {"S": "Repost"},
        "postId": {"S": post_id},
        "userId": {"S": user_id},
        "createdAt": {"S": created_at},
    }


class RepostRepository(PostMarks):
    key = staticmethod(repost_key)
    item = staticmethod(repost_to_item)
    counter = "repostCount"

    def repost(self, post_id: str, user_id: str, author_id: str, post_created_at: str) -> bool:
        """Repost once; returns False when already reposted (idempotent)."""
        return self._mark(
            post_id, user_id, author_id, authorId=author_id, postCreatedAt=post_created_at
        )

    def unrepost(self, post_id: str, user_id: str) -> bool:
        """Take a repost back; returns False when there was none (idempotent)."""
        return self._unmark(post_id, user_id)
