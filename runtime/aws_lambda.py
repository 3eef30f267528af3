"""The composition root of the Lambda: its doors, built once per container around one set of
services."""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any

from mangum import Mangum

from core import logs
from core.config import Settings
from runtime.services import Services
from schema.build import build_schema
from web.app import create_app

if TYPE_CHECKING:
    from collections.abc import Callable

    from fanout.service import FanOut

    Door = Callable[[Any, Any], Any]

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


# The stream, queue and AppSync doors are built on their first event: a container that
# serves HTTP never imports the fan-out or the AppSync shapes (cold start, docs/BENCHMARKS.md).


def _fanout() -> FanOut:
    from fanout.media import MediaProcessing
    from fanout.service import FanOut

    return FanOut(
        services.store,
        MediaProcessing(services.store, services.media, settings.upload_limits),
        settings.fanout,
        services.fanout_queue,
        services.signals,
    )


@cache
def _stream_door() -> Door:
    from fanout.door import stream_handler

    return stream_handler(_fanout)


@cache
def _queue_door() -> Door:
    from fanout.door import queue_handler

    return queue_handler(_fanout)


@cache
def _appsync_door() -> Door:
    from appsync.door import AppSyncDoor

    return AppSyncDoor(schema, services)


def stream_door(event: Any, context: Any) -> Any:
    """DynamoDB Stream records of our own table."""
    return _stream_door()(event, context)


def queue_door(event: Any, context: Any) -> Any:
    """The fan-out's continuations (SQS)."""
    return _queue_door()(event, context)


def appsync_door(event: Any, context: Any) -> Any:
    """AppSync direct Lambda resolvers, Invoke and BatchInvoke."""
    return _appsync_door()(event, context)


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
