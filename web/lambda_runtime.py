"""The Lambda's doors, composed once per container around one set of services."""

from __future__ import annotations

import logging
from typing import Any

from mangum import Mangum

from core.config import Settings
from fanout.door import stream_handler
from fanout.service import FanOut
from web.app import create_app
from web.services import Services

logging.getLogger().setLevel(logging.INFO)

# Built at import so a misconfiguration fails the cold start loudly, not the first request.
# Nothing here touches the network: clients and keys are created on first use.
settings = Settings.from_env()
services = Services(settings)

#: API Gateway REST (v1) and HTTP API (v2) events and function URL events.
http_door = Mangum(create_app(settings, services=services), lifespan="off")
#: DynamoDB Stream records of our own table.
stream_door = stream_handler(lambda: FanOut(services.store))


def is_http_event(event: object) -> bool:
    if not isinstance(event, dict) or "requestContext" not in event:
        return False
    return "httpMethod" in event or "http" in (event.get("requestContext") or {})


class UnsupportedEvent(Exception):
    """The function was invoked by something it does not serve."""

    @classmethod
    def of(cls, event: Any) -> UnsupportedEvent:
        keys = sorted(event)[:10] if isinstance(event, dict) else []
        return cls(f"Unsupported event ({type(event).__name__} with keys {keys})")
