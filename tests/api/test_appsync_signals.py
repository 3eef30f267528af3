"""AppSync's subscriptions, end to end in AWS Amplify's simulator: the real stream through
`handler.handler` runs the fan-out, which publishes signed signals to the simulator, which delivers
them to subscribers; blocks, mutes and someone else's recipient id are refused on the way."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import resolvers  # noqa: F401  (registers every resolver)
from cli.dev_issuer import DevIssuer
from cli.local import free_port
from core.clock import now_iso
from core.models import UserProfile
from core.notifications import Notice, NotificationKind
from fanout.changes import NotificationAdded, change_of
from fanout.service import FanOut
from resolvers.registry import ROOT_TYPES, registered
from store.repository import Store
from store.streams import StreamReader
from tests.api.conftest import LambdaContext, Pump
from tests.api.test_feeds import drain
from tests.conftest import ALICE, BOB, missing_tool
from tests.support.lambda_bridge import lambda_bridge

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "integration" / "appsync_realtime.cjs"
SIMULATOR = ROOT / "node_modules" / "@aws-amplify" / "amplify-appsync-simulator"
CAROL = "01CAROL0000000000000000000"

NOTIFICATION = "{ recipientId eventId kind actorId at }"
FORGED = (
    f'mutation {{ publishNotification(recipientId: "{ALICE}", eventId: "x", kind: LIKE, '
    f'actorId: "{BOB}", at: "2026-01-01T00:00:00.000Z") {NOTIFICATION} }}'
)


@pytest.fixture(scope="module")
def appsync_port() -> int:
    return free_port()


@pytest.fixture
def handler_env(appsync_port: int) -> dict[str, str]:
    return {"APPSYNC_GRAPHQL_URL": f"http://127.0.0.1:{appsync_port}/graphql"}


def user_pool_token(issuer: DevIssuer, user_id: str, name: str) -> str:
    """A user-pool token as AppSync's front end would have verified it (the simulator decodes
    it and insists only that `iss` is a Cognito user pool's)."""
    return issuer.sign(
        {
            "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TEST",
            "sub": user_id,
            "cognito:username": name,
            "token_use": "id",
            "iat": int(time.time()),
            "exp": int(time.time()) + 600,
        }
    )


@pytest.fixture
def realtime(
    handler_module: ModuleType, issuer: DevIssuer, appsync_port: int, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    """The simulator with four subscriptions open and one forged publish tried."""
    if shutil.which("node") is None or not SIMULATOR.exists():
        missing_tool("node and the npm package @aws-amplify/amplify-appsync-simulator")
    alice = user_pool_token(issuer, ALICE, "alice")
    bob = user_pool_token(issuer, BOB, "bob")
    carol = user_pool_token(issuer, CAROL, "carol")
    # Arguments as variables named like them: the simulator filters on variables (AppSync on
    # arguments, however spelled).
    by_recipient = "($recipientId: ID!) { onNotification(recipientId: $recipientId) "
    by_category = "($category: String) { onPostEvent(category: $category) "
    post_event = "{ category type at } }"
    notifications = by_recipient + NOTIFICATION + " }"
    subscriptions = [
        ("alice's notifications", alice, notifications, {"recipientId": ALICE}),
        ("bob asks for alice's", bob, notifications, {"recipientId": ALICE}),
        ("carol's music", carol, by_category + post_event, {"category": "music"}),
        ("bob's everything", bob, "{ onPostEvent " + post_event, {}),
    ]
    with lambda_bridge(handler_module.handler, LambdaContext()) as bridge:
        path = tmp_path / "input.json"
        entries = [
            {"name": name, "token": token, "query": f"subscription {query}", "variables": variables}
            for name, token, query, variables in subscriptions
        ]
        path.write_text(
            json.dumps(
                {
                    "bridgeUrl": bridge,
                    "schema": str(ROOT / "schema.appsync.graphql"),
                    "port": appsync_port,
                    "resolvers": [
                        {"typeName": t, "fieldName": f, "batch": t not in ROOT_TYPES}
                        for t, f in (name.split(".") for name in sorted(registered()))
                        if t != "Subscription"
                    ]
                    + [{"typeName": "Subscription", "fieldName": "onNotification", "batch": False}],
                    "subscriptions": entries,
                    "forge": {"token": alice, "query": FORGED},
                }
            )
        )
        process = subprocess.Popen(
            ["node", str(SCRIPT), str(path)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            process.kill()
            pytest.fail(f"the simulator did not start: {process.communicate()[1][-3000:]}")
        try:
            yield process, json.loads(line)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def delivered(process: subprocess.Popen[str]) -> dict[str, list[dict[str, Any]]]:
    """Closes the simulator's input and returns what each subscription received."""
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err[-3000:]
    received: dict[str, list[dict[str, Any]]] = json.loads(out)["received"]
    return received


@pytest.fixture
def people(store: Store) -> str:
    """Alice, Bob and Carol; Alice mutes Carol. Returns Alice's post."""
    for user_id, handle in ((ALICE, "alice"), (BOB, "bob"), (CAROL, "carol")):
        store.users.create(UserProfile(user_id, handle, handle.title(), now_iso()))
    store.blocks.mute(ALICE, CAROL)
    return store.posts.create(author_id=ALICE, title="alice's", body="", category="tech").id


def test_appsync_subscribers_get_signals_that_respect_blocks_and_mutes(
    people: str,
    store: Store,
    realtime: tuple[subprocess.Popen[str], dict[str, Any]],
    request: pytest.FixtureRequest,
) -> None:
    process, opened = realtime
    pump: Pump = request.getfixturevalue("pump")  # the stream from here on
    # Given the subscriptions, answered at subscribe time by the function
    answers = opened["answers"]
    assert answers["alice's notifications"] == {"started": True}
    assert answers["carol's music"] == {"started": True}
    assert answers["bob's everything"] == {"started": True}
    refused = answers["bob asks for alice's"]
    assert refused["started"] is False
    assert [e["errorType"] for e in refused["refusal"]["errors"]] == ["FORBIDDEN"]
    # And a member cannot publish a signal: the mutations are IAM-only
    assert opened["forged"]["data"] is None or opened["forged"]["data"] == {
        "publishNotification": None
    }
    assert "Not Authorized" in opened["forged"]["errors"][0]["message"]

    # When Bob likes Alice's post, Carol (whom Alice muted) likes it too, and Bob posts twice
    # (Carol likes the first)
    store.likes.like(people, BOB, ALICE)
    store.likes.like(people, CAROL, ALICE)
    bobs = store.posts.create(author_id=BOB, title="live", body="", category="music")
    store.likes.like(bobs.id, CAROL, BOB)  # Bob's notification, not Alice's
    store.posts.create(author_id=BOB, title="elsewhere", body="", category="tech")
    records = pump()  # the fan-out: notifications, then their signals
    kinds = {r["dynamodb"].get("NewImage", {}).get("type", {}).get("S") for r in records}
    assert "NotificationChange" in kinds
    received = delivered(process)

    # Then the notification signals are Bob's like for Alice and Carol's for Bob, none of
    # Carol's like of Alice's post (Alice muted her)
    published = [d["data"]["onNotification"] for d in received["alice's notifications"]]
    assert sorted((s["recipientId"], s["kind"], s["actorId"]) for s in published) == sorted(
        [(ALICE, "LIKE", BOB), (BOB, "LIKE", CAROL)]
    )
    # And AppSync filters a subscription by its arguments on the signal's fields of the same
    # name; the simulator does not (it hands every subscriber every signal), so the filter is
    # applied here as AppSync applies it: Alice's subscription holds Bob's like, once
    assert [(s["kind"], s["actorId"]) for s in published if s["recipientId"] == ALICE] == [
        ("LIKE", BOB)
    ]
    # And Bob, refused Alice's, got nothing
    assert received["bob asks for alice's"] == []
    # And a category's subscribers hear that it changed, once per post, with nobody's content
    events = [d["data"]["onPostEvent"] for d in received["bob's everything"]]
    assert sorted((s["category"], s["type"]) for s in events) == [
        ("music", "POST_CREATED"),
        ("tech", "POST_CREATED"),
    ]
    assert all(set(s) == {"category", "type", "at"} for s in events)
    music = [d["data"]["onPostEvent"] for d in received["carol's music"]]
    assert [s["type"] for s in music if s["category"] == "music"] == ["POST_CREATED"]


class Recorded:
    """The signals the fan-out sends, kept instead of sent (AppSync's side is shown above)."""

    def __init__(self) -> None:
        self.notifications: list[str] = []

    def post_event(self, category: str, event: Any) -> None:
        return None

    def notification(self, logged: Any) -> None:
        self.notifications.append(logged.actor_id)


@pytest.mark.parametrize(
    ("since", "signalled"),
    [
        pytest.param(None, [BOB], id="nothing since"),
        pytest.param("block", [], id="blocked since"),
        pytest.param("mute", [], id="muted since"),
        pytest.param("undo", [], id="like undone since"),
    ],
)
def test_a_notification_signal_is_checked_again_when_its_record_arrives(
    people: str, store: Store, stream_reader: StreamReader, since: str | None, signalled: list[str]
) -> None:
    # Given Bob's like of Alice's post, noticed and logged
    store.likes.like(people, BOB, ALICE)
    assert store.notifications.add(Notice(ALICE, NotificationKind.LIKE, BOB, now_iso(), people))
    # When Alice blocks or mutes Bob, or Bob takes his like back, before the stream lags to
    # the notification's log entry
    if since == "block":
        store.blocks.block(ALICE, BOB)
    elif since == "mute":
        store.blocks.mute(ALICE, BOB)
    elif since == "undo":
        assert store.notifications.withdraw(ALICE, f"like:{people}", BOB)
    signals = Recorded()
    fanout = FanOut(store, signals=signals)
    for record in drain(stream_reader):
        change = change_of(record)
        if isinstance(change, NotificationAdded):
            fanout.apply(change)
    # Then the signal goes out only if the notice still stands and Bob is still visible
    assert signals.notifications == signalled
