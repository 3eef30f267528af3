"""The moderation queue and moderators' actions; every field here is for moderators only."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime, now_iso, utc_now
from core.errors import BadUserInput, NotFound
from core.ids import new_id
from core.safety import AuditEntry, ModerationAction, Suspension, TargetKind
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.report_inputs import CaseIdArgs, ResolveReportInput

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Page, UserProfile
    from core.safety import ModerationCase, Report
    from resolvers.context import RequestContext


@resolver("Query.moderationQueue", moderators=True)
def moderation_queue(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> Page[ModerationCase]:
    args = parse(PageArgs, arguments)
    return ctx.store.reports.queue(args.limit, args.next_token)


@resolver("Query.moderationCase", moderators=True)
def moderation_case(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> ModerationCase | None:
    return ctx.store.reports.case(parse(CaseIdArgs, arguments).id)


@resolver("Query.auditLog", moderators=True)
def audit_log(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[AuditEntry]:
    args = parse(PageArgs, arguments)
    return ctx.store.moderation.audit(args.limit, args.next_token)


@resolver("ModerationCase.reports", moderators=True)
def case_reports(
    ctx: RequestContext, source: ModerationCase, arguments: Mapping[str, Any]
) -> Page[Report]:
    args = parse(PageArgs, arguments)
    return ctx.store.reports.reports_of(source.id, args.limit, args.next_token)


@resolver("ModerationCase.author", moderators=True)
async def case_author(
    ctx: RequestContext, source: ModerationCase, _arguments: Mapping[str, Any]
) -> UserProfile | None:
    return await ctx.loaders.user(source.target.author_id)


def _remove(ctx: RequestContext, case: ModerationCase) -> None:
    """Delete the reported post or comment; already gone counts as removed."""
    target = case.target
    if target.kind is TargetKind.USER or target.post_id is None:
        raise BadUserInput("A person is not content: dismiss, or suspend them")
    try:
        if target.comment_id is not None:
            ctx.store.comments.delete(target.post_id, target.comment_id, author_id=None)
        else:
            ctx.store.posts.delete(target.post_id, author_id=None)
    except NotFound:
        pass  # deleted meanwhile (by its author, or a moderator's earlier attempt)


@resolver("Mutation.resolveReport", moderators=True)
def resolve_report(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> ModerationCase:
    moderator = ctx.require_moderator()
    args = parse(ResolveReportInput, arguments["input"])
    case = ctx.store.moderation.open_case(args.id)
    at = now_iso()
    suspension = None
    until = None
    if args.action is ModerationAction.REMOVE_CONTENT:
        _remove(ctx, case)
    elif args.action is ModerationAction.SUSPEND_AUTHOR:
        if args.suspend_for_days is not None:
            until = aws_datetime(utc_now() + timedelta(days=args.suspend_for_days))
        suspension = Suspension(case.target.author_id, args.reason, at, moderator.id, until)

    def entry(current: ModerationCase) -> AuditEntry:
        return AuditEntry(
            id=new_id(),
            at=at,
            moderator_id=moderator.id,
            action=args.action,
            case_id=current.id,
            target_kind=current.target.kind,
            author_id=current.target.author_id,
            reason=args.reason,
            report_count=current.report_count,
            suspended_until=until,
            indefinitely=args.suspend_indefinitely,
        )

    resolved, _ = ctx.store.moderation.resolve(args.id, entry, suspension)
    return resolved


@resolver("User.suspension")
def user_suspension(
    ctx: RequestContext, source: UserProfile, _arguments: Mapping[str, Any]
) -> Suspension | None:
    """Shown to the suspended person and to moderators; null for everyone else."""
    viewer = ctx.viewer
    if viewer is None or (viewer.id != source.id and not ctx.is_moderator(viewer)):
        return None
    if viewer.id == source.id:
        return ctx.suspension
    found = ctx.store.moderation.suspension(source.id)
    return found if found is not None and found.active_at(now_iso()) else None
