"""The rest of a fan-out, as a queue message: which event (or repost), which part, after which
follower."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from core.models import Repost
from store.change_items import change_from_item, change_to_item
from store.keys import author_topic

if TYPE_CHECKING:
    from core.config import FanOutSettings
    from core.models import LoggedChange
    from store.repository import Store

#: Bumped when the message's shape changes; older shapes stay readable until drained.
VERSION = 1


class Queue(Protocol):
    def send(self, body: str) -> None: ...


class PartRunner:
    """Runs a fan-out in parts: the store it writes, the bound of a part, the queue of the rest."""

    def __init__(self, store: Store, settings: FanOutSettings, queue: Queue) -> None:
        self._store = store
        self._settings = settings
        self._queue = queue

    def _delivered_before(self, part: Continuation | RepostPart) -> bool:
        """A continuation already done (a duplicate message): it stops before any other I/O."""
        return part.part > 0 and self._store.fanout_parts.done(part.run, part.part)

    def _hand_on(
        self, part: Continuation | RepostPart, following: Continuation | RepostPart | None
    ) -> None:
        """After a part's writes: queue `following`, once however often `part` is delivered,
        then mark `part` done.

        Marked only after the send, so a failure between the two queues the successor again on
        retry (a duplicate, which stops at its own mark) and never loses it. A fan-out of one
        part marks nothing: its writes are idempotent and it queues nothing to double.
        """
        if following is None and part.part == 0:
            return
        parts = self._store.fanout_parts
        # A continuation's own delivery checked its mark on arrival; part 0 (a retried stream
        # record) checks here, where what it would double is the queue message.
        if following is not None and not (part.part == 0 and parts.done(part.run, 0)):
            self._queue.send(following.to_message())
        parts.mark_done(part.run, part.part)


@dataclass(frozen=True, slots=True)
class Continuation:
    """Part `part` of publishing `event`: the followers after position `after`. With
    `pull_since`, the part writes those followers' pull markers instead of the event's copies
    (the event made its author a pull account)."""

    event: LoggedChange
    part: int
    after: str
    pull_since: str | None = None

    @property
    def run(self) -> str:
        """Which fan-out this part is of: the event's copies, or its pull markers."""
        return self.event.id if self.pull_since is None else f"{self.event.id}#pull"

    def to_message(self) -> str:
        item = change_to_item(self.event, author_topic(self.event.author_id))
        message = {"v": VERSION, "event": item, "part": self.part, "after": self.after}
        if self.pull_since is not None:
            message["pullSince"] = self.pull_since
        return json.dumps(message)

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> Continuation:
        since = message.get("pullSince")
        return cls(
            change_from_item(message["event"]),
            int(message["part"]),
            str(message["after"]),
            str(since) if since is not None else None,
        )


@dataclass(frozen=True, slots=True)
class RepostPart:
    """Part `part` of putting a repost in its audience's feeds (or, with `undo`, taking it
    back out): the reposter's followers after position `after`."""

    repost: Repost
    part: int
    after: str
    undo: bool = False

    @property
    def run(self) -> str:
        """Which fan-out this part is of: this repost (one made again is another) or its undo."""
        r = self.repost
        return f"REPOST#{r.post_id}#{r.user_id}#{r.at}{'#undo' if self.undo else ''}"

    def to_message(self) -> str:
        r = self.repost
        repost = {
            "postId": r.post_id,
            "userId": r.user_id,
            "authorId": r.author_id,
            "postCreatedAt": r.post_created_at,
            "at": r.at,
        }
        message: dict[str, Any] = {"v": VERSION, "repost": repost, "part": self.part}
        message["after"] = self.after
        if self.undo:
            message["undo"] = True
        return json.dumps(message)

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> RepostPart:
        r = message["repost"]
        repost = Repost(
            str(r["postId"]),
            str(r["userId"]),
            str(r["authorId"]),
            str(r["postCreatedAt"]),
            str(r["at"]),
        )
        return cls(repost, int(message["part"]), str(message["after"]), bool(message.get("undo")))


def continuation_of(body: str) -> Continuation | RepostPart:
    """The part a queue message asks for; ValueError for a message that is none."""
    try:
        message = json.loads(body)
        if not isinstance(message, Mapping) or message.get("v") != VERSION:
            raise ValueError("no version")
        if "repost" in message:
            return RepostPart.from_message(message)
        return Continuation.from_message(message)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"not a fan-out continuation: {body[:200]!r}") from exc


class InlineQueue:
    """Without a queue (local serve, tests): continuations wait here and the same fan-out runs
    them next, in the same process, exactly as the queue's consumer would."""

    def __init__(self) -> None:
        self.pending: list[str] = []

    def send(self, body: str) -> None:
        self.pending.append(body)

    def take(self) -> list[str]:
        taken, self.pending = self.pending, []
        return taken
