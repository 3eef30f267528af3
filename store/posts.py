"""Posts: conditional writes, idempotent creation and newest-first index pages."""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING, Any, cast

from botocore.exceptions import ClientError

from core.clock import now_iso
from core.errors import Conflict, Forbidden, PostNotFound, VersionConflict
from core.ids import new_id
from core.models import Media, Page, Post
from store.batch import delete_queried
from store.codecs import attribute_values, media_to_value, post_from_item, post_to_item
from store.errors import error_code, translated_errors
from store.keys import (
    ALL_POSTS_PARTITION,
    author_partition,
    category_partition,
    post_key,
    request_token_key,
)
from store.pages import query_page
from store.table import INDEXES, TTL_ATTRIBUTE
from store.transactions import TransactionCancelled, transact
from store.uploads import MediaUnavailable, attach_item, detach_item

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from core.models import PostChanges
    from store.cursors import CursorCodec

#: How long a client request token keeps answering with the post it created.
REQUEST_TOKEN_TTL_SECONDS = 24 * 3600


class RequestTokenReused(Conflict):
    def __init__(self) -> None:
        super().__init__(
            "clientRequestToken was already used for a different post; use a new token"
        )


class PostRepository:
    def __init__(self, client: DynamoDBClient, table_name: str, cursors: CursorCodec) -> None:
        self._client = client
        self._table = table_name
        self._cursors = cursors

    def get(self, post_id: str, *, consistent: bool = False) -> Post | None:
        with translated_errors():
            response = self._client.get_item(
                TableName=self._table,
                Key=attribute_values(post_key(post_id)),
                ConsistentRead=consistent,
            )
        item = response.get("Item")
        return post_from_item(item) if item else None

    def create(
        self,
        *,
        author_id: str,
        title: str,
        body: str,
        category: str,
        request_token: str | None = None,
        media: tuple[Media, ...] = (),
    ) -> Post:
        """Create a post; with a request token, a retry returns the post the first try made.

        Attached media are claimed in the same transaction, so an upload attaches only once.
        """
        now = now_iso()
        post = Post(
            id=new_id(),
            author_id=author_id,
            title=title,
            body=body,
            category=category,
            created_at=now,
            updated_at=now,
            version=1,
            media=media,
        )
        put_post = {
            "TableName": self._table,
            "Item": post_to_item(post),
            "ConditionExpression": "attribute_not_exists(PK)",
        }
        fingerprint = _fingerprint(title, body, category, media)
        items: list[dict[str, Any]] = [{"Put": put_post}]
        if request_token is not None:
            items.append(
                {"Put": self._token_record(author_id, request_token, post.id, fingerprint)}
            )
        items += [attach_item(self._table, author_id, m.id, f"post:{post.id}") for m in media]
        with translated_errors():
            if len(items) == 1:
                self._client.put_item(**put_post)  # type: ignore[arg-type]
                return post
            try:
                transact(self._client, items)
            except TransactionCancelled as exc:
                if request_token is not None and exc.failed(1):
                    return self._replay(author_id, request_token, fingerprint)
                raise MediaUnavailable() from exc
        return post

    def _token_record(
        self, author_id: str, request_token: str, post_id: str, fingerprint: str
    ) -> dict[str, Any]:
        return {
            "TableName": self._table,
            "Item": {
                **attribute_values(request_token_key(author_id, request_token)),
                "postId": {"S": post_id},
                "fingerprint": {"S": fingerprint},
                TTL_ATTRIBUTE: {"N": str(int(time.time()) + REQUEST_TOKEN_TTL_SECONDS)},
            },
            "ConditionExpression": "attribute_not_exists(PK)",
        }

    def _replay(self, author_id: str, request_token: str, fingerprint: str) -> Post:
        response = self._client.get_item(
            TableName=self._table,
            Key=attribute_values(request_token_key(author_id, request_token)),
            ConsistentRead=True,
        )
        record = response.get("Item")
        if record is None or record["fingerprint"]["S"] != fingerprint:
            raise RequestTokenReused()
        post_id = record["postId"]["S"]
        existing = self._client.get_item(
            TableName=self._table, Key=attribute_values(post_key(post_id)), ConsistentRead=True
        ).get("Item")
        if existing is None:
            raise Conflict(f"clientRequestToken created post {post_id}, which has been deleted")
        return post_from_item(existing)

    def update(
        self,
        post_id: str,
        *,
        author_id: str,
        expected_version: int,
        changes: PostChanges,
        media: tuple[Media, ...] | None = None,
        previous_media: tuple[Media, ...] = (),
    ) -> Post:
        """Apply changes if the viewer wrote the post and nobody changed it since that version.

        With `media`, the post's attachments are replaced: new uploads are claimed and dropped
        ones released in the same transaction.
        """
        names = {"#version": "version", "#updatedAt": "updatedAt", "#authorId": "authorId"}
        values: dict[str, Any] = {
            ":one": {"N": "1"},
            ":expected": {"N": str(expected_version)},
            ":author": {"S": author_id},
            ":now": {"S": now_iso()},
        }
        sets = ["#version = #version + :one", "#updatedAt = :now"]
        for field, value in (("title", changes.title), ("body", changes.body)):
            if value is not None:
                names[f"#{field}"] = field
                values[f":{field}"] = {"S": value}
                sets.append(f"#{field} = :{field}")
        if changes.category is not None:
            names.update({"#category": "category", "#gsi1pk": INDEXES["GSI1"][0]})
            values[":category"] = {"S": changes.category}
            values[":categoryPartition"] = {"S": category_partition(changes.category)}
            sets += ["#category = :category", "#gsi1pk = :categoryPartition"]
        if media is not None:
            names["#media"] = "media"
            values[":media"] = {"L": [media_to_value(m) for m in media]}
            sets.append("#media = :media")
        update = {
            "TableName": self._table,
            "Key": attribute_values(post_key(post_id)),
            "UpdateExpression": "SET " + ", ".join(sets),
            "ConditionExpression": (
                "attribute_exists(PK) AND #authorId = :author AND #version = :expected"
            ),
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
        with translated_errors():
            if media is None:
                try:
                    response = self._client.update_item(**update, ReturnValues="ALL_NEW")  # type: ignore[arg-type]
                except ClientError as exc:
                    if error_code(exc) != "ConditionalCheckFailedException":
                        raise
                    old = cast("dict[str, Any]", exc.response).get("Item")
                    raise _why_refused(old, post_id, author_id, expected_version) from exc
                return post_from_item(response["Attributes"])
            target = f"post:{post_id}"
            kept = {m.id for m in media}
            items = [{"Update": update}]
            items += [attach_item(self._table, author_id, m.id, target) for m in media]
            items += [
                detach_item(self._table, author_id, m.id, target)
                for m in previous_media
                if m.id not in kept
            ]
            try:
                transact(self._client, items)
            except TransactionCancelled as exc:
                if exc.failed(0):
                    old = exc.old_items[0]
                    raise _why_refused(old, post_id, author_id, expected_version) from exc
                raise MediaUnavailable() from exc
        updated = self.get(post_id, consistent=True)
        if updated is None:
            raise PostNotFound(post_id)
        return updated

    def delete(self, post_id: str, *, author_id: str | None) -> None:
        """Delete a post; with `author_id`, only if that user wrote it (None: anyone's)."""
        condition: dict[str, Any] = {"ConditionExpression": "attribute_exists(PK)"}
        if author_id is not None:
            condition = {
                "ConditionExpression": "attribute_exists(PK) AND #authorId = :author",
                "ExpressionAttributeNames": {"#authorId": "authorId"},
                "ExpressionAttributeValues": {":author": {"S": author_id}},
            }
        with translated_errors():
            try:
                self._client.delete_item(
                    TableName=self._table,
                    Key=attribute_values(post_key(post_id)),
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                    **condition,
                )
            except ClientError as exc:
                if error_code(exc) != "ConditionalCheckFailedException":
                    raise
                old = cast("dict[str, Any]", exc.response).get("Item")
                raise _why_refused(old, post_id, author_id, None) from exc

    def purge_collection(self, post_id: str) -> int:
        """Delete what a deleted post leaves in its collection (comments, likes)."""
        return delete_queried(
            self._client,
            self._table,
            {
                "KeyConditionExpression": "PK = :pk",
                "ExpressionAttributeValues": {":pk": {"S": post_key(post_id)["PK"]}},
            },
        )

    def recent(self, category: str | None, limit: int, after: str | None) -> Page[Post]:
        """Newest posts first, in one category or across all of them (GSI3: no scan)."""
        if category is None:
            return self._page("GSI3", ALL_POSTS_PARTITION, limit, after)
        return self._page("GSI1", category_partition(category), limit, after)

    def by_author(self, author_id: str, limit: int, after: str | None) -> Page[Post]:
        return self._page("GSI2", author_partition(author_id), limit, after)

    def _page(self, index: str, partition: str, limit: int, after: str | None) -> Page[Post]:
        return query_page(
            self._client,
            self._table,
            self._cursors,
            index=index,
            partition=partition,
            limit=limit,
            after=after,
            decode=post_from_item,
        )


def _fingerprint(title: str, body: str, category: str, media: tuple[Media, ...]) -> str:
    parts = (title, body, category, *(m.id for m in media))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _why_refused(
    old: dict[str, Any] | None, post_id: str, author_id: str | None, expected_version: int | None
) -> Exception:
    """Name the condition that failed from the item DynamoDB returned with the failure."""
    if not old:
        return PostNotFound(post_id)
    if author_id is not None and old["authorId"]["S"] != author_id:
        return Forbidden("Only the author can change this post")
    current = int(old["version"]["N"])
    return VersionConflict(expected_version if expected_version is not None else current, current)
