"""The web client's block, mute and report, and the moderators' page, in a browser against
`make serve` (docs/SAFETY.md)."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.served import Served, served_process
from cli.demo import DEMO_USERS
from cli.local import free_port
from tests.conftest import missing_tool
from tests.integration.test_serve import demo_token, gql, run_node

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
CREATE = 'mutation($t: String!) { createPost(input: {title: $t, category: "general"}) { id } }'
FEED_IDS = "{ feed(limit: 10) { items { id } } }"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    data_dir = str(tmp_path_factory.mktemp("data"))
    env |= {"PORT": str(port), "AGORA_DATA_DIR": data_dir}
    with served_process(["make", "--no-print-directory", "serve"], env, port, data_dir) as server:
        yield server


def test_block_mute_report_and_moderate_in_the_browser(served: Served) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    # Given a post by alice and one by hiro at the top of bob's feed (he follows both)
    tokens = {h: demo_token(served, h) for h in ("alice", "hiro", "bob", "kemi")}
    stamp = int(time.time())
    posts = {
        h: gql(served, tokens[h], CREATE, t=f"{h.title()} at {stamp}")["data"]["createPost"]["id"]
        for h in ("alice", "hiro")
    }
    deadline = time.monotonic() + 30
    while not set(posts.values()) <= {
        i["id"] for i in gql(served, tokens["bob"], FEED_IDS)["data"]["feed"]["items"]
    }:
        assert time.monotonic() < deadline, "the new posts never reached bob's feed"
        time.sleep(0.3)
    given = {h: DEMO_USERS[h][0] for h in ("alice", "bob", "hiro", "jamal")}
    given |= {"alicePost": posts["alice"], "hiroPost": posts["hiro"]}
    shots = ROOT / "test-output" / "web-client-safety"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"

    # When bob, alice, kemi and jamal do what web_client_safety.mjs says
    script = "web_client_safety.mjs"
    result = run_node(script, app, str(shots), json.dumps(given), CHROMIUM=chromium)

    assert result["pageErrors"] == []
    assert result["blocked"] == []
    assert sorted(p.name for p in shots.iterdir()) == [
        f"{n:02d}-{step}.png" for n, step in enumerate(result["steps"], start=1)
    ]
    # A mute from a card hides hiro's posts at once and after a reload; the list undoes it
    assert result["hiroCardsBefore"] >= 1
    assert result["hiroCardsAfterMute"] == result["hiroCardsAfterMuteReload"] == 0
    assert result["mutedList"] == ["Hiro Tanaka (@hiro)Unmute @hiro"]
    assert result["mutedListAfter"] == 0
    assert result["hiroBackAfterUnmute"] >= 1
    # A report is thanked; the second one of the same post shows the API's CONFLICT
    assert "the moderators have your report of this post" in result["reportStatus"]
    assert result["dialogsOpenAfterReport"] == 0
    assert result["secondReport"] == {
        "text": "You have already reported this; moderators have your report.",
        "code": "CONFLICT",
    }
    assert "report of this person" in result["personReportStatus"]
    # A block empties alice's profile page and bob's feed of her posts, and lists her
    assert result["aliceCardsBefore"] >= 1
    assert result["alicePostsOnProfileBefore"] >= 1
    assert result["alicePostsOnProfileAfter"] == result["alicePostsOnProfileReloaded"] == 0
    assert result["unblockOffered"] == "true"
    assert result["aliceCardsAfterBlock"] == 0
    assert result["blockedList"] == ["Alice Liddell (@alice)Unblock @alice"]
    # Both ways: bob's posts are gone from alice's feed, and his profile from her reads
    assert result["bobCardsInAliceFeed"] == 0
    # Only moderators: bob has no link, and the page says what the API answered
    assert result["navWithoutModeration"] == 0
    assert result["bobModeration"] == {"text": "Only moderators may do this.", "code": "FORBIDDEN"}
    assert (
        gql(served, tokens["bob"], "{ moderationQueue { items { id } } }")["errors"][0][
            "extensions"
        ]["code"]
        == "FORBIDDEN"
    )
    # Kemi sees both cases with their counts, reasons, content and reports
    assert result["kemiNav"] == 1
    cases = {c["heading"].split(" ·")[0]: c for c in result["cases"]}
    assert set(cases) == {"Post by @alice", "Person: @jamal"}
    post_case = cases["Post by @alice"]
    assert post_case["heading"].endswith("· 1 report")
    assert post_case["byline"].startswith("Spam \u00d7 1")
    assert post_case["content"].startswith(f"Alice at {stamp}")
    assert post_case["reports"][0].startswith("Spam: “Selling pills in every thread”")
    assert cases["Person: @jamal"]["byline"].startswith("Harassment or bullying \u00d7 1")
    # Her decisions close the cases and lead the audit log, newest first, with their reasons
    assert "Removed the content" in result["removeStatus"]
    assert "Suspended the author" in result["suspendStatus"]
    assert result["casesLeft"] == 0
    assert [e["action"] for e in result["audit"]] == ["SUSPEND_AUTHOR", "REMOVE_CONTENT"]
    assert "“Harassment in replies”" in result["audit"][0]["text"]
    assert "suspended until" in result["audit"][0]["text"]
    assert "“Spam: pill adverts”" in result["audit"][1]["text"]
    # The removed post is gone for everyone
    query = "query($id: ID!) { post(id: $id) { id } }"
    gone = gql(served, tokens["kemi"], query, id=posts["alice"])
    assert gone["data"]["post"] is None
    # Jamal's write says he is suspended, why, and until when
    assert re.search(
        r"Your account is suspended until .+2\d{3}.*: “Harassment in replies”",
        result["suspendedLike"],
    )
    assert result["steps"] == [
        "bob-muted-hiro",
        "bob-muted-list",
        "bob-second-report-answered",
        "bob-blocked-alice-profile",
        "bob-feed-without-alice",
        "bob-moderation-forbidden",
        "alice-cannot-see-bob",
        "kemi-moderation-queue",
        "kemi-audit-log",
        "jamal-suspended-write",
    ]
