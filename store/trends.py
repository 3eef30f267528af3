"""Trending hashtags: one precomputed item the fan-out keeps, read with one GetItem.

The item holds, for the most used tags, their uses per hour (not a total), so a reader sums
the hours still inside the window: the list decays by itself, with no job to expire it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.errors import Throttled
from core.hashtags import TRENDING_KEPT, Trend, hour_of, ranked, totals, window_hours
from store.codecs import attribute_values
from store.discovery_keys import tag_use_partition, trending_key
from store.errors import translated_errors
from store.tables import Repository

if TYPE_CHECKING:
    from store.items import Item

#: Concurrent refreshes of the one item retry this often before giving up (the stream retries).
MAX_RACES = 8

Counts = dict[str, dict[str, int]]


def _counts(item: Item | None) -> Counts:
    if item is None:
        return {}
    return {
        tag: {hour: int(n["N"]) for hour, n in by_hour["M"].items()}
        for tag, by_hour in item["tags"]["M"].items()
    }


class TrendRepository(Repository):
    def trending(self, limit: int) -> list[Trend]:
        """The most used tags of the window, from the one item (eventually consistent)."""
        counts = _counts(self._get(trending_key()))
        hours = window_hours(self._clock())
        return [Trend(tag, n) for tag, n in ranked(totals(counts, hours), limit)]

    def this_hour(self) -> str:
        return hour_of(aws_datetime(self._clock()))

    def uses(self, tag: str) -> dict[str, int]:
        """A tag's uses per hour of the window, summed over its shards' counters."""
        hours = window_hours(self._clock())
        with translated_errors():
            response = self._client.query(
                TableName=self._table,
                KeyConditionExpression="PK = :pk AND SK >= :from",
                ExpressionAttributeValues={
                    ":pk": {"S": tag_use_partition(tag)},
                    ":from": {"S": min(hours)},
                },
                ConsistentRead=True,
            )
        by_hour: dict[str, int] = {}
        for item in response.get("Items", []):
            hour = item["SK"]["S"].partition("#")[0]
            if hour in hours:
                by_hour[hour] = by_hour.get(hour, 0) + int(item.get("uses", {"N": "0"})["N"])
        return by_hour

    def refresh(self, tag: str, by_hour: dict[str, int]) -> bool:
        """Put the tag's hours into the item if it ranks among the kept; False if it does not."""
        hours = window_hours(self._clock())
        for _ in range(MAX_RACES):
            item = self._get(trending_key(), consistent=True)
            counts = {
                t: {h: n for h, n in by_h.items() if h in hours}
                for t, by_h in _counts(item).items()
            }
            counts[tag] = {h: n for h, n in by_hour.items() if h in hours and n > 0}
            kept = {t for t, _ in ranked(totals(counts, hours), TRENDING_KEPT)}
            if tag not in kept and tag not in _counts(item):
                return False
            if self._put(item, {t: counts[t] for t in kept}):
                return True
        raise Throttled("the trends item is changing too often; the stream batch retries")

    def _put(self, previous: Item | None, counts: Counts) -> bool:
        version = int(previous["version"]["N"]) if previous else 0
        item = {
            **attribute_values(trending_key()),
            "type": {"S": "Trending"},
            "tags": {
                "M": {
                    tag: {"M": {h: {"N": str(n)} for h, n in by_hour.items()}}
                    for tag, by_hour in counts.items()
                }
            },
            "version": {"N": str(version + 1)},
        }
        condition: dict[str, Any] = (
            {
                "ConditionExpression": "version = :v",
                "ExpressionAttributeValues": {":v": {"N": str(version)}},
            }
            if previous
            else {"ConditionExpression": "attribute_not_exists(PK)"}
        )
        with translated_errors():
            try:
                self._client.put_item(TableName=self._table, Item=item, **condition)
            except self._client.exceptions.ConditionalCheckFailedException:
                return False
        return True
