"""Pictures for the demo data, drawn with Pillow at seed time (no image file in the repository).

Each is deterministic: the same name draws the same picture, so a re-seed changes nothing.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]
WIDTH, HEIGHT = 960, 540
AVATAR = 256

#: sky top, sky bottom, sun, ridge colours from far to near
PALETTES: dict[str, tuple[RGB, RGB, RGB, tuple[RGB, ...]]] = {
    "sunset": ((58, 28, 92), (250, 140, 60), (255, 214, 120), ((120, 56, 90), (70, 30, 60))),
    "dawn": ((120, 170, 230), (236, 214, 196), (255, 244, 210), ((130, 150, 170), (80, 100, 120))),
    "night": ((8, 16, 48), (40, 60, 110), (235, 235, 220), ((24, 30, 60), (12, 14, 30))),
    "forest": ((150, 180, 170), (220, 226, 200), (250, 250, 230), ((70, 110, 80), (30, 70, 45))),
    "city": ((40, 20, 80), (200, 90, 140), (255, 200, 150), ((50, 40, 80), (25, 20, 45))),
}


def _gradient(top: RGB, bottom: RGB) -> Image.Image:
    column = Image.new("RGB", (1, HEIGHT))
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize((WIDTH, HEIGHT))


def _ridge(rng: random.Random, base: float, roughness: float) -> list[tuple[float, float]]:
    """A mountain ridge as a polygon: a random walk across the width, closed at the bottom."""
    points = [(0.0, HEIGHT * base)]
    y = HEIGHT * base
    for x in range(0, WIDTH + 40, 40):
        y = min(HEIGHT * 0.95, max(HEIGHT * 0.3, y + rng.uniform(-roughness, roughness)))
        points.append((float(x), y))
    return [*points, (float(WIDTH), float(HEIGHT)), (0.0, float(HEIGHT))]


def _landscape(name: str, rng: random.Random) -> Image.Image:
    top, bottom, sun, ridges = PALETTES[name]
    image = _gradient(top, bottom)
    draw = ImageDraw.Draw(image)
    cx, cy, r = rng.uniform(0.2, 0.8) * WIDTH, rng.uniform(0.25, 0.45) * HEIGHT, 48
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=sun)
    if name == "night":
        for _ in range(80):
            x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT * 0.6)
            draw.point((x, y), fill=(255, 255, 255))
    for depth, colour in enumerate(ridges):
        draw.polygon(_ridge(rng, 0.55 + 0.15 * depth, 28 - 8 * depth), fill=colour)
    if name == "city":
        for x in range(0, WIDTH, 36):
            height = rng.uniform(0.15, 0.45) * HEIGHT
            draw.rectangle((x, HEIGHT - height, x + 30, HEIGHT), fill=(20, 16, 36))
            for wy in range(int(HEIGHT - height) + 8, HEIGHT - 8, 16):
                if rng.random() < 0.4:
                    draw.rectangle((x + 8, wy, x + 14, wy + 6), fill=(255, 210, 120))
    return image


def _sea(rng: random.Random) -> Image.Image:
    image = _gradient((90, 170, 230), (200, 236, 250))
    draw = ImageDraw.Draw(image)
    horizon = HEIGHT * 0.55
    draw.rectangle((0, horizon, WIDTH, HEIGHT), fill=(20, 130, 160))
    for row in range(24):
        y = horizon + 8 + row * 9
        for _ in range(6):
            x = rng.uniform(0, WIDTH)
            draw.line((x, y, x + rng.uniform(20, 80), y), fill=(120, 210, 220), width=2)
    draw.ellipse((WIDTH * 0.7, 50, WIDTH * 0.7 + 70, 120), fill=(255, 250, 220))
    return image


def _chart(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 250, 252))
    draw = ImageDraw.Draw(image)
    weeks = 52
    step = (WIDTH - 80) / weeks
    for week in range(weeks):
        season = 0.5 - 0.45 * abs(week - 28) / 28
        value = max(0.05, season + rng.uniform(-0.1, 0.1))
        x = 40 + week * step
        warm = round(80 + 170 * season * 2) % 256
        draw.rectangle(
            (x, HEIGHT - 40 - value * (HEIGHT - 100), x + step * 0.7, HEIGHT - 40),
            fill=(warm, 90, 255 - warm),
        )
    draw.line((40, HEIGHT - 40, WIDTH - 40, HEIGHT - 40), fill=(60, 60, 70), width=2)
    return image


def _tiles(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    shades = [(38, 33, 92), (66, 58, 140), (120, 110, 200), (245, 165, 36), (250, 210, 140)]
    size = 60
    for y in range(0, HEIGHT, size):
        for x in range(0, WIDTH, size):
            draw.rectangle((x, y, x + size - 4, y + size - 4), fill=rng.choice(shades))
    return image


def _scenery(name: str) -> Callable[[random.Random], Image.Image]:
    return lambda rng: _landscape(name, rng)


SCENES: dict[str, Callable[[random.Random], Image.Image]] = {
    **{name: _scenery(name) for name in PALETTES},
    "sea": _sea,
    "chart": _chart,
    "tiles": _tiles,
}


def picture_jpeg(scene: str, seed: str) -> bytes:
    """A 960x540 JPEG of the scene; `seed` varies the details."""
    image = SCENES[scene](random.Random(seed))  # noqa: S311 - decoration, not security
    output = io.BytesIO()
    image.save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()


def avatar_png(name: str, colour: RGB) -> bytes:
    """A 256x256 PNG: the initials of `name` in white on `colour` (clients round it)."""
    image = Image.new("RGB", (AVATAR, AVATAR), colour)
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    font = ImageFont.load_default(size=AVATAR * 0.4)
    draw.text((AVATAR / 2, AVATAR / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()
