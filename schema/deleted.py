"""What a delete answers: the id of what it removed."""

from __future__ import annotations

import strawberry


@strawberry.type(description="What a delete removed.")
class Deleted:
    id: strawberry.ID

    @classmethod
    def from_domain(cls, deleted_id: str) -> Deleted:
        return cls(id=strawberry.ID(deleted_id))
