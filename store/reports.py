"""Reports and the moderation cases that group them, one case per reported thing.

A report is `CASE#<case> / REPORT#<reporter>` (so a person reports a thing once) and changes its
case in the same transaction: the count, the reasons, and the case's place in the queue (GSI1,
most reported first). Resolving a case drops its queue keys; a later report opens it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import AlreadyReported, Throttled
from core.models import Page
from core.safety import CaseStatus
from store.codecs import attribute_values
from store.errors import translated_errors
from store.items import Item
from store.posts import MAX_RACES
from store.safety_codecs import (
    case_from_item,
    content_to_value,
    new_case_item,
    report_from_item,
    report_to_item,
)
from store.safety_keys import (
    QUEUE_PARTITION,
    REPORT_PREFIX,
    case_key,
    queue_sort_key,
    reporter_partition,
)
from store.tables import Repository
from store.transactions import TransactionCancelled, transact

if TYPE_CHECKING:
    from core.safety import ModerationCase, Report, ReportTarget


class ReportRepository(Repository):
    def case(self, case_id: str, *, consistent: bool = False) -> ModerationCase | None:
        item = self._get(case_key(case_id), consistent=consistent)
        return case_from_item(item) if item else None

    def report(self, report: Report, target: ReportTarget) -> ModerationCase:
        """File a report and count it on its case, in one transaction; once per reporter."""
        put = {
            "Put": {
                "TableName": self._table,
                "Item": report_to_item(report, target),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        }
        for _ in range(MAX_RACES):
            case = self.case(report.case_id, consistent=True)
            with translated_errors():
                try:
                    transact(
                        self._client,
                        [put, self._count(case, report, target)],
                        self._charge(report.reporter_id),
                    )
                except TransactionCancelled as exc:
                    if exc.failed(0):
                        raise AlreadyReported() from exc
                    continue  # another report or a resolution moved the case: read again
            found = self.case(report.case_id, consistent=True)
            if found is not None:
                return found
        raise Throttled("This is being reported by many people right now; retry")

    def _count(self, case: ModerationCase | None, report: Report, target: ReportTarget) -> Item:
        if case is None:
            return {
                "Put": {
                    "TableName": self._table,
                    "Item": new_case_item(report, target),
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
        reopening = case.status is CaseStatus.RESOLVED
        count = 1 if reopening else case.report_count + 1
        values: dict[str, Any] = {
            ":expected": {"N": str(case.version)},
            ":one": {"N": "1"},
            ":count": {"N": str(count)},
            ":open": {"S": CaseStatus.OPEN.value},
            ":at": {"S": report.created_at},
            ":queue": {"S": QUEUE_PARTITION},
            ":sort": {"S": queue_sort_key(count, report.created_at, case.id)},
        }
        sets = [
            "#version = #version + :one",
            "reportCount = :count",
            "#status = :open",
            "lastReportedAt = :at",
            "GSI1PK = :queue",
            "GSI1SK = :sort",
        ]
        names = {"#version": "version", "#status": "status"}
        if reopening:
            # A new round: the queue shows what is reported now, counted from one.
            values[":reasons"] = {"M": {report.reason.value: {"N": "1"}}}
            values[":content"] = content_to_value(report.content)
            sets += ["reasons = :reasons", "firstReportedAt = :at", "content = :content"]
            remove = " REMOVE resolution"
        else:
            values[":zero"] = {"N": "0"}
            names["#reason"] = report.reason.value
            sets.append("reasons.#reason = if_not_exists(reasons.#reason, :zero) + :one")
            remove = ""
        return {
            "Update": {
                "TableName": self._table,
                "Key": attribute_values(case_key(case.id)),
                "UpdateExpression": "SET " + ", ".join(sets) + remove,
                "ConditionExpression": "#version = :expected",
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": values,
            }
        }

    def queue(self, limit: int, after: str | None) -> Page[ModerationCase]:
        """Open cases, most reported first, then most recently reported."""
        return self._query_page(QUEUE_PARTITION, limit, after, case_from_item, index="GSI1")

    def reports_of(self, case_id: str, limit: int, after: str | None) -> Page[Report]:
        """Every report on a case (each reporter once), in reporter order."""
        partition = case_key(case_id)["PK"]
        return self._query_page(
            partition,
            limit,
            after,
            report_from_item,
            sort_prefix=REPORT_PREFIX,
            newest_first=False,
        )

    def by_reporter(self, reporter_id: str, limit: int, after: str | None) -> Page[Report]:
        """A person's own reports, newest first."""
        partition = reporter_partition(reporter_id)
        return self._query_page(partition, limit, after, report_from_item, index="GSI2")
