"""The AppSync SDL is committed, current, and free of what AppSync rejects."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLObjectType, build_schema, get_named_type, print_ast

from cli.main import main
from schema.appsync_sdl import appsync_sdl

ROOT = Path(__file__).resolve().parents[2]
#: What AppSync itself provides, so the file can be checked as a whole schema.
APPSYNC_PRELUDE = """
scalar AWSDateTime
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
"""
APPSYNC_AUTH = """
directive @aws_iam on FIELD_DEFINITION | OBJECT
directive @aws_cognito_user_pools on FIELD_DEFINITION | OBJECT
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


def test_it_is_a_valid_schema_whose_subscriptions_follow_iam_only_signals() -> None:
    schema = build_schema(APPSYNC_PRELUDE + APPSYNC_AUTH + appsync_sdl())
    subscription = schema.subscription_type
    assert subscription is not None
    assert set(subscription.fields) == {"onPostEvent", "onNotification"}
    mutations = schema.mutation_type
    assert mutations is not None
    for field, publishing in (
        ("onPostEvent", "publishPostEvent"),
        ("onNotification", "publishNotification"),
    ):
        signal = subscription.fields[field]
        node = signal.ast_node
        assert node is not None
        (subscribe,) = node.directives
        assert print_ast(subscribe) == f'@aws_subscribe(mutations: ["{publishing}"])'
        published = mutations.fields[publishing]
        assert published.type == signal.type
        assert published.ast_node is not None
        # Only the fan-out's role may publish: no member can forge a signal.
        assert [d.name.value for d in published.ast_node.directives] == ["aws_iam"]
        # Subscription arguments filter on the signal's own top-level fields.
        delivered = get_named_type(signal.type)
        assert isinstance(delivered, GraphQLObjectType)
        assert set(signal.args) <= set(delivered.fields)


def test_signals_carry_nobodys_content() -> None:
    schema = build_schema(APPSYNC_PRELUDE + APPSYNC_AUTH + appsync_sdl())
    for name in ("PostEventSignal", "NotificationSignal"):
        signal = schema.get_type(name)
        assert isinstance(signal, GraphQLObjectType)
        # Scalars and enums only: no post, comment or user a block or mute would have to hide.
        named = [get_named_type(f.type) for f in signal.fields.values()]
        assert not any(isinstance(t, GraphQLObjectType) for t in named)
    post_event = schema.get_type("PostEventSignal")
    assert isinstance(post_event, GraphQLObjectType)
    assert set(post_event.fields) == {"category", "type", "at"}  # not even the post's id


def test_export_appsync_flag(tmp_path: Path) -> None:
    target = tmp_path / "a.graphql"
    assert main(["export-schema", "--appsync", "--output", str(target)]) == 0
    assert target.read_text() == appsync_sdl()
