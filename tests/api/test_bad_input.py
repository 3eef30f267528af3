"""Every kind of bad request gets a clear coded error, never a 500, and writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import ALICE, BOB, GraphQLClient, table_items

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.repository import Store

pytestmark = pytest.mark.integration

POST_ID = "{post_id}"  # replaced by the existing post's id


@dataclass
class Case:
    body: Any
    code: str
    status: int = 200
    user: str | None = ALICE
    method: str = "POST"
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    #: Sent with `Transfer-Encoding: chunked`, so without a Content-Length.
    chunked: bool = False


def _create(**fields: Any) -> dict[str, Any]:
    post_input = {"title": "t", "category": "tech", **fields}
    return {
        "query": "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        "variables": {"i": post_input},
    }


def _update(**fields: Any) -> dict[str, Any]:
    return {
        "query": "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }",
        "variables": {"i": {"id": POST_ID, "expectedVersion": 1, "title": "x", **fields}},
    }


CREATE = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }"


def _posts(args: str) -> dict[str, Any]:
    return {"query": f"{{ posts({args}) {{ items {{ id }} }} }}"}


def _mutation(name: str, input_type: str, **fields: Any) -> dict[str, Any]:
    return {
        "query": f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ __typename }} }}",
        "variables": {"i": fields},
    }


#: Nested pages that multiply to 100 + 100 * 100 items when $n is 100.
NESTED_PAGES = "posts(limit: $n) { items { comments(limit: $n) { items { id } } } }"
#: Texts made of nothing visible, or carrying characters the text policy refuses.
BAD_TEXTS = {
    "only zero-width spaces": "\u200b\u200b\u200b",
    "only a Hangul filler": "\u3164",
    "a NUL": "a\x00b",
    "a terminal escape": "\x1b[31mred\x1b[0m",
    "a bidi override": "\u202eevil",
    "a lone surrogate": "a\ud800b",
    "a line separator": "a\u2028b",
}
TEXT_CASES = {
    f"{field} with {what}": Case(body, "BAD_USER_INPUT")
    for what, text in BAD_TEXTS.items()
    for field, body in {
        "title": _create(title=text),
        "body": _create(body=text),
        "display name": _mutation(
            "createProfile", "CreateProfileInput", handle="alice_x", displayName=text
        ),
        "bio": _mutation("updateProfile", "UpdateProfileInput", bio=text),
        "comment": _mutation("addComment", "AddCommentInput", postId=POST_ID, body=text),
        "comment edit": _mutation(
            "updateComment",
            "UpdateCommentInput",
            postId=POST_ID,
            id="01HZ0000000000000000000000",
            expectedVersion=1,
            body=text,
        ),
        "filename": _mutation(
            "createUpload",
            "CreateUploadInput",
            contentType="image/png",
            size=100,
            filename=text,
        ),
        "alt text": _mutation(
            "createUpload",
            "CreateUploadInput",
            contentType="image/png",
            size=100,
            filename="a.png",
            altText=text,
        ),
        "report note": _mutation(
            "report", "ReportInput", postId=POST_ID, reason="SPAM", note=f"x{text}"
        ),
    }.items()
}


CASES: dict[str, Case] = {
    "malformed JSON": Case("{not json", "BAD_USER_INPUT", 400),
    "JSON that is not an object": Case("[1, 2]", "BAD_USER_INPUT", 400),
    "no query": Case("{}", "BAD_USER_INPUT", 400),
    "query is not a string": Case({"query": 5}, "BAD_USER_INPUT", 400),
    "syntax error": Case({"query": "{ posts( }"}, "BAD_USER_INPUT"),
    "unknown field": Case({"query": "{ nope }"}, "BAD_USER_INPUT"),
    "wrong type literal": Case(_posts('limit: "x"'), "BAD_USER_INPUT"),
    "wrong type variable": Case(_create(title=5), "BAD_USER_INPUT"),
    "missing required input field": Case(
        {
            "query": "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
            "variables": {"i": {"title": "t"}},
        },
        "BAD_USER_INPUT",
    ),
    "variables not an object": Case(
        {"query": "{ categories }", "variables": "x"}, "BAD_USER_INPUT", 400
    ),
    "empty title": Case(_create(title=""), "BAD_USER_INPUT"),
    "blank title": Case(_create(title="   "), "BAD_USER_INPUT"),
    "oversized title": Case(_create(title="x" * 201), "BAD_USER_INPUT"),
    "oversized body": Case(_create(body="x" * 10_001), "BAD_USER_INPUT"),
    "unknown category on create": Case(_create(category="cooking"), "BAD_USER_INPUT"),
    "unknown category on read": Case(_posts('category: "cooking"'), "BAD_USER_INPUT"),
    "bad request token": Case(_create(clientRequestToken="no spaces allowed"), "BAD_USER_INPUT"),
    "limit 0": Case(_posts("limit: 0"), "BAD_USER_INPUT"),
    "limit 1000": Case(_posts("limit: 1000"), "BAD_USER_INPUT"),
    "forged cursor": Case(_posts('nextToken: "eyJQSyI6eyJTIjoiUE9TVCMxIn19"'), "BAD_USER_INPUT"),
    "malformed post id": Case({"query": '{ post(id: "POST#1") { id } }'}, "BAD_USER_INPUT"),
    "update without changes": Case(
        {
            "query": "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }",
            "variables": {"i": {"id": POST_ID, "expectedVersion": 1}},
        },
        "BAD_USER_INPUT",
    ),
    "another user's post to update": Case(_update(), "FORBIDDEN", user=BOB),
    "another user's post to delete": Case(
        {"query": f'mutation {{ deletePost(id: "{POST_ID}") {{ id }} }}'}, "FORBIDDEN", user=BOB
    ),
    "stale version": Case(_update(expectedVersion=9), "CONFLICT"),
    "missing post": Case(
        {"query": 'mutation { deletePost(id: "01HZ0000000000000000000000") { id } }'}, "NOT_FOUND"
    ),
    "write without a token": Case(_create(), "UNAUTHENTICATED", user=None),
    # Who asks is checked before what they ask: an anonymous caller learns nothing of the rules.
    "bad write without a token": Case(_create(title=""), "UNAUTHENTICATED", user=None),
    "write with a garbage token": Case(
        _create(), "UNAUTHENTICATED", user=None, headers={"authorization": "Bearer abc.def.ghi"}
    ),
    "write with another scheme": Case(
        _create(), "UNAUTHENTICATED", user=None, headers={"authorization": "Basic YTpi"}
    ),
    "too deep": Case(
        {
            "query": "{ posts { items { author { posts { items { author { posts { items { author {"
            " posts { items { author { posts { items { id } } } } } } } } } } } } } } }"
        },
        "BAD_USER_INPUT",
    ),
    "too many aliases": Case(
        {"query": "{ " + " ".join(f"a{i}: categories" for i in range(20)) + " }"},
        "BAD_USER_INPUT",
    ),
    "nested pages over the cost limit": Case(
        {"query": "{ feed(limit: 100) { items { comments(limit: 100) { items { id } } } } }"},
        "BAD_USER_INPUT",
    ),
    "the cost limit counts variables": Case(
        {
            "query": "query($n: Int!) { posts(limit: $n) { items { comments(limit: $n) "
            "{ items { id } } } } }",
            "variables": {"n": 50},
        },
        "BAD_USER_INPUT",
    ),
    "the cost limit counts a variable sent as a float": Case(
        {"query": f"query($n: Int!) {{ {NESTED_PAGES} }}", "variables": {"n": 100.0}},
        "BAD_USER_INPUT",
    ),
    "the cost limit counts a variable's own default": Case(
        {"query": f"query Q($n: Int! = 100) {{ {NESTED_PAGES} }}"}, "BAD_USER_INPUT"
    ),
    "the cost limit counts a default variable's default": Case(
        {"query": f"query Q($n: Int = 100) {{ {NESTED_PAGES} }}", "variables": {}},
        "BAD_USER_INPUT",
    ),
    "a lone surrogate with a persisted-query hash": Case(
        {
            "query": "{ health \ud800 }",
            "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "a" * 64}},
        },
        "BAD_USER_INPUT",
        400,
    ),
    "a chunked body over the limit": Case(
        '{"query": "{ health }", "pad": "' + "x" * 8 * 1024 * 1024 + '"}',
        "BAD_USER_INPUT",
        413,
        chunked=True,
    ),
    **TEXT_CASES,
    "introspection is off": Case({"query": "{ __schema { types { name } } }"}, "BAD_USER_INPUT"),
    "mutation over GET": Case(None, "BAD_USER_INPUT", 405, method="GET"),
    "unsupported method": Case(None, "BAD_USER_INPUT", 405, method="PUT"),
    "unsupported content type": Case("query=x", "BAD_USER_INPUT", 415, content_type="text/plain"),
    "body over the limit": Case(
        '{"query": "{ health }", "pad": "' + "x" * 300_000 + '"}', "BAD_USER_INPUT", 413
    ),
    "10 MB body": Case(
        '{"query": "{ health }", "pad": "' + "x" * 10 * 1024 * 1024 + '"}', "BAD_USER_INPUT", 413
    ),
}


@pytest.fixture
def existing_post(store: Store) -> str:
    return store.posts.create(author_id=ALICE, title="keep", body="b", category="tech").id


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_is_refused_cleanly(
    case: Case, api: GraphQLClient, existing_post: str, dynamodb: DynamoDBClient, table: str
) -> None:
    # Given a table holding one post
    before = table_items(dynamodb, table)
    client = api.as_user(case.user) if case.user else api.anonymous()
    headers = {**client.headers, **case.headers, "content-type": case.content_type}
    body = case.body
    if isinstance(body, dict):
        body = json.dumps(body).replace(POST_ID, existing_post)
    # When the bad request is sent
    if case.method == "GET":
        response = client.http.get(
            "/graphql",
            params={"query": 'mutation { deletePost(id: "x") { id } }'},
            headers=headers,
        )
    elif case.chunked:
        data = body.encode()

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(data), 64 * 1024):
                yield data[start : start + 64 * 1024]

        response = client.http.request(case.method, "/graphql", content=chunks(), headers=headers)
    else:
        response = client.http.request(case.method, "/graphql", content=body, headers=headers)
    # Then it is refused with the expected code, no stack trace, and nothing is written
    assert response.status_code == case.status, response.text
    assert "Traceback" not in response.text
    result = response.json()
    codes = {e["extensions"]["code"] for e in result["errors"]}
    assert codes == {case.code}, result
    assert all(e["message"] for e in result["errors"])
    assert table_items(dynamodb, table) == before


#: Pydantic's own wording, which a client developer should never have to decode.
PYDANTIC_WORDING = ("should", "Value error", "Input should", "validation error", "Field required")

MESSAGES: dict[str, tuple[str, dict[str, Any], str]] = {
    # (query, variables, the message)
    "blank title": (
        CREATE,
        {"i": {"title": "   ", "category": "tech"}},
        "input.title: must not be empty or blank",
    ),
    "long body": (
        CREATE,
        {"i": {"title": "t", "category": "tech", "body": "x" * 10_001}},
        "input.body: must have at most 10,000 characters",
    ),
    "unknown category": (
        CREATE,
        {"i": {"title": "t", "category": "cooking"}},
        "input.category: unknown category; use one of",
    ),
    "request token": (
        CREATE,
        {"i": {"title": "t", "category": "tech", "clientRequestToken": "no spaces"}},
        "input.clientRequestToken: must be 8 to 64 of [A-Za-z0-9_-]",
    ),
    "a media id twice": (
        CREATE,
        {"i": {"title": "t", "category": "tech", "mediaIds": ["01HZ0000000000000000000001"] * 2}},
        "input.mediaIds: lists an upload twice",
    ),
    "a bad media id": (
        CREATE,
        {"i": {"title": "t", "category": "tech", "mediaIds": ["x"]}},
        "input.mediaIds.0: not a post id",
    ),
    "page limit": ("{ posts(limit: 0) { items { id } } }", {}, "limit: must be at least 1"),
    "page token": (
        '{ posts(nextToken: "AAAA") { items { id } } }',
        {},
        "nextToken: invalid, or it belongs",
    ),
    "poll cursor of feedUpdates": (
        'query { feedUpdates(after: "AAAA") { cursor } }',
        {},
        "after: invalid, or it belongs",
    ),
    "poll limit": (
        "query { feedUpdates(limit: 101) { cursor } }",
        {},
        "limit: must be at most 100",
    ),
    "following oneself": (
        f'mutation {{ follow(userId: "{ALICE}") {{ id }} }}',
        {},
        "userId: you cannot follow yourself",
    ),
    "a profile handle": (
        "mutation($i: CreateProfileInput!) { createProfile(input: $i) { id } }",
        {"i": {"handle": "No Caps", "displayName": "A"}},
        "input.handle: must be 3 to 30 of [a-z0-9_]",
    ),
}


@pytest.mark.parametrize(("query", "variables", "message"), MESSAGES.values(), ids=MESSAGES.keys())
def test_every_message_names_the_argument_or_input_field_it_is_about(
    api: GraphQLClient, query: str, variables: dict[str, Any], message: str
) -> None:
    # When a request's argument is refused
    response = api.post({"query": query, "variables": variables})
    errors = response.json()["errors"]
    # Then the one error names that argument, in GraphQL's spelling, in our words
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]
    assert errors[0]["message"].startswith(message), errors[0]["message"]
    assert not any(words in errors[0]["message"] for words in PYDANTIC_WORDING)
    assert "nextToken" not in errors[0]["message"] or "nextToken" in query
