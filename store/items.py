"""Raw items by key, for the per-request loader that batches every lookup of a response."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from store.batch import batch_get
from store.codecs import key_of

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

#: (PK, SK)
TableKey = tuple[str, str]


class ItemReader:
    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def get_many(self, keys: Sequence[TableKey]) -> list[dict[str, Any] | None]:
        """Items in the order of `keys`, None where there is none: ⌈distinct/100⌉ requests."""
        distinct = list(dict.fromkeys(keys))
        found = {
            key_of(item): item
            for item in batch_get(
                self._client,
                self._table,
                [{"PK": {"S": pk}, "SK": {"S": sk}} for pk, sk in distinct],
            )
        }
        return [found.get(key) for key in keys]
