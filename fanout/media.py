"""Processing a completed upload, off the request path: verify the exact bytes, then serve
only what was made from them.

An image is read once, checked (size, type, magic number), decoded and re-encoded; what is
served is made from the bytes that were checked, so uploading again through the still-valid form
changes nothing. A video is checked and probed through reads pinned to one version of the object
(If-Match on its ETag) and copied with CopySourceIfMatch: a replaced object fails the copy.
Each step is idempotent: a retried record finds the upload no longer PROCESSING, or redoes the
same writes.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from core.errors import UploadNotFound
from core.media_types import SNIFF_BYTES
from core.models import Media, MediaVariant, UploadStatus
from media.checks import content_mismatch, declared_mismatch
from media.limits import VARIANT_WIDTHS
from media.video import VideoRefused, probe_video
from store.keys import incoming_object_key, media_object_key, media_variant_key
from store.media import ObjectChanged

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Upload
    from store.media import MediaStorage
    from store.repository import Store

log = logging.getLogger("agora.media")


class Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MediaProcessing:
    def __init__(self, store: Store, storage: MediaStorage, limits: Mapping[str, int]) -> None:
        self._store = store
        self._storage = storage
        self._limits = limits

    def process(self, owner_id: str, upload_id: str) -> None:
        incoming = incoming_object_key(owner_id, upload_id)
        try:
            self._process(owner_id, upload_id, incoming)
        except UploadNotFound:
            # Its post was deleted meanwhile, which ended the upload: nothing of it may stay.
            written = Media(upload_id, "", 0, media_object_key(owner_id, upload_id))
            self._storage.delete_many([incoming, *self._all_keys(owner_id, written)])

    def _process(self, owner_id: str, upload_id: str, incoming: str) -> None:
        upload = self._store.uploads.get(owner_id, upload_id)
        if upload.status is not UploadStatus.PROCESSING:
            return  # finished by an earlier delivery of the same record
        started = time.perf_counter()
        try:
            media = self._render(upload, incoming)
        except Refused as refused:
            self._storage.delete(incoming)
            final = self._store.uploads.finish(
                owner_id,
                upload_id,
                UploadStatus.REJECTED,
                refused.reason,
                since=UploadStatus.PROCESSING,
            )
            log.info("upload %s rejected: %s", upload_id, refused.reason)
            if final.status is UploadStatus.REJECTED and final.attached_to:
                self._store.attached_media.replace(final.attached_to, upload_id, None)
            return
        final = self._store.uploads.finish(
            owner_id,
            upload_id,
            UploadStatus.READY,
            None,
            processed=media,
            since=UploadStatus.PROCESSING,
        )
        self._storage.delete(incoming)
        log.info("upload %s processed in %.0f ms", upload_id, (time.perf_counter() - started) * 1e3)
        if final.status is UploadStatus.READY and final.attached_to:
            self._store.attached_media.replace(final.attached_to, upload_id, media)

    def render(self, upload: Upload) -> Media:
        """What processing makes of an upload's file (raises Refused), its status untouched:
        for a caller that finishes the upload itself (the demo seeding, which never sends it
        through the stream, so nothing processes it twice)."""
        return self._render(upload, incoming_object_key(upload.owner_id, upload.id))

    def remove(self, owner_id: str, media: Media, target: str) -> None:
        """Delete what a media owns in storage, then end its upload (deleting is owning).

        Every variant key is deleted, not only those the copy names: a copy made while the
        upload was PROCESSING names none, though processing may have written them since.
        """
        self._storage.delete_many(self._all_keys(owner_id, media))
        self._store.uploads.end(owner_id, media.id, target)

    @staticmethod
    def _all_keys(owner_id: str, media: Media) -> list[str]:
        variants = [media_variant_key(owner_id, media.id, w) for w in VARIANT_WIDTHS]
        return list(dict.fromkeys([*media.keys, *variants]))

    def _render(self, upload: Upload, incoming: str) -> Media:
        limit = self._limits.get(upload.content_type, 0)
        if upload.content_type.startswith("image/"):
            return self._image(upload, incoming, limit)
        return self._video(upload, incoming, limit)

    def _image(self, upload: Upload, incoming: str, limit: int) -> Media:
        # Imported here: the API's requests never pay for loading the imaging library.
        from media.images import ImageRefused, process_image

        stored = self._storage.read(incoming, limit)
        if stored is None:
            raise Refused("the uploaded file is gone; upload it again")
        reason = declared_mismatch(
            upload.content_type, upload.size, limit, stored.content_type, len(stored.data)
        ) or content_mismatch(upload.content_type, stored.data[:SNIFF_BYTES])
        if reason:
            raise Refused(reason)
        try:
            image = process_image(stored.data, upload.content_type)
        except ImageRefused as exc:
            raise Refused(exc.reason) from exc
        key = media_object_key(upload.owner_id, upload.id)
        variants = []
        for variant in image.variants:
            variant_key = media_variant_key(upload.owner_id, upload.id, variant.width)
            self._storage.put(variant_key, variant.data, variant.content_type)
            variants.append(
                MediaVariant(variant_key, variant.width, variant.height, variant.content_type)
            )
        original = image.original
        self._storage.put(key, original.data, original.content_type)
        return replace(
            upload.declared(key),
            content_type=original.content_type,
            size=len(original.data),
            width=original.width,
            height=original.height,
            blurhash=image.blurhash,
            variants=tuple(variants),
        )

    def _video(self, upload: Upload, incoming: str, limit: int) -> Media:
        stored = self._storage.head(incoming)
        if stored is None:
            raise Refused("the uploaded file is gone; upload it again")
        reason = declared_mismatch(
            upload.content_type, upload.size, limit, stored.content_type, stored.size
        )
        try:

            def read(offset: int, length: int) -> bytes:
                return self._storage.read_range(incoming, offset, length, stored.etag)

            reason = reason or content_mismatch(upload.content_type, read(0, SNIFF_BYTES))
            if reason:
                raise Refused(reason)
            info = probe_video(upload.content_type, read, stored.size)
            key = media_object_key(upload.owner_id, upload.id)
            self._storage.copy_verified(incoming, key, stored.etag)
        except VideoRefused as exc:
            raise Refused(exc.reason) from exc
        except ObjectChanged as exc:
            raise Refused("the file was replaced while it was checked; upload it again") from exc
        return replace(
            upload.declared(key),
            size=stored.size,
            width=info.width,
            height=info.height,
            duration_seconds=info.duration_seconds,
        )
