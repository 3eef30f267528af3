"""The read rows again for a viewer who blocks 1,000 people (docs/SAFETY.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bench import fixture
from bench.fixture import BLOCKER
from bench.measure import Row
from bench.queries import FEED, POST

if TYPE_CHECKING:
    from bench.floor import Floor


def blocking_rows(
    floor: Floor,
    commented_post: str,
    quiet: Callable[[str], Iterator[dict[str, Any]]],
    settle: timedelta,
) -> list[Row]:
    """The visibility set joins a batch each read sends anyway, so the budgets do not move."""
    return [
        Row(
            "feed page of 20, viewer blocking 1,000",
            lambda: iter(lambda: fixture.api_event(FEED, {"limit": 20}, BLOCKER), None),
            floor.feed,
            "as the feed page: the set rides the posts' batch",
            1 + 3 * 20,
        ),
        Row(
            "post + 20 comments, viewer blocking 1,000",
            lambda: iter(lambda: fixture.api_event(POST, {"id": commented_post}, BLOCKER), None),
            floor.post_with_comments,
            "as the post: the set rides the authors' batch",
            1 + 1 + 1 + 20,
        ),
        Row(
            "empty poll, viewer blocking 1,000",
            lambda: quiet(BLOCKER),
            lambda event: floor.poll(event, settle),
            "exactly 1 request: an empty poll never reads the set",
            1,
        ),
    ]
