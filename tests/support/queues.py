"""A real SQS endpoint on loopback (moto's server) and Lambda's SQS events built from it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import boto3

from cli.local import free_port


@dataclass
class LocalQueue:
    endpoint: str
    url: str
    client: Any

    def receive(self, most: int = 10) -> list[dict[str, Any]]:
        """Messages as Lambda's SQS event source hands them over (`Records` of one event)."""
        response = self.client.receive_message(
            QueueUrl=self.url, MaxNumberOfMessages=most, WaitTimeSeconds=0
        )
        return [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": {},
                "messageAttributes": {},
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:fanout",
                "awsRegion": "us-east-1",
            }
            for m in response.get("Messages", [])
        ]

    def delete(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            self.client.delete_message(QueueUrl=self.url, ReceiptHandle=record["receiptHandle"])


@contextmanager
def local_queue(name: str = "fanout") -> Iterator[LocalQueue]:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client(
            "sqs",
            region_name="us-east-1",
            endpoint_url=endpoint,
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )
        url = client.create_queue(QueueName=name)["QueueUrl"]
        yield LocalQueue(endpoint, url, client)
    finally:
        server.stop()


def bounded_fanout_env(queue: LocalQueue, feeds_per_invocation: int) -> dict[str, str]:
    """The handler's environment for a fan-out bounded at `feeds_per_invocation` feeds whose
    continuations go to `queue` (the SQS client is made anew for its endpoint)."""
    from store.clients import sqs_client

    sqs_client.cache_clear()
    return {
        "FANOUT_QUEUE_URL": queue.url,
        "AWS_ENDPOINT_URL_SQS": queue.endpoint,
        "FANOUT_FEEDS_PER_INVOCATION": str(feeds_per_invocation),
        "FANOUT_PARALLEL_WRITES": "4",
    }
