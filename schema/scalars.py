"""Scalars that keep the plain SDL and AppSync's SDL in agreement."""

from __future__ import annotations

from typing import NewType

import strawberry

AWSDateTime = strawberry.scalar(
    NewType("AWSDateTime", str),
    description="An ISO 8601 UTC timestamp, `YYYY-MM-DDTHH:MM:SS.sssZ` (AppSync's AWSDateTime).",
    serialize=str,
    parse_value=str,
)
