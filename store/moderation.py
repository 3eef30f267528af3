"""Moderator actions: a case resolved, its audit entry and any suspension in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import CaseNotFound, CaseResolved, Throttled
from core.models import Page
from core.safety import CaseStatus, ModerationAction
from store.codecs import attribute_values
from store.posts import MAX_RACES
from store.safety_codecs import (
    audit_from_item,
    audit_put,
    case_from_item,
    suspension_from_item,
    suspension_to_item,
)
from store.safety_keys import AUDIT_PARTITION, case_key, suspension_key
from store.tables import Repository, Table
from store.transactions import transact_guarded

if TYPE_CHECKING:
    from collections.abc import Callable

    from core.safety import AuditEntry, ModerationCase, Suspension
    from store.reports import ReportRepository


class ModerationRepository(Repository):
    def __init__(self, table: Table, reports: ReportRepository) -> None:
        super().__init__(table)
        self._reports = reports

    def open_case(self, case_id: str) -> ModerationCase:
        case = self._reports.case(case_id, consistent=True)
        if case is None:
            raise CaseNotFound(case_id)
        if case.status is not CaseStatus.OPEN:
            raise CaseResolved()
        return case

    def resolve(
        self,
        case_id: str,
        entry: Callable[[ModerationCase], AuditEntry],
        suspension: Suspension | None = None,
    ) -> tuple[ModerationCase, AuditEntry]:
        """Close the case as it is now, with the audit entry `entry` makes of it.

        Reports arriving meanwhile change the case's version: the action is then retried on
        the fresh case, so the audit entry counts every report it answered.
        """
        for _ in range(MAX_RACES):
            case = self.open_case(case_id)
            audit = entry(case)
            items: list[dict[str, Any]] = [
                {"Update": self._close(case, audit.action)},
                audit_put(self._table, audit),
            ]
            if suspension is not None:
                # A new suspension replaces an earlier one, whatever its end.
                items.append(
                    {"Put": {"TableName": self._table, "Item": suspension_to_item(suspension)}}
                )
            if not transact_guarded(self._client, items):
                continue
            return case_from_item(self._closed_item(case, audit.action)), audit
        raise Throttled("This case is changing too often right now; retry")

    def _close(self, case: ModerationCase, action: ModerationAction) -> dict[str, Any]:
        return {
            "TableName": self._table,
            "Key": attribute_values(case_key(case.id)),
            "UpdateExpression": (
                "SET #status = :resolved, resolution = :action, #version = #version + :one "
                "REMOVE GSI1PK, GSI1SK"
            ),
            "ConditionExpression": "#version = :expected AND #status = :open",
            "ExpressionAttributeNames": {"#status": "status", "#version": "version"},
            "ExpressionAttributeValues": {
                ":resolved": {"S": CaseStatus.RESOLVED.value},
                ":open": {"S": CaseStatus.OPEN.value},
                ":action": {"S": action.value},
                ":one": {"N": "1"},
                ":expected": {"N": str(case.version)},
            },
        }

    def _closed_item(self, case: ModerationCase, action: ModerationAction) -> dict[str, Any]:
        item = self._get(case_key(case.id), consistent=True)
        if item is None:
            raise CaseNotFound(case.id)
        return item

    def audit(self, limit: int, after: str | None) -> Page[AuditEntry]:
        """Every moderator action, newest first."""
        return self._query_page(AUDIT_PARTITION, limit, after, audit_from_item)

    def suspension(self, user_id: str) -> Suspension | None:
        """The user's latest suspension, ended or not (callers compare `until` with now)."""
        return suspension_from_item(self._get(suspension_key(user_id), consistent=True))
