"""Limits of media processing (no imaging library here: the request path imports this)."""

from __future__ import annotations

#: A 12-megapixel phone photo is 12,000,000; 40 MP covers every phone camera. A "bomb" (a tiny
#: file that decodes to gigabytes) is refused from its header, before any pixel is decoded.
MAX_PIXELS = 40_000_000
#: Display widths (WebP), each made only when narrower than the original: never upscaled.
VARIANT_WIDTHS = (320, 640, 1280)
