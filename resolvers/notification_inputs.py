"""Arguments of the notification fields (declared like those of resolvers/inputs.py)."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, Field

from resolvers.inputs import Arguments


class MarkSeenArgs(Arguments):
    up_to: AwareDatetime | None = Field(
        None, description="Everything up to this moment is seen; without it, everything so far."
    )

    def moment(self) -> datetime | None:
        return self.up_to
