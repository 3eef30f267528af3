"""Comments, stored in their post's item collection, counted on the post in the same transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.errors import (
    Blocked,
    CommentNotFound,
    Forbidden,
    PostNotFound,
    Throttled,
    VersionConflict,
)
from core.ids import new_id
from core.models import ChangeKind, Comment, LoggedChange, Page, Post
from store.blocks import not_blocked
from store.change_items import change_puts, later_stamp, unchanged_since
from store.codecs import attribute_values, comment_from_item, comment_to_item, post_from_item
from store.errors import translated_errors
from store.keys import COMMENT_PREFIX, POST, comment_key, post_key, post_topics
from store.pages import page_scope
from store.posts import MAX_RACES
from store.tables import Repository, Table
from store.transactions import Planned, TransactionCancelled, commit, counter_change, transact

if TYPE_CHECKING:
    from store.posts import PostRepository


class CommentRepository(Repository):
    def __init__(self, table: Table, posts: PostRepository) -> None:
        super().__init__(table)
        self._posts = posts

    def _count(self, post_id: str, delta: int) -> dict[str, Any]:
        key = attribute_values(post_key(post_id))
        return counter_change(self._table, key, "commentCount", delta)

    def add(self, post_id: str, author_id: str, body: str) -> Comment:
        """Add a comment, count it on the post and log COMMENT_ADDED, in one transaction."""
        for _ in range(MAX_RACES):
            post, changed_at = self._posts.current(post_id)
            comment = self._try_add(post, changed_at, author_id, body)
            if comment is not None:
                return comment
        raise Throttled("This post is changing too often right now; retry")

    def _try_add(
        self, post: Post, changed_at: str | None, author_id: str, body: str
    ) -> Comment | None:
        """One guarded attempt; None when the post changed since it was read."""
        topics = post_topics(post.author_id, post.category)
        # Last in the transaction, after the comment, the count and one entry per topic:
        # neither may block the other.
        blocking = not_blocked(self._table, author_id, post.author_id)
        checks = range(2 + len(topics), 2 + len(topics) + len(blocking))

        def build() -> Planned[Comment]:
            stamp = later_stamp(self._clock(), changed_at)
            comment = Comment(
                id=new_id(), post_id=post.id, author_id=author_id, body=body, created_at=stamp
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
            return Planned(comment, [put, count, *logged, *blocking])

        with translated_errors():
            try:
                return commit(self._writes, build, self._charge(author_id))
            except TransactionCancelled as exc:
                if exc.failed(1):
                    return None  # the post changed (or went) since we read it
                if any(exc.failed(i) for i in checks):
                    raise Blocked() from exc
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

    def delete(self, post_id: str, comment_id: str, *, author_id: str | None) -> None:
        """Delete a comment; with `author_id`, only if that user wrote it (None: moderator)."""
        delete: dict[str, Any] = {
            "TableName": self._table,
            "Key": attribute_values(comment_key(post_id, comment_id)),
            "ConditionExpression": "attribute_exists(PK)",
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
        if author_id is not None:
            delete["ConditionExpression"] += " AND authorId = :author"
            delete["ExpressionAttributeValues"] = {":author": {"S": author_id}}
        with translated_errors():
            try:
                transact(
                    self._client,
                    [{"Delete": delete}, self._count(post_id, -1)],
                    self._charge(author_id),
                )
            except TransactionCancelled as exc:
                if not exc.failed(0):
                    raise PostNotFound(post_id) from exc
                if exc.old_items[0] is None:
                    raise CommentNotFound(comment_id) from exc
                raise Forbidden("Only the author or a moderator can delete this comment") from exc

    def update(
        self, post_id: str, comment_id: str, *, author_id: str, expected_version: int, body: str
    ) -> Comment:
        """Change the text if `author_id` wrote the comment and nobody changed it since that
        version. One conditional write; no change event: an edit notifies nobody."""
        guard = "#version = :expected"
        if expected_version == 1:  # comments written before edits existed carry no version
            guard = f"(attribute_not_exists(#version) OR {guard})"
        key = attribute_values(comment_key(post_id, comment_id))
        update = {
            "TableName": self._table,
            "Key": key,
            "UpdateExpression": "SET #body = :body, #version = :next, editedAt = :stamp",
            "ConditionExpression": f"attribute_exists(PK) AND authorId = :author AND {guard}",
            "ExpressionAttributeNames": {"#body": "body", "#version": "version"},
            "ExpressionAttributeValues": {
                ":body": {"S": body},
                ":author": {"S": author_id},
                ":expected": {"N": str(expected_version)},
                ":next": {"N": str(expected_version + 1)},
                ":stamp": {"S": aws_datetime(self._clock())},
            },
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
        with translated_errors():
            # A transaction for the writer's limit counters (store/meters.py); it returns no
            # item, so the edited comment is read back.
            try:
                transact(self._client, [{"Update": update}], self._charge(author_id))
            except TransactionCancelled as exc:
                old = exc.old_items[0]
                if not old:
                    raise CommentNotFound(comment_id) from exc
                current = comment_from_item(old)
                if current.author_id != author_id:
                    raise Forbidden("Only the author can change this comment") from exc
                raise VersionConflict(expected_version, current.version) from exc
            item = self._client.get_item(TableName=self._table, Key=key, ConsistentRead=True)
        if "Item" not in item:
            raise CommentNotFound(comment_id)
        return comment_from_item(item["Item"])

    def page(self, post_id: str, limit: int, after: str | None) -> Page[Comment]:
        """Oldest first (ids are time-sortable)."""
        partition = post_key(post_id)["PK"]
        oldest_first = {"sort_prefix": COMMENT_PREFIX, "newest_first": False}
        return self._query_page(partition, limit, after, comment_from_item, **oldest_first)

    def post_with_first_page(self, post_id: str, limit: int) -> tuple[Post | None, Page[Comment]]:
        """The post and its first `limit` comments in ONE Query of the item collection."""
        page = self._query_page(
            post_key(post_id)["PK"],
            limit + 1,
            None,
            lambda item: item,
            sort_prefix=POST,  # "POST" itself, then "POST#COMMENT#..."; likes sort before
            newest_first=False,
        )
        if not page.items or page.items[0]["SK"]["S"] != POST:
            return None, Page(items=[], next_token=None)
        comments = [comment_from_item(item) for item in page.items[1:]]
        next_token = None
        if page.next_token is not None and comments:
            # Re-seal the cursor in the scope of `page()`, which serves the following pages.
            last = page.items[-1]
            scope = page_scope(None, post_key(post_id)["PK"], COMMENT_PREFIX)
            next_token = self._cursors.encode({"PK": last["PK"], "SK": last["SK"]}, scope)
        return post_from_item(page.items[0]), Page(items=comments, next_token=next_token)
