"""Presigned URLs against AWS use the bucket's region and virtual-hosted addressing."""

from __future__ import annotations

import pytest

from store.clients import s3_client
from store.media import MediaStorage


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    s3_client.cache_clear()


@pytest.mark.usefixtures("aws_env")
def test_media_urls_are_virtual_hosted_in_the_buckets_region() -> None:
    storage = MediaStorage(s3_client("eu-west-1"), "agora-media")
    url = storage.url("media/u1/x", 900)
    assert url.startswith("https://agora-media.s3.eu-west-1.amazonaws.com/media/u1/x?")
    assert "X-Amz-Algorithm=AWS4-HMAC-SHA256" in url
    form = storage.upload_form("uploads/u1/x", "image/png", 10, 600)
    assert form.url == "https://agora-media.s3.eu-west-1.amazonaws.com/"
    s3_client.cache_clear()
