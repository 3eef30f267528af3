"""Live signals for AppSync's subscriptions, published by the fan-out through IAM-only mutations.

AppSync delivers a subscription from a mutation's result and cannot filter it by a subscriber's
block and mute lists (its filters take five values). So its subscriptions carry no one's content:
`onPostEvent` says only that a category changed (the poll it prompts applies blocks and mutes),
and `onNotification` goes to one recipient, after the notifier has applied them (SAFETY.md).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import urllib3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest

if TYPE_CHECKING:
    from botocore.credentials import Credentials

    from core.models import LoggedChange
    from core.notifications import NotificationLogged

log = logging.getLogger("agora.fanout")

#: After a signal AppSync did not take, signals are skipped for this long: an unreachable AppSync
#: costs one timeout per pause, never one per record, so the stream's batches finish in time.
PAUSE_AFTER_FAILURE_S = 30.0

PUBLISH_POST_EVENT = """
mutation PublishPostEvent($category: String!, $type: ChangeType!, $at: AWSDateTime!) {
  publishPostEvent(category: $category, type: $type, at: $at) { category type at }
}
"""
PUBLISH_NOTIFICATION = """
mutation PublishNotification(
  $recipientId: ID!, $eventId: ID!, $kind: NotificationKind!, $actorId: ID!, $at: AWSDateTime!
) {
  publishNotification(
    recipientId: $recipientId, eventId: $eventId, kind: $kind, actorId: $actorId, at: $at
  ) { recipientId eventId kind actorId at }
}
"""


class Answer(Protocol):
    @property
    def status(self) -> int: ...

    @property
    def data(self) -> bytes: ...


#: Posts a body with headers to a URL: urllib3 by default (`pooled`).
Send = Callable[[str, bytes, dict[str, str]], Answer]


def pooled(pool: urllib3.PoolManager) -> Send:
    def send(url: str, body: bytes, headers: dict[str, str]) -> Answer:
        return pool.request("POST", url, body=body, headers=headers)

    return send


class SignalFailed(Exception):
    """AppSync did not take a signal."""


class Signals(Protocol):
    def post_event(self, category: str, event: LoggedChange) -> None: ...

    def notification(self, logged: NotificationLogged) -> None: ...


class NoSignals:
    """Without AppSync there is nobody to signal: the websocket server polls the log itself."""

    def post_event(self, category: str, event: LoggedChange) -> None:
        return None

    def notification(self, logged: NotificationLogged) -> None:
        return None


class AppSyncSignals:
    """Publishes signals to an AppSync API, signed with the function's own IAM role.

    A signal is a hint, not the record: the change log is, and every client resumes from it. So
    a signal AppSync does not take is logged and the fan-out goes on, and the signals pause for
    PAUSE_AFTER_FAILURE_S; stalling the stream's feeds and notifications behind an unreachable
    AppSync would cost more than a late hint.
    """

    def __init__(
        self,
        url: str,
        region: str,
        credentials: Credentials,
        send: Send | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._signer = SigV4Auth(credentials, "appsync", region)
        self._send_request = send or pooled(
            urllib3.PoolManager(timeout=urllib3.Timeout(connect=1.0, read=2.0), retries=False)
        )
        self._clock = clock
        self._paused_until = 0.0
        #: Signals skipped during pauses (for the logs).
        self.skipped = 0

    def post_event(self, category: str, event: LoggedChange) -> None:
        variables = {"category": category, "type": event.kind.value, "at": event.at}
        self._send(PUBLISH_POST_EVENT, variables)

    def notification(self, logged: NotificationLogged) -> None:
        variables = {
            "recipientId": logged.recipient_id,
            "eventId": logged.id,
            "kind": logged.kind.value,
            "actorId": logged.actor_id,
            "at": logged.at,
        }
        self._send(PUBLISH_NOTIFICATION, variables)

    def _send(self, query: str, variables: dict[str, Any]) -> None:
        if self._clock() < self._paused_until:
            self.skipped += 1
            return
        try:
            self.publish(query, variables)
        except SignalFailed:
            self._paused_until = self._clock() + PAUSE_AFTER_FAILURE_S
            log.warning(
                "AppSync signal not taken (%s, after %d skipped); signals pause %.0f s",
                variables.get("eventId") or variables.get("category"),
                self.skipped,
                PAUSE_AFTER_FAILURE_S,
                exc_info=True,
            )
            self.skipped = 0

    def publish(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        """One signed mutation; its data, or SignalFailed."""
        body = json.dumps({"query": query, "variables": variables})
        request = AWSRequest(
            method="POST", url=self._url, data=body, headers={"content-type": "application/json"}
        )
        self._signer.add_auth(request)
        try:
            response = self._send_request(self._url, body.encode(), dict(request.headers.items()))
        except urllib3.exceptions.HTTPError as exc:
            raise SignalFailed(f"AppSync unreachable: {exc}") from exc
        try:
            answer = json.loads(response.data)
        except ValueError as exc:
            raise SignalFailed(f"AppSync answered {response.status} without JSON") from exc
        if not isinstance(answer, dict):
            raise SignalFailed(f"AppSync answered {response.status} with {type(answer).__name__}")
        if response.status != 200 or answer.get("errors"):
            raise SignalFailed(f"AppSync answered {response.status}: {answer.get('errors')}")
        return dict(answer.get("data") or {})
