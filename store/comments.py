"""Comments and replies, stored in their post's item collection, counted in the same transaction.

A comment is counted on its post (`commentCount`) and, as a reply, on its parent (`replyCount`,
`firstReplies`: store/thread_items.py). A comment deleted while it has replies stays as a
placeholder without its text, so the thread holds together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import Blocked, CommentNotFound, Forbidden, PostNotFound, Throttled
from core.ids import new_id
from core.limits import THREAD_DEPTH
from core.models import ChangeKind, Comment, LoggedChange, Post
from core.safety import comment_target
from store.blocks import not_blocked
from store.change_items import change_puts, later_stamp, unchanged_since
from store.codecs import attribute_values
from store.comment_codecs import comment_from_item, comment_to_item
from store.errors import translated_errors
from store.keys import comment_key, post_key, post_topics
from store.posts import MAX_RACES
from store.removals import removal_audit
from store.tables import Repository, Table
from store.thread_items import count_is, replies_changed, with_reply, without_reply
from store.transactions import Planned, TransactionCancelled, commit, counter_change, transact

if TYPE_CHECKING:
    from core.safety import Removal
    from store.posts import PostRepository

#: A busy thread makes replies to one comment wait for each other; each retry reads again.
THREAD_RACES = 25


class CommentRepository(Repository):
    def __init__(self, table: Table, posts: PostRepository) -> None:
        super().__init__(table)
        self._posts = posts

    def get(self, post_id: str, comment_id: str, *, consistent: bool = False) -> Comment | None:
        item = self._get(comment_key(post_id, comment_id), consistent=consistent)
        return comment_from_item(item) if item else None

    def add(self, post_id: str, author_id: str, body: str, parent_id: str | None = None) -> Comment:
        """Add a comment (a reply with `parent_id`), count it on the post and its parent and
        log COMMENT_ADDED, in one transaction."""
        for _ in range(THREAD_RACES if parent_id else MAX_RACES):
            post, changed_at = self._posts.current(post_id)
            parent = None if parent_id is None else self._reply_target(post_id, parent_id)
            comment = self._try_add(post, changed_at, author_id, body, parent)
            if comment is not None:
                return comment
        raise Throttled("This post is changing too often right now; retry")

    def _reply_target(self, post_id: str, parent_id: str) -> Comment:
        """The comment a reply attaches to: its parent, or the deepest allowed ancestor."""
        parent = self.get(post_id, parent_id, consistent=True)
        if parent is None or parent.deleted:
            raise CommentNotFound(parent_id)
        while parent.depth >= THREAD_DEPTH and parent.parent_id is not None:
            ancestor = self.get(post_id, parent.parent_id, consistent=True)
            if ancestor is None:  # removed in between: read the thread again
                raise CommentNotFound(parent_id)
            parent = ancestor
        return parent

    def _try_add(
        self,
        post: Post,
        changed_at: str | None,
        author_id: str,
        body: str,
        parent: Comment | None,
    ) -> Comment | None:
        """One guarded attempt; None when the post or the parent changed since it was read."""
        topics = post_topics(post.author_id, post.category)
        # After the comment, the count, one entry per topic and the parent: nobody in the
        # conversation (the post's author, the parent's) may block the other.
        blocking = not_blocked(self._table, author_id, post.author_id)
        if parent is not None and parent.author_id != post.author_id:
            blocking += not_blocked(self._table, author_id, parent.author_id)
        first_check = 2 + len(topics) + (parent is not None)
        checks = range(first_check, first_check + len(blocking))

        def build() -> Planned[Comment]:
            stamp = later_stamp(self._clock(), changed_at)
            comment = Comment(
                id=new_id(),
                post_id=post.id,
                author_id=author_id,
                body=body,
                created_at=stamp,
                parent_id=parent.id if parent else None,
                depth=parent.depth + 1 if parent else 0,
                post_author_id=post.author_id,
                parent_author_id=parent.author_id if parent else None,
            )
            put = self._put_new(comment_to_item(comment))
            event = LoggedChange(
                id=new_id(),
                kind=ChangeKind.COMMENT_ADDED,
                post_id=post.id,
                author_id=post.author_id,
                at=stamp,
                comment_id=comment.id,
            )
            count = self._count_and_stamp(post.id, changed_at, stamp)
            logged = change_puts(self._table, event, topics)
            thread = []
            if parent is not None:
                thread = [replies_changed(self._table, parent, with_reply(parent, comment), 1)]
            return Planned(comment, [put, count, *logged, *thread, *blocking])

        with translated_errors():
            try:
                return commit(self._writes, build, self._charge(author_id))
            except TransactionCancelled as exc:
                if any(exc.failed(i) for i in checks):
                    raise Blocked() from exc
                if exc.failed(1) or exc.failed(first_check - 1):
                    return None  # the post or the parent changed (or went) since we read it
                raise

    def _count_and_stamp(self, post_id: str, changed_at: str | None, stamp: str) -> dict[str, Any]:
        guard, guard_values = unchanged_since(changed_at)
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(post_key(post_id)),
                "UpdateExpression": "ADD commentCount :one SET #changedAt = :stamp",
                "ConditionExpression": f"attribute_exists(PK) AND {guard}",
                "ExpressionAttributeNames": {"#changedAt": "changedAt"},
                "ExpressionAttributeValues": {
                    ":one": {"N": "1"},
                    ":stamp": {"S": stamp},
                    **guard_values,
                },
            }
        }

    def delete(
        self,
        post_id: str,
        comment_id: str,
        *,
        author_id: str | None,
        removal: Removal | None = None,
    ) -> None:
        """Delete a comment; with `author_id`, only if that user wrote it (None: moderator).

        With replies it becomes a placeholder; without, it goes, and its parent's count and
        first replies lose it. A moderator's `removal` of another's comment is audited in
        the same transaction."""
        for _ in range(THREAD_RACES):
            comment = self.get(post_id, comment_id, consistent=True)
            if comment is None or comment.deleted:
                if self._posts.get(post_id) is None:
                    raise PostNotFound(post_id)
                raise CommentNotFound(comment_id)
            if author_id is not None and comment.author_id != author_id:
                raise Forbidden("Only the author or a moderator can delete this comment")
            target = comment_target(post_id, comment_id, comment.author_id)
            audit = removal_audit(self._table, removal, target, self._clock())
            if self._try_delete(comment, author_id, audit):
                return
        raise Throttled("This thread is changing too often right now; retry")

    def _try_delete(
        self, comment: Comment, deleter: str | None, audit: list[dict[str, Any]]
    ) -> bool:
        """One attempt conditioned on the reply counts read; False when one changed. The
        author's delete counts against their write limit; a moderator's does not."""
        key = attribute_values(comment_key(comment.post_id, comment.id))
        guard, values = count_is("replyCount", comment.reply_count, ":seen")
        own: dict[str, Any] = {"TableName": self._table, "Key": key}
        own["ConditionExpression"] = f"attribute_exists(PK) AND {guard}"
        own["ExpressionAttributeValues"] = values
        items: list[dict[str, Any]] = []
        if comment.reply_count > 0:
            own["UpdateExpression"] = "SET deleted = :yes, body = :empty"
            values.update({":yes": {"BOOL": True}, ":empty": {"S": ""}})
            items.append({"Update": own})
        else:
            items.append({"Delete": own})
            parent = None
            if comment.parent_id is not None:
                parent = self.get(comment.post_id, comment.parent_id, consistent=True)
            if parent is not None:
                remaining = without_reply(parent, comment.id)
                items.append(replies_changed(self._table, parent, remaining, -1))
        post = attribute_values(post_key(comment.post_id))
        items.append(counter_change(self._table, post, "commentCount", -1))
        post_counter = len(items) - 1
        items += audit
        with translated_errors():
            try:
                transact(self._client, items, self._charge(deleter))
            except TransactionCancelled as exc:
                if exc.failed(post_counter):
                    raise PostNotFound(comment.post_id) from exc
                return False
        return True
