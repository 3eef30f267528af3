"""A mention as clients link it: who, and where in the text (UTF-16 code units)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from core.entities import hashtags
from resolvers.entities import LinkedMention

if TYPE_CHECKING:
    from schema.types import User


@strawberry.type(
    description=(
        "`@handle` of someone who exists, at [start, end) of the text in UTF-16 code units "
        "(how JavaScript indexes strings)."
    )
)
class Mention:
    user: Annotated[User, strawberry.lazy("schema.types")]
    start: int
    end: int

    @classmethod
    def from_domain(cls, mention: LinkedMention) -> Mention:
        from schema.types import User

        return cls(user=User.from_domain(mention.user), start=mention.start, end=mention.end)


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


def mentions_of(found: list[LinkedMention]) -> list[Mention]:
    return [Mention.from_domain(m) for m in found]
