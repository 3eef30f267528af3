"""What probing the API as an attacker found, each probe replayed against its fix."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

from core.logs import TextFormatter
from schema.build import build_schema
from tests.api.conftest import invoke
from tests.api.test_request_log import request_lines
from tests.conftest import ALICE, GraphQLClient, error_codes
from tests.support.events import http_api_v2_event
from web.persisted import sha256
from web.view import request_id_of

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from core.config import Settings
    from store.repository import Store

pytestmark = pytest.mark.integration


# Item 5: the body limit counts bytes, whatever the headers say


def test_a_lambda_event_without_content_length_is_held_to_the_limit(
    handler_module: ModuleType,
) -> None:
    # Given an HTTP API event of 1 MB that declares no content-length
    event = http_api_v2_event({"query": "{ health }", "pad": "x" * 1024 * 1024})
    assert "content-length" not in {h.lower() for h in event["headers"]}
    # When it reaches the function, then it is refused as too large, with a code
    status, body = invoke(handler_module, event)
    assert status == 413
    assert error_codes(body) == ["BAD_USER_INPUT"]


# Item 4: metric dimensions from a bounded set, log lines that cannot be forged

DIMENSION_PROBES = {
    "anonymous health": ({"query": "{ health }"}, "query:health", None),
    "a name with a newline, not in the document": (
        {"query": "{ health }", "operationName": "Evil\n[ERROR] forged line"},
        "other",
        None,
    ),
    "a name not in the document": (
        {"query": "query A { health }", "operationName": "B"},
        "other",
        None,
    ),
    "a name of the document": (
        {"query": "query Mine { health }", "operationName": "Mine"},
        "query:health",
        "Mine",
    ),
    "an unknown field": ({"query": "{ minted }"}, "other", None),
    "only __typename": ({"query": "{ __typename }"}, "other", None),
    "a fragment at the root": (
        {"query": "{ ...F } fragment F on Query { categories }"},
        "query:categories",
        None,
    ),
    "unparseable": ({"query": "{"}, "unparsed", None),
}


@pytest.mark.parametrize(
    ("body", "dimension", "name"), DIMENSION_PROBES.values(), ids=DIMENSION_PROBES
)
def test_metric_dimensions_come_from_a_bounded_set(
    api: GraphQLClient,
    caplog: pytest.LogCaptureFixture,
    body: dict[str, Any],
    dimension: str,
    name: str | None,
) -> None:
    # When an anonymous client names its operation as it likes
    with caplog.at_level(logging.INFO):
        api.anonymous().post(body)
    # Then the metric dimension is a root field of the schema (or "other"), never its text
    (line,) = request_lines(caplog)
    assert line["operation"] == dimension
    assert line["operationName"] == name


def test_a_text_log_line_cannot_be_forged_or_carry_escape_sequences(
    api: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a request whose operationName and x-request-id carry a newline and escapes
    headers = {**api.headers, "x-request-id": "abc\x1b[2J"}
    with caplog.at_level(logging.INFO):
        api.http.post(
            "/graphql",
            json={"query": "{ health }", "operationName": "x\n[ERROR] forged\x1b[31m\u202e"},
            headers=headers,
        )
    # Then every line, formatted as local serve prints it, stays one line with no escapes
    formatter = TextFormatter("[%(levelname)s] %(name)s: %(message)s")
    lines = [formatter.format(r) for r in caplog.records if r.name.startswith("agora")]
    assert lines
    # Whatever a message carries: the text formatter spells it on one line
    record = logging.LogRecord(
        "agora", logging.INFO, __file__, 1, "said %s", ("a\nb\x1b[31m",), None
    )
    lines.append(formatter.format(record))
    assert lines[-1] == "[INFO] agora: said a\\nb\\x1b[31m"
    for line in lines:
        assert "\n" not in line, line
        assert "\x1b" not in line, line
        assert "\u202e" not in line, line
    # And the caller's x-request-id is used only when it looks like an id
    assert request_id_of({"headers": [(b"x-request-id", b"abc\x1b[2J")]}) != "abc\x1b[2J"
    assert request_id_of({"headers": [(b"x-request-id", b"req-42.a")]}) == "req-42.a"


# Item 8: createPost reads the cancellation reasons


@contextmanager
def answer_lost_once(client: DynamoDBClient, operation: str) -> Iterator[list[int]]:
    """The first `operation` is applied but its answer is 'lost', and botocore sends it again
    as after a timeout, with an idempotency token DynamoDB does not match (its window is ten
    minutes; a retry by another layer carries a new one)."""
    retried: list[int] = []

    def lose(
        attempts: int, request_dict: dict[str, Any], response: Any = None, **_: Any
    ) -> int | None:
        if not retried and attempts == 1 and response is not None:
            retried.append(attempts)
            body = json.loads(request_dict["body"])
            body["ClientRequestToken"] = str(uuid.uuid4())
            request_dict["body"] = json.dumps(body).encode()
            return 0  # retry at once
        return None

    event = f"needs-retry.dynamodb.{operation}"
    client.meta.events.register_first(event, lose)  # type: ignore[arg-type]
    try:
        yield retried
    finally:
        client.meta.events.unregister(event, lose)  # type: ignore[arg-type]


CREATE = "mutation($i: CreatePostInput!) { createPost(input: $i) { id title } }"


@pytest.mark.parametrize("token", [None, "retry-key-0001"], ids=["no request token", "token"])
def test_a_create_whose_answer_was_lost_answers_with_the_post(
    api: GraphQLClient, store: Store, dynamodb: DynamoDBClient, token: str | None
) -> None:
    # Given a create whose transaction commits but whose answer is lost, so it is sent again
    post_input: dict[str, Any] = {"title": "once", "category": "tech"}
    if token:
        post_input["clientRequestToken"] = token
    with answer_lost_once(dynamodb, "TransactWriteItems") as retried:
        result = api.execute(CREATE, i=post_input)
    assert retried, "the transaction was sent twice"
    # Then the client is told what happened: the post exists, and there is one
    assert "errors" not in result, result
    created = result["data"]["createPost"]
    assert created["title"] == "once"
    page = store.posts.recent(None, 10, None)
    assert [p.id for p in page.items] == [created["id"]]


def test_a_create_refused_for_its_media_still_says_so(api: GraphQLClient) -> None:
    # Given an upload that is still pending (never completed)
    ticket = api.execute(
        'mutation { createUpload(input: {contentType: "image/png", size: 10, filename: "a.png"})'
        " { upload { id } } }"
    )
    upload_id = ticket["data"]["createUpload"]["upload"]["id"]
    # When a post tries to attach it, then the answer is about the upload
    result = api.execute(CREATE, i={"title": "t", "category": "tech", "mediaIds": [upload_id]})
    assert error_codes(result) == ["CONFLICT"]
    assert "upload" in result["errors"][0]["message"].lower()


# Item 11: suggestions, the persisted-query cache (websockets: test_websocket_probes.py)


def test_without_introspection_errors_suggest_nothing(api: GraphQLClient) -> None:
    probes = [
        "{ fed { items { id } } }",
        "{ feed { itemz { id } } }",
        "{ posts(limt: 3) { items { id } } }",
        'mutation { createPost(input: {titl: "t", category: "tech"}) { id } }',
    ]
    for query in probes:
        result = api.post({"query": query}).json()
        assert set(error_codes(result)) == {"BAD_USER_INPUT"}
        assert "Did you mean" not in json.dumps(result), result


def test_suggestions_stay_where_introspection_is_on(settings: Settings) -> None:
    schema = build_schema(settings.limits, introspection=True)
    result = schema.execute_sync(
        "{ fed { items { id } } }", context_value=SimpleNamespace(known_viewer_id=None)
    )
    assert result.errors
    assert "Did you mean 'feed'" in result.errors[0].message


def test_anonymous_callers_cannot_fill_the_persisted_query_cache(api: GraphQLClient) -> None:
    query = "{ health }"
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": sha256(query)}}
    # Given an anonymous caller sending hash and query: it is answered, but not remembered
    anonymous = api.anonymous()
    assert anonymous.post({"query": query, "extensions": persisted}).json()["data"] == {
        "health": "ok"
    }
    miss = anonymous.post({"extensions": persisted}).json()
    assert error_codes(miss) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert error_codes(api.post({"extensions": persisted}).json()) == ["PERSISTED_QUERY_NOT_FOUND"]
    # When a signed-in caller registers it, then the hash alone works for everyone
    assert api.post({"query": query, "extensions": persisted}).json()["data"]["health"] == "ok"
    assert anonymous.post({"extensions": persisted}).json()["data"] == {"health": "ok"}


def test_a_forged_token_does_not_register_a_persisted_query(api: GraphQLClient) -> None:
    query = "{ categories }"
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": sha256(query)}}
    forged = GraphQLClient(api.http, api.issuer, {"authorization": "Bearer x.y.z"})
    forged.post({"query": query, "extensions": persisted})
    assert error_codes(api.post({"extensions": persisted}).json()) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_the_issue_s_fragment_named_like_a_field(api: GraphQLClient, store: Store) -> None:
    post = store.posts.create(author_id=ALICE, title="t", body="", category="tech")
    result = api.execute(
        "query($p: ID!) { post(id: $p) { ...comments } } fragment comments on Post { id }",
        p=post.id,
    )
    assert result == {"data": {"post": {"id": post.id}}}
