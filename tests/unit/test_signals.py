"""What the fan-out makes of change-log records for AppSync's signals, and how a signal fails."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from botocore.credentials import Credentials

from cli.local import free_port
from core.models import ChangeKind, LoggedChange
from core.notifications import NotificationKind, NotificationLogged
from fanout.changes import CategoryLogged, ChangeLogged, NotificationAdded, change_of
from fanout.signals import PAUSE_AFTER_FAILURE_S, AppSyncSignals, SignalFailed
from store.change_items import change_puts
from store.keys import ALL_TOPIC, author_topic, category_topic, post_topics, topic_category
from store.notification_items import logged_to_item

EVENT = LoggedChange("E1", ChangeKind.POST_CREATED, "P1", "U1", "2026-12-02T10:00:00.000Z")


def inserted(item: dict[str, Any]) -> dict[str, Any]:
    return {"eventName": "INSERT", "dynamodb": {"NewImage": item}}


@pytest.mark.parametrize(
    ("topic", "category"),
    [
        (category_topic("music"), "music"),
        (category_topic("a:b"), "a:b"),
        (ALL_TOPIC, None),
        (author_topic("cat:music"), None),
    ],
)
def test_topic_category(topic: str, category: str | None) -> None:
    assert topic_category(topic) == category


def test_a_post_event_is_seen_once_per_topic_kind() -> None:
    # Given the entries one post event writes, one per topic
    puts = change_puts("t", EVENT, post_topics("U1", "music"))
    changes = [change_of(inserted(put["Put"]["Item"])) for put in puts]
    # Then the author's entry feeds homes, the category's signals it, the all-topic's is quiet
    assert [type(c) for c in changes] == [type(None), CategoryLogged, ChangeLogged]
    category = changes[1]
    assert isinstance(category, CategoryLogged)
    assert category.category == "music"
    assert category.event.kind is ChangeKind.POST_CREATED


def test_a_notification_entry_is_a_notification_added() -> None:
    logged = NotificationLogged("N1", "U2", "like:P1", "U1", NotificationKind.LIKE, EVENT.at)
    change = change_of(inserted(logged_to_item(logged)))
    assert isinstance(change, NotificationAdded)
    assert change.logged.recipient_id == "U2"
    assert change.logged.kind is NotificationKind.LIKE
    assert change.logged.id == "N1"


def test_an_unreachable_appsync_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    closed = f"http://127.0.0.1:{free_port()}/graphql"
    signals = AppSyncSignals(closed, "us-east-1", Credentials("key", "secret"))
    with pytest.raises(SignalFailed):
        signals.publish("mutation { x }", {})
    with caplog.at_level(logging.WARNING, logger="agora.fanout"):
        signals.post_event("music", EVENT)  # the change log stays the record; the stream goes on
    assert "AppSync signal not taken" in caplog.text


class Answer:
    def __init__(self, status: int, data: bytes) -> None:
        self.status = status
        self.data = data


class Pool:
    """Stands in for AppSync's HTTP answer; keeps the request it was sent."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.sent: dict[str, Any] = {}

    def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        self.sent = {"url": url, "body": body, "headers": headers}
        return self.answer


@pytest.mark.parametrize(
    "answer",
    [
        Answer(200, b'{"data": null, "errors": [{"message": "Not Authorized"}]}'),
        Answer(401, b'{"errors": [{"errorType": "UnauthorizedException"}]}'),
        Answer(502, b"<html>bad gateway</html>"),
        Answer(200, b"[1, 2]"),
    ],
    ids=["graphql error", "unauthorized", "not json", "not an object"],
)
def test_an_answer_that_is_not_data_fails_the_signal(answer: Answer) -> None:
    pool = Pool(answer)
    signals = AppSyncSignals("https://x/graphql", "us-east-1", Credentials("k", "s"), pool)
    with pytest.raises(SignalFailed):
        signals.publish("mutation { x }", {})


def test_a_signal_is_signed_for_appsync() -> None:
    pool = Pool(Answer(200, b'{"data": {"publishPostEvent": {"category": "music"}}}'))
    signals = AppSyncSignals("https://x/graphql", "eu-west-1", Credentials("k", "s"), pool)
    signals.post_event("music", EVENT)
    authorization = pool.sent["headers"]["Authorization"]
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=k/")
    assert "/eu-west-1/appsync/aws4_request" in authorization
    assert b'"category": "music"' in pool.sent["body"]


def test_after_a_failure_signals_pause_so_a_batch_pays_one_timeout() -> None:
    # Given an AppSync that fails, and a clock
    now = [100.0]
    pool = Pool(Answer(502, b"down"))
    signals = AppSyncSignals(
        "https://x/graphql", "us-east-1", Credentials("k", "s"), pool, clock=lambda: now[0]
    )
    # When the first signal fails, the next ones within the pause are not sent
    signals.post_event("music", EVENT)
    pool.sent = {}
    signals.post_event("music", EVENT)
    signals.post_event("music", EVENT)
    assert pool.sent == {}
    assert signals.skipped == 2
    # And after the pause the next one is tried again
    now[0] += PAUSE_AFTER_FAILURE_S
    pool.answer = Answer(200, b'{"data": {"publishPostEvent": {"category": "music"}}}')
    signals.post_event("music", EVENT)
    assert pool.sent != {}
