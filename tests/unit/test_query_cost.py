"""The query-cost estimate: list items an operation may return, page sizes multiplied."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from core.config import Limits
from schema.build import build_schema
from schema.cost import query_cost

SCHEMA = build_schema(Limits(), introspection=True)._schema

CASES = {
    "no lists": ("{ health categories }", {}, 0),
    "one page": ("{ posts(limit: 30) { items { id } } }", {}, 30),
    "a default page": ("{ feed { items { id } } }", {}, 20),
    "a default poll": ("{ postEvents { cursor } }", {}, 25),
    "nested pages multiply": (
        "{ feed(limit: 10) { items { comments(limit: 5) { items { id } } } } }",
        {},
        10 + 10 * 5,
    ),
    "a single object does not multiply": (
        '{ post(id: "x") { author { posts(limit: 7) { items { id } } } } }',
        {},
        7,
    ),
    "variables count as their values": (
        "query($n: Int!) { posts(limit: $n) { items { id } } }",
        {"n": 40},
        40,
    ),
    "a float variable counts as the Int it becomes": (
        "query($n: Int!) { posts(limit: $n) { items { id } } }",
        {"n": 40.0},
        40,
    ),
    "a variable's own default counts": (
        "query($n: Int! = 60) { posts(limit: $n) { items { id } } }",
        {},
        60,
    ),
    "a nullable variable left out leaves the field's default": (
        "query($n: Int) { posts(limit: $n) { items { id } } }",
        {},
        20,
    ),
    "variables that do not coerce are left to execution": (
        "query($n: Int!) { posts(limit: $n) { items { id } } }",
        {"n": "many"},
        0,
    ),
    "ids in a variable count as a page": (
        "query($ids: [ID!]!) { postsByIds(ids: $ids) { id } }",
        {"ids": ["a", "b"]},
        2,
    ),
    "a subscription costs what one event selects": (
        "subscription { onPostEvent { post { comments(limit: 30) { items { id } } } } }",
        {},
        30,
    ),
    "ids count as a page": ('{ postsByIds(ids: ["a", "b", "c"]) { id } }', {}, 3),
    "fragments count where they are spread": (
        "query { feed(limit: 4) { ...Page } } "
        "fragment Page on PostConnection { items { comments(limit: 3) { items { id } } } }",
        {},
        4 + 4 * 3,
    ),
    "aliases count twice": (
        "{ a: posts(limit: 10) { items { id } } b: posts(limit: 10) { items { id } } }",
        {},
        20,
    ),
}


@pytest.mark.parametrize(("query", "variables", "expected"), CASES.values(), ids=CASES)
def test_query_cost(query: str, variables: dict[str, Any], expected: int) -> None:
    assert query_cost(SCHEMA, parse(query), None, variables) == expected
