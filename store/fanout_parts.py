"""Which parts of a fan-out in parts are done, so a part delivered twice queues nothing twice."""

from __future__ import annotations

from datetime import timedelta

from store.codecs import attribute_values
from store.errors import translated_errors
from store.keys import fanout_part_done_key
from store.table import TTL_ATTRIBUTE
from store.tables import Repository

#: As long as the fan-out queue keeps a message (its MessageRetentionPeriod, 14 days): a
#: duplicate, or a redrive from the dead-letter queue, is recognised for as long as it can come.
DONE_RETENTION = timedelta(days=14)


class FanOutParts(Repository):
    def done(self, run: str, part: int) -> bool:
        """Whether part `part` of the fan-out `run` made its writes and queued its successor."""
        return self._get(fanout_part_done_key(run, part), consistent=True) is not None

    def mark_done(self, run: str, part: int) -> None:
        """Record the part done; written again by a late duplicate, it says the same."""
        expires = int((self._clock() + DONE_RETENTION).timestamp())
        item = {
            **attribute_values(fanout_part_done_key(run, part)),
            TTL_ATTRIBUTE: {"N": str(expires)},
        }
        with translated_errors():
            self._client.put_item(TableName=self._table, Item=item)
