"""The conversation rows of `make bench`; `python -m bench.run --only "bookmarks page of 20"
--only "post + 10 comments + their first replies"` prints only them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bench.conversations import BOOKMARKS, THREAD, ConversationFloor, seed
from bench.measure import Row

if TYPE_CHECKING:
    from bench.fixture import World


def rows(world: World, floor: ConversationFloor, post_ids: list[str]) -> list[Row]:
    from bench import fixture

    thread = seed(world.store, post_ids)
    return [
        Row(
            "post + 10 comments + their first replies",
            lambda: iter(lambda: fixture.api_event(THREAD, {"id": thread}), None),
            floor.thread,
            "2: 1 Query of the post's comments + 1 BatchGetItem (post, authors, first replies, "
            "the viewer's likes)",
            1 + 1 + 1 + 10 * (2 + 3 * 3),
        ),
        Row(
            "bookmarks page of 20",
            lambda: iter(lambda: fixture.api_event(BOOKMARKS, {"limit": 20}), None),
            floor.bookmarks,
            "3: 1 Query + posts batch + authors, likes and bookmarks batch",
            1 + 4 * 20,
        ),
    ]
