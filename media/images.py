"""Images as they are served: decoded, oriented, re-encoded without metadata, with variants.

Pure functions over bytes. Re-encoding from pixels is what strips EXIF (GPS, camera serial),
XMP, IPTC, comments and text chunks: only the pixels are copied into a new image, so no
encoder can carry an `info` entry of the original over.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from media.checks import MediaRefused
from media.limits import MAX_PIXELS, VARIANT_WIDTHS
from media.placeholder import blurhash_of

VARIANT_TYPE = "image/webp"

_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
#: What the re-encoded original is saved as; a still GIF becomes a PNG (lossless, smaller).
_OUTPUT = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/png", "WEBP": "image/webp"}
_SAVE = {
    "image/jpeg": ("JPEG", {"quality": 88}),
    "image/png": ("PNG", {"compress_level": 6}),
    "image/webp": ("WEBP", {"quality": 85}),
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class ImageRefused(MediaRefused):
    """The bytes are not an image we serve."""


@dataclass(frozen=True, slots=True)
class Rendition:
    data: bytes
    content_type: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class ProcessedImage:
    original: Rendition
    #: Narrowest first.
    variants: tuple[Rendition, ...]
    blurhash: str


def accepts(content_type: str) -> bool:
    return content_type in _FORMATS


def process_image(
    data: bytes, content_type: str, *, max_pixels: int = MAX_PIXELS
) -> ProcessedImage:
    """Decode `data` as `content_type`; refuse bombs, animations and broken files with a reason."""
    pixels = _decode(data, content_type, max_pixels)
    original = _encode(pixels, _OUTPUT[_FORMATS[content_type]])
    variants: list[Rendition] = []
    source = pixels
    for width in sorted((w for w in VARIANT_WIDTHS if w < pixels.width), reverse=True):
        # Each smaller variant from the one above it: cheaper than from the full image.
        source = _resized(source, width)
        variants.append(_encode(source, VARIANT_TYPE))
    return ProcessedImage(
        original=original, variants=tuple(reversed(variants)), blurhash=blurhash_of(source)
    )


def _decode(data: bytes, content_type: str, max_pixels: int) -> Image.Image:
    expected = _FORMATS[content_type]
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb warning is ours to turn into a refusal, below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[expected]) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ImageRefused(
                        f"the image is {width}x{height} pixels, over the limit of "
                        f"{max_pixels:,} pixels"
                    )
                if getattr(image, "n_frames", 1) > 1:
                    raise ImageRefused(
                        "animated images are not accepted; upload a still image or a video"
                    )
                image.load()
                return _clean(image)
    except ImageRefused:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageRefused(f"the image has more pixels than the limit of {max_pixels:,}") from exc
    except UnidentifiedImageError as exc:
        raise ImageRefused(f"the file is not a readable {content_type} image") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Truncated data ("image file is truncated"), corrupt chunks, bad headers.
        raise ImageRefused(f"the {content_type} image is damaged or incomplete: {exc}") from exc


def _clean(image: Image.Image) -> Image.Image:
    """The pixels only, upright, in sRGB; nothing of the file's metadata survives."""
    icc = image.info.get("icc_profile")
    ImageOps.exif_transpose(image, in_place=True)  # in place: one full-size copy fewer
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if has_alpha else ("L" if image.mode in ("1", "L", "I;16") else "RGB")
    converted = image if image.mode == mode else image.convert(mode)
    if icc and mode in ("RGB", "RGBA"):
        converted = _to_srgb(converted, icc)
    # A new image with the pixels pasted in: no `info`, no EXIF, no ICC text, no comments.
    clean = Image.new(converted.mode, converted.size)
    clean.paste(converted)
    return clean


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Colours as the camera meant them, without keeping its profile (which names devices)."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unusable profile: the pixels as they are
    return converted if converted is not None else image


def _resized(image: Image.Image, width: int) -> Image.Image:
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode(image: Image.Image, content_type: str) -> Rendition:
    fmt, options = _SAVE[content_type]
    if fmt == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return Rendition(buffer.getvalue(), content_type, image.width, image.height)
