"""A moderator's removal of someone else's post or comment: its audit entry, in the delete's
own transaction (so a removal is never unaudited, and a failed one leaves no entry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime
from core.ids import new_id
from store.safety_codecs import audit_put

if TYPE_CHECKING:
    from datetime import datetime

    from core.safety import Removal, ReportTarget


def removal_audit(
    table: str, removal: Removal | None, target: ReportTarget, now: datetime
) -> list[dict[str, Any]]:
    """The audit entry's Put when a moderator removes another's content; else nothing."""
    if removal is None or removal.moderator_id == target.author_id:
        return []
    return [audit_put(table, removal.entry(new_id(), aws_datetime(now), target))]
