"""Uploads end to end: real multipart POSTs to the S3 emulator, verification, attach, download."""

from __future__ import annotations

import base64
import io
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from PIL import Image

from core.models import Upload, UploadStatus
from store.keys import incoming_object_key
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter
from tests.support.images import gradient
from tests.support.uploading import (
    COMPLETE,
    CREATE_UPLOAD,
    Processing,
    post_form,
    ticket,
)
from tests.support.uploading import upload as upload_processed
from tests.support.videos import mp4

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

    from core.config import Settings
    from store.media import MediaStorage
    from store.streams import StreamReader

pytestmark = pytest.mark.integration


def _encoded(fmt: str) -> bytes:
    buffer = io.BytesIO()
    gradient(48, 32).save(buffer, fmt)
    return buffer.getvalue()


PNG = _encoded("PNG")
JPEG = _encoded("JPEG")
MP4 = mp4(640, 360, 2.0)
HTML = b"<html><script>alert(1)</script></html>"


@pytest.fixture
def processing(
    stream_reader: StreamReader, store: Store, media: MediaStorage, settings: Settings
) -> Processing:
    return Processing.of(stream_reader, store, media, settings)


@pytest.fixture
def upload(processing: Processing) -> Any:
    def uploaded(client: GraphQLClient, content_type: str, data: bytes) -> str:
        return upload_processed(client, processing, content_type, data)

    return uploaded


def test_upload_attach_and_download(api: GraphQLClient, upload: Any) -> None:
    # Given a PNG uploaded with the form the API handed out, completed and processed
    upload_id = upload(api, "image/png", PNG)
    # When it is attached to a post
    created = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id media { id contentType size "
        "url } } }",
        i={"title": "Look", "category": "design", "mediaIds": [upload_id]},
    )["data"]["createPost"]
    # Then the post's media URL serves the image, re-encoded, with its size
    (media,) = created["media"]
    downloaded = httpx.get(media["url"], timeout=10)
    assert downloaded.status_code == 200
    assert (media["id"], media["contentType"], media["size"]) == (
        upload_id,
        "image/png",
        len(downloaded.content),
    )
    with Image.open(io.BytesIO(downloaded.content)) as served:
        assert served.size == (48, 32)
    assert "X-Amz-Signature=" in media["url"]
    assert "X-Amz-Expires=900" in media["url"]


def test_alt_text_given_at_upload_travels_with_the_image(
    api: GraphQLClient, processing: Processing, upload: Any
) -> None:
    # Given an image uploaded with a description
    data = PNG
    result = api.execute(
        CREATE_UPLOAD,
        i={
            "contentType": "image/png",
            "size": len(data),
            "filename": "cat.png",
            "altText": "  A grey cat asleep on a keyboard ",
        },
    )
    created = result["data"]["createUpload"]
    assert post_form(created, data).status_code in (200, 201, 204)
    upload_id = created["upload"]["id"]
    assert api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]["status"] == "PROCESSING"
    processing.run()
    # When it is attached, Then readers get the description with it (trimmed)
    post = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { media { altText } } }",
        i={"title": "Cat", "category": "design", "mediaIds": [upload_id]},
    )["data"]["createPost"]
    assert post["media"] == [{"altText": "A grey cat asleep on a keyboard"}]
    # And an image uploaded without one says so with an empty string
    plain = upload(api, "image/png", PNG)
    post = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { media { altText } } }",
        i={"title": "Plain", "category": "design", "mediaIds": [plain]},
    )["data"]["createPost"]
    assert post["media"] == [{"altText": ""}]


def test_the_post_policy_pins_everything(api: GraphQLClient, bucket: str) -> None:
    created = ticket(api, "image/jpeg", 1234, name="holiday.jpg")
    fields = {f["name"]: f["value"] for f in created["fields"]}
    policy = json.loads(base64.b64decode(fields["policy"]))
    key = incoming_object_key(ALICE, created["upload"]["id"])
    conditions = policy["conditions"]
    assert {"bucket": bucket} in conditions
    assert {"key": key} in conditions  # chosen by the server, never from the filename
    assert {"Content-Type": "image/jpeg"} in conditions
    assert ["content-length-range", 1234, 1234] in conditions
    assert fields["key"] == key
    assert fields["Content-Type"] == "image/jpeg"
    assert fields["x-amz-algorithm"] == "AWS4-HMAC-SHA256"
    expiration = datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00"))
    seconds = (expiration - datetime.now(UTC)).total_seconds()
    assert 540 < seconds <= 600
    assert [f["name"] for f in created["fields"]][-1] != "file"  # the file goes last, after these
    assert created["maxBytes"] == 10 * 1024 * 1024
    assert created["upload"]["status"] == "PENDING"


def _record(store: Store, owner: str, content_type: str, size: int, expires: str) -> Upload:
    upload = Upload(
        id="01HZ0000000000000000000009",
        owner_id=owner,
        content_type=content_type,
        size=size,
        filename="x",
        status=UploadStatus.PENDING,
        created_at="2020-01-01T00:00:00.000Z",
        expires_at=expires,
    )
    return store.uploads.create(upload)


BAD_UPLOADS: dict[str, tuple[str, int, bytes, str | None, str]] = {
    # declared type, declared size, bytes sent, type sent, reason expected
    "wrong size": ("image/png", len(PNG) + 5, PNG, None, "bytes, not the declared"),
    "wrong type": ("image/png", len(JPEG), JPEG, "image/jpeg", "was sent as"),
    "spoofed magic bytes": ("image/png", len(HTML), HTML, None, "content is not image/png"),
    "video that is not one": ("video/mp4", len(PNG), PNG, None, "content is not video/mp4"),
}


@pytest.mark.parametrize(
    ("content_type", "size", "data", "sent_type", "reason"),
    BAD_UPLOADS.values(),
    ids=BAD_UPLOADS.keys(),
)
def test_completion_rejects_what_is_not_what_was_declared(
    api: GraphQLClient,
    s3: S3Client,
    bucket: str,
    processing: Processing,
    content_type: str,
    size: int,
    data: bytes,
    sent_type: str | None,
    reason: str,
) -> None:
    created = ticket(api, content_type, size)
    upload_id = created["upload"]["id"]
    post_form(created, data, sent_type)  # the emulator enforces no policy; we must
    answered = api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]
    processing.run()  # size and type are refused at once; the content once it is read
    first = api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]
    assert answered["status"] in ("REJECTED", "PROCESSING")
    assert first["status"] == "REJECTED"
    assert reason in first["reason"]
    listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    assert listed == []  # the rejected object is deleted
    again = api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]
    assert again == first  # idempotent


def test_an_expired_record_is_rejected(api: GraphQLClient, store: Store) -> None:
    upload = _record(store, ALICE, "image/png", len(PNG), "2020-01-01T00:10:00.000Z")
    result = api.execute(COMPLETE, id=upload.id)["data"]["completeUpload"]
    assert (result["status"], result["reason"]) == (
        "REJECTED",
        "the upload expired before it was completed",
    )


def test_someone_elses_upload_is_not_found(
    api: GraphQLClient, dynamodb: DynamoDBClient, table: str
) -> None:
    created = ticket(api.as_user(BOB), "image/png", len(PNG))
    post_form(created, PNG)
    before = table_items(dynamodb, table)
    result = api.execute(COMPLETE, id=created["upload"]["id"])
    assert error_codes(result) == ["NOT_FOUND"]
    stolen = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": "mine now", "category": "tech", "mediaIds": [created["upload"]["id"]]},
    )
    assert error_codes(stolen) == ["NOT_FOUND"]
    assert table_items(dynamodb, table) == before


def test_completing_twice_answers_the_same(api: GraphQLClient, upload: Any) -> None:
    upload_id = upload(api, "image/jpeg", JPEG)
    assert api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]["status"] == "READY"


def test_an_upload_attaches_once(
    api: GraphQLClient, dynamodb: DynamoDBClient, table: str, upload: Any
) -> None:
    upload_id = upload(api, "image/png", PNG)
    create = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }"
    first = api.execute(create, i={"title": "a", "category": "tech", "mediaIds": [upload_id]})
    assert "errors" not in first
    before = table_items(dynamodb, table)
    second = api.execute(create, i={"title": "b", "category": "tech", "mediaIds": [upload_id]})
    assert error_codes(second) == ["CONFLICT"]
    assert table_items(dynamodb, table) == before


def test_a_pending_upload_cannot_be_attached(api: GraphQLClient) -> None:
    created = ticket(api, "image/png", len(PNG))
    result = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": "a", "category": "tech", "mediaIds": [created["upload"]["id"]]},
    )
    assert error_codes(result) == ["CONFLICT"]


def test_update_replaces_media_and_releases_the_old(api: GraphQLClient, upload: Any) -> None:
    old, new = upload(api, "image/png", PNG), upload(api, "image/jpeg", JPEG)
    post = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": "a", "category": "tech", "mediaIds": [old]},
    )["data"]["createPost"]
    updated = api.execute(
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { version media { id } } }",
        i={"id": post["id"], "expectedVersion": 1, "mediaIds": [new]},
    )["data"]["updatePost"]
    assert updated == {"version": 2, "media": [{"id": new}]}
    reused = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { media { id } } }",
        i={"title": "b", "category": "tech", "mediaIds": [old]},
    )
    assert reused["data"]["createPost"]["media"] == [{"id": old}]


def test_avatar(api: GraphQLClient, upload: Any) -> None:
    api.execute('mutation { createProfile(input: {handle: "alice", displayName: "A"}) { id } }')
    image, video = upload(api, "image/png", PNG), upload(api, "video/mp4", MP4)
    refused = api.execute(
        "mutation($u: ID!) { updateProfile(input: {avatarUploadId: $u}) { id } }", u=video
    )
    assert error_codes(refused) == ["BAD_USER_INPUT"]
    me = api.execute(
        "mutation($u: ID!) { updateProfile(input: {avatarUploadId: $u}) { avatar { id url } } }",
        u=image,
    )["data"]["updateProfile"]
    assert me["avatar"]["id"] == image
    with Image.open(io.BytesIO(httpx.get(me["avatar"]["url"], timeout=10).content)) as served:
        assert served.size == (48, 32)


def test_media_cost_no_extra_requests_on_a_page(
    api: GraphQLClient, counter: RequestCounter, upload: Any
) -> None:
    for n in range(3):
        media_id = upload(api, "image/png", PNG)
        api.execute(
            "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            i={"title": f"p{n}", "category": "tech", "mediaIds": [media_id]},
        )
    counter.reset()
    page = api.execute(
        "{ posts { items { title media { url width blurhash variants { url } } } } }"
    )["data"]["posts"]["items"]
    assert all(len(p["media"]) == 1 for p in page)
    assert counter.calls == {"Query": 1}


BAD_INPUT: dict[str, dict[str, Any]] = {
    "unknown type": {"contentType": "text/html", "size": 10, "filename": "a.html"},
    "size 0": {"contentType": "image/png", "size": 0, "filename": "a.png"},
    "negative size": {"contentType": "image/png", "size": -1, "filename": "a.png"},
    "size over the limit": {
        "contentType": "image/png",
        "size": 10 * 1024 * 1024 + 1,
        "filename": "a.png",
    },
    "filename with ../": {"contentType": "image/png", "size": 10, "filename": "../../etc/passwd"},
    "filename with a slash": {"contentType": "image/png", "size": 10, "filename": "a/b.png"},
    "10,000-character filename": {"contentType": "image/png", "size": 10, "filename": "a" * 10_000},
    "empty filename": {"contentType": "image/png", "size": 10, "filename": ""},
    "control characters": {"contentType": "image/png", "size": 10, "filename": "a\nb.png"},
}


@pytest.mark.parametrize("upload_input", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_upload_requests_write_nothing(
    api: GraphQLClient,
    dynamodb: DynamoDBClient,
    table: str,
    upload_input: dict[str, Any],
) -> None:
    before = table_items(dynamodb, table)
    result = api.execute(CREATE_UPLOAD, i=upload_input)
    assert error_codes(result) == ["BAD_USER_INPUT"]
    assert table_items(dynamodb, table) == before
