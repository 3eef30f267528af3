"""Demo data for local serve: a dozen people, four weeks of posts, pictures, likes, comments."""

from __future__ import annotations

from cli.demo.people import (
    DEMO_USERS,
    FOLLOWS,
    MODERATORS,
    PEOPLE,
    Person,
    demo_groups,
    demo_user_id,
)
from cli.demo.posts import DemoPost, demo_posts
from cli.demo.seeding import SeedReport, seed, seed_configured

__all__ = [
    "DEMO_USERS",
    "FOLLOWS",
    "MODERATORS",
    "PEOPLE",
    "DemoPost",
    "Person",
    "SeedReport",
    "demo_groups",
    "demo_posts",
    "demo_user_id",
    "seed",
    "seed_configured",
]
