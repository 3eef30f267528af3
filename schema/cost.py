"""The query-cost limit: how many list items an operation may ask for, nesting multiplied.

`feed(limit: 100) { items { comments(limit: 100) { ... } } }` asks for up to 100 + 100 * 100
items. Depth, alias and token limits do not catch that; this does, before anything executes,
with the variables known (so `limit: $n` counts as its value).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension


def _argument(node: FieldNode, name: str, variables: Mapping[str, Any]) -> Any:
    for argument in node.arguments or ():
        if argument.name.value != name:
            continue
        value = argument.value
        if isinstance(value, VariableNode):
            return variables.get(value.name.value)
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, ListValueNode):
            return list(value.values)
        return None
    return None


def _multiplier(definition: Any, node: FieldNode, variables: Mapping[str, Any]) -> int:
    """How many items this field may return: its `limit` (or default), or its `ids` count."""
    arguments = definition.args
    if "limit" in arguments:
        limit = _argument(node, "limit", variables)
        if limit is None:
            limit = arguments["limit"].default_value
        return max(int(limit), 0) if isinstance(limit, int) else 1
    if "ids" in arguments:
        ids = _argument(node, "ids", variables)
        return len(ids) if isinstance(ids, list) else 1
    return 1


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema, self.fragments, self.variables = schema, fragments, variables

    def fields(
        self, selections: SelectionSetNode, parent: GraphQLObjectType, seen: frozenset[str]
    ) -> Iterator[tuple[FieldNode, GraphQLObjectType]]:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                target = parent
                if selection.type_condition is not None:
                    named = self.schema.get_type(selection.type_condition.name.value)
                    target = named if isinstance(named, GraphQLObjectType) else parent
                yield from self.fields(selection.selection_set, target, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:  # validation reports these
                    continue
                named = self.schema.get_type(fragment.type_condition.name.value)
                target = named if isinstance(named, GraphQLObjectType) else parent
                yield from self.fields(fragment.selection_set, target, seen | {name})

    def cost(self, selections: SelectionSetNode, parent: GraphQLObjectType, scale: int) -> int:
        total = 0
        for node, owner in self.fields(selections, parent, frozenset()):
            definition = owner.fields.get(node.name.value)
            if definition is None or node.selection_set is None:
                continue
            multiplier = _multiplier(definition, node, self.variables)
            inner = scale * multiplier
            if multiplier != 1:
                total += inner
            child = get_named_type(definition.type)
            if isinstance(child, GraphQLObjectType):
                total += self.cost(node.selection_set, child, inner)
        return total


def query_cost(
    schema: GraphQLSchema, document: Any, operation_name: str | None, variables: Mapping[str, Any]
) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if not chosen:
        return 0
    operation = chosen[0]
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    return _Counter(schema, fragments, variables).cost(operation.selection_set, root, 1)


def cost_limiter(max_cost: int) -> type[SchemaExtension]:
    class QueryCostLimiter(SchemaExtension):
        def on_execute(self) -> Iterator[None]:
            context = self.execution_context
            if context.graphql_document is not None and context.result is None:
                cost = query_cost(
                    context.schema._schema,
                    context.graphql_document,
                    context.operation_name,
                    context.variables or {},
                )
                if cost > max_cost:
                    message = (
                        f"This operation may return up to {cost:,} list items (page sizes "
                        f"multiplied through nesting); the limit is {max_cost:,}. Ask for "
                        "smaller pages or fewer nested lists."
                    )
                    context.result = ExecutionResult(data=None, errors=[GraphQLError(message)])
            yield

    return QueryCostLimiter
