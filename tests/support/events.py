"""AWS's sample Lambda events (shared fixtures), adapted to a GraphQL request."""

from __future__ import annotations

import base64
import copy
import json
import os
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def events_dir() -> Path:
    return Path(
        os.environ.get("AWS_EVENTS_DIR", ROOT.parent / "shared" / "fixtures" / "aws-events")
    )


@cache
def _load(name: str) -> Any:
    return json.loads((events_dir() / name).read_text())


def http_api_v2_event(
    body: Any, *, headers: dict[str, str] | None = None, base64_body: bool = False
) -> dict[str, Any]:
    """apiGatewayProxyV2Event.json, unchanged but for path, method, headers and body."""
    event: dict[str, Any] = copy.deepcopy(_load("apiGatewayProxyV2Event.json"))
    raw = body if isinstance(body, str) else json.dumps(body)
    event["rawPath"] = "/graphql"
    event["rawQueryString"] = ""
    event.pop("queryStringParameters", None)
    event["requestContext"]["http"]["path"] = "/graphql"
    event["requestContext"]["http"]["method"] = "POST"
    event["headers"] = {"content-type": "application/json", **(headers or {})}
    event["body"] = base64.b64encode(raw.encode()).decode() if base64_body else raw
    event["isBase64Encoded"] = base64_body
    return event


def stream_event(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Records read from a stream, in the envelope of AWS's dynamoStreamEvent.json sample."""
    template = _load("dynamoStreamEvent.json")["Records"][0]
    wrapped = []
    for record in records:
        dynamodb = dict(record["dynamodb"])
        moment = dynamodb.get("ApproximateCreationDateTime")
        if isinstance(moment, datetime):
            dynamodb["ApproximateCreationDateTime"] = moment.timestamp()
        wrapped.append(
            {
                **template,
                "eventID": record["eventID"],
                "eventName": record["eventName"],
                "dynamodb": {**dynamodb, "StreamViewType": "NEW_AND_OLD_IMAGES"},
            }
        )
    # Through JSON, as Lambda delivers it.
    event: dict[str, Any] = json.loads(json.dumps({"Records": wrapped}))
    return event


def rest_api_v1_event(body: Any, *, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """apiGatewayProxyEvent.json (REST API, payload 1.0) posting to /graphql."""
    event: dict[str, Any] = copy.deepcopy(_load("apiGatewayProxyEvent.json"))
    event.update(
        path="/graphql",
        resource="/graphql",
        httpMethod="POST",
        headers={"content-type": "application/json", **(headers or {})},
        multiValueHeaders={},
        queryStringParameters=None,
        multiValueQueryStringParameters=None,
        body=json.dumps(body),
        isBase64Encoded=False,
    )
    event["requestContext"] = {
        **event["requestContext"],
        "path": "/prod/graphql",
        "httpMethod": "POST",
    }
    return event


def function_url_event(body: Any, *, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """lambdaFunctionUrlEvent.json posting to /graphql."""
    event: dict[str, Any] = copy.deepcopy(_load("lambdaFunctionUrlEvent.json"))
    event.update(
        rawPath="/graphql",
        rawQueryString="",
        headers={"content-type": "application/json", **(headers or {})},
        body=json.dumps(body),
        isBase64Encoded=False,
    )
    event["requestContext"]["http"] = {
        **event["requestContext"]["http"],
        "method": "POST",
        "path": "/graphql",
    }
    return event
