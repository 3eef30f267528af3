"""Reports: anyone signed in reports a post, a comment or a person, once; sees only their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.clock import now_iso
from core.errors import BadUserInput, CommentNotFound, PostNotFound, ProfileNotFound
from core.ids import new_id
from core.safety import (
    Report,
    ReportedContent,
    ReportTarget,
    TargetKind,
    comment_target,
    post_target,
    user_case_id,
)
from resolvers.inputs import PageArgs, parse
from resolvers.registry import resolver
from resolvers.report_inputs import ReportInput

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import Page
    from resolvers.context import RequestContext


async def _target(ctx: RequestContext, args: ReportInput) -> tuple[ReportTarget, ReportedContent]:
    """What is reported and its content now, kept with the report whatever happens to it."""
    if args.user_id is not None:
        profile = await ctx.loaders.user(args.user_id)
        if profile is None:
            raise ProfileNotFound(args.user_id)
        target = ReportTarget(
            TargetKind.USER, user_case_id(profile.id), profile.id, user_id=profile.id
        )
        content = ReportedContent(
            body=profile.bio, handle=profile.handle, display_name=profile.display_name
        )
        return target, content
    if args.post_id is None:  # the input's validator makes this unreachable
        raise BadUserInput("give postId or userId")
    if args.comment_id is not None:
        comment = await ctx.loaders.comment(args.post_id, args.comment_id)
        if comment is None:
            raise CommentNotFound(args.comment_id)
        target = comment_target(comment.post_id, comment.id, comment.author_id)
        return target, ReportedContent(body=comment.body)
    post = ctx.store.posts.get(args.post_id, consistent=True)
    if post is None:
        raise PostNotFound(args.post_id)
    return post_target(post), ReportedContent(title=post.title, body=post.body)


@resolver("Mutation.report")
async def report(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Report:
    viewer = ctx.require_viewer()
    args = parse(ReportInput, arguments["input"])
    # Hidden content can be reported too: blocking someone and reporting them go together.
    target, content = await _target(ctx, args)
    if target.author_id == viewer.id:
        raise BadUserInput("You cannot report yourself or what you wrote")
    filed = Report(
        id=new_id(),
        case_id=target.case_id,
        reporter_id=viewer.id,
        reason=args.reason,
        note=args.note,
        created_at=now_iso(),
        target_kind=target.kind,
        content=content,
    )
    ctx.store.reports.report(filed, target)  # the case is for moderators' eyes
    return filed


@resolver("Query.myReports")
def my_reports(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Page[Report]:
    """The viewer's own reports; nobody but moderators sees anyone else's."""
    args = parse(PageArgs, arguments)
    viewer = ctx.require_viewer()
    return ctx.store.reports.by_reporter(viewer.id, args.limit, args.next_token)
