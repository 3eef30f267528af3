"""Translation of DynamoDB client failures into domain errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)

from core.errors import Throttled, Unavailable

THROTTLING_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "SlowDown",  # S3
    }
)
UNAVAILABLE_CODES = frozenset({"InternalServerError", "ServiceUnavailable", "InternalError"})


def error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


class StoreError(Exception):
    """A DynamoDB failure that is our bug or misconfiguration; masked as INTERNAL for clients."""


@contextmanager
def translated_errors() -> Iterator[None]:
    """Turn transport and service failures into THROTTLED / UNAVAILABLE / StoreError.

    Callers handle the codes that carry domain meaning (conditional checks) inside this block.
    """
    try:
        yield
    except ClientError as exc:
        code = error_code(exc)
        if code in THROTTLING_CODES:
            raise Throttled("The database is busy; retry with backoff") from exc
        if code in UNAVAILABLE_CODES:
            raise Unavailable("The database is temporarily unavailable; retry") from exc
        raise StoreError(f"AWS error {code}") from exc
    except (
        EndpointConnectionError,
        ConnectTimeoutError,
        ReadTimeoutError,
        ConnectionClosedError,
    ) as exc:
        raise Unavailable("The database cannot be reached; retry") from exc
