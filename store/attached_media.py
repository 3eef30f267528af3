"""The copies of a media on the post or profile it is attached to, kept in step with processing.

A post may be created while its upload is PROCESSING; when processing ends, the copy on the post
is replaced (READY: dimensions, variants) or dropped (REJECTED), and POST_UPDATED is logged, so
pollers and subscribers learn that the post's media changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from core.errors import Throttled
from core.ids import new_id
from core.models import ChangeKind, LoggedChange
from store.change_items import change_puts, later_stamp, unchanged_since
from store.codecs import attribute_values, post_from_item
from store.errors import error_code, translated_errors
from store.keys import post_key, post_topics, user_key
from store.media_codecs import media_to_value
from store.tables import Repository
from store.transactions import transact_guarded

if TYPE_CHECKING:
    from core.models import Media

#: A post changing between read and write is read again, this many times at most.
MAX_RACES = 8


class AttachedMedia(Repository):
    def replace(self, target: str, media_id: str, media: Media | None) -> None:
        """On `target` ("post:<id>" or "avatar:<user id>"), the copy of `media_id` becomes
        `media`, or goes with None. A target that is gone, or no longer holds it, is left."""
        kind, _, target_id = target.partition(":")
        if kind == "post":
            self._in_post(target_id, media_id, media)
        elif kind == "avatar":
            self._as_avatar(target_id, media_id, media)

    def _in_post(self, post_id: str, media_id: str, media: Media | None) -> None:
        for _ in range(MAX_RACES):
            item = self._get(post_key(post_id), consistent=True)
            if item is None:
                return  # deleted: its media are deleted with it (fanout)
            post = post_from_item(item)
            if media_id not in {m.id for m in post.media}:
                return
            kept = [media if m.id == media_id else m for m in post.media]
            changed = item.get("changedAt", {}).get("S")
            if self._try_post(post_id, post.author_id, post.category, changed, kept):
                return
        raise Throttled("This post is changing too often right now; retry")

    def _try_post(
        self,
        post_id: str,
        author_id: str,
        category: str,
        changed_at: str | None,
        media: list[Media | None],
    ) -> bool:
        guard, guard_values = unchanged_since(changed_at)

        def build() -> list[dict[str, Any]]:
            stamp = later_stamp(self._clock(), changed_at)
            update = {
                "TableName": self._table,
                "Key": attribute_values(post_key(post_id)),
                "UpdateExpression": "SET #media = :media, #changedAt = :stamp",
                "ConditionExpression": f"attribute_exists(PK) AND {guard}",
                "ExpressionAttributeNames": {"#media": "media", "#changedAt": "changedAt"},
                "ExpressionAttributeValues": {
                    ":media": {"L": [media_to_value(m) for m in media if m is not None]},
                    ":stamp": {"S": stamp},
                    **guard_values,
                },
            }
            event = LoggedChange(
                id=new_id(),
                kind=ChangeKind.POST_UPDATED,
                post_id=post_id,
                author_id=author_id,
                at=stamp,
            )
            topics = dict.fromkeys(post_topics(author_id, category))
            return [{"Update": update}, *change_puts(self._table, event, topics)]

        return transact_guarded(self._writes, build)

    def _as_avatar(self, user_id: str, media_id: str, media: Media | None) -> None:
        values: dict[str, Any] = {":id": {"S": media_id}}
        if media is None:
            update = "REMOVE avatar"
        else:
            update = "SET avatar = :avatar"
            values[":avatar"] = media_to_value(media)
        with translated_errors():
            try:
                self._client.update_item(
                    TableName=self._table,
                    Key=attribute_values(user_key(user_id)),
                    UpdateExpression=update,
                    ConditionExpression="avatar.id = :id",
                    ExpressionAttributeValues=values,
                )
            except ClientError as exc:
                if error_code(exc) != "ConditionalCheckFailedException":
                    raise
