"""Upload records under their owner: PENDING until verified, then READY or REJECTED."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from core.errors import UploadNotFound
from core.models import UploadStatus
from store.batch import batch_get
from store.codecs import attribute_values, upload_from_item, upload_to_item
from store.errors import error_code, translated_errors
from store.keys import upload_key
from store.media_codecs import media_to_value
from store.table import TTL_ATTRIBUTE
from store.tables import Repository
from store.transactions import transact

if TYPE_CHECKING:
    from collections.abc import Sequence

    from core.models import Media, Upload

#: Records of uploads never completed (and rejected ones) disappear after a day.
RECORD_TTL_SECONDS = 24 * 3600


class UploadRepository(Repository):
    def create(self, upload: Upload) -> Upload:
        """Record a new upload; it counts against its owner's media limit too (core/limits.py)."""
        item = upload_to_item(upload, int(time.time()) + RECORD_TTL_SECONDS)
        with translated_errors():
            transact(self._client, [self._put_new(item)], self._charge(upload.owner_id, media=True))
        return upload

    def get(self, owner_id: str, upload_id: str) -> Upload:
        item = self._get(upload_key(owner_id, upload_id), consistent=True)
        if item is None:
            raise UploadNotFound(upload_id)
        return upload_from_item(item)

    def get_many(self, owner_id: str, upload_ids: Sequence[str]) -> list[Upload]:
        """The owner's uploads in the order asked; any missing one is UploadNotFound."""
        keys = [attribute_values(upload_key(owner_id, uid)) for uid in dict.fromkeys(upload_ids)]
        # Consistent: an upload completed a moment ago must read as READY.
        items = batch_get(self._client, self._table, keys, consistent=True)
        found = {u.id: u for u in map(upload_from_item, items)}
        for upload_id in upload_ids:
            if upload_id not in found:
                raise UploadNotFound(upload_id)
        return [found[uid] for uid in upload_ids]

    def begin_processing(self, owner_id: str, upload_id: str) -> Upload:
        """PENDING -> PROCESSING: the table's stream hands it to the media processing."""
        return self._transition(
            owner_id,
            upload_id,
            UploadStatus.PENDING,
            UploadStatus.PROCESSING,
            "SET #status = :status",
        )

    def finish(
        self,
        owner_id: str,
        upload_id: str,
        status: UploadStatus,
        reason: str | None,
        *,
        processed: Media | None = None,
        since: UploadStatus = UploadStatus.PENDING,
    ) -> Upload:
        """Move an upload from `since` to READY (kept for good) or REJECTED; a lost race returns
        the winner's result, so completing twice answers the same."""
        values: dict[str, Any] = {}
        update = "SET #status = :status"
        if reason is not None:
            update += ", reason = :reason"
            values[":reason"] = {"S": reason}
        if processed is not None:
            update += ", #processed = :processed"
            values[":processed"] = media_to_value(processed)
        if status is UploadStatus.READY:
            update += f" REMOVE {TTL_ATTRIBUTE}"
        return self._transition(owner_id, upload_id, since, status, update, values)

    def _transition(
        self,
        owner_id: str,
        upload_id: str,
        since: UploadStatus,
        status: UploadStatus,
        update: str,
        values: dict[str, Any] | None = None,
    ) -> Upload:
        with translated_errors():
            try:
                response = self._client.update_item(
                    TableName=self._table,
                    Key=attribute_values(upload_key(owner_id, upload_id)),
                    UpdateExpression=update,
                    ConditionExpression="#status = :since",
                    ExpressionAttributeNames={
                        "#status": "status",
                        **({"#processed": "processed"} if "#processed" in update else {}),
                    },
                    ExpressionAttributeValues={
                        ":status": {"S": status},
                        ":since": {"S": since},
                        **(values or {}),
                    },
                    ReturnValues="ALL_NEW",
                )
            except ClientError as exc:
                if error_code(exc) != "ConditionalCheckFailedException":
                    raise
                return self.get(owner_id, upload_id)
        return upload_from_item(response["Attributes"])

    def end(self, owner_id: str, upload_id: str, target: str) -> None:
        """Forget an upload whose target (a post, an avatar) is gone with its objects."""
        with translated_errors():
            try:
                self._client.delete_item(
                    TableName=self._table,
                    Key=attribute_values(upload_key(owner_id, upload_id)),
                    ConditionExpression="attachedTo = :target",
                    ExpressionAttributeValues={":target": {"S": target}},
                )
            except ClientError as exc:
                # Already gone, or attached elsewhere since: not ours to end (a retried batch).
                if error_code(exc) != "ConditionalCheckFailedException":
                    raise


def attach_item(table: str, owner_id: str, media: Media, target: str) -> dict[str, Any]:
    """A transaction item claiming a READY (or PROCESSING) upload for one target (a post or an
    avatar), in the status it was read in: the media copied onto the target is what the record
    said, and processing that finishes later sees the claim (fanout/media.py)."""
    update = _attachment(table, owner_id, media.id, target, "SET attachedTo = :target")
    update["ConditionExpression"] = (
        "#status = :seen AND (attribute_not_exists(attachedTo) OR attachedTo = :target)"
    )
    update["ExpressionAttributeNames"] = {"#status": "status"}
    seen = UploadStatus.READY if media.ready else UploadStatus.PROCESSING
    update["ExpressionAttributeValues"][":seen"] = {"S": seen}
    return {"Update": update}


def detach_item(table: str, owner_id: str, upload_id: str, target: str) -> dict[str, Any]:
    """A transaction item releasing an upload that a target no longer uses."""
    update = _attachment(table, owner_id, upload_id, target, "REMOVE attachedTo")
    update["ConditionExpression"] = "attachedTo = :target"
    return {"Update": update}


def _attachment(
    table: str, owner_id: str, upload_id: str, target: str, expression: str
) -> dict[str, Any]:
    return {
        "TableName": table,
        "Key": attribute_values(upload_key(owner_id, upload_id)),
        "UpdateExpression": expression,
        "ExpressionAttributeValues": {":target": {"S": target}},
    }
