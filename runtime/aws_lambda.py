"""The composition root of the Lambda: its doors, built once per container around one set of
services."""

from __future__ import annotations

import os
from typing import Any

from mangum import Mangum

from appsync.door import AppSyncDoor
from core import logs
from core.config import Settings
from fanout.door import queue_handler, stream_handler
from fanout.media import MediaProcessing
from fanout.service import FanOut
from runtime.services import Services
from schema.build import build_schema
from web.app import create_app

logs.configure()

if os.environ.get("AWS_XRAY_SDK_ENABLED") == "true":
    # Only with tracing on: the SDK costs cold-start time, and untraced functions skip it.
    from aws_xray_sdk.core import patch

    patch(["botocore"])

# Built at import so a misconfiguration fails the cold start loudly, not the first request.
# Nothing here touches the network: clients and keys are created on first use.
settings = Settings.from_env()
services = Services(settings)

schema = build_schema(settings.limits, introspection=settings.introspection)

_mangum = Mangum(create_app(services, schema), lifespan="off")


def _fanout() -> FanOut:
    return FanOut(
        services.store,
        MediaProcessing(services.store, services.media, settings.upload_limits),
        settings.fanout,
        services.fanout_queue,
        services.signals,
    )


#: DynamoDB Stream records of our own table.
stream_door = stream_handler(_fanout)
#: The fan-out's continuations (SQS).
queue_door = queue_handler(_fanout)
#: AppSync direct Lambda resolvers, Invoke and BatchInvoke.
appsync_door = AppSyncDoor(schema, services)


def is_http_event(event: object) -> bool:
    if not isinstance(event, dict) or "requestContext" not in event:
        return False
    return "httpMethod" in event or "http" in (event.get("requestContext") or {})


def without_stage(event: dict[str, Any]) -> dict[str, Any]:
    """An HTTP API's named stage prefixes the path (`/prod/graphql`); the app serves `/graphql`."""
    stage = (event.get("requestContext") or {}).get("stage")
    raw_path = event.get("rawPath")
    if not stage or stage == "$default" or not isinstance(raw_path, str):
        return event
    prefix = f"/{stage}"
    if raw_path == prefix or raw_path.startswith(prefix + "/"):
        return {**event, "rawPath": raw_path[len(prefix) :] or "/"}
    return event


def http_door(event: dict[str, Any], context: Any) -> Any:
    """API Gateway REST (v1) and HTTP API (v2) events and function URL events."""
    return _mangum(without_stage(event), context)


class UnsupportedEvent(Exception):
    """The function was invoked by something it does not serve."""

    @classmethod
    def of(cls, event: Any) -> UnsupportedEvent:
        keys = sorted(event)[:10] if isinstance(event, dict) else []
        return cls(f"Unsupported event ({type(event).__name__} with keys {keys})")
