"""What a request is called in metrics and logs: from a bounded set, never from the client.

CloudWatch bills every distinct dimension value as a custom metric, and the client chooses
`operationName` freely (also one that is not in its document). So the `operation` dimension is
`<type>:<root field>` of the operation that runs, named by its first root field the schema
knows, else "other"; "unparsed" when there is no document. The client's own name is logged
as a plain field, and only when it names an operation of the document (a GraphQL Name,
which cannot hold newlines or escapes).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

OTHER = "other"
UNPARSED = "unparsed"


def executed_operation(document: Any, name: str | None) -> OperationDefinitionNode | None:
    """The operation GraphQL runs for this name: the named one, or the only one."""
    operations = [
        d for d in getattr(document, "definitions", ()) if isinstance(d, OperationDefinitionNode)
    ]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


def _root_fields(
    document: Any, selections: SelectionSetNode, seen: frozenset[str]
) -> Iterator[str]:
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            yield selection.name.value
        elif isinstance(selection, InlineFragmentNode):
            yield from _root_fields(document, selection.selection_set, seen)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            fragment = next(
                (
                    d
                    for d in document.definitions
                    if isinstance(d, FragmentDefinitionNode)
                    and d.name.value == selection.name.value
                ),
                None,
            )
            if fragment is not None:
                yield from _root_fields(
                    document, fragment.selection_set, seen | {selection.name.value}
                )


def operation_dimension(schema: GraphQLSchema, document: Any, name: str | None) -> str:
    """`query:feed`, `mutation:createPost`...: one of a set the schema bounds."""
    if document is None:
        return UNPARSED
    operation = executed_operation(document, name)
    root = schema.get_root_type(operation.operation) if operation is not None else None
    if operation is None or root is None:
        return OTHER
    for field in _root_fields(document, operation.selection_set, frozenset()):
        if field in root.fields:
            return f"{operation.operation.value}:{field}"
    return OTHER


def client_operation_name(document: Any, name: str | None) -> str | None:
    """The client's name for the operation, if the document has an operation of that name."""
    operation = executed_operation(document, name) if document is not None else None
    return operation.name.value if operation is not None and operation.name else None
