"""One declaration per argument: the schema's inputs, defaults and limits come from one place."""

from __future__ import annotations

import ast
from pathlib import Path

from graphql import GraphQLInputObjectType
from pydantic import BaseModel
from pydantic.alias_generators import to_camel

import resolvers
from core.config import Limits
from core.limits import EDITS, PAGE, POLL, REPLIES, TRENDING
from resolvers import comment_inputs, inputs
from resolvers.registry import Resolver, registered
from schema.build import build_schema, sdl

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = build_schema(Limits(), introspection=True)
INPUTS = {
    name: t for name, t in SCHEMA._schema.type_map.items() if isinstance(t, GraphQLInputObjectType)
}


def test_every_input_type_is_its_pydantic_model_field_for_field() -> None:
    assert INPUTS  # the check reads real input types
    for name, graphql_type in INPUTS.items():
        # derived from the model (Strawberry's pydantic integration), not declared a second time
        definition = SCHEMA.get_type_by_name(name)
        model = getattr(getattr(definition, "origin", None), "_pydantic_type", None)
        assert isinstance(model, type), name
        assert issubclass(model, BaseModel), name
        assert model.__module__.startswith("resolvers."), name
        assert model.__name__ == name
        assert list(graphql_type.fields) == [to_camel(f) for f in model.model_fields], name
        for field, info in model.model_fields.items():
            assert graphql_type.fields[to_camel(field)].description == info.description, field


def _limit_defaults() -> dict[str, tuple[bool, object]]:
    """Per field with a `limit`: (whether it is a poll, the default)."""
    found = {}
    for type_name, graphql_type in SCHEMA._schema.type_map.items():
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            arguments = getattr(field, "args", {})
            if "limit" in arguments:
                # A poll resumes `after` a cursor; a page continues from a `nextToken`.
                found[f"{type_name}.{field_name}"] = (
                    "after" in arguments,
                    arguments["limit"].default_value,
                )
    return found


def test_every_limit_default_is_the_one_in_core_limits() -> None:
    defaults = _limit_defaults()
    assert len(defaults) >= 8
    assert sum(poll for poll, _ in defaults.values()) >= 2
    # Lists with a window of their own; every other `limit` is a page's or a poll's.
    own = {"Comment.replies": REPLIES.default, "Post.edits": EDITS.default}
    own["Comment.edits"] = EDITS.default
    own["Query.trendingHashtags"] = TRENDING.default
    for field, (poll, default) in defaults.items():
        expected = own.get(field, POLL.default if poll else PAGE.default)
        assert default == expected, field
    assert comment_inputs.RepliesArgs.model_fields["limit"].default == REPLIES.default
    assert comment_inputs.EditsArgs.model_fields["limit"].default == EDITS.default
    assert inputs.PageArgs.model_fields["limit"].default == PAGE.default
    assert inputs.PollArgs.model_fields["limit"].default == POLL.default
    assert f"1 to {PAGE.most}" in sdl()


def test_every_registered_field_is_a_typed_handle_the_schema_calls_by_itself() -> None:
    assert resolvers.__all__  # importing the package registered every resolver
    assert all(isinstance(handle, Resolver) for handle in registered().values())
    # The schema never looks a resolver up by its name (only the AppSync door does).
    for path in (ROOT / "schema").glob("*.py"):
        tree = ast.parse(path.read_text())
        names = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "resolvers.registry"
            for alias in node.names
        }
        assert "resolve" not in names, path.name
