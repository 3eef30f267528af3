"""A suspension as the suspended person and moderators see it (`User.suspension`)."""

from __future__ import annotations

import strawberry

from core import safety
from schema.scalars import AWSDateTime


@strawberry.type(description="A suspension in force: every write answers FORBIDDEN until it ends.")
class Suspension:
    reason: str
    since: AWSDateTime
    until: AWSDateTime | None = strawberry.field(description="Null: indefinitely.")

    @classmethod
    def from_domain(cls, suspension: safety.Suspension) -> Suspension:
        until = AWSDateTime(suspension.until) if suspension.until else None
        return cls(reason=suspension.reason, since=AWSDateTime(suspension.at), until=until)
