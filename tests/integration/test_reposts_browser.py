"""Reposts in the reference web client (examples/web), in headless Chromium against `make serve`."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.served import Served, served_process
from cli.local import free_port
from tests.conftest import missing_tool
from tests.integration.test_serve import run_node

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    data_dir = str(tmp_path_factory.mktemp("data"))
    env |= {"PORT": str(port), "AGORA_DATA_DIR": data_dir}
    with served_process(["make", "--no-print-directory", "serve"], env, port, data_dir) as server:
        yield server


def test_a_repost_reaches_a_followers_feed_with_reposted_by_and_leaves_when_undone(
    served: Served,
) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    shots = ROOT / "test-output" / "reposts"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"
    result = run_node("reposts_browser.mjs", app, str(shots), CHROMIUM=chromium)
    assert result["steps"] == [
        "b-published",
        "c-reposted",
        "f-sees-repost",
        "c-took-it-back",
        "f-repost-gone",
    ]
    # Nobody reposts their own post; the button counts; the follower sees who reposted, once
    assert result["ownCardHasRepost"] == 0
    assert result["repostLabel"] == "⟲ Reposted (1)"
    assert result["repostedBy"].startswith("⟲ Reposted by Carol")
    assert result["cardsOfThePost"] == 1
    assert result["undoneLabel"] == "⟲ Repost (0)"
    assert result["blocked"] == []
    assert result["pageErrors"] == []
