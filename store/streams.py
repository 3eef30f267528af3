"""Reading the table's stream directly: local serve's stand-in for Lambda's event source mapping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.errors import translated_errors

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodbstreams import DynamoDBStreamsClient


class StreamReader:
    """Follows every shard of the table's stream from "now"; `poll` returns new records."""

    def __init__(
        self, client: DynamoDBClient, streams: DynamoDBStreamsClient, table_name: str
    ) -> None:
        with translated_errors():
            description = client.describe_table(TableName=table_name)["Table"]
        self._streams = streams
        self._arn = description["LatestStreamArn"]
        self._iterators: dict[str, str | None] = {}
        self._discover("LATEST")

    def _discover(self, start: str) -> None:
        with translated_errors():
            shards = self._streams.describe_stream(StreamArn=self._arn)["StreamDescription"]
        for shard in shards.get("Shards", []):
            shard_id = shard["ShardId"]
            if shard_id not in self._iterators:
                with translated_errors():
                    self._iterators[shard_id] = self._streams.get_shard_iterator(
                        StreamArn=self._arn,
                        ShardId=shard_id,
                        ShardIteratorType=start,  # type: ignore[arg-type]
                    )["ShardIterator"]

    def poll(self) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        self._discover("TRIM_HORIZON")  # shards opened since the last poll are read whole
        for shard_id, iterator in list(self._iterators.items()):
            if iterator is None:
                continue
            with translated_errors():
                response = self._streams.get_records(ShardIterator=iterator)
            self._iterators[shard_id] = response.get("NextShardIterator")
            for record in response.get("Records", []):
                records.append({**record, "eventSource": "aws:dynamodb"})
        return records
