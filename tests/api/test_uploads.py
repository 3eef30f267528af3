"""Uploads end to end: real multipart POSTs to the S3 emulator, verification, attach, download."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from core.models import Upload, UploadStatus
from store.keys import incoming_object_key
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.counting import RequestCounter

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

pytestmark = pytest.mark.integration

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
JPEG = b"\xff\xd8\xff\xe0" + bytes(100)
MP4 = b"\x00\x00\x00\x18ftypmp42" + bytes(50)
HTML = b"<html><script>alert(1)</script></html>"

CREATE_UPLOAD = """mutation($i: CreateUploadInput!) { createUpload(input: $i) {
  upload { id status expiresAt contentType size } url fields { name value } maxBytes } }"""
COMPLETE = "mutation($id: ID!) { completeUpload(id: $id) { id status reason } }"


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


def upload(client: GraphQLClient, content_type: str, data: bytes) -> str:
    created = ticket(client, content_type, len(data))
    assert post_form(created, data).status_code in (200, 201, 204)
    done = client.execute(COMPLETE, id=created["upload"]["id"])
    assert done["data"]["completeUpload"]["status"] == "READY", done
    upload_id: str = created["upload"]["id"]
    return upload_id


def test_upload_attach_and_download_the_same_bytes(api: GraphQLClient) -> None:
    # Given a PNG uploaded with the form the API handed out, and completed
    upload_id = upload(api, "image/png", PNG)
    # When it is attached to a post
    created = api.execute(
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id media { id contentType size "
        "url } } }",
        i={"title": "Look", "category": "design", "mediaIds": [upload_id]},
    )["data"]["createPost"]
    # Then the post's media URL serves exactly the uploaded bytes
    (media,) = created["media"]
    assert (media["id"], media["contentType"], media["size"]) == (upload_id, "image/png", len(PNG))
    downloaded = httpx.get(media["url"], timeout=10)
    assert downloaded.status_code == 200
    assert downloaded.content == PNG
    assert "X-Amz-Signature=" in media["url"]
    assert "X-Amz-Expires=900" in media["url"]


def test_alt_text_given_at_upload_travels_with_the_image(api: GraphQLClient) -> None:
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
    assert api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]["status"] == "READY"
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


BAD_UPLOADS: dict[str, tuple[str, int, bytes | None, str | None, str]] = {
    # declared type, declared size, bytes sent (None: nothing), type sent, reason expected
    "missing object": ("image/png", len(PNG), None, None, "no file was uploaded"),
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
    content_type: str,
    size: int,
    data: bytes | None,
    sent_type: str | None,
    reason: str,
) -> None:
    created = ticket(api, content_type, size)
    upload_id = created["upload"]["id"]
    if data is not None:
        post_form(created, data, sent_type)  # the emulator enforces no policy; we must
    first = api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]
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


def test_completing_twice_answers_the_same(api: GraphQLClient) -> None:
    upload_id = upload(api, "image/jpeg", JPEG)
    assert api.execute(COMPLETE, id=upload_id)["data"]["completeUpload"]["status"] == "READY"


def test_an_upload_attaches_once(api: GraphQLClient, dynamodb: DynamoDBClient, table: str) -> None:
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


def test_update_replaces_media_and_releases_the_old(api: GraphQLClient) -> None:
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


def test_avatar(api: GraphQLClient) -> None:
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
    assert httpx.get(me["avatar"]["url"], timeout=10).content == PNG


def test_media_cost_no_extra_requests_on_a_page(
    api: GraphQLClient, counter: RequestCounter
) -> None:
    for n in range(3):
        media_id = upload(api, "image/png", PNG)
        api.execute(
            "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            i={"title": f"p{n}", "category": "tech", "mediaIds": [media_id]},
        )
    counter.reset()
    page = api.execute("{ posts { items { title media { url } } } }")["data"]["posts"]["items"]
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
