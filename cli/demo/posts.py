"""The demo posts, read from posts.toml: what was written, by whom, when, and the comments."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CONTENT = Path(__file__).with_name("posts.toml")


@dataclass(frozen=True, slots=True)
class Picture:
    #: What pictures.render draws: see pictures.SCENES.
    scene: str
    alt_text: str


@dataclass(frozen=True, slots=True)
class DemoPost:
    author: str
    category: str
    #: How long before the seeding the post was written.
    days_ago: float
    title: str
    body: str
    picture: Picture | None = None
    #: (commenter, text), oldest first; written after the post, before now.
    comments: tuple[tuple[str, str], ...] = ()


def _post(entry: dict[str, Any]) -> DemoPost:
    picture = entry.get("picture")
    return DemoPost(
        author=entry["author"],
        category=entry["category"],
        days_ago=float(entry["days_ago"]),
        title=entry["title"],
        body=entry["body"],
        picture=Picture(picture["scene"], picture["alt_text"]) if picture else None,
        comments=tuple((who, text) for who, text in entry.get("comments", ())),
    )


@cache
def demo_posts() -> tuple[DemoPost, ...]:
    """Oldest first."""
    posts = (_post(entry) for entry in tomllib.loads(CONTENT.read_text())["post"])
    return tuple(sorted(posts, key=lambda p: -p.days_ago))
