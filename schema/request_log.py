"""The GraphQL doors' request line: operation, viewer, errors, DynamoDB usage, duration."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from strawberry.extensions import SchemaExtension

from core.request_log import logged_request
from schema.errors import shape_error
from schema.operation_names import client_operation_name, operation_dimension
from store.metering import Usage, current_usage


class RequestLog(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        usage = Usage()
        token = current_usage.set(usage)
        with logged_request("graphql", lambda: (usage.requests, usage.capacity)) as record:
            try:
                yield
            finally:
                # A subscription closed from another task: the context that held the value
                # went with its own task, so there is nothing left to restore.
                with suppress(ValueError):
                    current_usage.reset(token)
                context = self.execution_context
                document = context.graphql_document
                record.operation = operation_dimension(
                    context.schema._schema, document, context.operation_name
                )
                record.operation_name = client_operation_name(document, context.operation_name)
                record.viewer = context.context.known_viewer_id
                errors = getattr(context.result, "errors", None) or []
                record.error_codes = [
                    str((shape_error(e).extensions or {}).get("code")) for e in errors
                ]
