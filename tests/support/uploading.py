"""Uploading as a client does (GraphQL, then a real multipart POST), and the stream processing."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from fanout.door import process_records
from fanout.media import MediaProcessing
from fanout.service import FanOut

if TYPE_CHECKING:
    from core.config import Settings
    from store.media import MediaStorage
    from store.repository import Store
    from store.streams import StreamReader
    from tests.conftest import GraphQLClient

CREATE_UPLOAD = """mutation($i: CreateUploadInput!) { createUpload(input: $i) {
  upload { id status expiresAt contentType size } url fields { name value } maxBytes } }"""
COMPLETE = "mutation($id: ID!) { completeUpload(id: $id) { id status reason } }"
MEDIA_FIELDS = """id contentType size url altText width height durationSeconds blurhash
  focus { x y } variants { url width height contentType }"""


def ticket(client: GraphQLClient, content_type: str, size: int, name: str = "f") -> dict[str, Any]:
    result = client.execute(
        CREATE_UPLOAD, i={"contentType": content_type, "size": size, "filename": name}
    )
    assert "errors" not in result, result
    created: dict[str, Any] = result["data"]["createUpload"]
    return created


def post_form(
    created: dict[str, Any], data: bytes, content_type: str | None = None
) -> httpx.Response:
    """What a browser does: fields in order, the file last, as multipart/form-data."""
    fields = {f["name"]: f["value"] for f in created["fields"]}
    if content_type is not None:
        fields["Content-Type"] = content_type  # a client lying about the type
    return httpx.post(created["url"], data=fields, files={"file": ("f", data)}, timeout=10)


@dataclass
class Processing:
    """The table's stream applied by the same code the Lambda runs (fanout.door), on demand."""

    reader: StreamReader
    fanout: FanOut

    @classmethod
    def of(
        cls, reader: StreamReader, store: Store, media: MediaStorage, settings: Settings
    ) -> Processing:
        processing = MediaProcessing(store, media, settings.upload_limits)
        return cls(reader, FanOut(store, processing))

    def run(self) -> list[dict[str, Any]]:
        """Apply every pending record until the stream is quiet; returns them."""
        delivered: list[dict[str, Any]] = []
        quiet = 0
        while quiet < 2:
            records = self.reader.poll()
            if not records:
                quiet += 1
                time.sleep(0.05)
                continue
            quiet = 0
            assert process_records(records, self.fanout) == []
            delivered += records
        return delivered


def complete(client: GraphQLClient, upload_id: str) -> dict[str, Any]:
    result = client.execute(COMPLETE, id=upload_id)
    assert "errors" not in result, result
    done: dict[str, Any] = result["data"]["completeUpload"]
    return done


def upload(client: GraphQLClient, processing: Processing, content_type: str, data: bytes) -> str:
    """Upload, complete (PROCESSING at once), process; the upload is READY."""
    created = ticket(client, content_type, len(data))
    assert post_form(created, data).status_code in (200, 201, 204)
    upload_id: str = created["upload"]["id"]
    assert complete(client, upload_id)["status"] == "PROCESSING"
    processing.run()
    done = complete(client, upload_id)
    assert done["status"] == "READY", done
    return upload_id
