"""Edit history: comment edits and what a post's or comment's edits replaced.

`POST#<pid>` / `EDIT#POST#<version>` for the post, `EDIT#<cid>#<version>` for a comment
(versions zero-padded, so a descending Query reads the newest first). An edit logs no change
event and touches no feed: it notifies nobody.
"""

from __future__ import annotations

import dataclasses

from core.clock import aws_datetime
from core.errors import CommentNotFound, Forbidden, Throttled, VersionConflict
from core.models import Comment, Edit
from store.codecs import attribute_values
from store.comment_codecs import comment_from_item
from store.edit_items import edit_from_item, edit_put, edits_prefix
from store.errors import translated_errors
from store.keys import comment_key
from store.posts import MAX_RACES
from store.tables import Repository
from store.transactions import TransactionCancelled, transact


class EditRepository(Repository):
    def history(self, post_id: str, comment_id: str | None, limit: int) -> list[Edit]:
        """The replaced versions, newest first: one Query."""
        with translated_errors():
            response = self._client.query(
                TableName=self._table,
                KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
                ExpressionAttributeValues={
                    ":pk": {"S": f"POST#{post_id}"},
                    ":prefix": {"S": edits_prefix(comment_id)},
                },
                ScanIndexForward=False,
                Limit=limit,
            )
        return [edit_from_item(item) for item in response.get("Items", [])]

    def edit_comment(
        self, post_id: str, comment_id: str, *, author_id: str, expected_version: int, body: str
    ) -> Comment:
        """Change the text if `author_id` wrote the comment and nobody changed it since that
        version; the replaced text is kept in the same transaction."""
        for _ in range(MAX_RACES):
            item = self._get(comment_key(post_id, comment_id), consistent=True)
            current = comment_from_item(item) if item else None
            if current is None or current.deleted:
                raise CommentNotFound(comment_id)
            if current.author_id != author_id:
                raise Forbidden("Only the author can change this comment")
            if current.version != expected_version:
                raise VersionConflict(expected_version, current.version)
            edited = self._try_edit(current, body, author_id)
            if edited is not None:
                return edited
        raise Throttled("This comment is changing too often right now; retry")

    def _try_edit(self, current: Comment, body: str, author_id: str) -> Comment | None:
        stamp = aws_datetime(self._clock())
        kept = Edit(current.version, current.body, current.edited_at or current.created_at, stamp)
        guard = "#version = :expected"
        if current.version == 1:  # comments written before edits existed carry no version
            guard = f"(attribute_not_exists(#version) OR {guard})"
        update = {
            "TableName": self._table,
            "Key": attribute_values(comment_key(current.post_id, current.id)),
            "UpdateExpression": "SET #body = :body, #version = :next, editedAt = :stamp",
            "ConditionExpression": f"attribute_exists(PK) AND {guard}",
            "ExpressionAttributeNames": {"#body": "body", "#version": "version"},
            "ExpressionAttributeValues": {
                ":body": {"S": body},
                ":expected": {"N": str(current.version)},
                ":next": {"N": str(current.version + 1)},
                ":stamp": {"S": stamp},
            },
        }
        items = [{"Update": update}, edit_put(self._table, current.post_id, current.id, kept)]
        with translated_errors():
            try:
                transact(self._client, items, self._charge(author_id))
            except TransactionCancelled:
                return None  # changed in between: read again
        return dataclasses.replace(current, body=body, version=current.version + 1, edited_at=stamp)
