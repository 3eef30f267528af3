"""Arguments of hashtag timelines, trends and people search (declared like resolvers/inputs.py)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from core.hashtags import tag_argument
from core.limits import SEARCH_QUERY, TRENDING
from core.search import fold
from resolvers.inputs import Arguments, PageArgs


def _searchable(value: str) -> str:
    if not any(ch.isalnum() for ch in fold(value)):
        raise ValueError("must contain a letter or digit to search for")
    return value


Tag = Annotated[str, StringConstraints(max_length=101), AfterValidator(tag_argument)]
SearchQuery = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=SEARCH_QUERY.least, max_length=SEARCH_QUERY.most
    ),
    AfterValidator(_searchable),
]


class HashtagArgs(Arguments):
    tag: Tag = Field(description="The tag, with or without its #; matched normalized.")


class TrendingArgs(Arguments):
    limit: int = Field(TRENDING.default, ge=1, le=TRENDING.most)


class SearchUsersArgs(PageArgs):
    query: SearchQuery = Field(
        description="The start of a handle or name; accents and case do not matter."
    )
