"""The GraphQL doors' request line: operation, viewer, errors, DynamoDB usage, duration."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import FieldNode, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

from core.request_log import logged_request
from schema.errors import shape_error
from store.metering import Usage, current_usage

MAX_NAME = 100


def operation_name(execution_context: Any) -> str:
    """The client's name for it, else its type and root fields ("query:feed,me")."""
    if execution_context.operation_name:
        return str(execution_context.operation_name)[:MAX_NAME]
    document = execution_context.graphql_document
    for definition in getattr(document, "definitions", ()):
        if isinstance(definition, OperationDefinitionNode):
            fields = ",".join(
                s.name.value if isinstance(s, FieldNode) else "..."
                for s in definition.selection_set.selections
            )
            return f"{definition.operation.value}:{fields}"[:MAX_NAME]
    return "unparsed"


class RequestLog(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        usage = Usage()
        token = current_usage.set(usage)
        with logged_request("graphql", lambda: (usage.requests, usage.capacity)) as record:
            try:
                yield
            finally:
                current_usage.reset(token)
                context = self.execution_context
                record.operation = operation_name(context)
                record.viewer = context.context.known_viewer_id
                errors = getattr(context.result, "errors", None) or []
                record.error_codes = [
                    str((shape_error(e).extensions or {}).get("code")) for e in errors
                ]
