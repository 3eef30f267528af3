"""Generated subscriptions over the websocket: every refusal is coded, nothing over the limits runs.

schemathesis speaks GraphQL over HTTP only; this is its counterpart for `graphql-transport-ws`:
Hypothesis writes subscription documents (nested pages, aliases, fragments, directives,
variables of every JSON type, garbage) and sends each over a real socket to the app.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from graphql import GraphQLError, parse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from core.config import Limits
from schema.build import build_schema
from schema.cost import query_cost
from tests.api.test_websocket_probes import subscriptions

if TYPE_CHECKING:
    from tests.conftest import GraphQLClient

pytestmark = pytest.mark.integration

LIMITS = Limits()
SCHEMA = build_schema(LIMITS, introspection=False)._schema

#: Page sizes: valid, the edges, and invalid; or a variable.
limits = st.one_of(st.sampled_from(["0", "1", "20", "100", "101", "-1", "$n"]), st.just("$n"))
scalars = {
    "User": ["id", "handle", "displayName", "followerCount", "viewerFollows"],
    "Post": ["id", "title", "body", "likeCount", "viewerHasLiked", "commentCount"],
    "Comment": ["id", "body", "createdAt"],
    "ChangeEvent": ["type", "cursor", "at", "postId", "commentId", "__typename"],
}
nested: dict[str, list[tuple[str, str, bool]]] = {  # field, type, is a page
    "User": [("posts", "Post", True), ("followers", "User", True), ("following", "User", True)],
    "Post": [("author", "User", False), ("comments", "Comment", True)],
    "Comment": [("author", "User", False)],
    "ChangeEvent": [("post", "Post", False), ("comment", "Comment", False)],
}


@st.composite
def selection(draw: st.DrawFn, type_name: str, depth: int) -> str:
    parts = draw(st.lists(st.sampled_from(scalars[type_name]), min_size=1, max_size=3))
    if depth > 0:
        for field, child, paged in draw(
            st.lists(st.sampled_from(nested[type_name]), max_size=2, unique=True)
        ):
            inner = draw(selection(child, depth - 1))
            alias = draw(st.sampled_from(["", "a: ", "b: "]))
            if paged:
                parts.append(f"{alias}{field}(limit: {draw(limits)}) {{ items {{ {inner} }} }}")
            else:
                parts.append(f"{alias}{field} {{ {inner} }}")
    wrap = draw(st.sampled_from(["plain", "inline", "directive"]))
    body = " ".join(parts)
    if wrap == "inline":
        return f"... on {type_name} {{ {body} }}"
    if wrap == "directive":
        return f"... @include(if: $flag) {{ {body} }}"
    return body


@st.composite
def subscription(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    root = draw(
        st.sampled_from(
            [
                "onFeedUpdate",
                "onPostEvent",
                'onPostEvent(category: "tech")',
                'onPostEvent(category: "cooking")',
                "onPostEvent(category: $c)",
                "onPostEvent(category: 5)",
                "onNothing",
            ]
        )
    )
    body = draw(selection("ChangeEvent", draw(st.integers(0, 6))))
    used = f"{root} {body}"
    definitions = [
        definition
        for name, definition in {
            "$n": draw(st.sampled_from(["$n: Int! = 20", "$n: Int", "$n: Int!"])),
            "$c": "$c: String",
            "$flag": "$flag: Boolean! = true",
        }.items()
        if name in used
    ]
    signature = f"({', '.join(definitions)})" if definitions else ""
    document = f"subscription S{signature} {{ {root} {{ {body} }} }}"
    json_values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**40), 2**40),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    )
    variables = draw(
        st.dictionaries(st.sampled_from(["n", "c", "flag", "other"]), json_values, max_size=3)
    )
    if draw(st.integers(0, 20)) == 0:
        document = draw(st.text(max_size=80))  # garbage
    return document, variables


def _within_limits(document: str, variables: dict[str, Any]) -> bool:
    try:
        cost = query_cost(SCHEMA, parse(document), None, variables)
    except GraphQLError:
        return False
    return cost <= LIMITS.max_subscription_cost


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=subscription())
def test_generated_subscriptions_are_refused_with_codes_or_run_within_limits(
    api: GraphQLClient, case: tuple[str, dict[str, Any]]
) -> None:
    document, variables = case
    with subscriptions(api) as ws:
        # When the subscription is sent, then a sentinel answered at once
        ws.send_json(
            {"id": "1", "type": "subscribe", "payload": {"query": document, "variables": variables}}
        )
        ws.send_json(
            {"id": "end", "type": "subscribe", "payload": {"query": "subscription { nope }"}}
        )
        answers: dict[str, dict[str, Any]] = {}
        while "end" not in answers:
            message = ws.receive_json()
            if message["type"] != "complete":
                answers[message["id"]] = message
        ws.send_json({"id": "1", "type": "complete"})
    answer = answers.get("1")
    event("accepted" if answer is None else f"refused: {answer['type']}")
    if answer is None:
        # Accepted and running: it must be within the limits
        assert _within_limits(document, variables), document
        return
    # Refused: every error coded as the client's, never a masked internal one
    errors = answer["payload"] if answer["type"] == "error" else answer["payload"]["errors"]
    codes = {e.get("extensions", {}).get("code") for e in errors}
    assert codes, answer
    assert codes <= {"BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN"}, json.dumps(answer)
