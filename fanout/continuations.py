"""The rest of a fan-out, as a queue message: which event, which part, after which follower."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from store.change_items import change_from_item, change_to_item
from store.keys import author_topic

if TYPE_CHECKING:
    from core.models import LoggedChange

#: Bumped when the message's shape changes; older shapes stay readable until drained.
VERSION = 1


class Queue(Protocol):
    def send(self, body: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Continuation:
    """Part `part` of publishing `event`: the followers after position `after`."""

    event: LoggedChange
    part: int
    after: str

    def to_message(self) -> str:
        item = change_to_item(self.event, author_topic(self.event.author_id))
        return json.dumps({"v": VERSION, "event": item, "part": self.part, "after": self.after})

    @classmethod
    def from_message(cls, body: str) -> Continuation:
        message = json.loads(body)
        if not isinstance(message, Mapping) or message.get("v") != VERSION:
            raise ValueError(f"not a fan-out continuation: {body[:200]!r}")
        return cls(change_from_item(message["event"]), int(message["part"]), str(message["after"]))


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


def is_queue_event(event: Any) -> bool:
    records = event.get("Records") if isinstance(event, dict) else None
    return (
        isinstance(records, list)
        and bool(records)
        and all(isinstance(r, dict) and r.get("eventSource") == "aws:sqs" for r in records)
    )
