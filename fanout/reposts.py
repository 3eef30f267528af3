"""Reposts in home feeds, in bounded parts like a post's fan-out: one invocation reaches up to
`feeds_per_invocation` feeds of the reposter's audience and queues the rest."""

from __future__ import annotations

import logging
from itertools import islice
from typing import TYPE_CHECKING

from fanout.continuations import PartRunner, RepostPart
from fanout.publish import audience as reposter_audience

if TYPE_CHECKING:
    from core.models import Repost

log = logging.getLogger("agora.fanout")


class RepostSharing(PartRunner):
    def added(self, repost: Repost) -> None:
        self.run(RepostPart(repost, part=0, after=""))

    def removed(self, repost: Repost) -> None:
        self.run(RepostPart(repost, part=0, after="", undo=True))

    def run(self, part: RepostPart) -> None:
        """One part: the reposter's own feed and their followers' (not the author's: the post
        is there), at most the bound of them; the next part is queued after this one's writes.

        A later part first checks the repost still is as it was: one undone (or made again)
        since its first part is the undo's (or the new repost's) to finish. Every step skips
        what is already done, so a part delivered twice changes nothing and queues its
        successor once.
        """
        repost = part.repost
        if self._delivered_before(part):
            log.info("repost %s by %s part %d: done before", *_who(repost), part.part)
            return
        if part.part > 0 and not self._still_current(part):
            log.info("repost %s by %s changed since; part %d stops", *_who(repost), part.part)
            return
        audience = reposter_audience(self._store, repost.user_id, part.part, part.after)
        taken = list(islice(audience, self._settings.feeds_per_invocation))
        owners = [owner for owner, _ in taken if owner != repost.author_id]
        if part.undo:
            brought = self._store.repost_feeds.remove(repost, owners)
            self._bring_back(repost, brought)
            log.info("unrepost %s by %s part %d: %d feeds", *_who(repost), part.part, len(owners))
        else:
            added = self._store.repost_feeds.add(repost, owners)
            log.info("repost %s by %s part %d: %d feeds", *_who(repost), part.part, added)
        following = None
        if taken and next(audience, None) is not None:
            following = RepostPart(repost, part.part + 1, taken[-1][1], part.undo)
        self._hand_on(part, following)

    def _still_current(self, part: RepostPart) -> bool:
        since = self._store.reposts.standing_since(part.repost.post_id, part.repost.user_id)
        return since is None if part.undo else since == part.repost.at

    def _bring_back(self, undone: Repost, feeds: list[str]) -> None:
        """Feeds an undone repost leaves may still be owed the post by another repost of it
        (someone else they follow, or their own)."""
        for other in self._store.reposts.of_post(undone.post_id):
            if not feeds:
                return
            if other.user_id == undone.user_id:
                continue
            owed = self._store.follows.who_follow(other.user_id, feeds)
            owed += [other.user_id] if other.user_id in feeds else []
            self._store.repost_feeds.add(other, owed)
            feeds = [f for f in feeds if f not in owed]


def _who(repost: Repost) -> tuple[str, str]:
    return repost.post_id, repost.user_id
