"""Edit history's output type: a version of a post's or comment's text that an edit replaced."""

from __future__ import annotations

import strawberry

from core import models
from schema.scalars import AWSDateTime


@strawberry.type(description="A version of a text that an edit replaced.")
class Edit:
    version: int
    title: str | None = strawberry.field(description="Posts only.")
    body: str
    written_at: AWSDateTime = strawberry.field(description="When this version was written.")
    replaced_at: AWSDateTime = strawberry.field(description="When the next edit replaced it.")

    @classmethod
    def from_domain(cls, edit: models.Edit) -> Edit:
        return cls(
            version=edit.version,
            title=edit.title,
            body=edit.body,
            written_at=AWSDateTime(edit.written_at),
            replaced_at=AWSDateTime(edit.replaced_at),
        )

    @classmethod
    def all_of(cls, edits: list[models.Edit]) -> list[Edit]:
        return [cls.from_domain(e) for e in edits]
