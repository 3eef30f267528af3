"""Probes over the websocket: every limit holds for subscriptions, every error has a code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest

from web.view import SUBSCRIPTIONS_PER_CONNECTION

if TYPE_CHECKING:
    from tests.conftest import GraphQLClient

pytestmark = pytest.mark.integration


@contextmanager
def subscriptions(api: GraphQLClient) -> Iterator[Any]:
    with api.http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
        ws.send_json(
            {"type": "connection_init", "payload": {"Authorization": api.headers["authorization"]}}
        )
        assert ws.receive_json()["type"] == "connection_ack"
        yield ws


DEEP = (
    "post { author { posts { items { author { posts { items { author { posts { items { id } } } "
    "} } } } } } }"
)
WS_PROBES = {
    "a bad argument": ("subscription { onPostEvent(category: 5) { cursor } }", {}),
    "an unknown category": ('subscription { onPostEvent(category: "nope") { cursor } }', {}),
    "a wrong variable": (
        "subscription($c: String) { onPostEvent(category: $c) { cursor } }",
        {"c": 5},
    ),
    "too deep": (f"subscription {{ onPostEvent {{ {DEEP} }} }}", {}),
    "too many aliases": (
        "subscription { onPostEvent { " + " ".join(f"a{i}: cursor" for i in range(20)) + " } }",
        {},
    ),
    "too many tokens": (
        "subscription { onPostEvent { " + "cursor " * 2100 + "} }",
        {},
    ),
    "nested pages of 100 x 100": (
        "subscription($n: Int!) { onPostEvent { post { comments(limit: $n) { items { author { "
        "posts(limit: $n) { items { id } } } } } } } }",
        {"n": 100},
    ),
    "pages over the per-event limit": (
        "subscription { onPostEvent { post { comments(limit: 30) { items { author { "
        "posts(limit: 5) { items { id } } } } } } } }",
        {},
    ),
    "unknown field": ("subscription { onPostEvnt { cursor } }", {}),
}


def test_subscriptions_are_refused_with_codes_over_the_websocket(api: GraphQLClient) -> None:
    with subscriptions(api) as ws:
        for n, (query, variables) in enumerate(WS_PROBES.values()):
            ws.send_json(
                {
                    "id": str(n),
                    "type": "subscribe",
                    "payload": {"query": query, "variables": variables},
                }
            )
        # Then a sentinel, answered at once: every probe before it has had its answer by then
        # (one that was accepted and runs would have none)
        sentinel = {"query": "subscription { nope }"}
        ws.send_json({"id": "sentinel", "type": "subscribe", "payload": sentinel})
        answers: dict[str, dict[str, Any]] = {}
        while "sentinel" not in answers:
            message = ws.receive_json()
            if message["type"] != "complete":  # after an execution error
                answers[message["id"]] = message
    assert set(answers) == {*map(str, range(len(WS_PROBES))), "sentinel"}, answers
    for n, probe in enumerate(WS_PROBES):
        message = answers[str(n)]
        # A request error before it runs, or (a bad argument value) an error result
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        codes = [e.get("extensions", {}).get("code") for e in errors]
        assert codes, (probe, message)
        assert set(codes) == {"BAD_USER_INPUT"}, (probe, message)


def test_a_socket_holds_a_few_subscriptions_and_says_so_with_a_code(api: GraphQLClient) -> None:
    # Given a socket with as many running subscriptions as it may hold
    running = {"query": "subscription { onPostEvent { cursor } }"}
    with subscriptions(api) as ws:
        for n in range(SUBSCRIPTIONS_PER_CONNECTION):
            ws.send_json({"id": str(n), "type": "subscribe", "payload": running})
        # When one more is asked for, then it is refused with a code
        ws.send_json({"id": "one more", "type": "subscribe", "payload": running})
        refused = ws.receive_json()
        for n in range(SUBSCRIPTIONS_PER_CONNECTION):
            ws.send_json({"id": str(n), "type": "complete"})
    assert refused["id"] == "one more"
    assert refused["type"] == "error"
    assert [e["extensions"]["code"] for e in refused["payload"]] == ["BAD_USER_INPUT"]
