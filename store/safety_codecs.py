"""Item <-> domain codecs of reports, moderation cases, audit entries and suspensions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.safety import (
    AuditEntry,
    CaseStatus,
    ModerationAction,
    ModerationCase,
    Report,
    ReportedContent,
    ReportReason,
    ReportTarget,
    Suspension,
    TargetKind,
)
from store.codecs import attribute_values
from store.items import Item
from store.safety_keys import (
    audit_key,
    case_key,
    queue_index_keys,
    report_index_keys,
    report_key,
    suspension_key,
)

if TYPE_CHECKING:
    from collections.abc import Mapping


def _s(item: Mapping[str, Any], name: str, default: str = "") -> str:
    value = item.get(name)
    return str(value["S"]) if value else default


def _optional(item: Mapping[str, Any], name: str) -> str | None:
    value = item.get(name)
    return str(value["S"]) if value else None


def content_to_value(content: ReportedContent) -> Item:
    return {
        "M": {
            "title": {"S": content.title},
            "body": {"S": content.body},
            "handle": {"S": content.handle},
            "displayName": {"S": content.display_name},
        }
    }


def content_from_value(value: Mapping[str, Any] | None) -> ReportedContent:
    fields = value["M"] if value else {}
    return ReportedContent(
        title=_s(fields, "title"),
        body=_s(fields, "body"),
        handle=_s(fields, "handle"),
        display_name=_s(fields, "displayName"),
    )


def target_to_attributes(target: ReportTarget) -> Item:
    item: Item = {"targetKind": {"S": target.kind.value}, "authorId": {"S": target.author_id}}
    for name, value in (
        ("postId", target.post_id),
        ("commentId", target.comment_id),
        ("userId", target.user_id),
    ):
        if value is not None:
            item[name] = {"S": value}
    return item


def target_from_item(item: Mapping[str, Any]) -> ReportTarget:
    return ReportTarget(
        kind=TargetKind(_s(item, "targetKind")),
        case_id=_s(item, "caseId"),
        author_id=_s(item, "authorId"),
        post_id=_optional(item, "postId"),
        comment_id=_optional(item, "commentId"),
        user_id=_optional(item, "userId"),
    )


def report_to_item(report: Report, target: ReportTarget) -> Item:
    return {
        **attribute_values(report_key(report.case_id, report.reporter_id)),
        **attribute_values(
            report_index_keys(report.reporter_id, report.case_id, report.created_at)
        ),
        **target_to_attributes(target),
        "type": {"S": "Report"},
        "id": {"S": report.id},
        "caseId": {"S": report.case_id},
        "reporterId": {"S": report.reporter_id},
        "reason": {"S": report.reason.value},
        "note": {"S": report.note},
        "createdAt": {"S": report.created_at},
        "content": content_to_value(report.content),
    }


def report_from_item(item: Mapping[str, Any]) -> Report:
    return Report(
        id=_s(item, "id"),
        case_id=_s(item, "caseId"),
        reporter_id=_s(item, "reporterId"),
        reason=ReportReason(_s(item, "reason")),
        note=_s(item, "note"),
        created_at=_s(item, "createdAt"),
        target_kind=TargetKind(_s(item, "targetKind")),
        content=content_from_value(item.get("content")),
    )


def new_case_item(report: Report, target: ReportTarget) -> Item:
    """A case opened by its first report, in the queue (GSI1) at count 1."""
    return {
        **attribute_values(case_key(report.case_id)),
        **attribute_values(queue_index_keys(1, report.created_at, report.case_id)),
        **target_to_attributes(target),
        "type": {"S": "ModerationCase"},
        "caseId": {"S": report.case_id},
        "status": {"S": CaseStatus.OPEN.value},
        "reportCount": {"N": "1"},
        "reasons": {"M": {report.reason.value: {"N": "1"}}},
        "firstReportedAt": {"S": report.created_at},
        "lastReportedAt": {"S": report.created_at},
        "content": content_to_value(report.content),
        "version": {"N": "1"},
    }


def case_from_item(item: Mapping[str, Any]) -> ModerationCase:
    resolution = _optional(item, "resolution")
    return ModerationCase(
        id=_s(item, "caseId"),
        target=target_from_item(item),
        status=CaseStatus(_s(item, "status")),
        report_count=int(item["reportCount"]["N"]),
        reasons={
            ReportReason(name): int(count["N"])
            for name, count in item.get("reasons", {}).get("M", {}).items()
        },
        first_reported_at=_s(item, "firstReportedAt"),
        last_reported_at=_s(item, "lastReportedAt"),
        content=content_from_value(item.get("content")),
        version=int(item["version"]["N"]),
        resolution=ModerationAction(resolution) if resolution else None,
    )


def audit_to_item(entry: AuditEntry) -> Item:
    item: Item = {
        **attribute_values(audit_key(entry.at, entry.id)),
        "type": {"S": "AuditEntry"},
        "id": {"S": entry.id},
        "at": {"S": entry.at},
        "moderatorId": {"S": entry.moderator_id},
        "action": {"S": entry.action.value},
        "caseId": {"S": entry.case_id},
        "targetKind": {"S": entry.target_kind.value},
        "authorId": {"S": entry.author_id},
        "reason": {"S": entry.reason},
        "reportCount": {"N": str(entry.report_count)},
        "indefinitely": {"BOOL": entry.indefinitely},
    }
    if entry.suspended_until is not None:
        item["suspendedUntil"] = {"S": entry.suspended_until}
    return item


def audit_put(table: str, entry: AuditEntry) -> Item:
    """The transaction item that writes `entry` (once: its key is new)."""
    return {
        "Put": {
            "TableName": table,
            "Item": audit_to_item(entry),
            "ConditionExpression": "attribute_not_exists(PK)",
        }
    }


def audit_from_item(item: Mapping[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=_s(item, "id"),
        at=_s(item, "at"),
        moderator_id=_s(item, "moderatorId"),
        action=ModerationAction(_s(item, "action")),
        case_id=_s(item, "caseId"),
        target_kind=TargetKind(_s(item, "targetKind")),
        author_id=_s(item, "authorId"),
        reason=_s(item, "reason"),
        report_count=int(item["reportCount"]["N"]),
        suspended_until=_optional(item, "suspendedUntil"),
        indefinitely=bool(item.get("indefinitely", {}).get("BOOL", False)),
    )


def suspension_to_item(suspension: Suspension) -> Item:
    item: Item = {
        **attribute_values(suspension_key(suspension.user_id)),
        "type": {"S": "Suspension"},
        "userId": {"S": suspension.user_id},
        "reason": {"S": suspension.reason},
        "at": {"S": suspension.at},
        "by": {"S": suspension.by},
    }
    if suspension.until is not None:
        item["until"] = {"S": suspension.until}
    return item


def suspension_from_item(item: Mapping[str, Any] | None) -> Suspension | None:
    if item is None:
        return None
    return Suspension(
        user_id=_s(item, "userId"),
        reason=_s(item, "reason"),
        at=_s(item, "at"),
        by=_s(item, "by"),
        until=_optional(item, "until"),
    )
