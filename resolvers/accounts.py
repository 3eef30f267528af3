"""Deleting and exporting one's own account (docs/ACCOUNTS.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from core.accounts import DeletionStatus
from core.clock import utc_now
from core.errors import BadUserInput
from resolvers.inputs import Arguments
from resolvers.registry import resolver
from resolvers.validation import parse
from store.repository import export_account

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.accounts import AccountDeletion, AccountExport
    from resolvers.context import RequestContext


class DeleteAccountArgs(Arguments):
    confirm: str = Field(max_length=128)


@resolver("Query.accountDeletion")
def account_deletion(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> AccountDeletion | None:
    return ctx.store.accounts.deletion(ctx.require_viewer().id)


# A suspended person may still delete their account and take their data with them.
@resolver("Mutation.deleteAccount", suspended_too=True)
def delete_account(
    ctx: RequestContext, _source: None, arguments: Mapping[str, Any]
) -> AccountDeletion:
    viewer = ctx.require_viewer()
    confirm = parse(DeleteAccountArgs, arguments).confirm
    running = ctx.store.accounts.deletion(viewer.id)
    if running is None or running.status is not DeletionStatus.RUNNING:
        profile = ctx.store.users.get(viewer.id, consistent=True)
        expected = profile.handle if profile is not None else viewer.id
        if confirm.strip().lower() != expected.lower():
            what = "your handle" if profile is not None else "your user id"
            raise BadUserInput(f"confirm: type {what} ({expected}) to delete your account")
    return ctx.store.accounts.start(viewer.id)


@resolver("Mutation.exportAccount", suspended_too=True)
def export_own_account(
    ctx: RequestContext, _source: None, _arguments: Mapping[str, Any]
) -> AccountExport:
    viewer = ctx.require_viewer()
    return export_account(ctx.store.accounts, ctx.media, viewer.id, utc_now)
