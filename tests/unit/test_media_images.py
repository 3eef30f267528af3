"""Image processing over bytes: metadata gone, orientation applied, variants, refusals."""

from __future__ import annotations

import io

import blurhash
import pytest
from PIL import Image

from media.images import ImageRefused, process_image
from media.limits import VARIANT_WIDTHS
from tests.support.images import (
    annotated_png,
    bomb_png,
    fake_png,
    gradient,
    phone_jpeg,
    secrets_in,
    truncated_jpeg,
)


def test_the_planted_metadata_is_there_to_begin_with() -> None:
    # A test that cannot fail is a defect: the fixtures really carry what must be removed.
    assert len(secrets_in(phone_jpeg())) >= 5
    assert len(secrets_in(annotated_png())) >= 3


def test_a_phone_photo_loses_its_metadata_and_stands_upright() -> None:
    # Given a 400x200 JPEG stored sideways (Orientation 6) with GPS, a serial, a comment and XMP
    result = process_image(phone_jpeg(400, 200, orientation=6), "image/jpeg")
    # Then the served original is 200x400 and no served byte carries any of it
    assert (result.original.width, result.original.height) == (200, 400)
    for rendition in (result.original, *result.variants):
        assert secrets_in(rendition.data) == []
        with Image.open(io.BytesIO(rendition.data)) as served:
            assert (served.width, served.height) == (rendition.width, rendition.height)
            assert dict(served.getexif()) == {}
            assert not {"comment", "xmp", "exif", "icc_profile"} & set(served.info)
    assert result.original.content_type == "image/jpeg"


def test_png_text_chunks_are_gone() -> None:
    result = process_image(annotated_png(), "image/png")
    for rendition in (result.original, *result.variants):
        assert secrets_in(rendition.data) == []
    with Image.open(io.BytesIO(result.original.data)) as served:
        assert served.text == {}  # type: ignore[attr-defined]


def test_variants_are_webp_narrowest_first_and_never_upscaled() -> None:
    data = io.BytesIO()
    gradient(1000, 500).save(data, "PNG")
    result = process_image(data.getvalue(), "image/png")
    assert [(v.width, v.height, v.content_type) for v in result.variants] == [
        (320, 160, "image/webp"),
        (640, 320, "image/webp"),
    ]
    assert all(w < 1000 for w in VARIANT_WIDTHS[:2])
    small = io.BytesIO()
    gradient(200, 100).save(small, "PNG")
    assert process_image(small.getvalue(), "image/png").variants == ()


def test_the_blurhash_decodes_to_the_average_colour() -> None:
    result = process_image(phone_jpeg(400, 200, orientation=1), "image/jpeg")
    decoded = blurhash.decode(result.blurhash, 32, 16)
    pixels = [p for row in decoded for p in row]
    average = [sum(p[c] for p in pixels) / len(pixels) for c in range(3)]
    with Image.open(io.BytesIO(result.original.data)) as served:
        expected = served.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert isinstance(expected, tuple)
    assert all(abs(a - e) <= 10 for a, e in zip(average, expected, strict=True)), (
        average,
        expected,
    )


REFUSED = {
    "decompression bomb": (bomb_png(10_000, 10_000), "image/png", "over the limit of 40,000,000"),
    "bomb past Pillow's own limit": (bomb_png(30_000, 30_000), "image/png", "limit of 40,000,000"),
    "truncated JPEG": (truncated_jpeg(), "image/jpeg", "damaged or incomplete"),
    "HTML behind a PNG magic number": (fake_png(), "image/png", "image/png"),
    "a PNG declared as JPEG": (annotated_png(), "image/jpeg", "not a readable image/jpeg"),
}


@pytest.mark.parametrize(("data", "content_type", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_what_is_not_a_sound_image_is_refused_with_a_reason(
    data: bytes, content_type: str, reason: str
) -> None:
    with pytest.raises(ImageRefused) as refused:
        process_image(data, content_type)
    assert reason in refused.value.reason


def test_an_animated_gif_is_refused_with_a_reason() -> None:
    frames = [gradient(40, 20), gradient(20, 40).resize((40, 20))]
    data = io.BytesIO()
    frames[0].save(data, "GIF", save_all=True, append_images=frames[1:], duration=100)
    with pytest.raises(ImageRefused, match="animated"):
        process_image(data.getvalue(), "image/gif")


def test_a_still_gif_is_served_as_png() -> None:
    data = io.BytesIO()
    gradient(40, 20).save(data, "GIF", comment=b"AGORA-JPEG-COMMENT-secret")
    result = process_image(data.getvalue(), "image/gif")
    assert result.original.content_type == "image/png"
    assert secrets_in(result.original.data) == []
