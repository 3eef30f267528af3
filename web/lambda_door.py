"""The Lambda's HTTP door: API Gateway (REST v1, HTTP v2) and function URLs, through Mangum."""

from __future__ import annotations

import logging
from typing import Any

from mangum import Mangum

from core.config import Settings
from web.app import create_app

log = logging.getLogger("agora.lambda")
logging.getLogger().setLevel(logging.INFO)

# Built at import so a misconfiguration fails the cold start loudly, not the first request.
_http = Mangum(create_app(Settings.from_env()), lifespan="off")


class UnsupportedEvent(Exception):
    """The function was invoked by something it does not serve."""


def is_http_event(event: object) -> bool:
    return (
        isinstance(event, dict)
        and "requestContext" in event
        and ("httpMethod" in event or "http" in event.get("requestContext", {}))
    )


def handle(event: Any, context: Any) -> Any:
    if is_http_event(event):
        return _http(event, context)
    kind = type(event).__name__
    keys = sorted(event)[:10] if isinstance(event, dict) else []
    log.error("unsupported event: %s with keys %s", kind, keys)
    raise UnsupportedEvent(f"Unsupported event ({kind} with keys {keys})")
