"""The blurhash shown while an image loads (https://blurha.sh), from a small copy of the image."""

from __future__ import annotations

from typing import TYPE_CHECKING

import blurhash

if TYPE_CHECKING:
    from PIL import Image

#: 4x3 components, as Mastodon uses: enough for a placeholder, 28 characters.
COMPONENTS = (4, 3)
#: The pure-Python encoder visits every pixel per component: 32 pixels wide is plenty.
SAMPLE_WIDTH = 32


def blurhash_of(image: Image.Image) -> str:
    width = min(SAMPLE_WIDTH, image.width)
    height = max(1, round(image.height * width / image.width))
    small = image.convert("RGB").resize((width, height), reducing_gap=2.0)
    raw = small.tobytes()
    rows = [
        [list(raw[(y * width + x) * 3 : (y * width + x) * 3 + 3]) for x in range(width)]
        for y in range(height)
    ]
    encoded: str = blurhash.encode(rows, *COMPONENTS)
    return encoded
