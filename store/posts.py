"""Posts: conditional writes, idempotent creation and newest-first index pages."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.errors import (
    Conflict,
    Forbidden,
    MediaUnavailable,
    PostNotFound,
    Throttled,
    VersionConflict,
)
from core.ids import new_id
from core.models import ChangeKind, LoggedChange, Media, Page, Post
from core.safety import post_target
from store.batch import delete_queried
from store.change_items import change_puts, later_stamp, unchanged_since
from store.codecs import attribute_values, media_to_value, post_from_item, post_to_item
from store.edit_items import kept_on_edit
from store.errors import StoreError, translated_errors
from store.keys import (
    ALL_POSTS_PARTITION,
    author_partition,
    category_partition,
    category_topic,
    post_key,
    post_topics,
)
from store.removals import removal_audit
from store.request_tokens import replayed_post_id, request_fingerprint, token_record
from store.table import INDEXES
from store.tables import Repository
from store.transactions import Planned, TransactionCancelled, commit, transact_guarded
from store.uploads import attach_item, detach_item

if TYPE_CHECKING:
    from core.models import PostChanges
    from core.safety import Removal
    from store.items import Item

#: Guarded changes re-read and retry when another change lands between read and write.
MAX_RACES = 8


class PostRepository(Repository):
    def get(self, post_id: str, *, consistent: bool = False) -> Post | None:
        item = self._get(post_key(post_id), consistent=consistent)
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

        Attached media are claimed, and the POST_CREATED event logged, in the same transaction.
        """
        fingerprint = request_fingerprint(title, body, category, *(m.id for m in media))

        def build() -> Planned[Post]:
            stamp = aws_datetime(self._clock())
            post = Post(
                id=new_id(),
                author_id=author_id,
                title=title,
                body=body,
                category=category,
                created_at=stamp,
                updated_at=stamp,
                version=1,
                media=media,
            )
            items = [self._put_new(post_to_item(post))]
            if request_token is not None:
                items.append(
                    {
                        "Put": token_record(
                            self._table, author_id, request_token, post.id, fingerprint
                        )
                    }
                )
            items += [attach_item(self._table, author_id, m, f"post:{post.id}") for m in media]
            return Planned(post, items + self._logged(ChangeKind.POST_CREATED, post, stamp))

        with translated_errors():
            try:
                return commit(self._writes, build, self._charge(author_id))
            except TransactionCancelled as exc:
                # Item order: the post, the request token (if any), the media claims, the log.
                if exc.failed(0) and isinstance(exc.planned, Post):
                    # Its id is new: only this request's own attempt, resent after DynamoDB had
                    # applied it (a lost answer), can have written it. It is exactly this post.
                    return exc.planned
                if request_token is not None and exc.failed(1):
                    post_id = replayed_post_id(
                        self._client, self._table, author_id, request_token, fingerprint
                    )
                    return self._created_earlier(post_id)
                claims = range(2 if request_token is not None else 1, len(exc.reasons))[
                    : len(media)
                ]
                if any(exc.failed(i) for i in claims):
                    raise MediaUnavailable() from exc
                raise StoreError(f"createPost cancelled: {exc.reasons}") from exc

    def _logged(
        self, kind: ChangeKind, post: Post, stamp: str, *extra_topics: str
    ) -> list[dict[str, Any]]:
        event = LoggedChange(
            id=new_id(), kind=kind, post_id=post.id, author_id=post.author_id, at=stamp
        )
        topics = dict.fromkeys((*post_topics(post.author_id, post.category), *extra_topics))
        return change_puts(self._table, event, topics)

    def _created_earlier(self, post_id: str) -> Post:
        existing = self.get(post_id, consistent=True)
        if existing is None:
            raise Conflict(f"clientRequestToken created post {post_id}, which has been deleted")
        return existing

    def current(self, post_id: str) -> tuple[Post, str | None]:
        """The post (consistent read) and the stamp of its latest event, for a guarded change."""
        item = self._get(post_key(post_id), consistent=True)
        if item is None:
            raise PostNotFound(post_id)
        changed = item.get("changedAt")
        return post_from_item(item), changed["S"] if changed else None

    def update(
        self,
        post_id: str,
        *,
        author_id: str,
        expected_version: int,
        changes: PostChanges,
        media: tuple[Media, ...] | None = None,
    ) -> Post:
        """Apply changes if the viewer wrote the post and nobody changed it since that version.

        With `media`, the post's attachments are replaced: new uploads are claimed and dropped
        ones released in the same transaction, which also logs POST_UPDATED.
        """
        for _ in range(MAX_RACES):
            post, changed_at = self.current(post_id)
            if post.author_id != author_id:
                raise Forbidden("Only the author can change this post")
            if post.version != expected_version:
                raise VersionConflict(expected_version, post.version)
            updated = self._try_update(post, changed_at, changes, media)
            if updated is not None:
                return updated
        raise Throttled("This post is changing too often right now; retry")

    def _try_update(
        self,
        post: Post,
        changed_at: str | None,
        changes: PostChanges,
        media: tuple[Media, ...] | None,
    ) -> Post | None:
        """One guarded attempt; None when the post changed since it was read."""

        def build() -> Planned[Post]:
            stamp = later_stamp(self._clock(), changed_at)
            updated = dataclasses.replace(
                post,
                title=changes.title if changes.title is not None else post.title,
                body=changes.body if changes.body is not None else post.body,
                category=changes.category if changes.category is not None else post.category,
                media=media if media is not None else post.media,
                version=post.version + 1,
                updated_at=stamp,
            )
            updated, history = kept_on_edit(self._table, post, updated, stamp)
            items = [{"Update": self._update_item(post, updated, changed_at, stamp)}, *history]
            if media is not None:
                target = f"post:{post.id}"
                kept = {m.id for m in media}
                items += [attach_item(self._table, post.author_id, m, target) for m in media]
                items += [
                    detach_item(self._table, post.author_id, m.id, target)
                    for m in post.media
                    if m.id not in kept
                ]
            # A post leaving a category is news to that category's pollers too.
            logged = self._logged(
                ChangeKind.POST_UPDATED, updated, stamp, category_topic(post.category)
            )
            return Planned(updated, items + logged)

        with translated_errors():
            try:
                return commit(self._writes, build, self._charge(post.author_id))
            except TransactionCancelled as exc:
                if exc.failed(0):
                    return None
                raise MediaUnavailable() from exc

    def _update_item(
        self, post: Post, updated: Post, changed_at: str | None, stamp: str
    ) -> dict[str, Any]:
        names = {"#version": "version", "#changedAt": "changedAt", "#updatedAt": "updatedAt"}
        values: dict[str, Any] = {
            ":one": {"N": "1"},
            ":expected": {"N": str(post.version)},
            ":stamp": {"S": stamp},
        }
        sets = ["#version = #version + :one", "#updatedAt = :stamp", "#changedAt = :stamp"]
        for field in ("title", "body", "category"):
            if getattr(updated, field) != getattr(post, field):
                names[f"#{field}"] = field
                values[f":{field}"] = {"S": getattr(updated, field)}
                sets.append(f"#{field} = :{field}")
        if updated.edited_at != post.edited_at:
            values[":edited"] = {"S": stamp}
            sets.append("editedAt = :edited")
        if updated.category != post.category:
            names["#gsi1pk"] = INDEXES["GSI1"][0]
            values[":categoryPartition"] = {"S": category_partition(updated.category)}
            sets.append("#gsi1pk = :categoryPartition")
        if updated.media != post.media:
            names["#media"] = "media"
            values[":media"] = {"L": [media_to_value(m) for m in updated.media]}
            sets.append("#media = :media")
        guard, guard_values = unchanged_since(changed_at)
        return {
            "TableName": self._table,
            "Key": attribute_values(post_key(post.id)),
            "UpdateExpression": "SET " + ", ".join(sets),
            "ConditionExpression": f"#version = :expected AND {guard}",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": {**values, **guard_values},
        }

    def delete(
        self, post_id: str, *, author_id: str | None, removal: Removal | None = None
    ) -> None:
        """Delete a post and log its tombstone; with `author_id`, only that user's post (a
        moderator's `removal` of another's is audited in the same transaction)."""
        for _ in range(MAX_RACES):
            post, changed_at = self.current(post_id)
            if author_id is not None and post.author_id != author_id:
                raise Forbidden("Only the author can change this post")
            audit = removal_audit(self._table, removal, post_target(post), self._clock())
            if self._try_delete(post, changed_at, author_id, audit):
                return
        raise Throttled("This post is changing too often right now; retry")

    def _try_delete(
        self, post: Post, changed_at: str | None, author_id: str | None, audit: list[Item]
    ) -> bool:
        """One guarded attempt; False when the post changed since it was read."""
        guard, guard_values = unchanged_since(changed_at)
        delete: dict[str, Any] = {
            "TableName": self._table,
            "Key": attribute_values(post_key(post.id)),
            "ConditionExpression": f"attribute_exists(PK) AND {guard}",
            "ExpressionAttributeNames": {"#changedAt": "changedAt"},
        }
        if guard_values:
            delete["ExpressionAttributeValues"] = guard_values

        def build() -> list[dict[str, Any]]:
            stamp = later_stamp(self._clock(), changed_at)
            return [{"Delete": delete}, *self._logged(ChangeKind.POST_DELETED, post, stamp), *audit]

        return transact_guarded(self._writes, build, self._charge(author_id))

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
        return self._query_page(partition, limit, after, post_from_item, index=index)
