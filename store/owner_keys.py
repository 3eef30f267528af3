"""Pure keys that find what a person owns in others' partitions (docs/ACCOUNTS.md).

An item a person writes under someone else's key (a comment or like on another's post, a
request token) carries GSI2 keys from here, so deleting or exporting an account finds it with
one Query instead of a scan.
"""

from __future__ import annotations

from store.keys import Key

OWNS_PREFIX = "OWNS#"


def owned_partition(kind: str, owner_id: str) -> str:
    """GSI2: one person's items of one kind (`comment`, `like`, `token`...)."""
    return f"{OWNS_PREFIX}{kind}#{owner_id}"


def owned_index_keys(kind: str, owner_id: str, sort: str, index: str = "GSI2") -> Key:
    """`index`: GSI3 for comments and their likes, whose GSI2 orders a thread by likes."""
    return {f"{index}PK": owned_partition(kind, owner_id), f"{index}SK": sort}


def deletion_key(user_id: str) -> Key:
    """The progress of one account's deletion; outside the person's partitions, so it stays
    while they go (and expires 30 days after it is done)."""
    return {"PK": f"DELETION#{user_id}", "SK": "DELETION"}


def export_object_key(user_id: str, export_id: str) -> str:
    """Where one export's archive is written (private; read through a presigned URL only)."""
    return f"exports/{user_id}/{export_id}.zip"
