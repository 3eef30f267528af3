"""The line each request leaves in the log, doubling as CloudWatch Embedded Metric Format."""

from __future__ import annotations

import time
from typing import Any

NAMESPACE = "Agora"


def request_line(
    *,
    door: str,
    operation: str,
    operation_name: str | None = None,
    viewer: str | None,
    duration_ms: float,
    dynamodb_requests: int,
    consumed_capacity: float,
    error_codes: list[str],
) -> dict[str, Any]:
    """Fields of one request's log line; `_aws` makes CloudWatch turn four of them into metrics
    per operation. Nothing here comes from the request body: no tokens, texts or URLs.

    `operation` is the one dimension, so it must come from a bounded set (every distinct value
    is a billed custom metric); `operationName` is a plain field.
    """
    return {
        "_aws": {
            "Timestamp": int(time.time() * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": NAMESPACE,
                    "Dimensions": [["operation"]],
                    "Metrics": [
                        {"Name": "Latency", "Unit": "Milliseconds"},
                        {"Name": "Errors", "Unit": "Count"},
                        {"Name": "DynamoDBRequests", "Unit": "Count"},
                        {"Name": "ConsumedCapacity", "Unit": "Count"},
                    ],
                }
            ],
        },
        "door": door,
        "operation": operation,
        "operationName": operation_name,
        "viewer": viewer,
        "Latency": round(duration_ms, 2),
        "Errors": len(error_codes),
        "errorCodes": error_codes,
        "DynamoDBRequests": dynamodb_requests,
        "ConsumedCapacity": consumed_capacity,
    }
