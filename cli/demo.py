"""Demo users and posts for local serve. User ids are fixed so tokens survive restarts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import now_iso
from core.errors import Conflict
from core.models import UserProfile

if TYPE_CHECKING:
    from store.repository import Store

#: handle -> (user id, display name)
DEMO_USERS: dict[str, tuple[str, str]] = {
    "alice": ("01HZDEMQ0A11CE00000000000A", "Alice Liddell"),
    "bob": ("01HZDEMQ0B0B0000000000000B", "Bob Builder"),
    "carol": ("01HZDEMQ0CAR010000000000C0", "Carol Danvers"),
    "dave": ("01HZDEMQ0DAVE0000000000D00", "Dave Bowman"),
}

#: (follower, followee): everyone has something in their home feed.
DEMO_FOLLOWS: list[tuple[str, str]] = [
    ("alice", "bob"),
    ("alice", "carol"),
    ("bob", "alice"),
    ("carol", "alice"),
    ("carol", "dave"),
    ("dave", "bob"),
]

DEMO_POSTS: list[tuple[str, str, str, str]] = [
    ("alice", "tech", "Single-table design, one year in", "What we learned modelling a forum."),
    ("bob", "design", "Dark mode is a colour system", "Tokens first, palettes second."),
    ("carol", "science", "Why the sky is blue", "Rayleigh scattering, briefly."),
    ("dave", "music", "Playlists for deep work", "Instrumental, steady tempo, no surprises."),
    ("alice", "general", "Welcome to Agora", "Say hello below."),
    ("bob", "tech", "GraphQL over plain HTTP", "GET for queries, POST for the rest."),
    ("carol", "sports", "Marathon training, week 12", "Long run done: 32 km."),
    ("dave", "tech", "Open the pod bay doors", "A note on polite error messages."),
]


def demo_user_id(handle: str) -> str:
    try:
        return DEMO_USERS[handle][0]
    except KeyError:
        names = ", ".join(DEMO_USERS)
        raise SystemExit(f"unknown demo user {handle!r}; choose one of {names}") from None


def seed(store: Store) -> int:
    """Write the demo data once; returns how many posts it created (0 if already seeded)."""
    for handle, (user_id, name) in DEMO_USERS.items():
        try:
            store.users.create(
                UserProfile(
                    id=user_id,
                    handle=handle,
                    display_name=name,
                    created_at=now_iso(),
                    bio=f"Hi, I am {name.split()[0]}.",
                )
            )
        except Conflict:
            return 0
    for follower, followee in DEMO_FOLLOWS:
        store.follows.follow(DEMO_USERS[follower][0], DEMO_USERS[followee][0])
    for handle, category, title, body in DEMO_POSTS:
        store.posts.create(
            author_id=DEMO_USERS[handle][0], title=title, body=body, category=category
        )
    return len(DEMO_POSTS)
