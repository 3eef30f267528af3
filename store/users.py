"""User profiles and the handles they claim."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from core.errors import Conflict, Throttled
from store.codecs import attribute_values, user_from_item, user_to_item
from store.errors import error_code, translated_errors
from store.keys import handle_key, user_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mypy_boto3_dynamodb import DynamoDBClient

    from core.models import UserProfile

#: BatchGetItem's hard limit of keys per request.
BATCH_GET_LIMIT = 100
MAX_UNPROCESSED_RETRIES = 6


class HandleTaken(Conflict):
    def __init__(self, handle: str) -> None:
        super().__init__(f"The handle {handle!r} is taken")


class UserRepository:
    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def create(self, user: UserProfile) -> UserProfile:
        """Write a profile and claim its handle in one transaction; neither can clobber."""
        with translated_errors():
            try:
                self._client.transact_write_items(
                    TransactItems=[
                        {
                            "Put": {
                                "TableName": self._table,
                                "Item": user_to_item(user),
                                "ConditionExpression": "attribute_not_exists(PK)",
                            }
                        },
                        {
                            "Put": {
                                "TableName": self._table,
                                "Item": {
                                    **attribute_values(handle_key(user.handle)),
                                    "userId": {"S": user.id},
                                },
                                "ConditionExpression": "attribute_not_exists(PK)",
                            }
                        },
                    ]
                )
            except ClientError as exc:
                if error_code(exc) != "TransactionCanceledException":
                    raise
                reasons = exc.response.get("CancellationReasons", [])
                if len(reasons) > 1 and reasons[1].get("Code") == "ConditionalCheckFailed":
                    raise HandleTaken(user.handle) from exc
                if reasons and reasons[0].get("Code") == "ConditionalCheckFailed":
                    raise Conflict(f"User {user.id} already has a profile") from exc
                raise
        return user

    def get(self, user_id: str) -> UserProfile | None:
        with translated_errors():
            response = self._client.get_item(
                TableName=self._table, Key=attribute_values(user_key(user_id))
            )
        item = response.get("Item")
        return user_from_item(item) if item else None

    def get_many(self, user_ids: Iterable[str]) -> dict[str, UserProfile]:
        """One BatchGetItem per 100 distinct ids; unprocessed keys are retried, never dropped."""
        unique = list(dict.fromkeys(user_ids))
        found: dict[str, UserProfile] = {}
        for start in range(0, len(unique), BATCH_GET_LIMIT):
            keys = [
                attribute_values(user_key(uid)) for uid in unique[start : start + BATCH_GET_LIMIT]
            ]
            for item in self._batch_get(keys):
                user = user_from_item(item)
                found[user.id] = user
        return found

    def _batch_get(self, keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        request: dict[str, Any] = {self._table: {"Keys": keys}}
        attempt = 0
        while request:
            with translated_errors():
                response = self._client.batch_get_item(RequestItems=request)
            items.extend(response.get("Responses", {}).get(self._table, []))
            request = dict(response.get("UnprocessedKeys") or {})
            if request:
                attempt += 1
                if attempt > MAX_UNPROCESSED_RETRIES:
                    raise Throttled("The database is busy; retry with backoff")
                time.sleep(min(0.05 * 2**attempt, 1.0))
        return items
