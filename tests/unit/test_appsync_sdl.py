"""The AppSync SDL is committed, current, and free of what AppSync rejects."""

from __future__ import annotations

from pathlib import Path

from graphql import build_schema

from cli.main import main
from schema.appsync_sdl import appsync_sdl

ROOT = Path(__file__).resolve().parents[2]
#: What AppSync itself provides, so the file can be checked as a whole schema.
APPSYNC_PRELUDE = """
scalar AWSDateTime
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
"""


def test_committed_appsync_schema_matches_the_code() -> None:
    committed = (ROOT / "schema.appsync.graphql").read_text()
    assert committed == appsync_sdl(), "run `make export-schema` and commit the result"


def test_nothing_appsync_rejects() -> None:
    text = appsync_sdl()
    assert "\nscalar " not in "\n" + text
    assert "directive @" not in text
    assert '"""' not in text
    for line in text.splitlines():
        if line.startswith(("type ", "input ", "enum ")):
            assert not line.split()[1].startswith("AWS"), line


def test_it_is_a_valid_schema_with_subscriptions_on_our_mutations() -> None:
    schema = build_schema(APPSYNC_PRELUDE + appsync_sdl())
    subscription = schema.subscription_type
    assert subscription is not None
    assert set(subscription.fields) == {
        "onCreatePost",
        "onUpdatePost",
        "onAddComment",
        "onDeletePost",
    }
    mutations = schema.mutation_type
    assert mutations is not None
    assert {"createPost", "updatePost", "addComment"} <= set(mutations.fields)


def test_export_appsync_flag(tmp_path: Path) -> None:
    target = tmp_path / "a.graphql"
    assert main(["export-schema", "--appsync", "--output", str(target)]) == 0
    assert target.read_text() == appsync_sdl()
