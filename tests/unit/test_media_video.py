"""Video dimensions and duration from the container, without a native toolchain."""

from __future__ import annotations

import pytest

from media.video import Reader, VideoInfo, VideoRefused, probe_video
from tests.support.videos import mp4, webm


def reader(data: bytes) -> tuple[Reader, list[tuple[int, int]]]:
    reads: list[tuple[int, int]] = []

    def read(offset: int, length: int) -> bytes:
        reads.append((offset, length))
        return data[offset : offset + length]

    return read, reads


@pytest.mark.parametrize("moov_last", [True, False])
def test_mp4_size_and_duration(moov_last: bool) -> None:
    data = mp4(1920, 1080, 12.5, moov_last=moov_last)
    read, reads = reader(data)
    info = probe_video("video/mp4", read, len(data))
    assert info == VideoInfo(width=1920, height=1080, duration_seconds=12.5)
    assert sum(length for _, length in reads) < len(data)  # only headers and the index


def test_a_portrait_phone_video_reports_its_displayed_size() -> None:
    data = mp4(1920, 1080, 4.0, rotated=True)
    read, _ = reader(data)
    assert probe_video("video/mp4", read, len(data)) == VideoInfo(1080, 1920, 4.0)


def test_webm_size_and_duration() -> None:
    data = webm(1280, 720, 3.25)
    read, _ = reader(data)
    assert probe_video("video/webm", read, len(data)) == VideoInfo(1280, 720, 3.25)


def test_a_live_recorded_webm_has_no_duration() -> None:
    data = webm(640, 480, None)
    read, _ = reader(data)
    assert probe_video("video/webm", read, len(data)) == VideoInfo(640, 480, None)


BROKEN = {
    "mp4 without an index": ("video/mp4", mp4()[:24], "no moov box"),
    "webm that is not": ("video/webm", b"\x1a\x45\xdf\xa3" + bytes(30), "WebM"),
    "png posing as mp4": ("video/mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(8), "no moov box"),
}


@pytest.mark.parametrize(("content_type", "data", "reason"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_container_is_refused(content_type: str, data: bytes, reason: str) -> None:
    read, _ = reader(data)
    with pytest.raises(VideoRefused, match=reason):
        probe_video(content_type, read, len(data))
