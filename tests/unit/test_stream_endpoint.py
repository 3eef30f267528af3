"""A configured DynamoDB endpoint implies the stream endpoint; boto3's own settings win."""

from __future__ import annotations

import pytest

from store.clients import streams_endpoint

LOCAL = "http://127.0.0.1:8001"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"AWS_ENDPOINT_URL_DYNAMODB": LOCAL}, LOCAL),
        ({"AWS_ENDPOINT_URL_DYNAMODB": ""}, None),
        (
            {"AWS_ENDPOINT_URL_DYNAMODB": LOCAL, "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": "http://x"},
            None,
        ),
        ({"AWS_ENDPOINT_URL_DYNAMODB": LOCAL, "AWS_ENDPOINT_URL": "http://x"}, None),
    ],
)
def test_stream_endpoint(environ: dict[str, str], expected: str | None) -> None:
    assert streams_endpoint(environ) == expected
