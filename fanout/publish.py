"""Publishing an event to home feeds in bounded parts: one invocation writes up to
`feeds_per_invocation` feeds, in parallel batches, and hands the rest to the queue."""

from __future__ import annotations

import logging
from itertools import chain, islice
from typing import TYPE_CHECKING

from core.models import ChangeKind, PullAccount
from fanout.continuations import Continuation, PartRunner

if TYPE_CHECKING:
    from collections.abc import Iterator

    from core.models import LoggedChange
    from store.repository import Store

log = logging.getLogger("agora.fanout")


class Publisher(PartRunner):
    def publish(self, event: LoggedChange) -> None:
        """Part 0: the author's own feed, then followers from the first; for a pull account,
        the author's feed alone (followers read its posts at feed time)."""
        since = self._pull_since(event)
        if since is None:
            self.run(Continuation(event, part=0, after=""))
            return
        self._store.feed_copies.copy_to_feeds(event, [event.author_id])
        if since == event.at:
            # This post made its author a pull account: each follower's feed learns it (once;
            # a retry rewrites the same markers), in parts like any fan-out.
            self.run(Continuation(event, part=1, after="", pull_since=since))

    def _pull_since(self, event: LoggedChange) -> str | None:
        """Since when the author is a pull account (None: pushed). Crossing the threshold, the
        first new post decides, once; posts created before it stay pushed, so none is lost or
        doubled whichever fan-out runs first."""
        followers, since = self._store.pull_accounts.state(event.author_id)
        created = event.kind is ChangeKind.POST_CREATED
        if since is None and created and followers > self._settings.pull_threshold:
            since = self._store.pull_accounts.become_pull(event.author_id, event.at)
        if since is None or (created and event.at < since):
            return None
        return since

    def run(self, part: Continuation) -> None:
        """Write one part; if followers remain past the bound, queue the next part.

        The next part is queued only after this one is written, so a failure retries this part
        (whose retry writes only missing copies) and nothing is lost; a part delivered twice
        finds its marker, writes nothing twice and queues its successor once.
        """
        if self._delivered_before(part):
            log.info("event %s part %d: done before, delivered again", part.event.id, part.part)
            return
        event = part.event
        owners = self._owners(part)
        taken = list(islice(owners, self._settings.feeds_per_invocation))
        feeds = [owner for owner, _ in taken]
        if part.pull_since is not None:
            pull = PullAccount(event.author_id, part.pull_since)
            requests = self._store.pull_accounts.mark_followers(feeds, pull)
        else:
            requests = self._store.feed_copies.copy_to_feeds(
                event, feeds, part=part.part, parallel=self._settings.parallel_writes
            )
        log.info(
            "event %s part %d: %d feeds in %d batch writes",
            event.id,
            part.part,
            len(taken),
            requests,
        )
        following = None
        if taken and next(owners, None) is not None:
            following = Continuation(event, part.part + 1, taken[-1][1], part.pull_since)
        self._hand_on(part, following)

    def _owners(self, part: Continuation) -> Iterator[tuple[str, str]]:
        return audience(self._store, part.event.author_id, part.part, part.after)


def audience(store: Store, owner: str, part: int, after: str) -> Iterator[tuple[str, str]]:
    """(feed owner, follower position) of one part, in follow order; part 0 begins with the
    owner's own feed."""
    followers = store.follows.followers_after(owner, after or None)
    if part == 0:
        return chain([(owner, "")], followers)
    return followers
