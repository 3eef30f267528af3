"""Each request's one JSON log line, which is also CloudWatch Embedded Metric Format."""

from __future__ import annotations

import json
import logging
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from cli.dev_issuer import DevIssuer
from core.logs import JsonFormatter
from tests.api.conftest import invoke
from tests.conftest import ALICE, GraphQLClient
from tests.support.events import http_api_v2_event

if TYPE_CHECKING:
    from store.repository import Store

pytestmark = pytest.mark.integration


def request_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "agora.request"]


def test_a_request_leaves_one_line_with_its_metrics(
    handler_module: ModuleType, issuer: DevIssuer, caplog: pytest.LogCaptureFixture
) -> None:
    token = issuer.issue(ALICE, "alice")
    event = http_api_v2_event(
        {"query": "query Newest { posts(limit: 5) { items { id author { id } } } me { id } }"},
        headers={"authorization": f"Bearer {token}"},
    )
    with caplog.at_level(logging.INFO):
        status, _ = invoke(handler_module, event)
    assert status == 200
    (line,) = request_lines(caplog)
    assert line["door"] == "graphql"
    assert line["operation"] == "query:posts"  # a metric dimension: from the schema
    assert line["operationName"] == "Newest"
    assert line["viewer"] == ALICE
    assert line["errorCodes"] == []
    assert line["Errors"] == 0
    assert line["DynamoDBRequests"] == 2  # the page, then the viewer's profile (no posts yet)
    assert line["Latency"] > 0
    assert line["requestId"] == event["requestContext"]["requestId"]
    # Embedded Metric Format: CloudWatch extracts these per operation
    (directive,) = line["_aws"]["CloudWatchMetrics"]
    assert directive["Namespace"] == "Agora"
    assert directive["Dimensions"] == [["operation"]]
    assert {m["Name"] for m in directive["Metrics"]} == {
        "Latency",
        "Errors",
        "DynamoDBRequests",
        "ConsumedCapacity",
    }
    assert all(m["Name"] in line for m in directive["Metrics"])


def test_errors_are_counted_by_code_and_anonymous_operations_named_by_fields(
    handler_module: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        invoke(handler_module, http_api_v2_event({"query": "{ feed { items { id } } health }"}))
    (line,) = request_lines(caplog)
    assert line["operation"] == "query:feed"
    assert line["operationName"] is None
    assert line["viewer"] is None
    assert line["errorCodes"] == ["UNAUTHENTICATED"]
    assert line["Errors"] == 1


def test_the_appsync_door_logs_its_line_too(
    handler_module: ModuleType, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.support.appsync import appsync_event

    post = store.posts.create(author_id=ALICE, title="t", body="", category="tech")
    event = appsync_event("Query", "post", {"id": post.id}, identity={"sub": ALICE})
    with caplog.at_level(logging.INFO):
        handler_module.handler(event, None)
    (line,) = request_lines(caplog)
    assert (line["door"], line["operation"]) == ("appsync", "Query.post")
    assert line["DynamoDBRequests"] == 1


def test_logs_never_hold_tokens_texts_or_url_signatures(
    api: GraphQLClient, issuer: DevIssuer, caplog: pytest.LogCaptureFixture
) -> None:
    secret_body = "my diary entry: the safe code is 4711"
    token = issuer.issue(ALICE, "alice")
    # At the level the function logs at (botocore's own DEBUG lines would hold request bodies;
    # core.logs.configure keeps the AWS libraries at WARNING whatever the level)
    with caplog.at_level(logging.INFO):
        api.execute(
            "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            i={"title": "Diary", "body": secret_body, "category": "general"},
        )
        api.execute(  # a body too long: refused, and its text still not logged
            "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            i={"title": "Long", "body": secret_body * 400, "category": "general"},
        )
        ticket = api.execute(
            'mutation { createUpload(input: {contentType: "image/png", size: 10, '
            'filename: "a.png"}) { url fields { name value } } }'
        )
        forged = GraphQLClient(api.http, api.issuer, {"authorization": "Bearer x.y.z"})
        forged.post({"query": "{ me { id } }"})
    signature = next(
        f["value"]
        for f in ticket["data"]["createUpload"]["fields"]
        if f["name"] == "x-amz-signature"
    )
    formatter = JsonFormatter()
    logged = "\n".join(formatter.format(r) for r in caplog.records)
    assert request_lines(caplog), "the requests were logged"
    for leak in (secret_body, token, signature, "x.y.z"):
        assert leak not in logged
