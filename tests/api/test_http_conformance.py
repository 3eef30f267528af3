"""GraphQL over HTTP: media types and status codes as the specification sets them."""

from __future__ import annotations

import pytest

from tests.conftest import GraphQLClient

pytestmark = pytest.mark.integration

NEW = "application/graphql-response+json"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        pytest.param({"query": "{ health "}, 400, id="parse failure"),
        pytest.param({"query": "{ nope }"}, 400, id="validation failure"),
        pytest.param(
            {
                "query": "query($n: Int!) { posts(limit: $n) { nextToken } }",
                "variables": {"n": "x"},
            },
            400,
            id="variable coercion failure",
        ),
        pytest.param({"query": "{ health }"}, 200, id="success"),
        pytest.param({"query": "{ posts(limit: 0) { nextToken } }"}, 200, id="field error"),
    ],
)
def test_graphql_response_json(api: GraphQLClient, body: dict[str, object], status: int) -> None:
    response = api.http.post("/graphql", json=body, headers={**api.headers, "accept": NEW})
    assert response.status_code == status
    assert response.headers["content-type"].startswith(NEW)
    result = response.json()
    if status == 400:
        assert "data" not in result  # it never executed
        assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_plain_json_keeps_200_for_request_errors(api: GraphQLClient) -> None:
    response = api.http.post(
        "/graphql",
        json={"query": "{ nope }"},
        headers={**api.headers, "accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")


def test_queries_over_get(api: GraphQLClient) -> None:
    response = api.http.get("/graphql", params={"query": "{ health }"})
    assert (response.status_code, response.json()) == (200, {"data": {"health": "ok"}})
    refused = api.http.get("/graphql", params={"query": 'mutation { deletePost(id: "x") { id } }'})
    assert refused.status_code == 405
    assert refused.headers["allow"] == "POST"
