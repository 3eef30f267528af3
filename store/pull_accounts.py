"""Which accounts are read at feed time (pull) rather than pushed: `pullSince` on the profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from core.models import PullAccount
from store.batch import batch_write
from store.codecs import attribute_values
from store.errors import error_code, translated_errors
from store.keys import user_key
from store.pull_keys import pull_marker_item
from store.tables import Repository

if TYPE_CHECKING:
    from store.items import Item


class PullAccounts(Repository):
    def state(self, user_id: str) -> tuple[int, str | None]:
        """The account's follower count and, once it is a pull account, since when."""
        with translated_errors():
            response = self._client.get_item(
                TableName=self._table,
                Key=attribute_values(user_key(user_id)),
                ProjectionExpression="followerCount, pullSince",
            )
        item = response.get("Item") or {}
        since = item.get("pullSince", {}).get("S")
        return int(item.get("followerCount", {}).get("N", "0")), since

    def become_pull(self, user_id: str, since: str) -> str:
        """Make the account a pull account from `since` on, once: returns the moment that
        holds (another fan-out may have set it first). It stays one (docs/DATA_MODEL.md)."""
        with translated_errors():
            try:
                self._client.update_item(
                    TableName=self._table,
                    Key=attribute_values(user_key(user_id)),
                    UpdateExpression="SET pullSince = :since",
                    ConditionExpression="attribute_exists(PK) AND attribute_not_exists(pullSince)",
                    ExpressionAttributeValues={":since": {"S": since}},
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                )
            except ClientError as exc:
                if error_code(exc) != "ConditionalCheckFailedException":
                    raise
                old: Item = exc.response.get("Item") or {}  # type: ignore[assignment]
                return str(old.get("pullSince", {}).get("S", since))
        return since

    def mark_followers(self, owners: list[str], pull: PullAccount) -> int:
        """Pull markers in these feeds (rewriting one is harmless); returns requests made."""
        return batch_write(
            self._writes, self._table, puts=(pull_marker_item(o, pull) for o in owners)
        )
