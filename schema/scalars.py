"""Scalars that keep the plain SDL and AppSync's SDL in agreement."""

from __future__ import annotations

from typing import NewType

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.types.scalar import ScalarDefinition

AWSDateTime = NewType("AWSDateTime", str)

SCALARS: dict[object, ScalarDefinition] = {
    AWSDateTime: strawberry.scalar(
        name="AWSDateTime",
        description=(
            "An ISO 8601 UTC timestamp, `YYYY-MM-DDTHH:MM:SS.sssZ` (AppSync's AWSDateTime)."
        ),
        serialize=str,
        parse_value=str,
    )
}


def schema_config() -> StrawberryConfig:
    return StrawberryConfig(scalar_map=SCALARS)
