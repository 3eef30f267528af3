"""Strawberry's ASGI view, answering every failure in GraphQL's error shape."""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from cross_web import HTTPException
from starlette.responses import HTMLResponse, JSONResponse
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from auth.http import viewer_from_request
from core.errors import AgoraError, ErrorCode
from core.logs import current_request_id
from resolvers.context import Backends, RequestContext
from schema.errors import INTERNAL_MESSAGE, shape_error
from web.body_limit import BodyTooLarge, counted, declared_too_large
from web.persisted import PersistedQueries, PersistedQueryNotFound
from web.ws_errors import CodedTransportWSHandler

if TYPE_CHECKING:
    from collections.abc import Callable

    from cross_web import AsyncHTTPRequestAdapter
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.types import Receive, Scope, Send
    from starlette.websockets import WebSocket
    from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
    from strawberry.schema import BaseSchema
    from strawberry.types import ExecutionResult

    from auth.tokens import TokenVerifier
    from auth.viewer import Viewer
    from web.loop_threads import LoopThreads

log = logging.getLogger("agora.http")


class HttpServices(Backends, Protocol):
    """What the HTTP door needs from the composition root (runtime.services.Services)."""

    @property
    def verifier(self) -> TokenVerifier | None: ...


def error_body(message: str, code: ErrorCode) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code.value}}]}


#: A caller's x-request-id is logged and echoed only if it looks like an id (no escapes).
_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:/+=-]{1,128}")


def request_id_of(scope: Scope) -> str:
    """API Gateway's request id behind it, else Lambda's, else the caller's x-request-id, else
    a new one."""
    gateway = ((scope.get("aws.event") or {}).get("requestContext") or {}).get("requestId")
    if gateway:
        return str(gateway)
    aws_context = scope.get("aws.context")
    if aws_context is not None and getattr(aws_context, "aws_request_id", None):
        return str(aws_context.aws_request_id)
    for name, value in scope.get("headers", []):
        if name == b"x-request-id" and _REQUEST_ID.fullmatch(value):
            return str(value.decode("ascii"))
    return str(uuid.uuid4())


#: This request's context, for the body parser (persisted queries ask who is calling).
_request_context: ContextVar[RequestContext | None] = ContextVar("request_context", default=None)
#: Strawberry allows 100 per socket; each one reads the change log and runs its selection
#: for every event, so a socket is held to a few (MAX_SUBSCRIPTION_COST bounds each).
SUBSCRIPTIONS_PER_CONNECTION = 10

GRAPHQL_RESPONSE = "application/graphql-response+json"
#: Bodies larger than this are refused before they are read (API Gateway's own cap is 10 MB).


def _signed_in(context: RequestContext) -> bool:
    """A valid viewer; the check is the request's own (cached), not a second one."""
    try:
        return context.viewer is not None
    except AgoraError:
        return False


def accepts_graphql_response(request: Request) -> bool:
    return GRAPHQL_RESPONSE in request.headers.get("accept", "")


def is_request_error(result: ExecutionResult) -> bool:
    """The request never executed: it did not parse, validate, or coerce its variables."""
    errors = result.errors or []
    return result.data is None and bool(errors) and not any(e.path for e in errors)


class GraphQLView(GraphQL[RequestContext, None]):
    """Strawberry's view, speaking GraphQL over HTTP: `application/graphql-response+json` when the
    client accepts it (4xx for requests that never executed), 405/413/415 where the spec says."""

    graphql_transport_ws_handler_class = CodedTransportWSHandler

    def __init__(
        self,
        schema: BaseSchema,
        services: HttpServices,
        *,
        playground: Callable[[str], str] | None = None,
        threads: LoopThreads | None = None,
    ) -> None:
        """`threads`: a long-lived server's pool, on which each HTTP operation executes (its
        synchronous DynamoDB calls off the server's loop); without it (the Lambda) they run on
        the event loop."""
        super().__init__(
            schema,
            graphql_ide="graphiql" if playground is not None else None,
            # Only the current protocol: the legacy one has had authentication bypasses.
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=SUBSCRIPTIONS_PER_CONNECTION,
        )
        self.services = services
        self.threads = threads
        settings = services.settings
        self.persisted = PersistedQueries.from_manifest_file(
            settings.persisted_queries, settings.persisted_queries_manifest
        )
        self._playground = None if playground is None else playground(self.graphql_ide_html)

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self._playground or "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        limit = self.services.settings.limits.max_body_bytes
        try:
            if declared_too_large(scope, limit):
                raise BodyTooLarge(limit)
            await super().__call__(scope, counted(receive, limit), send)
        except BodyTooLarge as exc:
            response = JSONResponse(error_body(str(exc), ErrorCode.BAD_USER_INPUT), 413)
            await response(scope, receive, send)
        except Exception:
            # Strawberry answers request errors itself; anything reaching here is ours.
            log.exception("unhandled error (request %s)", request_id_of(scope))
            response = JSONResponse(error_body(INTERNAL_MESSAGE, ErrorCode.INTERNAL), 500)
            await response(scope, receive, send)

    async def run(  # type: ignore[override]
        self, request: Request | WebSocket, context: Any = None, root_value: Any = None
    ) -> Response | WebSocket:
        try:
            return await super().run(request)
        except PersistedQueryNotFound:
            # Apollo's clients recognise this message and code, and resend with the query.
            body = {
                "errors": [
                    {
                        "message": "PersistedQueryNotFound",
                        "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
                    }
                ]
            }
            return JSONResponse(body, 200)
        except AgoraError as exc:
            status = 403 if exc.code is ErrorCode.FORBIDDEN else 400
            return JSONResponse(error_body(exc.message, exc.code), status)
        except HTTPException as exc:
            status, headers = exc.status_code, {}
            if "not allowed when using GET" in exc.reason:
                status, headers = 405, {"allow": "POST"}  # mutations only over POST
            elif exc.reason == "Unsupported content type":
                status = 415
            code = ErrorCode.BAD_USER_INPUT if status < 500 else ErrorCode.INTERNAL
            return JSONResponse(error_body(exc.reason, code), status, headers=headers)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: RequestContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        execution = super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if self.threads is None:
            return await execution
        return await self.threads.run(execution)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        data = await super().parse_http_body(request)
        if isinstance(data, list):
            return data  # batching is off: Strawberry refuses it
        context = _request_context.get()
        query = self.persisted.resolve(
            data.query, data.extensions, lambda: context is not None and _signed_in(context)
        )
        return replace(data, query=query)

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        services = self.services
        settings = services.settings

        def identify() -> Viewer | None:
            # Browsers cannot set headers on a websocket: the token comes in connection_init.
            authorization = request.headers.get("authorization")
            params = context.connection_params
            if params:
                sent = params.get("Authorization") or params.get("authorization")
                authorization = sent if isinstance(sent, str) else None
            return viewer_from_request(
                authorization,
                request.scope.get("aws.event"),
                services.verifier,
                trust_gateway=settings.auth_trust_gateway,
            )

        request_id = request_id_of(request.scope)
        current_request_id.set(request_id)
        request.state.sub_response = response
        context = RequestContext(
            backends=services,
            identify=identify,
            request_id=request_id,
            settings=settings,
            # A socket's subscriptions run on the server's loop: their reads go to a thread.
            offload_reads=self.threads is not None and request.scope["type"] == "websocket",
        )
        _request_context.set(context)  # Strawberry builds it before it parses the body
        return context

    async def on_ws_connect(self, context: RequestContext) -> dict[str, object] | None:
        """Every subscription needs a viewer: refuse the socket at connection_init without one."""
        try:
            viewer = context.viewer
        except AgoraError as exc:
            log.info("websocket refused: %s", getattr(exc, "reason", exc.message))
            raise ConnectionRejectionError() from exc
        if viewer is None:
            log.info("websocket refused: no credentials in connection_init")
            raise ConnectionRejectionError()
        return None

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if result.errors:
            result.errors = [shape_error(e) for e in result.errors]
        body = await super().process_result(request, result)
        if accepts_graphql_response(request):
            sub_response = request.state.sub_response
            sub_response.media_type = GRAPHQL_RESPONSE
            if is_request_error(result):
                sub_response.status_code = 400
                body.pop("data", None)  # it never executed: no data entry at all
        return body

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        if getattr(sub_response, "media_type", None) == GRAPHQL_RESPONSE:
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
        return response
