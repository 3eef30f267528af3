"""Resolves a GraphQL document as AppSync does with a direct Lambda resolver on every field that
has one in our registry: root fields one Invoke each, a nested field one BatchInvoke for all its
parents, other fields read from the parent's JSON. Events start from AWS's own sample."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from graphql import (
    FieldNode,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    get_named_type,
    parse,
    value_from_ast_untyped,
)

from resolvers.registry import registered
from schema.build import sdl
from tests.support.events import _load

Invoke = Callable[[Any], Any]


class AppSyncError(Exception):
    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(f"{error_type}: {message}")
        self.error_type = error_type


def appsync_event(
    parent: str, field: str, arguments: dict[str, Any], identity: Any, source: Any = None
) -> dict[str, Any]:
    """appSyncDirectResolver.json with our field, arguments, identity and source."""
    event: dict[str, Any] = copy.deepcopy(_load("appSyncDirectResolver.json"))
    event["arguments"] = arguments
    event["identity"] = identity
    event["source"] = source
    event["info"] = {**event["info"], "parentTypeName": parent, "fieldName": field}
    return event


class AppSyncStandIn:
    def __init__(self, invoke: Invoke, identity: Any) -> None:
        self._invoke = invoke
        self._identity = identity
        self._schema: GraphQLSchema = build_schema(sdl())
        self.invocations: list[tuple[str, int]] = []  # (Type.field, batch size)

    def execute(self, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        variables = variables or {}
        operation = next(
            d for d in parse(document).definitions if isinstance(d, OperationDefinitionNode)
        )
        root_name = operation.operation.value.capitalize()
        root = self._schema.get_type(root_name)
        assert isinstance(root, GraphQLObjectType)
        out: dict[str, Any] = {}
        for node in operation.selection_set.selections:
            assert isinstance(node, FieldNode)
            name = node.name.value
            arguments = self._arguments(node, variables)
            event = appsync_event(root_name, name, arguments, self._identity)
            self.invocations.append((f"{root_name}.{name}", 1))
            try:
                value = self._invoke(event)
            except Exception as exc:
                raise AppSyncError(type(exc).__name__, str(exc)) from exc
            key = node.alias.value if node.alias else name
            out[key] = self._complete([value], root.fields[name].type, node, variables)[0]
        return out

    def _arguments(self, node: FieldNode, variables: dict[str, Any]) -> dict[str, Any]:
        return {
            a.name.value: value_from_ast_untyped(a.value, variables) for a in node.arguments or ()
        }

    def _complete(
        self, values: list[Any], field_type: Any, node: FieldNode, variables: dict[str, Any]
    ) -> list[Any]:
        """Shape each value to the node's selection, resolving nested fields in batches."""
        named = get_named_type(field_type)
        if node.selection_set is None or not isinstance(named, GraphQLObjectType):
            return values
        # Flatten lists so one nested field is one batch across every parent object.
        parents: list[dict[str, Any]] = []

        def collect(value: Any) -> None:
            if isinstance(value, list):
                for item in value:
                    collect(item)
            elif value is not None:
                parents.append(value)

        for value in values:
            collect(value)
        shaped: dict[int, dict[str, Any]] = {id(p): {} for p in parents}
        for child in node.selection_set.selections:
            assert isinstance(child, FieldNode)
            name = child.name.value
            key = child.alias.value if child.alias else name
            if f"{named.name}.{name}" in registered() and parents:
                arguments = self._arguments(child, variables)
                batch = [
                    appsync_event(named.name, name, arguments, self._identity, source=p)
                    for p in parents
                ]
                self.invocations.append((f"{named.name}.{name}", len(batch)))
                answers = self._invoke(batch)
                assert len(answers) == len(batch)
                children = []
                for answer in answers:
                    if answer.get("errorType"):
                        raise AppSyncError(answer["errorType"], answer["errorMessage"])
                    children.append(answer["data"])
            else:
                children = [p.get(name) for p in parents]
            completed = self._complete(children, named.fields[name].type, child, variables)
            for parent, value in zip(parents, completed, strict=True):
                shaped[id(parent)][key] = value

        def rebuild(value: Any) -> Any:
            if isinstance(value, list):
                return [rebuild(item) for item in value]
            return None if value is None else shaped[id(value)]

        return [rebuild(value) for value in values]
