"""Publishing an event to home feeds in bounded parts: one invocation writes up to
`feeds_per_invocation` feeds, in parallel batches, and hands the rest to the queue."""

from __future__ import annotations

import logging
from itertools import chain, islice
from typing import TYPE_CHECKING

from fanout.continuations import Continuation

if TYPE_CHECKING:
    from collections.abc import Iterator

    from core.config import FanOutSettings
    from core.models import LoggedChange
    from fanout.continuations import Queue
    from store.repository import Store

log = logging.getLogger("agora.fanout")


class Publisher:
    def __init__(self, store: Store, settings: FanOutSettings, queue: Queue) -> None:
        self._store = store
        self._settings = settings
        self._queue = queue

    def publish(self, event: LoggedChange) -> None:
        """Part 0: the author's own feed, then followers from the first."""
        self.run(Continuation(event, part=0, after=""))

    def run(self, part: Continuation) -> None:
        """Write one part; if followers remain past the bound, queue the next part.

        The next part is queued only after this one is written, so a failure retries this part
        (whose retry writes only missing copies) and nothing is lost; a part delivered twice
        finds its marker and writes nothing twice.
        """
        event = part.event
        owners = self._owners(part)
        taken = list(islice(owners, self._settings.feeds_per_invocation))
        requests = self._store.feed_copies.copy_to_feeds(
            event,
            [owner for owner, _ in taken],
            part=part.part,
            parallel=self._settings.parallel_writes,
        )
        log.info(
            "event %s part %d: %d feeds in %d batch writes",
            event.id,
            part.part,
            len(taken),
            requests,
        )
        if taken and next(owners, None) is not None:
            self._queue.send(Continuation(event, part.part + 1, taken[-1][1]).to_message())

    def _owners(self, part: Continuation) -> Iterator[tuple[str, str]]:
        """(feed owner, follower position) in order; the author's own feed comes first."""
        author = part.event.author_id
        followers = self._store.follows.followers_after(author, part.after or None)
        if part.part == 0:
            return chain([(author, "")], followers)
        return followers
