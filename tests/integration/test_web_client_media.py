"""The web client's pictures in a browser: srcset from the variants, width and height reserving
the space, a blurhash placeholder while loading, and no layout shift as they arrive."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.served import Served, served_process
from cli.local import free_port
from tests.conftest import missing_tool
from tests.integration.test_serve import demo_token, gql, run_node

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
FEED_MEDIA = "{ feed(limit: 25) { items { media { url blurhash width variants { width } } } } }"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    data_dir = str(tmp_path_factory.mktemp("data"))
    env |= {"PORT": str(port), "AGORA_DATA_DIR": data_dir}
    with served_process(["make", "--no-print-directory", "serve"], env, port, data_dir) as server:
        yield server


def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert found is not None
    return found


def test_seeded_pictures_are_processed_like_uploads(served: Served) -> None:
    # Given the demo data local serve seeded, in alice's home feed
    alice = demo_token(served, "alice")
    deadline = time.monotonic() + 60
    while len(items := gql(served, alice, FEED_MEDIA)["data"]["feed"]["items"]) < 25:
        assert time.monotonic() < deadline, "the demo posts never reached alice's feed"
        time.sleep(0.5)
    media = [m for item in items for m in item["media"]]
    # Then every picture went through processing: its size, a blurhash, narrower WebP copies
    assert media
    assert all(m["url"] and m["blurhash"] and m["width"] == 960 for m in media)
    assert all([v["width"] for v in m["variants"]] == [320, 640] for m in media)


def test_feed_pictures_load_without_layout_shift(served: Served) -> None:
    """Chromium's Layout Instability API while every image response is held back 1.5 s."""
    test_seeded_pictures_are_processed_like_uploads(served)
    shots = ROOT / "test-output" / "web-client-media"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"
    result = run_node("web_client_media.mjs", app, str(shots), CHROMIUM=chromium())
    assert result["pageErrors"] == []
    assert result["blocked"] == []
    # Nothing moved while the pictures arrived
    assert result["whileLoading"]["shifts"] == []
    assert result["whileLoading"]["cls"] == 0
    # The measurement can fail: one picture without width/height shifts the page
    assert result["control"]["cls"] > 0
    # Before its bytes arrive, a picture already has its box (width/height), its blurhash
    # painted in it, and the variants to choose from
    before = result["beforeLoad"]
    assert before["complete"] is False
    assert before["placeholder"] == "blurhash"
    assert before["background"].startswith('url("data:image/png')
    assert (before["widthAttr"], before["heightAttr"]) == ("960", "540")
    assert before["boxHeight"] == round(before["boxWidth"] * 540 / 960)
    assert before["srcset"].count(" 320w") == before["srcset"].count(" 640w") == 1
    assert before["srcset"].endswith(" 960w")
    assert before["sizes"]
    # Once loaded: the 640 px variant fills the 608 px column, the placeholder is gone
    loaded = result["loaded"]
    assert len(loaded) == result["count"] > 0
    assert all(p["currentSrc"].split("?")[0].endswith("/w640") for p in loaded)
    assert all(p["placeholder"] is None and p["ratioKept"] for p in loaded)
    assert result["steps"] == [
        "placeholders-while-loading",
        "pictures-loaded",
        "control-unsized-picture-shifted",
    ]
