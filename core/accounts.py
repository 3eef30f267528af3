"""Account deletion and export, as the person sees them (docs/ACCOUNTS.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DeletionStatus(StrEnum):
    #: Steps are running, off the request path; the account refuses every write meanwhile.
    RUNNING = "RUNNING"
    #: Nothing of theirs is left; the record itself expires after 30 days.
    DONE = "DONE"


@dataclass(frozen=True, slots=True)
class AccountDeletion:
    """How far the deletion of one account has come."""

    user_id: str
    status: DeletionStatus
    started_at: str
    #: Items removed so far (the person's own and those they wrote under others' keys).
    removed: int = 0
    steps: int = 0
    finished_at: str | None = None
    #: A step found nothing left; the next one confirms it (late stream effects) and finishes.
    verifying: bool = False
    version: int = 1


@dataclass(frozen=True, slots=True)
class AccountExport:
    """A download of everything a person owns: theirs alone, and it expires."""

    url: str
    expires_at: str
    items: int
    files: int


#: What a suspension marker says while an account is being deleted.
DELETION_REASON = "Your account is being deleted"
