"""AppSync direct Lambda resolver events, single (Invoke) and batched (BatchInvoke).

Each event names one field, `parentTypeName.fieldName`; the door calls that field's resolver from
the shared registry with the same context, loaders and error table as the HTTP path, and shapes
the result as the field's GraphQL type. A batch shares one request context, so its items' loads
go out together: one DynamoDB request per batch for a nested field like `Post.author`.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from appsync.shapes import from_source, to_json
from appsync.subscriptions import subscribe
from auth.claims import viewer_from_appsync_identity
from core.errors import AgoraError, BadUserInput, ErrorCode
from core.logs import current_request_id
from core.request_log import logged_request
from resolvers.context import RequestContext
from resolvers.registry import registered, resolve
from store.metering import Usage, current_usage

if TYPE_CHECKING:
    from strawberry.schema import BaseSchema

    from resolvers.context import Backends

log = logging.getLogger("agora.appsync")
T = TypeVar("T")


def _run(work: Coroutine[Any, Any, T]) -> T:
    """Run on a private loop. Not `asyncio.run`: it clears the thread's current loop, which the
    HTTP door (Mangum) takes with `get_event_loop()` on the container's next request."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(work)
    finally:
        loop.close()


class AppSyncError(Exception):
    """Raised for a single invoke; AppSync reports the class name as `errorType`."""


def _error_type(code: ErrorCode) -> type[AppSyncError]:
    return type(code.value, (AppSyncError,), {})


ERRORS = {code: _error_type(code) for code in ErrorCode}


def _operation(event: Any) -> str:
    info = event.get("info") if isinstance(event, dict) else None
    if not isinstance(info, dict):
        return "unknown"
    return f"{info.get('parentTypeName')}.{info.get('fieldName')}"[:100]


class AppSyncDoor:
    def __init__(self, schema: BaseSchema, services: Backends) -> None:
        self._schema = schema
        self._services = services

    def __call__(self, event: Any, context: Any) -> Any:
        first = event[0] if isinstance(event, list) and event else event
        headers = ((first or {}).get("request") or {}).get("headers") or {}
        # AppSync's request id when it forwards one, else Lambda's.
        request_id = str(
            headers.get("x-amzn-requestid") or getattr(context, "aws_request_id", "") or "-"
        )
        current_request_id.set(request_id)
        usage = Usage()
        token = current_usage.set(usage)
        try:
            with logged_request("appsync", lambda: (usage.requests, usage.capacity)) as record:
                record.operation = _operation(first)
                if isinstance(event, list):
                    results = _run(self._batch(event, request_id))
                    record.error_codes = [r["errorType"] for r in results if "errorType" in r]
                    return results
                ctx = self._context(event, request_id)
                data, error = _run(self._one(event, ctx))
                record.viewer = ctx.known_viewer_id
                if error is not None:
                    code, message = error
                    record.error_codes = [code.value]
                    raise ERRORS[code](message)
                return data
        finally:
            current_usage.reset(token)

    async def _batch(self, events: list[Any], request_id: str) -> list[dict[str, Any]]:
        # One context per caller, shared by that caller's items, so their loads batch together.
        contexts: dict[str, RequestContext] = {}
        pending = []
        for event in events:
            key = repr(event.get("identity"))
            if key not in contexts:
                contexts[key] = self._context(event, request_id)
            pending.append(self._one(event, contexts[key]))
        results = await asyncio.gather(*pending)
        return [
            {"data": data}
            if error is None
            else {"data": None, "errorMessage": error[1], "errorType": error[0].value}
            for data, error in results
        ]

    def _context(self, event: Mapping[str, Any], request_id: str) -> RequestContext:
        identity = event.get("identity")
        return RequestContext(
            backends=self._services,
            identify=lambda: viewer_from_appsync_identity(identity),
            request_id=request_id,
            settings=self._services.settings,
        )

    async def _one(
        self, event: Any, ctx: RequestContext
    ) -> tuple[Any, tuple[ErrorCode, str] | None]:
        """The field's data, or (code, message): one failing item never fails the batch."""
        try:
            arguments = event.get("arguments") or {}
            if not isinstance(arguments, dict):
                raise BadUserInput("arguments must be an object")
            info = event.get("info") if isinstance(event, dict) else None
            if isinstance(info, dict) and info.get("parentTypeName") == "Subscription":
                subscribe(str(info.get("fieldName")), arguments, ctx)
                return None, None
            name, field_type = self._field(event)
            value = resolve(name, ctx, from_source(event.get("source")), arguments)
            if inspect.isawaitable(value):
                value = await value
            return to_json(field_type, value), None
        except AgoraError as exc:
            return None, (exc.code, exc.message)
        except Exception:
            log.exception("unexpected error in an AppSync resolver (request %s)", ctx.request_id)
            return None, (ErrorCode.INTERNAL, "Internal error")

    def _field(self, event: Any) -> tuple[str, Any]:
        info = event.get("info") if isinstance(event, dict) else None
        parent = info.get("parentTypeName") if isinstance(info, dict) else None
        field = info.get("fieldName") if isinstance(info, dict) else None
        name = f"{parent}.{field}"
        if not isinstance(parent, str) or not isinstance(field, str) or name not in registered():
            raise BadUserInput(f"No resolver for {name}")
        definition = self._schema.get_type_by_name(parent)
        converter = self._schema.config.name_converter
        for candidate in getattr(definition, "fields", []):
            if converter.get_graphql_name(candidate) == field:
                return name, candidate.type
        raise BadUserInput(f"No field {name} in the schema")
