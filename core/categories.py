"""The categories a post may belong to: slugs, fixed per deployment of the code."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = ("general", "tech", "design", "science", "sports", "music")


def is_category(slug: str) -> bool:
    return slug in CATEGORIES
