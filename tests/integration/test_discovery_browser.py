"""Notifications, mentions, hashtags and people against `make serve` (its stream fan-out writes
the notifications): `onNotification` over a real websocket, and the web client's notifications
tab, linked mentions and hashtags and people search in a browser with two users."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from bench.served import Served
from tests.conftest import missing_tool
from tests.integration.test_serve import ROOT, demo_token, gql, run_node
from tests.integration.test_serve import served as served  # the same real server fixture

pytestmark = pytest.mark.integration


def wait_for_the_demo_fan_out(served: Served) -> None:
    """Until bob's unread count stops moving: the demo data's likes and follows notify him
    from the stream, after the server is up, and the test must not count those."""
    bob = demo_token(served, "bob")
    query = "{ unreadNotificationCount }"
    deadline = time.monotonic() + 120
    last, steady_since = -1, time.monotonic()
    while time.monotonic() - steady_since < 5:
        assert time.monotonic() < deadline, "the demo fan-out never settled"
        count = gql(served, bob, query)["data"]["unreadNotificationCount"]
        if count != last:
            last, steady_since = count, time.monotonic()
        time.sleep(0.5)


def test_notifications_mentions_hashtags_and_people_in_a_browser(served: Served) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    shots = ROOT / "test-output" / "discovery"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"
    wait_for_the_demo_fan_out(served)
    result = run_node("discovery_browser.mjs", app, str(shots), CHROMIUM=chromium)
    assert result["steps"] == [
        "b-notifications-seen",
        "a-posted-mention-and-tag",
        "b-badge-counts-mention",
        "b-notifications-tab",
        "b-post-with-links",
        "b-hashtag-timeline",
        "b-mention-opens-profile",
        "b-people-search",
        "b-opened-a-found-profile",
    ]
    assert result["blocked"] == []
    assert result["pageErrors"] == []
    assert result["unlabelled"] == []
    # The badge went when bob looked, came back for the mention (no reload), went again
    assert result["badgeBefore"] == {"hidden": True, "count": "0"}
    assert result["badgeAfter"] == {"hidden": False, "count": "1"}
    assert result["bReloaded"] is False
    assert result["firstEntry"]["kind"] == "MENTION"
    assert result["firstEntry"]["unread"] is True
    assert "Carol Danvers mentioned you" in result["firstEntry"]["text"]
    # Mention and hashtag are links at the server's offsets, for the author and the reader
    tag = result["tag"]
    links = [
        {"class": "mention", "text": "@bob", "href": "#/user/bob"},
        {"class": "hashtag", "text": f"#{tag}", "href": f"#/tag/{tag.lower()}"},
    ]
    assert result["aLinks"] == links
    assert result["bLinks"] == links
    # The hashtag's timeline holds the post, and the tag trends
    assert result["timeline"] == [result["title"]]
    assert f"#{tag.lower()} 1" in result["trending"]
    # People by prefixes of names and handles, accents and case aside
    found = result["found"]
    assert found["car"] == ["carol", "jamal"]  # a handle, then a word of "Jamal Carter"
    assert found["ÉRI"] == ["erin"]
    assert found["hopper"] == ["grace"]
    assert found["zzzz"] == ["Nobody found."]


ON_NOTIFICATION = """subscription {
  onNotification { kind cursor actor { handle } notification { kind count post { title } } }
}"""


def test_on_notification_is_delivered_over_a_real_websocket(served: Served) -> None:
    # Given bob subscribed over graphql-transport-ws, as any graphql-ws client does
    bob, carol = demo_token(served, "bob"), demo_token(served, "carol")
    url = served.url.replace("http://", "ws://")
    with connect(url, subprotocols=["graphql-transport-ws"], open_timeout=30) as ws:  # type: ignore[list-item]
        ws.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {bob}"}})
        )
        assert json.loads(ws.recv(timeout=30))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "n", "type": "subscribe", "payload": {"query": ON_NOTIFICATION}}))
        time.sleep(1)  # the subscription takes its cursor at "now"
        # When carol mentions him in a new post
        title = f"Ping {time.time_ns()}"
        created = gql(
            served,
            carol,
            "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            i={"title": title, "body": "Look, @bob!", "category": "general"},
        )
        assert "errors" not in created, created
        # Then the fan-out's notice reaches his socket, with its actor and entry
        deadline = time.monotonic() + 60
        while True:
            message = json.loads(ws.recv(timeout=max(1.0, deadline - time.monotonic())))
            assert message["type"] == "next", message
            event = message["payload"]["data"]["onNotification"]
            if event["kind"] == "MENTION" and event["notification"]["post"]["title"] == title:
                break
            assert time.monotonic() < deadline, "the mention never arrived"
        ws.send(json.dumps({"id": "n", "type": "complete"}))
    assert event["actor"] == {"handle": "carol"}
    assert event["notification"]["count"] == 1
    assert event["cursor"]
    # And a socket without a token is refused at connection_init, before anything runs
    with connect(url, subprotocols=["graphql-transport-ws"], open_timeout=30) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=30)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403
