"""searchUsers: handle or name prefixes, accents and case aside, best first, blocks respected."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import GraphQLClient, error_codes
from tests.support.counting import RequestCounter

pytestmark = pytest.mark.integration

SEARCH = """
query($q: String!, $limit: Int! = 20, $t: String) {
  searchUsers(query: $q, limit: $limit, nextToken: $t) { items { id handle displayName } nextToken }
}"""
VIEWER = "uviewer"
#: id -> (handle, display name)
PEOPLE = {
    "u1": ("jose", "Pepe"),
    "u2": ("maria", "José Martínez"),
    "u3": ("josefina", "Fina"),
    "u4": ("bob", "Bob"),
    "u5": ("zoe", "Zoë O'Brien-Jöse"),
}


def run(api: GraphQLClient, user: str, query: str, **variables: Any) -> dict[str, Any]:
    result = api.as_user(user).execute(query, **variables)
    assert "errors" not in result, result
    data: dict[str, Any] = result["data"]
    return data


def search(api: GraphQLClient, query: str, viewer: str = VIEWER, limit: int = 20) -> list[str]:
    """Every page of the search, followed to the end: the handles found, in order."""
    found: list[str] = []
    token = None
    while True:
        page = run(api, viewer, SEARCH, q=query, limit=limit, t=token)["searchUsers"]
        found += [u["handle"] for u in page["items"]]
        token = page["nextToken"]
        if token is None:
            return found


@pytest.fixture
def people(api: GraphQLClient) -> None:
    for user_id, (handle, name) in {**PEOPLE, VIEWER: ("viewer", "Viewer")}.items():
        run(
            api,
            user_id,
            "mutation($i: CreateProfileInput!) { createProfile(input: $i) { id } }",
            i={"handle": handle, "displayName": name},
        )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the exact handle first, then a name's exact word, then longer completions
        ("jose", ["jose", "maria", "zoe", "josefina"]),
        ("JOSÉ", ["jose", "maria", "zoe", "josefina"]),
        ("MARTÍN", ["maria"]),
        ("jose mar", ["maria"]),
        ("  Jos  ", ["jose", "maria", "zoe", "josefina"]),
        ("zoe o", ["zoe"]),
        ("brien", ["zoe"]),
        ("bo", ["bob"]),
        ("nobody", []),
    ],
)
def test_prefixes_of_handles_and_names_find_people_best_first(
    api: GraphQLClient, people: None, query: str, expected: list[str]
) -> None:
    assert search(api, query) == expected
    # the same people, in the same order, one per page
    assert search(api, query, limit=1) == expected


def test_a_new_name_moves_the_person_in_the_index(api: GraphQLClient, people: None) -> None:
    run(api, "u2", 'mutation { updateProfile(input: {displayName: "Zed"}) { id } }')
    assert search(api, "martinez") == []
    assert search(api, "zed") == ["maria"]
    assert search(api, "maria") == ["maria"]  # the handle stays
    run(api, "u2", 'mutation { updateProfile(input: {bio: "hi"}) { id } }')
    assert search(api, "zed") == ["maria"]


def test_blocked_people_are_left_out_both_ways(api: GraphQLClient, people: None) -> None:
    run(api, "u2", f'mutation {{ block(userId: "{VIEWER}") {{ id }} }}')
    run(api, VIEWER, 'mutation { block(userId: "u3") { id } }')
    assert search(api, "jose") == ["jose", "zoe"]
    assert search(api, "jose", viewer="u4") == ["jose", "maria", "zoe", "josefina"]


def test_a_search_costs_one_query_and_one_batch(
    api: GraphQLClient, people: None, counter: RequestCounter
) -> None:
    counter.reset()
    assert len(run(api, VIEWER, SEARCH, q="jo")["searchUsers"]["items"]) == 4
    assert dict(counter.calls) == {"Query": 1, "BatchGetItem": 1}


@pytest.mark.parametrize(
    "variables",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "!!!"},
        {"q": "x" * 51},
        {"q": "jo", "limit": 0},
        {"q": "jo", "limit": 101},
        {"q": "jo", "t": "forged"},
    ],
)
def test_bad_input_is_refused(api: GraphQLClient, variables: dict[str, Any]) -> None:
    assert error_codes(api.as_user(VIEWER).execute(SEARCH, **variables)) == ["BAD_USER_INPUT"]


def test_a_token_of_one_query_is_refused_by_another(api: GraphQLClient, people: None) -> None:
    token = run(api, VIEWER, SEARCH, q="jo", limit=1)["searchUsers"]["nextToken"]
    assert error_codes(api.as_user(VIEWER).execute(SEARCH, q="ja", limit=1, t=token)) == [
        "BAD_USER_INPUT"
    ]


def test_search_needs_a_viewer(api: GraphQLClient) -> None:
    assert error_codes(api.anonymous().execute(SEARCH, q="jo")) == ["UNAUTHENTICATED"]
