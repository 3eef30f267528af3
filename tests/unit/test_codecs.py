from __future__ import annotations

from dataclasses import replace

from core.models import Focus, Media, MediaVariant, Post, Upload, UploadStatus, UserProfile
from store.codecs import (
    post_from_item,
    post_to_item,
    upload_from_item,
    upload_to_item,
    user_from_item,
    user_to_item,
)

POST = Post(
    id="01HZ0000000000000000000000",
    author_id="u1",
    title="Hello",
    body="",
    category="tech",
    created_at="2026-01-01T00:00:00.000Z",
    updated_at="2026-01-01T00:00:00.000Z",
    version=3,
)


def test_post_round_trips_and_carries_its_index_keys() -> None:
    item = post_to_item(POST)
    assert post_from_item(item) == POST
    assert item["PK"] == {"S": "POST#01HZ0000000000000000000000"}
    assert item["GSI1PK"] == {"S": "CAT#tech"}
    assert item["GSI2PK"] == {"S": "AUTHOR#u1"}
    assert item["version"] == {"N": "3"}


def test_user_round_trips() -> None:
    user = UserProfile(id="u1", handle="alice", display_name="Alice", created_at="2026")
    assert user_from_item(user_to_item(user)) == user


def test_processed_media_round_trip_on_posts_and_uploads() -> None:
    media = Media(
        id="01HZ0000000000000000000001",
        content_type="image/jpeg",
        size=1234,
        key="media/u1/01HZ0000000000000000000001",
        alt_text="a cat",
        width=700,
        height=1400,
        blurhash="LEHV6nWB2yk8pyo0adR*.7kCMdnj",
        focus=Focus(-0.5, 0.25),
        variants=(
            MediaVariant("media/u1/01HZ0000000000000000000001/w320", 320, 640, "image/webp"),
        ),
    )
    video = Media("v", "video/mp4", 9, "media/u1/v", width=1080, height=1920, duration_seconds=12.5)
    pending = Media("p", "image/png", 9, "media/u1/p", ready=False)
    post = replace(POST, media=(media, video, pending))
    assert post_from_item(post_to_item(post)) == post
    upload = Upload(
        id=media.id,
        owner_id="u1",
        content_type="image/jpeg",
        size=2000,
        filename="cat.jpg",
        status=UploadStatus.READY,
        created_at="2026",
        expires_at="2026",
        focus=Focus(-0.5, 0.25),
        processed=media,
    )
    assert upload_from_item(upload_to_item(upload, 0)) == upload
    assert upload.media("ignored") == media
    assert media.keys == (media.key, media.variants[0].key)
