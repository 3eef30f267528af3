"""Media as served: metadata stripped, dimensions, variants, blurhash; refusals; what a post owns.

Every upload is a real multipart POST to the S3 emulator; processing runs from the table's real
stream (DynamoDB Local) through the Lambda's own stream code; downloads are real GETs.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import blurhash
import httpx
import pytest
from PIL import Image

from fanout.door import process_records
from store.keys import incoming_object_key
from tests.api.conftest import Pump
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes, table_items
from tests.support.images import (
    annotated_png,
    bomb_png,
    fake_png,
    phone_jpeg,
    secrets_in,
    truncated_jpeg,
)
from tests.support.uploading import (
    MEDIA_FIELDS,
    Processing,
    complete,
    post_form,
    ticket,
    upload,
)
from tests.support.videos import mp4, webm

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

    from core.config import Settings
    from store.media import MediaStorage
    from store.repository import Store
    from store.streams import StreamReader

pytestmark = pytest.mark.integration

CREATE_POST = f"""mutation($i: CreatePostInput!) {{
  createPost(input: $i) {{ id media {{ {MEDIA_FIELDS} }} }} }}"""
READ_POST = f"query($id: ID!) {{ post(id: $id) {{ id media {{ {MEDIA_FIELDS} }} }} }}"
DELETE_POST = "mutation($id: ID!) { deletePost(id: $id) { id } }"


@pytest.fixture
def processing(
    stream_reader: StreamReader, store: Store, media: MediaStorage, settings: Settings
) -> Processing:
    return Processing.of(stream_reader, store, media, settings)


def objects(s3: S3Client, bucket: str) -> list[str]:
    return sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def post_with(api: GraphQLClient, *media_ids: str) -> dict[str, Any]:
    result = api.execute(CREATE_POST, i={"title": "t", "category": "tech", "mediaIds": media_ids})
    assert "errors" not in result, result
    post: dict[str, Any] = result["data"]["createPost"]
    return post


def served(url: str) -> bytes:
    response = httpx.get(url, timeout=10)
    assert response.status_code == 200, response.text
    return response.content


PHOTOS = {
    # uploaded as, bytes, (width, height) as a viewer must see it
    "JPEG with GPS EXIF, stored sideways": ("image/jpeg", phone_jpeg(1400, 700), (700, 1400)),
    "PNG with text chunks": ("image/png", annotated_png(900, 450), (900, 450)),
}


@pytest.mark.parametrize(("content_type", "data", "size"), PHOTOS.values(), ids=PHOTOS.keys())
def test_no_served_byte_carries_the_metadata(
    api: GraphQLClient,
    processing: Processing,
    content_type: str,
    data: bytes,
    size: tuple[int, int],
) -> None:
    # Given a photo whose metadata is really there
    assert secrets_in(data)
    # When it is uploaded, processed and attached
    (media,) = post_with(api, upload(api, processing, content_type, data))["media"]
    # Then the original and every variant are free of it
    downloads = {media["url"]: (media["width"], media["height"])}
    downloads |= {v["url"]: (v["width"], v["height"]) for v in media["variants"]}
    assert len(downloads) == 1 + len([w for w in (320, 640, 1280) if w < size[0]])
    for url, (width, height) in downloads.items():
        body = served(url)
        assert secrets_in(body) == []
        with Image.open(io.BytesIO(body)) as image:
            assert image.size == (width, height)
            assert dict(image.getexif()) == {}
    # And width and height are the upright ones, the variants keep the aspect ratio
    assert (media["width"], media["height"]) == size
    assert [v["width"] for v in media["variants"]] == sorted(v["width"] for v in media["variants"])
    for variant in media["variants"]:
        assert variant["contentType"] == "image/webp"
        assert abs(variant["height"] / variant["width"] - size[1] / size[0]) < 0.01
    # And the blurhash decodes to the image's average colour
    with Image.open(io.BytesIO(served(media["url"]))) as image:
        average = image.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    decoded = [p for row in blurhash.decode(media["blurhash"], 16, 16) for p in row]
    hashed = [sum(p[c] for p in decoded) / len(decoded) for c in range(3)]
    assert isinstance(average, tuple)
    assert all(abs(h - a) <= 12 for h, a in zip(hashed, average, strict=True)), (hashed, average)


REFUSED = {
    "decompression bomb": ("image/png", bomb_png(10_000, 10_000), "over the limit of"),
    "truncated image": ("image/jpeg", truncated_jpeg(), "damaged or incomplete"),
    "HTML behind a PNG magic number": ("image/png", fake_png(), "not a readable image/png"),
    "MP4 magic without a video": ("video/mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(64), "moov"),
}


@pytest.mark.parametrize(("content_type", "data", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_what_is_not_a_sound_file_is_refused_and_nothing_of_it_is_served(
    api: GraphQLClient,
    processing: Processing,
    s3: S3Client,
    bucket: str,
    content_type: str,
    data: bytes,
    reason: str,
) -> None:
    created = ticket(api, content_type, len(data))
    assert post_form(created, data).status_code in (200, 201, 204)
    upload_id = created["upload"]["id"]
    assert complete(api, upload_id)["status"] == "PROCESSING"  # answered at once
    processing.run()
    done = complete(api, upload_id)
    assert done["status"] == "REJECTED"
    assert reason in done["reason"]
    assert objects(s3, bucket) == []
    refused = api.execute(
        CREATE_POST, i={"title": "t", "category": "tech", "mediaIds": [upload_id]}
    )
    assert error_codes(refused) == ["CONFLICT"]


VIDEOS = {
    "MP4 recorded in portrait": (
        "video/mp4",
        mp4(1920, 1080, 12.5, rotated=True),
        (1080, 1920, 12.5),
    ),
    "WebM": ("video/webm", webm(1280, 720, 3.25), (1280, 720, 3.25)),
}


@pytest.mark.parametrize(("content_type", "data", "expected"), VIDEOS.values(), ids=VIDEOS.keys())
def test_a_video_reports_its_size_and_duration_and_is_served_as_uploaded(
    api: GraphQLClient,
    processing: Processing,
    content_type: str,
    data: bytes,
    expected: tuple[int, int, float],
) -> None:
    (media,) = post_with(api, upload(api, processing, content_type, data))["media"]
    assert (media["width"], media["height"], media["durationSeconds"]) == expected
    assert (media["blurhash"], media["variants"]) == (None, [])
    assert served(media["url"]) == data  # no transcoding: the verified bytes, copied


def test_completing_before_the_file_arrives_answers_pending_and_the_ticket_still_works(
    api: GraphQLClient, processing: Processing
) -> None:
    # Given a ticket whose file has not been sent yet
    data = annotated_png(64, 32)
    created = ticket(api, "image/png", len(data))
    upload_id = created["upload"]["id"]
    # When the client completes a little early
    early = complete(api, upload_id)
    # Then it is told to come back, and nothing is decided
    assert early["status"] == "PENDING"
    assert "not arrived yet" in early["reason"]
    assert "complete again" in early["reason"]
    # And once the file lands, the same ticket completes
    assert post_form(created, data).status_code in (200, 201, 204)
    assert complete(api, upload_id)["status"] == "PROCESSING"
    processing.run()
    assert complete(api, upload_id) == {"id": upload_id, "status": "READY", "reason": None}


@pytest.fixture
def replaced_after_first_read(media: MediaStorage) -> Iterator[list[dict[str, Any]]]:
    """Re-POSTs a ticket's form with HTML right after the server's first read of the upload:
    the race a client can run against a check-then-copy."""
    tickets: list[dict[str, Any]] = []
    client = media._client

    def race(**_: Any) -> None:
        while tickets:
            created = tickets.pop()
            html = b"<html><script>alert(1)</script></html>"
            post_form(created, html.ljust(created["upload"]["size"], b" "))

    client.meta.events.register("after-call.s3.GetObject", race)
    try:
        yield tickets
    finally:
        client.meta.events.unregister("after-call.s3.GetObject", race)


def test_what_is_verified_is_what_is_served_even_if_the_form_is_posted_again(
    api: GraphQLClient,
    processing: Processing,
    replaced_after_first_read: list[dict[str, Any]],
    s3: S3Client,
    bucket: str,
) -> None:
    # Given a PNG uploaded, and a client that re-posts HTML through the same form as soon as
    # the server has read the file once
    data = annotated_png(64, 32)
    created = ticket(api, "image/png", len(data))
    post_form(created, data)
    replaced_after_first_read.append(created)
    # When it is completed and processed
    complete(api, created["upload"]["id"])
    processing.run()
    assert not replaced_after_first_read  # the race did run
    (media,) = post_with(api, created["upload"]["id"])["media"]
    # Then what is served is the image that was checked, never the HTML
    body = served(media["url"])
    assert b"<html" not in body
    with Image.open(io.BytesIO(body)) as image:
        assert (image.format, image.size) == ("PNG", (64, 32))
    # And posting the form again after completion changes nothing that is served
    post_form(created, b"<html>late</html>".ljust(len(data), b" "))
    processing.run()
    assert complete(api, created["upload"]["id"])["status"] == "READY"
    assert served(media["url"]) == body
    stored = [k for k in objects(s3, bucket) if k.startswith("media/")]
    assert stored
    assert not [k for k in stored if b"<html" in s3.get_object(Bucket=bucket, Key=k)["Body"].read()]


def test_deleting_a_post_deletes_its_media_and_ends_its_uploads(
    api: GraphQLClient,
    processing: Processing,
    s3: S3Client,
    bucket: str,
) -> None:
    # Given a post of alice's with a photo and a video, served
    photo = upload(api, processing, "image/jpeg", phone_jpeg(800, 400))
    video = upload(api, processing, "video/mp4", mp4())
    post = post_with(api, photo, video)
    urls = [m["url"] for m in post["media"]] + [
        v["url"] for m in post["media"] for v in m["variants"]
    ]
    assert all(served(url) for url in urls)
    # When a moderator deletes it, and the stream is applied
    moderator = api.as_user(BOB, "moderators")
    assert "errors" not in moderator.execute(DELETE_POST, id=post["id"])
    processing.run()
    # Then nothing of its media is stored or served any more
    assert [k for k in objects(s3, bucket) if k.startswith("media/")] == []
    assert all(httpx.get(url, timeout=10).status_code == 404 for url in urls)
    # And its uploads are ended: they can be neither completed nor attached again
    for upload_id in (photo, video):
        gone = api.execute("mutation($id: ID!) { completeUpload(id: $id) { id } }", id=upload_id)
        assert error_codes(gone) == ["NOT_FOUND"]
    reused = api.execute(CREATE_POST, i={"title": "t", "category": "tech", "mediaIds": [photo]})
    assert error_codes(reused) == ["NOT_FOUND"]


def test_a_post_made_while_its_image_is_processed_gets_it_when_ready(
    api: GraphQLClient, processing: Processing, dynamodb: DynamoDBClient, table: str
) -> None:
    # Given an upload completed but not processed yet, attached at once
    data = phone_jpeg(700, 350, orientation=1)
    created = ticket(api, "image/jpeg", len(data))
    post_form(created, data)
    upload_id = created["upload"]["id"]
    assert complete(api, upload_id)["status"] == "PROCESSING"
    post = post_with(api, upload_id)
    (pending,) = post["media"]
    # Then nothing is served yet
    assert (pending["id"], pending["url"], pending["width"], pending["variants"]) == (
        upload_id,
        None,
        None,
        [],
    )
    # When processing finishes
    processing.run()
    # Then the post has the processed media, and its change is logged for pollers
    (ready,) = api.execute(READ_POST, id=post["id"])["data"]["post"]["media"]
    assert (ready["width"], ready["height"]) == (700, 350)
    assert [v["width"] for v in ready["variants"]] == [320, 640]
    assert secrets_in(served(ready["url"])) == []
    kinds = [
        i["kind"]["S"]
        for i in table_items(dynamodb, table)
        if i.get("type", {}).get("S") == "Change" and i["postId"]["S"] == post["id"]
    ]
    assert "POST_UPDATED" in kinds


def test_a_post_made_while_its_upload_is_processed_loses_it_if_refused(
    api: GraphQLClient, processing: Processing, s3: S3Client, bucket: str
) -> None:
    data = fake_png()
    created = ticket(api, "image/png", len(data))
    post_form(created, data)
    assert complete(api, created["upload"]["id"])["status"] == "PROCESSING"
    post = post_with(api, created["upload"]["id"])
    processing.run()
    assert api.execute(READ_POST, id=post["id"])["data"]["post"]["media"] == []
    assert objects(s3, bucket) == []


def test_a_new_avatar_deletes_the_old_ones_objects(
    api: GraphQLClient, processing: Processing, s3: S3Client, bucket: str
) -> None:
    api.execute('mutation { createProfile(input: {handle: "alice", displayName: "A"}) { id } }')
    set_avatar = (
        "mutation($u: ID!) { updateProfile(input: {avatarUploadId: $u}) { avatar { id } } }"
    )
    first = upload(api, processing, "image/png", annotated_png(900, 450))
    assert "errors" not in api.execute(set_avatar, u=first)
    processing.run()
    first_keys = [k for k in objects(s3, bucket) if first in k]
    assert len(first_keys) == 3  # the original, 320 and 640
    second = upload(api, processing, "image/png", annotated_png(300, 150))
    assert "errors" not in api.execute(set_avatar, u=second)
    processing.run()
    assert [k for k in objects(s3, bucket) if first in k] == []
    assert [k for k in objects(s3, bucket) if second in k] != []


def test_focus_given_at_upload_travels_with_the_image(
    api: GraphQLClient, processing: Processing
) -> None:
    data = annotated_png(64, 32)
    result = api.execute(
        "mutation($i: CreateUploadInput!) { createUpload(input: $i) { upload { id } url "
        "fields { name value } } }",
        i={
            "contentType": "image/png",
            "size": len(data),
            "filename": "f.png",
            "focus": {"x": -0.5, "y": 0.25},
        },
    )
    created = result["data"]["createUpload"]
    created["upload"]["size"] = len(data)
    post_form(created, data)
    complete(api, created["upload"]["id"])
    processing.run()
    (media,) = post_with(api, created["upload"]["id"])["media"]
    assert media["focus"] == {"x": -0.5, "y": 0.25}


@pytest.mark.parametrize("focus", [{"x": 1.5, "y": 0}, {"x": 0, "y": -2}])
def test_a_focus_outside_the_image_is_refused(api: GraphQLClient, focus: dict[str, float]) -> None:
    result = api.execute(
        "mutation($i: CreateUploadInput!) { createUpload(input: $i) { upload { id } } }",
        i={"contentType": "image/png", "size": 10, "filename": "f.png", "focus": focus},
    )
    assert error_codes(result) == ["BAD_USER_INPUT"]


def test_the_incoming_object_is_gone_once_processed(
    api: GraphQLClient, processing: Processing, s3: S3Client, bucket: str
) -> None:
    upload_id = upload(api, processing, "image/png", annotated_png(64, 32))
    assert incoming_object_key(ALICE, upload_id) not in objects(s3, bucket)


@pytest.fixture
def handler_env(bucket: str, s3_endpoint: str) -> dict[str, str]:
    return {"BUCKET_NAME": bucket, "AWS_ENDPOINT_URL_S3": s3_endpoint}


def test_the_lambdas_stream_door_processes_uploads(api: GraphQLClient, pump: Pump) -> None:
    # Given an upload completed through the API
    data = phone_jpeg(700, 350)
    created = ticket(api, "image/jpeg", len(data))
    post_form(created, data)
    upload_id = created["upload"]["id"]
    assert complete(api, upload_id)["status"] == "PROCESSING"
    # When Lambda's event source mapping delivers the stream records to `handler.handler`
    pump()
    # Then the function processed it as local serve does
    assert complete(api, upload_id)["status"] == "READY"
    (media,) = post_with(api, upload_id)["media"]
    assert (media["width"], media["height"]) == (350, 700)
    assert secrets_in(served(media["url"])) == []


@pytest.mark.parametrize("removal_first", [False, True], ids=["in order", "removal first"])
def test_a_post_deleted_while_its_image_is_processed_leaves_nothing(
    api: GraphQLClient,
    processing: Processing,
    s3: S3Client,
    bucket: str,
    removal_first: bool,
) -> None:
    # Given a post created with an upload still PROCESSING, then deleted at once
    data = annotated_png(900, 450)
    created = ticket(api, "image/png", len(data))
    post_form(created, data)
    upload_id = created["upload"]["id"]
    complete(api, upload_id)
    post = post_with(api, upload_id)
    assert "errors" not in api.execute(DELETE_POST, id=post["id"])
    # When the stream is applied, its records in order or the post's removal first (records
    # of different items come on different shards, in no fixed order)
    records: list[dict[str, Any]] = []
    for _ in range(20):
        records += processing.reader.poll()
    if removal_first:
        records.sort(key=lambda r: r["eventName"] != "REMOVE")
    assert process_records(records, processing.fanout) == []
    processing.run()
    # Then nothing of it stays stored, and the upload is ended
    assert objects(s3, bucket) == []
    gone = api.execute("mutation($id: ID!) { completeUpload(id: $id) { id } }", id=upload_id)
    assert error_codes(gone) == ["NOT_FOUND"]
