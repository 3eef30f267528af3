"""Where a text's #tags are, for clients to link them."""

from __future__ import annotations

import strawberry

from core.entities import hashtags


@strawberry.type(
    description=(
        "A `#tag` of the text at [start, end) in UTF-16 code units, and the tag it stands for "
        "(normalized: what `hashtag(tag)` finds)."
    )
)
class HashtagSpan:
    tag: str
    start: int
    end: int


def hashtag_spans(text: str) -> list[HashtagSpan]:
    return [HashtagSpan(tag=h.tag, start=h.start, end=h.end) for h in hashtags(text)]
