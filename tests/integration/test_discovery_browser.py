"""The web client's notifications tab, linked mentions and hashtags and people search, in a
browser with two users against `make serve` (its stream fan-out writes the notifications)."""

from __future__ import annotations

import shutil
import time

import pytest

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
