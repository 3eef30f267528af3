"""Threads, replies, comment likes, edits with history and bookmarks in the web client, in a
real browser against `make serve` (DynamoDB Local, the S3 emulator, the stream fan-out)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.served import Served
from tests.conftest import missing_tool
from tests.integration.test_serve import demo_token, gql, run_node
from tests.integration.test_serve import served as served

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_threads_replies_likes_edits_and_bookmarks_in_a_browser(served: Served) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    shots = ROOT / "test-output" / "conversations"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"
    result = run_node("conversations_browser.mjs", app, str(shots), CHROMIUM=chromium)
    assert result["steps"] == [
        "a-commented",
        "b-replied-and-liked",
        "a-unfolded-thread",
        "a-replied-to-the-reply",
        "a-folded-thread",
        "a-edited-with-history",
        "a-bookmarked",
    ]
    assert result["blocked"] == []
    assert result["pageErrors"] == []
    # The like, and the thread folded until opened
    assert result["likeCount"] == "1"
    assert "1" in result["likeLabel"]
    assert result["summary"] == "1 reply"
    assert result["foldedAtFirst"] is True
    assert result["replyHiddenWhileFolded"] is True
    assert result["deeperDepth"] == "2"
    assert result["foldedAgain"] is True
    # Edited, with the replaced text in its history
    assert "edited" in result["editedByline"]
    assert any("first!" in version for version in result["historyText"])
    assert result["savedAfterReload"] == "true"
    # And the server agrees: the thread, the like, the edit and carol's bookmark
    carol = demo_token(served, "carol")
    thread = gql(
        served,
        carol,
        """query($p: ID!, $c: ID!) { comment(postId: $p, id: $c) { body likeCount editedAt
          replies { items { id replies { items { depth parentId } } } } } }""",
        p=result["postId"],
        c=result["aCommentId"],
    )["data"]["comment"]
    assert thread["likeCount"] == 1
    assert thread["editedAt"] is not None
    (reply,) = thread["replies"]["items"]
    assert reply["id"] == result["replyId"]
    assert reply["replies"]["items"] == [{"depth": 2, "parentId": result["replyId"]}]
    saved = gql(served, carol, "{ bookmarks { items { id } } }")["data"]["bookmarks"]["items"]
    assert saved == [{"id": result["postId"]}]
