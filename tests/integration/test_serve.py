"""`make serve` in the background answers queries and mutations with the token it prints."""

from __future__ import annotations

import io
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from PIL import Image

from bench.served import Served, lines_into, served_process
from bench.served import gql as served_gql
from cli.local import free_port
from tests.conftest import missing_tool

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_", "CURSOR_"))}
    data_dir = str(tmp_path_factory.mktemp("data"))
    env |= {"PORT": str(port), "AGORA_DATA_DIR": data_dir}
    command = ["make", "--no-print-directory", "serve"]
    with served_process(command, env, port, data_dir) as server:
        yield server


def test_demo_posts_are_served(served: Served) -> None:
    response = httpx.post(
        served.url,
        headers={"authorization": f"Bearer {served.token}"},
        json={"query": "{ posts(limit: 50) { items { title category author { handle } } } }"},
    )
    items = response.json()["data"]["posts"]["items"]
    assert len(items) >= 5
    assert len({i["category"] for i in items}) >= 3
    assert len({i["author"]["handle"] for i in items}) >= 3


def test_printed_token_can_create_a_post(served: Served) -> None:
    response = httpx.post(
        served.url,
        headers={"authorization": f"Bearer {served.token}"},
        json={
            "query": "mutation($i: CreatePostInput!) { createPost(input: $i) "
            "{ id title author { handle } } }",
            "variables": {"i": {"title": "Hello from the test", "category": "general"}},
        },
    )
    created = response.json()["data"]["createPost"]
    assert created["author"] == {"handle": "alice"}
    listed = httpx.post(
        served.url,
        headers={"authorization": f"Bearer {served.token}"},
        json={"query": '{ posts(category: "general") { items { id } } }'},
    )
    assert created["id"] in [p["id"] for p in listed.json()["data"]["posts"]["items"]]


def test_graphiql_is_served_to_browsers(served: Served) -> None:
    response = httpx.get(served.url, headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
    # Offline (files from npm, served locally) and signed in as the printed token's user
    assert "unpkg.com" not in response.text
    assert served.token in response.text


@pytest.mark.parametrize(
    "origin",
    [f"http://{host}:{port}" for port in (3000, 5173, 8080) for host in ("localhost", "127.0.0.1")],
)
def test_preflights_from_the_usual_dev_servers_are_allowed(served: Served, origin: str) -> None:
    # Given a frontend on Create React App / Next.js (3000), Vite (5173) or webpack (8080)
    # When its browser sends a preflight for an authorized JSON POST
    response = httpx.options(
        served.url,
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )
    # Then local serve's default allows it
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == origin


def test_preflights_from_other_origins_are_refused(served: Served) -> None:
    response = httpx.options(
        served.url,
        headers={"origin": "http://localhost:4000", "access-control-request-method": "POST"},
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


def demo_token(served: Served, user: str) -> str:
    """A demo user's token, from `make token`."""
    env = {**os.environ, "AGORA_DATA_DIR": served.data_dir}
    done = subprocess.run(
        ["make", "-s", "--no-print-directory", "token", f"USER={user}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_new_posts_reach_followers_feeds(served: Served) -> None:
    # Given bob follows alice in the demo data, and a token for bob from `make token`
    bob = demo_token(served, "bob")
    # When alice posts
    created = httpx.post(
        served.url,
        headers={"authorization": f"Bearer {served.token}"},
        json={
            "query": 'mutation { createPost(input: {title: "For my followers", '
            'category: "general"}) { id } }'
        },
    ).json()["data"]["createPost"]
    # Then the local fan-out puts it in bob's feed within moments
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        feed = httpx.post(
            served.url,
            headers={"authorization": f"Bearer {bob}"},
            json={"query": "{ feed(limit: 5) { items { id } } }"},
        ).json()["data"]["feed"]["items"]
        if created in feed:
            return
        time.sleep(0.2)
    raise AssertionError("the post never reached the follower's feed")


def gql(served: Served, token: str, query: str, **variables: Any) -> Any:
    return served_gql(served.url, token, query, **variables)


README_WRITE = """mutation Write {
  createPost(input: {title: "Hello", category: "general", clientRequestToken: "my-retry-key"}) {
    id version createdAt
  }
}"""


def attached_upload(served: Served, token: str) -> str:
    """An upload completed through the S3 emulator and attached to a new post."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 80, 20)).save(buffer, "PNG")
    png = buffer.getvalue()
    ticket = gql(
        served,
        token,
        "mutation($i: CreateUploadInput!) { createUpload(input: $i) "
        "{ upload { id } url fields { name value } } }",
        i={"contentType": "image/png", "size": len(png), "filename": "a.png"},
    )["data"]["createUpload"]
    form = {f["name"]: f["value"] for f in ticket["fields"]}
    httpx.post(
        ticket["url"], data=form, files={"file": ("a.png", png, "image/png")}
    ).raise_for_status()
    upload_id: str = ticket["upload"]["id"]
    complete = "mutation($id: ID!) { completeUpload(id: $id) { status } }"
    for _ in range(100):  # processing runs from the stream, a moment later
        done = gql(served, token, complete, id=upload_id)
        if done["data"]["completeUpload"]["status"] != "PROCESSING":
            break
        time.sleep(0.1)
    assert done["data"]["completeUpload"]["status"] == "READY", done
    attach = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }"
    first = gql(
        served, token, attach, i={"title": "pic", "category": "design", "mediaIds": [upload_id]}
    )
    assert "errors" not in first, first
    return upload_id


def test_failed_writes_never_stop_home_feeds(served: Served) -> None:
    """Each of these is a cancelled transaction; none may stop the fan-out (as moto's did)."""
    bob = demo_token(served, "bob")
    alice = served.token
    before = gql(served, alice, "{ feedUpdates { cursor } }")["data"]["feedUpdates"]["cursor"]
    # Given the README's Write example sent twice (the second replays its clientRequestToken)
    first = gql(served, alice, README_WRITE)["data"]["createPost"]
    assert gql(served, alice, README_WRITE)["data"]["createPost"] == first
    # And a second like of the same post
    like = "mutation($id: ID!) { likePost(postId: $id) { likeCount } }"
    assert gql(served, bob, like, id=first["id"])["data"]["likePost"]["likeCount"] == 1
    assert gql(served, bob, like, id=first["id"])["data"]["likePost"]["likeCount"] == 1
    # And an upload attached a second time
    upload_id = attached_upload(served, alice)
    reused = gql(
        served,
        alice,
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": "again", "category": "design", "mediaIds": [upload_id]},
    )
    assert reused["errors"][0]["extensions"]["code"] == "CONFLICT"
    # And an update with a stale expectedVersion
    stale = gql(
        served,
        alice,
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }",
        i={"id": first["id"], "title": "Edited", "expectedVersion": first["version"] + 5},
    )
    assert stale["errors"][0]["extensions"]["code"] == "CONFLICT"
    # When bob posts while alice is subscribed to onFeedUpdate (alice follows bob)
    result = run_node("subscriptions.mjs", served.url, served.url, alice, bob)
    created = result["created"]
    # Then the subscription delivered it
    assert [e["postId"] for e in result["feed"] if e["postId"] == created] == [created]
    # And alice's feed and feedUpdates have it; a feed page of one is never empty
    feed_query = "{ feed(limit: 1) { items { id } nextToken } }"
    assert gql(served, alice, feed_query)["data"]["feed"]["items"] == [{"id": created}]
    polled: list[str] = []
    cursor, deadline = before, time.monotonic() + 20
    while created not in polled and time.monotonic() < deadline:
        batch = gql(
            served,
            alice,
            "query($a: String) { feedUpdates(after: $a, limit: 100) { items { postId } cursor } }",
            a=cursor,
        )["data"]["feedUpdates"]
        polled += [e["postId"] for e in batch["items"]]
        cursor = batch["cursor"]
        time.sleep(0.3)
    assert created in polled
    assert first["id"] in polled  # alice's own post reached her feed's change log too


def run_node(script: str, *args: str, **env: str) -> Any:
    """Run one of the Node scripts beside this file; its last output line is JSON."""
    if shutil.which("node") is None:
        missing_tool(f"node (for {script})")
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "integration" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_graphql_over_http_audits_all_pass(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    """The npm package graphql-http's server audits, against the real server."""
    summary = run_node("graphql_http_audit.mjs", served.url)
    with capsys.disabled():  # shown in `make test`'s output
        print(
            f"\ngraphql-http audits: {summary['ok']} ok, {summary['notice']} notice, "
            f"{summary['warn']} warn, {summary['error']} error"
        )
    assert summary["failures"] == []
    assert summary["ok"] >= 61


def test_real_clients_query_and_mutate_apollo_with_persisted_queries(served: Served) -> None:
    result = run_node("node_clients.mjs", served.url, served.token)
    plain = result["graphqlRequest"]
    assert len(plain["query"]["posts"]["items"]) == 2
    assert plain["mutation"]["createPost"] == {"title": "From graphql-request", "category": "tech"}
    apollo = result["apollo"]
    assert apollo["query"]["me"] == {"handle": "alice"}
    assert apollo["mutation"]["createPost"] == {"title": "From Apollo", "category": "music"}
    # Apollo sent hashes: the first try of each operation without the query text, then the
    # registration after PERSISTED_QUERY_NOT_FOUND
    assert all(r["persisted"] for r in apollo["requests"])
    assert {"withQuery": False, "persisted": True} in apollo["requests"]
    assert {"withQuery": True, "persisted": True} in apollo["requests"]


def test_graphql_ws_subscribers_receive_other_clients_changes(served: Served) -> None:
    # Given alice (who follows bob in the demo data) subscribed over graphql-transport-ws
    # When bob creates a post over HTTP
    result = run_node(
        "subscriptions.mjs", served.url, served.url, served.token, demo_token(served, "bob")
    )
    # Then both of alice's subscriptions deliver it, once
    posts = [e for e in result["posts"] if e["postId"] == result["created"]]
    assert [(e["type"], e["post"]["title"]) for e in posts] == [("POST_CREATED", result["title"])]
    assert posts[0]["cursor"]
    assert posts[0]["at"].endswith("Z")
    feed = [e for e in result["feed"] if e["postId"] == result["created"]]
    assert feed == [
        {
            "type": "POST_CREATED",
            "postId": result["created"],
            "post": {"title": result["title"], "author": {"handle": "bob"}},
        }
    ]
    # And a socket without a token is refused at connection_init
    assert result["anonymous"] == {"code": 4403, "reason": "Forbidden"}


def test_the_playground_works_in_a_browser_without_internet(served: Served) -> None:
    """Headless Chromium, everything but loopback blocked: type a query, run it, see the answer."""
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    output = ROOT / "test-output"
    output.mkdir(exist_ok=True)
    screenshot = output / "playground.png"
    screenshot.unlink(missing_ok=True)
    (output / "playground-opening.png").unlink(missing_ok=True)
    result = run_node("playground_browser.mjs", served.url, str(screenshot), CHROMIUM=chromium)
    # It opens on Agora's own operations, one tab each, the read example first
    assert [t.strip() for t in result["tabs"]] == ["Feed", "Write", "Poll", "StartUpload"]
    assert "query Feed" in result["opening"]
    assert "Welcome to GraphiQL" not in result["opening"]
    assert (output / "playground-opening.png").stat().st_size > 10_000
    # A tab of one's own starts with Agora's hint, not GraphiQL's welcome
    assert result["newTab"].startswith("# Write an operation here")
    assert "me" in result["typed"]
    # Signed in through the pre-filled headers, answered by the server
    assert result["answer"] == {"data": {"me": {"handle": "alice"}, "health": "ok"}}
    assert screenshot.stat().st_size > 10_000


def test_the_web_client_end_to_end_in_a_browser(served: Served) -> None:
    """examples/web in two browser contexts (carol and bob), internet blocked, each step shot."""
    chromium = shutil.which("chromium")
    if chromium is None:
        missing_tool("Debian's chromium (make test installs it)")
    assert chromium is not None
    shots = ROOT / "test-output" / "web-client"
    shutil.rmtree(shots, ignore_errors=True)
    app = served.url.removesuffix("/graphql") + "/app/"
    # Given carol's home feed holds the demo posts (the fan-out runs on after the banner)
    carol = demo_token(served, "carol")
    deadline = time.monotonic() + 60
    query = "{ feed(limit: 25) { items { id } } }"
    while len(gql(served, carol, query)["data"]["feed"]["items"]) < 25:
        assert time.monotonic() < deadline, "the demo posts never reached carol's feed"
        time.sleep(0.5)
    result = run_node("web_client_browser.mjs", app, str(shots), CHROMIUM=chromium)
    # Every step happened, nothing was fetched from outside loopback, no script error
    assert result["steps"] == [
        "a-signed-in-feed",
        "a-follows-bob",
        "b-published-with-image",
        "a-sees-new-post",
        "a-opened-post-image-loaded",
        "a-liked",
        "b-sees-like-count",
        "a-commented-count-follows",
        "a-edited-own-comment",
        "a-deleted-own-comment",
        "a-feed-loaded-to-the-end",
        "b-edited-own-post",
        "b-deleted-own-post",
        "phone-feed-with-status",
        "phone-post",
    ]
    assert sorted(p.name for p in shots.iterdir()) == [
        f"{n:02d}-{step}.png" for n, step in enumerate(result["steps"], start=1)
    ]
    assert result["blocked"] == []
    assert result["pageErrors"] == []
    # The new post arrived by polling, in both pages without a reload
    assert result["aReloaded"] is False
    assert result["bReloaded"] is False
    # The image came from the S3 emulator (not through the API), decoded, with its alt text
    image = result["imageInfo"]
    assert "/agora-uploads/media/" in image["src"]
    assert urlsplit(image["src"]).port != urlsplit(app).port
    assert (image["width"], image["height"]) == (320, 180)
    assert image["alt"] == "An orange rectangle standing in for a sunset"
    # A's like, made from the keyboard with a visible focus, is counted in B's view
    assert result["aLikeLabel"] == "♥ Liked (1)"
    assert result["focusVisible"] is True
    assert result["bLikeLabel"] == "♡ Like (1)"
    assert result["unlabelled"] == []
    # Commenting moves the card's count at once; your own comment can be edited (and says so)
    # and deleted, which moves the count back
    assert result["commentLabel"] == "1 comment"
    assert "edited" in result["editedCommentByline"]
    assert result["statusBeforeLeaving"] == "Comment deleted"
    # A message does not outlive its screen
    assert result["statusAfterLeaving"] == ""
    # Avatars on every card, the seeded pictures loaded
    avatars = result["avatars"]
    assert avatars["withAvatar"] == avatars["posts"] > 0
    assert avatars["loaded"] == avatars["pictures"] > 0
    # Relative times, no absolute dates
    assert result["times"]
    assert all(
        re.fullmatch(r"just now|(\d+|an?) \w+ ago|yesterday|last \w+", t)
        or re.fullmatch(r"\d+ (minutes?|hours?|days?|weeks?) ago", t)
        for t in result["times"]
    )
    # "Load more" loads page after page, then hides
    more = result["loadMore"]
    assert more["firstPage"] == 10
    assert more["clicks"] >= 2
    assert more["total"] >= 25
    assert more["visibleAtEnd"] is False
    assert more["hiddenAtEnd"] is True
    # Your own post: edited (marked so), then deleted; others' posts offer neither
    assert "edited" in result["editedByline"]
    assert result["othersShown"] > 0
    assert result["othersWithControls"] == 0
    assert result["aStillSameDocument"] is True
    # At 390 px: no sideways scrolling, and the status message covers no post or form
    for view in (result["phoneFeed"], result["phonePost"]):
        assert view["innerWidth"] == 390
        assert view["scrollWidth"] <= 390
    assert result["phoneFeed"]["statusShown"] is True
    assert result["phoneFeed"]["overlaps"] == 0
    assert result["statusClearedAfterMs"] < 6000
    # Every GraphQL request was a persisted query; most carried only the hash
    sent = result["graphqlBodies"]
    assert sent["withoutHash"] == 0
    assert sent["hashOnly"] > sent["withText"] > 0


def test_the_example_polling_client_prints_new_posts(served: Served) -> None:
    # Given the example client following the tech category
    client = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "examples" / "poll_post_events.py"),
            served.url,
            served.token,
            "tech",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        time.sleep(1.0)  # its first poll takes a cursor at "now"
        # When a post appears in that category
        title = f"example {time.time()}"
        httpx.post(
            served.url,
            headers={"authorization": f"Bearer {served.token}"},
            json={
                "query": "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
                "variables": {"i": {"title": title, "category": "tech"}},
            },
        ).raise_for_status()
        # Then the client prints it once the change log settles
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lines_into, args=(client.stdout, lines), daemon=True).start()
        deadline = time.monotonic() + 30
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if title in line:
                assert " POST_CREATED " in line
                return
        raise AssertionError("the example client never printed the post")
    finally:
        client.kill()
        client.wait(timeout=10)


# The two heaviest runs come late: they leave the local fan-out (one thread, in-process
# emulator) minutes of stream records to work through, which later feed tests would wait on.
def test_schemathesis_fuzzing_finds_no_server_error_and_no_uncoded_error(
    served: Served, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Property-based fuzzing of every operation (GraphQL mode), fixed seed, bounded cases."""
    schemathesis = Path(sys.executable).parent / "schemathesis"
    done = subprocess.run(
        [
            str(schemathesis),
            "run",
            served.url,
            "--max-examples",
            "50",
            "--seed",
            "20261122",
            "--generation-database",
            "none",
            "--header",
            f"Authorization: Bearer {served.token}",
            # Ours: no 5xx, every error carries a code of our table (schemathesis's own
            # "GraphQL server error" check counts any error, NOT_FOUND included, as a failure)
            "--checks",
            "errors_carry_a_known_code",
        ],
        # schemathesis keeps a cache in its working directory: never in the repository
        cwd=tmp_path,
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": "tests.integration.schemathesis_hooks",
            "PYTHONPATH": str(ROOT),
            "NO_COLOR": "1",
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = re.search(r"(\d+) generated, (\d+) passed", done.stdout)
    with capsys.disabled():
        print(f"\nschemathesis: {summary.group(0) if summary else 'no summary'}")
    assert done.returncode == 0, done.stdout[-4000:]
    assert summary is not None, done.stdout[-2000:]
    generated, passed = map(int, summary.groups())
    assert generated >= 1000
    assert passed == generated


def test_load_fifty_clients_for_thirty_seconds_lose_nothing(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    """bench/load.py: feed reads, creates, likes and polls at concurrency 50, then a read-back."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.load", "--url", served.url, "--seconds", "30"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    with capsys.disabled():
        print(
            f"\nload: {result['requests']} requests in {result['seconds']} s "
            f"({result['throughput']}/s), p50 {result['p50Ms']} ms, p99 {result['p99Ms']} ms, "
            f"statuses {result['statuses']}, error codes {result['errorCodes']}"
        )
    assert set(result["statuses"]) == {"200"}  # no 5xx, no 4xx either
    assert all(kind in result["byKind"] for kind in ("feed", "create", "like", "poll"))
    assert result["postsChecked"] > 0
    assert result["likesChecked"] > 0
    assert result["missingPosts"] == 0
    assert result["missingLikes"] == 0
    assert "INTERNAL" not in result["errorCodes"]


# Last in this module on purpose: it stops the shared server.
def test_ctrl_c_stops_everything(served: Served) -> None:
    # Given the server and everything it started in one process group; when Ctrl-C arrives
    os.killpg(served.process.pid, signal.SIGINT)
    served.process.wait(timeout=15)
    # Then no process of the group is left and the port is closed
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(served.process.pid, 0)
    with pytest.raises(httpx.TransportError):
        httpx.post(served.url, json={"query": "{ categories }"}, timeout=1)
