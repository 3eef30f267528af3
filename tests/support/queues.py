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
