"""Checks schemathesis runs on every generated request (loaded through SCHEMATHESIS_HOOKS)."""

from __future__ import annotations

from typing import Any

import schemathesis

from core.errors import ErrorCode

#: What a client may see in `extensions.code`: our table, and Apollo's persisted-query signal.
CODES = {code.value for code in ErrorCode} | {"PERSISTED_QUERY_NOT_FOUND"}


@schemathesis.check
def errors_carry_a_known_code(ctx: Any, response: Any, case: Any) -> bool | None:
    """No server error, and every error has one of our codes; INTERNAL means a bug here."""
    if response.status_code >= 500:
        raise AssertionError(f"server error {response.status_code}: {response.text[:300]}")
    body = response.json()
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code not in CODES or code == ErrorCode.INTERNAL:
            raise AssertionError(f"error without a proper code: {error}")
        if "Traceback" in error.get("message", ""):
            raise AssertionError(f"a stack trace reached the client: {error}")
    return None
