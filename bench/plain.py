"""What the floor builds by hand: attribute values in, JSON responses out."""

from __future__ import annotations

import json
from typing import Any

Item = dict[str, Any]


def string(item: Item, name: str) -> str:
    return str(item[name]["S"])


def number(item: Item, name: str) -> int:
    return int(item[name]["N"]) if name in item else 0


def attributes(key: dict[str, str]) -> Item:
    return {k: {"S": v} for k, v in key.items()}


def respond(data: Any) -> dict[str, Any]:
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"data": data}),
        "isBase64Encoded": False,
    }
