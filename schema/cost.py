"""The query-cost limit: how many list items an operation may ask for, nesting multiplied.

`feed(limit: 100) { items { comments(limit: 100) { ... } } }` asks for up to 100 + 100 * 100
items. Depth, alias and token limits do not catch that; this does, before anything executes.
Arguments are read as execution will see them: variables coerced by graphql-core itself (so
`{"n": 100.0}` counts as the Int 100 it becomes) with the operation's own defaults applied,
then each field's arguments with the schema's defaults. Subscriptions are costed per event:
their whole selection runs again for every event and every subscriber, so their limit is lower.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType


def _multiplier(definition: GraphQLField, node: FieldNode, variables: VariableValues) -> int:
    """How many items this field may return: its `limit` (or default), or its `ids` count."""
    if "limit" not in definition.args and "ids" not in definition.args:
        return 1
    try:
        # The same coercion execution applies: literals, variables and defaults alike.
        arguments = get_argument_values(definition, node, variables)
    except GraphQLError:
        return 1  # execution reports it, before any resolver runs
    limit, ids = arguments.get("limit"), arguments.get("ids")
    if isinstance(limit, int):
        return max(limit, 0)
    if isinstance(ids, list):
        return len(ids)
    return 1


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: VariableValues,
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
    """The operation's list items, as execution would coerce its variables; 0 when execution
    will refuse it anyway (no such operation, variables that do not coerce)."""
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
    coerced = get_variable_values(schema, operation.variable_definitions or (), dict(variables))
    if isinstance(coerced, list):
        return 0  # the variables do not coerce: execution answers with those errors
    return _Counter(schema, fragments, coerced).cost(operation.selection_set, root, 1)


class QueryTooCostly(GraphQLError):
    """Raised before execution; a client error (BAD_USER_INPUT), on every transport."""


def cost_limiter(max_cost: int, max_subscription_cost: int) -> type[SchemaExtension]:
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
                per_event = context.operation_type is OperationType.SUBSCRIPTION
                limit = max_subscription_cost if per_event else max_cost
                if cost > limit:
                    what = "each event of this subscription" if per_event else "this operation"
                    # Raised, not set as the result: Strawberry runs a subscription whatever
                    # result this hook sets, but it reports what the hook raises, as queries do.
                    raise QueryTooCostly(
                        f"{what[0].upper()}{what[1:]} may return up to {cost:,} list items "
                        f"(page sizes multiplied through nesting); the limit is {limit:,}. "
                        "Ask for smaller pages or fewer nested lists."
                    )
            yield

    return QueryCostLimiter
