"""Deleting and exporting one's own account: root fields mixed into Query and Mutation."""

from __future__ import annotations

import strawberry

import resolvers.accounts
from core import accounts as domain
from schema.scalars import AWSDateTime
from schema.types import Ctx

strawberry.enum(domain.DeletionStatus, description="Where an account's deletion stands.")


@strawberry.type(description="How far the deletion of your account has come.")
class AccountDeletion:
    status: domain.DeletionStatus
    started_at: AWSDateTime
    finished_at: AWSDateTime | None
    removed_items: int = strawberry.field(description="Items removed so far.")

    @classmethod
    def from_domain(cls, deletion: domain.AccountDeletion) -> AccountDeletion:
        return cls(
            status=deletion.status,
            started_at=AWSDateTime(deletion.started_at),
            finished_at=AWSDateTime(deletion.finished_at) if deletion.finished_at else None,
            removed_items=deletion.removed,
        )


@strawberry.type(description="Your data as a download: a private link that expires.")
class AccountExport:
    url: str = strawberry.field(description="A zip archive: data.json and your files.")
    expires_at: AWSDateTime
    items: int = strawberry.field(description="Items in data.json.")
    files: int = strawberry.field(description="Your uploaded files in the archive.")


@strawberry.type
class AccountQuery:
    @strawberry.field(
        description="The deletion of your account, while it runs and after; null if none."
    )
    def account_deletion(self, info: Ctx) -> AccountDeletion | None:
        found = resolvers.accounts.account_deletion(info.context, None, {})
        return AccountDeletion.from_domain(found) if found else None


@strawberry.type
class AccountMutation:
    @strawberry.mutation(
        description=(
            "Delete your account and everything you own: profile, posts with their comments "
            "and likes, your comments and likes elsewhere, follows, files, blocks, mutes and "
            "the reports you filed. `confirm` is your handle (your user id without a profile). "
            "Runs in steps after this answers (poll accountDeletion); your writes are refused "
            "meanwhile. Idempotent."
        )
    )
    def delete_account(self, info: Ctx, confirm: str) -> AccountDeletion:
        started = resolvers.accounts.delete_account(info.context, None, {"confirm": confirm})
        return AccountDeletion.from_domain(started)

    @strawberry.mutation(
        description=(
            "Everything you own as a zip archive (JSON and your files), behind a link that "
            "only you receive and that expires in an hour."
        )
    )
    def export_account(self, info: Ctx) -> AccountExport:
        made = resolvers.accounts.export_own_account(info.context, None, {})
        return AccountExport(
            url=made.url,
            expires_at=AWSDateTime(made.expires_at),
            items=made.items,
            files=made.files,
        )
