"""The floor for cold starts: the least a Strawberry + Mangum + boto3 Lambda can import and do."""

from __future__ import annotations

from typing import Any

import boto3
import strawberry
from mangum import Mangum
from strawberry.asgi import GraphQL


@strawberry.type
class Query:
    @strawberry.field
    def health(self) -> str:
        return "ok"


_client = None


async def _context(request: Any, response: Any) -> dict[str, Any]:
    # Like the real handler: a DynamoDB client made on first use, once per container.
    global _client
    if _client is None:
        _client = boto3.client("dynamodb", region_name="us-east-1")
    return {"client": _client}


class App(GraphQL[dict[str, Any], None]):
    async def get_context(self, request: Any, response: Any) -> dict[str, Any]:
        return await _context(request, response)


handler = Mangum(App(strawberry.Schema(Query)), lifespan="off")
