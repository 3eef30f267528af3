"""Comments, stored in their post's item collection, counted on the post in the same transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import now_iso
from core.errors import Forbidden, NotFound, PostNotFound
from core.ids import new_id
from core.models import Comment, Page, Post
from store.codecs import attribute_values, comment_from_item, comment_to_item, post_from_item
from store.errors import translated_errors
from store.keys import COMMENT_PREFIX, POST, comment_key, post_key
from store.pages import page_scope, query_page
from store.transactions import TransactionCancelled, counter_change, transact

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.cursors import CursorCodec


class CommentNotFound(NotFound):
    def __init__(self, comment_id: str) -> None:
        super().__init__(f"Comment {comment_id} does not exist")


class CommentRepository:
    def __init__(self, client: DynamoDBClient, table_name: str, cursors: CursorCodec) -> None:
        self._client = client
        self._table = table_name
        self._cursors = cursors

    def _count(self, post_id: str, delta: int) -> dict[str, Any]:
        key = attribute_values(post_key(post_id))
        return counter_change(self._table, key, "commentCount", delta)

    def add(self, post_id: str, author_id: str, body: str) -> Comment:
        comment = Comment(
            id=new_id(), post_id=post_id, author_id=author_id, body=body, created_at=now_iso()
        )
        put = {
            "Put": {
                "TableName": self._table,
                "Item": comment_to_item(comment),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        }
        with translated_errors():
            try:
                transact(self._client, [put, self._count(post_id, 1)])
            except TransactionCancelled as exc:
                raise PostNotFound(post_id) from exc
        return comment

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
                transact(self._client, [{"Delete": delete}, self._count(post_id, -1)])
            except TransactionCancelled as exc:
                if not exc.failed(0):
                    raise PostNotFound(post_id) from exc
                if exc.old_items[0] is None:
                    raise CommentNotFound(comment_id) from exc
                raise Forbidden("Only the author or a moderator can delete this comment") from exc

    def page(self, post_id: str, limit: int, after: str | None) -> Page[Comment]:
        """Oldest first (ids are time-sortable)."""
        return query_page(
            self._client,
            self._table,
            self._cursors,
            partition=post_key(post_id)["PK"],
            sort_prefix=COMMENT_PREFIX,
            newest_first=False,
            limit=limit,
            after=after,
            decode=comment_from_item,
        )

    def post_with_first_page(self, post_id: str, limit: int) -> tuple[Post | None, Page[Comment]]:
        """The post and its first `limit` comments in ONE Query of the item collection."""
        page = query_page(
            self._client,
            self._table,
            self._cursors,
            partition=post_key(post_id)["PK"],
            sort_prefix=POST,  # "POST" itself, then "POST#COMMENT#..."; likes sort before
            newest_first=False,
            limit=limit + 1,
            after=None,
            decode=lambda item: item,
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
