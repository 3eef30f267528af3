"""The demo community: who is in it and who follows whom. User ids are fixed so tokens survive
restarts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Person:
    handle: str
    id: str
    name: str
    bio: str
    #: The avatar's background, as RGB.
    colour: tuple[int, int, int]


PEOPLE: tuple[Person, ...] = (
    Person(
        "alice",
        "01HZDEMQ0A11CE00000000000A",
        "Alice Liddell",
        "Backend engineer. Writes about data modelling, tea and the odd rabbit hole.",
        (92, 70, 196),
    ),
    Person(
        "bob",
        "01HZDEMQ0B0B0000000000000B",
        "Bob Builder",
        "Product designer. Colour systems, type, and fixing things that are nearly right.",
        (224, 122, 46),
    ),
    Person(
        "carol",
        "01HZDEMQ0CAR010000000000C0",
        "Carol Danvers",
        "Physics teacher, marathon runner, asks 'why' a lot.",
        (200, 52, 84),
    ),
    Person(
        "dave",
        "01HZDEMQ0DAVE0000000000D00",
        "Dave Bowman",
        "Sound engineer. Playlists, synths and polite error messages.",
        (38, 128, 110),
    ),
    Person(
        "erin",
        "01HZDEMQ0ER1N000000000000E",
        "Erin Okafor",
        "Frontend developer in Lagos. Accessibility first, frameworks second.",
        (24, 119, 196),
    ),
    Person(
        "farid",
        "01HZDEMQ0FAR1D0000000000F0",
        "Farid Haddad",
        "Cyclist and data scientist. Will plot anything.",
        (160, 110, 20),
    ),
    Person(
        "grace",
        "01HZDEMQ0GRACE000000000060",
        "Grace Hopper-Lee",
        "Compilers by day, choir by night.",
        (120, 60, 140),
    ),
    Person(
        "hiro",
        "01HZDEMQ0H1R00000000000040",
        "Hiro Tanaka",
        "Illustrator. Sketchbooks, trains, and too many fountain pens.",
        (210, 80, 150),
    ),
    Person(
        "ines",
        "01HZDEMQ01NES0000000000010",
        "Inês Duarte",
        "Marine biologist in Lisbon. Octopuses are smarter than you think.",
        (20, 150, 160),
    ),
    Person(
        "jamal",
        "01HZDEMQ0JAMA10000000000J0",
        "Jamal Carter",
        "Basketball coach, jazz pianist, father of two.",
        (70, 90, 110),
    ),
    Person(
        "kemi",
        "01HZDEMQ0KEM100000000000K0",
        "Kemi Adeyemi",
        "Site reliability engineer and community moderator. On call for the planet, off call "
        "for my garden.",
        (90, 150, 60),
    ),
    Person(
        "lena",
        "01HZDEMQ01ENA0000000000170",
        "Lena Vogel",
        "Architect in Berlin. Concrete, light and the occasional rant about stairs.",
        (180, 60, 40),
    ),
)

#: Who is in the moderator group (AUTH_MODERATOR_GROUP): their dev tokens carry it, as a
#: Cognito group membership would, so the moderation page can be tried locally.
MODERATORS: frozenset[str] = frozenset({"kemi"})

#: handle -> (user id, display name), the shape the sign-in and the token command read.
DEMO_USERS: dict[str, tuple[str, str]] = {p.handle: (p.id, p.name) for p in PEOPLE}

#: Whom each person follows: everyone has a full home feed, nobody follows everyone.
FOLLOWS: dict[str, tuple[str, ...]] = {
    "alice": ("bob", "carol", "dave", "erin", "grace", "kemi", "lena"),
    "bob": ("alice", "hiro", "lena", "erin", "jamal"),
    "carol": ("alice", "dave", "ines", "farid", "jamal"),
    "dave": ("bob", "grace", "hiro", "jamal"),
    "erin": ("alice", "bob", "kemi", "grace", "hiro"),
    "farid": ("carol", "ines", "kemi", "alice"),
    "grace": ("alice", "dave", "kemi", "erin"),
    "hiro": ("bob", "lena", "erin", "ines"),
    "ines": ("carol", "farid", "hiro", "lena"),
    "jamal": ("dave", "carol", "bob"),
    "kemi": ("alice", "erin", "grace", "farid"),
    "lena": ("bob", "hiro", "ines", "alice"),
}


def demo_groups(handle: str, moderator_group: str) -> tuple[str, ...]:
    """The groups a demo user's token carries."""
    return (moderator_group,) if handle in MODERATORS else ()


def demo_user_id(handle: str) -> str:
    try:
        return DEMO_USERS[handle][0]
    except KeyError:
        names = ", ".join(DEMO_USERS)
        raise SystemExit(f"unknown demo user {handle!r}; choose one of {names}") from None
