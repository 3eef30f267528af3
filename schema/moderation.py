"""Reports, the moderation queue, moderators' actions, the audit log and suspensions."""

from __future__ import annotations

import strawberry

import resolvers.moderation
import resolvers.reports
from core import safety
from core.limits import PAGE
from resolvers import report_inputs
from schema.arguments import NextToken, PageLimit, page_arguments
from schema.connection import Connection
from schema.inputs import derived
from schema.scalars import AWSDateTime
from schema.types import Ctx, User

ReportReason = strawberry.enum(safety.ReportReason, description="Why something is reported.")
ReportTargetKind = strawberry.enum(safety.TargetKind, description="What a report is about.")
CaseStatus = strawberry.enum(safety.CaseStatus, description="Whether a case awaits a moderator.")
ModerationAction = strawberry.enum(
    safety.ModerationAction,
    description=(
        "DISMISS: nothing wrong; REMOVE_CONTENT: delete the post or comment; SUSPEND_AUTHOR: "
        "suspend whoever wrote it (or the reported person)."
    ),
)


@strawberry.type(description="The content as it was reported, even if edited or deleted since.")
class ReportedContent:
    title: str
    body: str
    handle: str
    display_name: str

    @classmethod
    def from_domain(cls, content: safety.ReportedContent) -> ReportedContent:
        return cls(
            title=content.title,
            body=content.body,
            handle=content.handle,
            display_name=content.display_name,
        )


@strawberry.type(description="One person's report.")
class Report:
    id: strawberry.ID
    case_id: strawberry.ID = strawberry.field(description="The moderation case it joined.")
    reason: ReportReason  # type: ignore[valid-type]
    note: str
    created_at: AWSDateTime
    target_kind: ReportTargetKind  # type: ignore[valid-type]
    content: ReportedContent

    @classmethod
    def from_domain(cls, report: safety.Report) -> Report:
        return cls(
            id=strawberry.ID(report.id),
            case_id=strawberry.ID(report.case_id),
            reason=report.reason,
            note=report.note,
            created_at=AWSDateTime(report.created_at),
            target_kind=report.target_kind,
            content=ReportedContent.from_domain(report.content),
        )


@strawberry.type(description="One page of reports.")
class ReportConnection(Connection[Report]):
    pass


@strawberry.type(description="How many open reports give one reason.")
class ReasonCount:
    reason: ReportReason  # type: ignore[valid-type]
    count: int


def _optional_id(value: str | None) -> strawberry.ID | None:
    return strawberry.ID(value) if value else None


@strawberry.type(description="Every open report on one thing, as the moderation queue shows it.")
class ModerationCase:
    id: strawberry.ID = strawberry.field(description="Pass it to `resolveReport`.")
    status: CaseStatus  # type: ignore[valid-type]
    target_kind: ReportTargetKind  # type: ignore[valid-type]
    post_id: strawberry.ID | None
    comment_id: strawberry.ID | None
    user_id: strawberry.ID | None = strawberry.field(description="For a reported person.")
    report_count: int = strawberry.field(description="Open reports, one per person.")
    reasons: list[ReasonCount]
    first_reported_at: AWSDateTime
    last_reported_at: AWSDateTime
    content: ReportedContent = strawberry.field(description="As first reported in this round.")
    resolution: ModerationAction | None  # type: ignore[valid-type]
    _case: strawberry.Private[safety.ModerationCase]

    @classmethod
    def from_domain(cls, case: safety.ModerationCase) -> ModerationCase:
        target = case.target
        return cls(
            id=strawberry.ID(case.id),
            status=case.status,
            target_kind=target.kind,
            post_id=_optional_id(target.post_id),
            comment_id=_optional_id(target.comment_id),
            user_id=_optional_id(target.user_id),
            report_count=case.report_count,
            reasons=[
                ReasonCount(reason=r, count=n)
                for r, n in sorted(case.reasons.items(), key=lambda rn: (-rn[1], rn[0]))
            ],
            first_reported_at=AWSDateTime(case.first_reported_at),
            last_reported_at=AWSDateTime(case.last_reported_at),
            content=ReportedContent.from_domain(case.content),
            resolution=case.resolution,
            _case=case,
        )

    @strawberry.field(description="Who wrote the reported content (or the reported person).")
    async def author(self, info: Ctx) -> User | None:
        return User.maybe(await resolvers.moderation.case_author(info.context, self._case, {}))

    @strawberry.field(description="The reports, one per person.")
    def reports(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> ReportConnection:
        arguments = page_arguments(limit, next_token)
        page = resolvers.moderation.case_reports(info.context, self._case, arguments)
        return ReportConnection.from_domain(page)


@strawberry.type(description="One page of the moderation queue.")
class ModerationCaseConnection(Connection[ModerationCase]):
    pass


@strawberry.type(description="One moderator action: who, when, what, why.")
class AuditEntry:
    id: strawberry.ID
    at: AWSDateTime
    moderator_id: strawberry.ID
    action: ModerationAction  # type: ignore[valid-type]
    case_id: strawberry.ID
    target_kind: ReportTargetKind  # type: ignore[valid-type]
    author_id: strawberry.ID = strawberry.field(description="Whose content or account it was.")
    reason: str
    report_count: int = strawberry.field(description="The open reports it answered.")
    suspended_until: AWSDateTime | None
    suspended_indefinitely: bool

    @classmethod
    def from_domain(cls, entry: safety.AuditEntry) -> AuditEntry:
        return cls(
            id=strawberry.ID(entry.id),
            at=AWSDateTime(entry.at),
            moderator_id=strawberry.ID(entry.moderator_id),
            action=entry.action,
            case_id=strawberry.ID(entry.case_id),
            target_kind=entry.target_kind,
            author_id=strawberry.ID(entry.author_id),
            reason=entry.reason,
            report_count=entry.report_count,
            suspended_until=AWSDateTime(entry.suspended_until) if entry.suspended_until else None,
            suspended_indefinitely=entry.indefinitely,
        )


@strawberry.type(description="One page of the audit log, newest first.")
class AuditEntryConnection(Connection[AuditEntry]):
    pass


@derived(report_inputs.ReportInput)
class ReportInput:
    reason: ReportReason  # type: ignore[valid-type]
    post_id: strawberry.ID | None
    comment_id: strawberry.ID | None
    user_id: strawberry.ID | None


@derived(report_inputs.ResolveReportInput)
class ResolveReportInput:
    id: strawberry.ID
    action: ModerationAction  # type: ignore[valid-type]


@strawberry.type
class ModerationQuery:
    @strawberry.field(description="Your own reports, newest first.")
    def my_reports(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> ReportConnection:
        page = resolvers.reports.my_reports(info.context, None, page_arguments(limit, next_token))
        return ReportConnection.from_domain(page)

    @strawberry.field(
        description="Moderators: open cases, most reported first. Everyone else: FORBIDDEN."
    )
    def moderation_queue(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> ModerationCaseConnection:
        arguments = page_arguments(limit, next_token)
        page = resolvers.moderation.moderation_queue(info.context, None, arguments)
        return ModerationCaseConnection.from_domain(page)

    @strawberry.field(description="Moderators: one case, open or resolved.")
    def moderation_case(self, info: Ctx, id: strawberry.ID) -> ModerationCase | None:
        found = resolvers.moderation.moderation_case(info.context, None, {"id": id})
        return ModerationCase.from_domain(found) if found else None

    @strawberry.field(description="Moderators: every moderator action, newest first.")
    def audit_log(
        self, info: Ctx, limit: PageLimit = PAGE.default, next_token: NextToken = None
    ) -> AuditEntryConnection:
        page = resolvers.moderation.audit_log(info.context, None, page_arguments(limit, next_token))
        return AuditEntryConnection.from_domain(page)


@strawberry.type
class ModerationMutation:
    @strawberry.mutation(
        description="Report something to the moderators; each person reports a thing once."
    )
    async def report(self, info: Ctx, input: ReportInput) -> Report:
        arguments = {"input": strawberry.asdict(input)}
        return Report.from_domain(await resolvers.reports.report(info.context, None, arguments))

    @strawberry.mutation(
        description="Moderators: act on a case (its open reports) and leave an audit entry."
    )
    def resolve_report(self, info: Ctx, input: ResolveReportInput) -> ModerationCase:
        arguments = {"input": strawberry.asdict(input)}
        return ModerationCase.from_domain(
            resolvers.moderation.resolve_report(info.context, None, arguments)
        )
