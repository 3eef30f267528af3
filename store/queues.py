"""The fan-out's continuation queue (SQS): the one place its messages are sent."""

from __future__ import annotations

from typing import Any, Protocol

from store.errors import translated_errors


class SQSClient(Protocol):
    """What the queue needs of boto3's SQS client."""

    def send_message(self, *, QueueUrl: str, MessageBody: str) -> Any: ...


class ContinuationQueue:
    """Where a fan-out cut short at its bound sends the rest of its work; Lambda delivers each
    message back to the function (SQS event source), and a message that keeps failing goes to
    the dead-letter queue (infra/template.yaml)."""

    def __init__(self, client: SQSClient, url: str) -> None:
        self._client = client
        self._url = url

    def send(self, body: str) -> None:
        with translated_errors():
            self._client.send_message(QueueUrl=self._url, MessageBody=body)
